import Link from 'next/link';
import { MonthlyChart } from '@/components/charts';
import { Card, Figure, PageTitle, Problem } from '@/components/ui';
import { featureValue, FEATURE_LABELS } from '@/lib/features';
import { money, percent } from '@/lib/format';
import { load } from '@/lib/gateway';
import { churnDrivers, monthlyPurchases } from '@/lib/shape';
import type { ChurnExplanation, Customer, Overview, PurchaseLine, Segment } from '@/lib/types';

export const dynamic = 'force-dynamic';

export default async function CustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const path = `/customers/${encodeURIComponent(id)}`;
  const [customer, history, segments, overview, explanation] = await Promise.all([
    load<Customer>(path), load<{ lines: PurchaseLine[] }>(`${path}/transactions`), load<Segment[]>('/segments'),
    load<Overview>('/overview'), load<ChurnExplanation>(`${path}/churn-drivers`)]);
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
      <div className="mt-6">
        <Card title="What drives the churn risk">
          {explanation.ok ? <ChurnDrivers explanation={explanation.data} currency={currency} />
            : <Problem status={explanation.status} message={explanation.status === 404
              ? 'No churn model or no features for this customer yet.' : explanation.message} />}
        </Card>
      </div>
      <div className="mt-6 grid gap-4 md:grid-cols-2">
        <Card title="Features">
          {c.features ? (
            <table className="w-full text-sm">
              <tbody>
                {Object.entries(c.features).map(([name, value]) => (
                  <tr key={name} className="border-b border-slate-100">
                    <th scope="row" className="py-1 text-left font-normal text-slate-600">{FEATURE_LABELS[name] ?? name}</th>
                    <td className="py-1 text-right tabular-nums">{featureValue(name, value, currency)}</td>
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

/**
 * The strongest pushes on this customer's churn risk, as bars from the middle: right raises it, left lowers it,
 * each labelled with how much it multiplies the odds against an average customer.
 */
function ChurnDrivers({ explanation, currency }: { explanation: ChurnExplanation; currency: string }) {
  const rows = churnDrivers(explanation);
  return (
    <>
      <ul aria-label="Churn drivers" className="space-y-2 text-sm">
        {rows.map((r) => (
          <li key={r.feature} className="grid grid-cols-1 items-center gap-1 sm:grid-cols-[16rem_1fr]">
            <span>
              {r.label} <span className="tabular-nums text-slate-600">{featureValue(r.feature, r.value, currency)}</span>
            </span>
            <span className="grid grid-cols-2 items-center" title={`odds of churning × ${r.oddsFactor.toFixed(2)}`}>
              <span className="flex justify-end border-r border-slate-300 pr-px">
                {!r.raises && <span className="h-3 rounded-l bg-emerald-600" style={{ width: `${r.length * 100}%` }} />}
              </span>
              <span className="flex pl-px">
                {r.raises && <span className="h-3 rounded-r bg-red-600" style={{ width: `${r.length * 100}%` }} />}
              </span>
            </span>
            <span className="text-xs text-slate-600 sm:col-start-2">
              {r.raises ? 'raises' : 'lowers'} the risk: odds × {r.oddsFactor.toFixed(2)}
            </span>
          </li>
        ))}
      </ul>
      <p className="mt-3 text-xs text-slate-500">
        Against an average customer, by model {explanation.model_version}: each feature multiplies the odds of churning
        by the factor shown (SHAP values for gradient-boosted trees, coefficient × deviation for logistic regression);
        together they give a churn probability of {percent(explanation.churn_probability, 1)}.
      </p>
    </>
  );
}
