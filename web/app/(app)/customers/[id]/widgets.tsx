/** The customer page's widgets: each waits for its own gateway call, so a slow one holds up only itself. */
import { MonthlyChart } from '@/components/charts';
import { Figure, Problem } from '@/components/ui';
import type { Segment } from '@/lib/api/segments';
import { featureValue, FEATURE_LABELS } from '@/lib/features';
import { money, percent } from '@/lib/format';
import type { Loaded } from '@/lib/gateway';
import { churnDrivers, monthlyPurchases } from '@/lib/shape';
import type { ChurnExplanation, Customer, PurchaseLine } from '@/lib/types';

/** Persona, churn probability, predicted LTV and expected loss, money in the tenant's currency. */
export async function CustomerFigures({ customer: c, currency }: { customer: Customer; currency: Promise<string> }) {
  const code = await currency;
  return (
    <div className="grid grid-cols-2 gap-4 md:grid-cols-4">
      <Figure label="Persona" value={c.scores?.persona ?? '—'} />
      <Figure label="Churn probability" value={percent(c.scores?.churn_probability, 1)} />
      <Figure label="Predicted LTV" value={money(c.scores?.predicted_ltv, code)} hint="next 90 days" />
      <Figure label="Expected loss" value={money(c.expected_loss, code)} hint="churn probability × LTV" />
    </div>
  );
}

/** The action recommended for the customer's persona; nothing when the persona is not known. */
export async function RecommendedAction({ persona, segments }: {
  persona: string | null | undefined; segments: Promise<Loaded<Segment[]>>;
}) {
  const answer = await segments;
  const segment = answer.ok ? answer.data.find((s) => s.persona === persona) : undefined;
  if (!segment) return null;
  return (
    <p className="mt-4 rounded bg-brand-50 p-3 text-sm">
      <span className="font-medium">Recommended action:</span> {segment.recommended_action}
    </p>
  );
}

/**
 * The strongest pushes on this customer's churn risk, as bars from the middle: right raises it, left lowers it,
 * each labelled with how much it multiplies the odds against an average customer.
 */
export async function ChurnDrivers({ explanation, currency }: {
  explanation: Promise<Loaded<ChurnExplanation>>; currency: Promise<string>;
}) {
  const [answer, code] = await Promise.all([explanation, currency]);
  if (!answer.ok) {
    return <Problem status={answer.status} message={answer.status === 404
      ? 'No churn model or no features for this customer yet.' : answer.message} />;
  }
  const rows = churnDrivers(answer.data);
  return (
    <>
      <ul aria-label="Churn drivers" className="space-y-2 text-sm">
        {rows.map((r) => (
          <li key={r.feature} className="grid grid-cols-1 items-center gap-1 sm:grid-cols-[16rem_1fr]">
            <span>
              {r.label} <span className="tabular-nums text-slate-600">{featureValue(r.feature, r.value, code)}</span>
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
        Against an average customer, by model {answer.data.model_version}: each feature multiplies the odds of churning
        by the factor shown (SHAP values for gradient-boosted trees, coefficient × deviation for logistic regression);
        together they give a churn probability of {percent(answer.data.churn_probability, 1)}.
      </p>
    </>
  );
}

/** The customer's features as the feature service keeps them, money in the tenant's currency. */
export async function Features({ customer: c, currency }: { customer: Customer; currency: Promise<string> }) {
  if (!c.features) return <p className="text-sm text-slate-600">The feature service has no features for this customer.</p>;
  const code = await currency;
  return (
    <table className="w-full text-sm">
      <tbody>
        {Object.entries(c.features).map(([name, value]) => (
          <tr key={name} className="border-b border-slate-100">
            <th scope="row" className="py-1 text-left font-normal text-slate-600">{FEATURE_LABELS[name] ?? name}</th>
            <td className="py-1 text-right tabular-nums">{featureValue(name, value, code)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Revenue per month from the customer's purchase history. */
export async function MonthlyPurchases({ history }: { history: Promise<Loaded<PurchaseLine[]>> }) {
  const answer = await history;
  return answer.ok ? <MonthlyChart data={monthlyPurchases(answer.data)} />
    : <Problem message={answer.message} status={answer.status} />;
}
