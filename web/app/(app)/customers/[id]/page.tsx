import Link from 'next/link';
import { MonthlyChart } from '@/components/charts';
import { Card, Figure, PageTitle, Problem } from '@/components/ui';
import { money, percent } from '@/lib/format';
import { load } from '@/lib/gateway';
import { monthlyPurchases } from '@/lib/shape';
import type { Customer, Overview, PurchaseLine, Segment } from '@/lib/types';

export const dynamic = 'force-dynamic';

const FEATURE_NAMES: Record<string, string> = {
  recency_days: 'Days since last purchase', frequency: 'Purchases', monetary: 'Spend',
  avg_basket_value: 'Average basket', unique_products: 'Distinct products', avg_interpurchase_days: 'Days between purchases',
  purchase_span_days: 'Days from first to last purchase', tenure_days: 'Days since first purchase',
  return_rate: 'Return rate', spend_30d: 'Spend, last 30 days', spend_90d: 'Spend, last 90 days',
  purchases_30d: 'Purchases, last 30 days', purchases_90d: 'Purchases, last 90 days', spend_trend: 'Spend trend',
};

export default async function CustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const path = `/customers/${encodeURIComponent(id)}`;
  const [customer, history, segments, overview] = await Promise.all([
    load<Customer>(path), load<{ lines: PurchaseLine[] }>(`${path}/transactions`), load<Segment[]>('/segments'),
    load<Overview>('/overview')]);
  if (!customer.ok) {
    return (
      <>
        <PageTitle title={`Customer ${id}`} />
        <Problem status={customer.status}
          message={customer.status === 404 ? `There is no customer ${id}.` : customer.message} />
        <p className="mt-4"><Link className="text-brand-700 underline" href="/customers">Look up another customer</Link></p>
      </>
    );
  }
  const c = customer.data;
  const currency = overview.ok ? overview.data.currency : 'GBP';
  const segment = segments.ok ? segments.data.find((s) => s.persona === c.scores?.persona) : undefined;
  const months = history.ok ? monthlyPurchases(history.data.lines) : [];
  return (
    <>
      <PageTitle title={`Customer ${c.customer_id}`} lead={c.as_of ? `Features as of ${c.as_of}` : undefined} />
      <div className="grid grid-cols-2 gap-4 md:grid-cols-4">
        <Figure label="Persona" value={c.scores?.persona ?? '—'} />
        <Figure label="Churn probability" value={percent(c.scores?.churn_probability, 1)} />
        <Figure label="Predicted LTV" value={money(c.scores?.predicted_ltv, currency)} hint="next 90 days" />
        <Figure label="Expected loss" value={money(c.expected_loss, currency)} hint="churn probability × LTV" />
      </div>
      {segment && (
        <p className="mt-4 rounded bg-brand-50 p-3 text-sm">
          <span className="font-medium">Recommended action:</span> {segment.recommended_action}
        </p>
      )}
      <div className="mt-6 grid gap-4 md:grid-cols-2">
        <Card title="Features">
          {c.features ? (
            <table className="w-full text-sm">
              <tbody>
                {Object.entries(c.features).map(([name, value]) => (
                  <tr key={name} className="border-b border-slate-100">
                    <th scope="row" className="py-1 text-left font-normal text-slate-600">{FEATURE_NAMES[name] ?? name}</th>
                    <td className="py-1 text-right tabular-nums">{Number.isInteger(value) ? value : value.toFixed(2)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : <p className="text-sm text-slate-600">The feature service has no features for this customer.</p>}
        </Card>
        <Card title="Purchases per month">
          {history.ok ? <MonthlyChart data={months} />
            : <Problem message={history.message} status={history.status} />}
        </Card>
      </div>
    </>
  );
}
