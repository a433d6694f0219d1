import { money, percent } from './format';

/** Each feature as an analyst names it. */
export const FEATURE_LABELS: Record<string, string> = {
  recency_days: 'Days since last purchase', frequency: 'Purchases', monetary: 'Spend',
  avg_basket_value: 'Average basket', unique_products: 'Distinct products', avg_interpurchase_days: 'Days between purchases',
  purchase_span_days: 'Days from first to last purchase', tenure_days: 'Days since first purchase',
  return_rate: 'Return rate', spend_30d: 'Spend, last 30 days', spend_90d: 'Spend, last 90 days',
  purchases_30d: 'Purchases, last 30 days', purchases_90d: 'Purchases, last 90 days', spend_trend: 'Spend trend',
};

const MONEY = new Set(['monetary', 'avg_basket_value', 'spend_30d', 'spend_90d']);

/** A feature's value as the analyst reads it: money in the tenant's currency, the return rate as a share. */
export function featureValue(feature: string, value: number, currency: string): string {
  if (MONEY.has(feature)) return money(value, currency);
  if (feature === 'return_rate') return percent(value, 1);
  if (feature === 'spend_trend') return `${value > 0 ? '+' : ''}${value.toFixed(2)}`;
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
