import { FEATURE_LABELS } from './features';
import type { CustomerRow } from './api/customers';
import type { Overview } from './api/overview';
import type { Plan } from './api/plan';
import type { Segment } from './api/segments';
import type { ChurnExplanation, PurchaseLine } from './types';

/** A gateway answer as it may come on the wire: the OpenAPI document says a field may be absent, the JSON has null. */
type OnTheWire<T> = { [K in keyof T]?: T[K] | null };

/** Churn-risk bands in reading order, whatever order the gateway sent them in. */
export const RISK_BANDS = ['low', 'medium', 'high'] as const;

export function riskDistribution(overview: Pick<Overview, 'risk_bands'>) {
  return RISK_BANDS.map((band) => ({
    band,
    customers: overview.risk_bands?.[band]?.customers ?? 0,
    share: overview.risk_bands?.[band]?.share ?? 0,
  }));
}

/** One point per persona for the recency × frequency picture: where each segment sits, sized by customers. */
export function segmentMap(segments: Segment[]) {
  return segments.map((s) => ({
    persona: s.persona ?? '',
    recency: round(s.mean_recency_days ?? 0, 1),
    frequency: round(s.mean_frequency ?? 0, 2),
    customers: s.customers ?? 0,
  }));
}

/** A plan's personas, the ones saving most first, with what each unit of budget returns there. */
export function planByPersona(plan: Plan) {
  return Object.entries(plan.by_persona ?? {})
    .map(([persona, t]) => {
      const cost = t.cost ?? 0;
      const saved = t.expected_revenue_saved ?? 0;
      return {
        persona,
        action: t.action ?? '',
        selected: t.selected ?? 0,
        customers: t.customers ?? 0,
        cost,
        saved,
        returnPerUnit: cost > 0 ? saved / cost : null,
      };
    })
    .sort((a, b) => b.saved - a.saved);
}

/** Revenue and orders per calendar month (UTC); cancellations count against the month they happened in. */
export function monthlyPurchases(lines: PurchaseLine[]) {
  const months = new Map<string, { month: string; revenue: number; orders: Set<string> }>();
  for (const line of lines) {
    const month = line.timestamp.slice(0, 7);
    const m = months.get(month) ?? { month, revenue: 0, orders: new Set<string>() };
    m.revenue += line.amount;
    if (!line.cancellation) m.orders.add(line.invoice);
    months.set(month, m);
  }
  return [...months.values()]
    .sort((a, b) => a.month.localeCompare(b.month))
    .map((m) => ({ month: m.month, revenue: round(m.revenue, 2), orders: m.orders.size }));
}

const CSV_COLUMNS: (keyof CustomerRow)[] = ['customer_id', 'persona', 'churn_probability', 'risk_band',
  'predicted_ltv', 'expected_loss', 'recommended_action'];

/** The at-risk list as CSV (RFC 4180): a header, then one line per customer (text cells safe from formulas). */
export function customersCsv(rows: OnTheWire<CustomerRow>[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const row of rows) {
    lines.push(CSV_COLUMNS.map((c) => csvField(row[c])).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

/** The customers a plan selects, as CSV. */
export function planCsv(plan: Pick<Plan, 'selected'>): string {
  const lines = ['customer_id,persona,action,cost,expected_loss,expected_saved'];
  for (const s of plan.selected ?? []) {
    lines.push([s.customer_id, s.persona, s.action, s.cost, s.expected_loss, s.expected_saved].map(csvField).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

/** What a spreadsheet takes for the start of a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell. A text cell that a spreadsheet would read as a formula (it starts with = + - @, a tab or a carriage
 * return: a customer id comes from the tenant's own files) gets a leading ' and is quoted (OWASP's advice on CSV
 * injection); numbers are written as they are, so a negative amount stays a number.
 */
export function csvField(value: unknown): string {
  if (value == null) return '';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  const text = String(value);
  if (FORMULA_START.test(text)) return `"'${text.replace(/"/g, '""')}"`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** The churn evaluation's ROC points as the chart reads them. */
export function rocPoints(roc: number[][]) {
  return roc.map(([fpr, tpr]) => ({ fpr: round(fpr, 4), tpr: round(tpr, 4) }));
}

/** LTV deciles as the chart reads them, highest predicted first. */
export function decileBars(deciles: { decile: number; mean_predicted: number; mean_actual: number }[]) {
  return [...deciles].sort((a, b) => a.decile - b.decile)
    .map((d) => ({ decile: d.decile, predicted: round(d.mean_predicted, 2), actual: round(d.mean_actual, 2) }));
}

/**
 * The strongest drivers of a customer's churn risk, for bars that diverge from the middle: which way each pushes, by
 * how much it multiplies the odds of churning, and its bar's length against the strongest one shown.
 */
export function churnDrivers(explanation: Pick<ChurnExplanation, 'drivers'>, top = 6) {
  const strongest = [...explanation.drivers].sort((a, b) => Math.abs(b.effect) - Math.abs(a.effect)).slice(0, top);
  const longest = Math.max(...strongest.map((d) => Math.abs(d.effect)), Number.MIN_VALUE);
  return strongest.map((d) => ({
    feature: d.feature,
    label: FEATURE_LABELS[d.feature] ?? d.feature,
    value: d.value,
    raises: d.effect > 0,
    oddsFactor: Math.exp(d.effect),
    length: Math.abs(d.effect) / longest,
  }));
}
