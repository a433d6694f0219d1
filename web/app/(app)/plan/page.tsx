import { PlanChart } from '@/components/charts';
import { Card, Figure, PageTitle, Problem } from '@/components/ui';
import { count, money } from '@/lib/format';
import { load } from '@/lib/gateway';
import { planByPersona } from '@/lib/shape';
import type { Overview, Plan, Segment } from '@/lib/types';

export const dynamic = 'force-dynamic';

type Params = Record<string, string | string[] | undefined>;

/** The per-action costs the user typed: cost_<persona> fields, positive numbers only. */
function actionCosts(params: Params, segments: Segment[]): Record<string, number> {
  const costs: Record<string, number> = {};
  for (const s of segments) {
    const value = Number(params[`cost_${s.persona}`]);
    if (Number.isFinite(value) && value > 0) costs[s.persona] = value;
  }
  return costs;
}

export default async function PlanPage({ searchParams }: { searchParams: Promise<Params> }) {
  const params = await searchParams;
  const budget = Math.max(0, Number(params.budget ?? 5000) || 0);
  const [segments, overview] = await Promise.all([load<Segment[]>('/segments'), load<Overview>('/overview')]);
  const currency = overview.ok ? overview.data.currency : 'GBP';
  const costs = segments.ok ? actionCosts(params, segments.data) : {};
  const plan = await load<Plan>('/plan', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ budget, action_costs: costs }),
  });
  const rows = plan.ok ? planByPersona(plan.data) : [];
  return (
    <>
      <PageTitle title="Retention plan" lead="Spend a budget where it saves the most expected revenue." />
      <form action="/plan" className="mb-6 flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col">Budget ({currency})
          <input name="budget" type="number" min="0" step="100" defaultValue={budget}
            className="w-32 rounded border border-slate-300 px-2 py-1" />
        </label>
        {segments.ok && segments.data.map((s) => (
          <label key={s.persona} className="flex flex-col">Cost per {s.persona} customer
            <input name={`cost_${s.persona}`} type="number" min="0" step="0.5"
              defaultValue={costs[s.persona] ?? (plan.ok ? plan.data.by_persona[s.persona]?.action_cost : undefined)}
              className="w-28 rounded border border-slate-300 px-2 py-1" />
          </label>
        ))}
        <button type="submit" className="rounded bg-brand-600 px-3 py-1.5 text-white hover:bg-brand-700">Plan</button>
      </form>
      {!plan.ok ? <Problem message={plan.message} status={plan.status} /> : (
        <>
          <div className="grid grid-cols-2 gap-4 md:grid-cols-4">
            <Figure label="Budget" value={money(plan.data.budget, currency)} />
            <Figure label="Spent" value={money(plan.data.cost, currency)} />
            <Figure label="Customers selected" value={count(plan.data.customers_selected)} />
            <Figure label="Expected revenue saved" value={money(plan.data.expected_revenue_saved, currency)} />
          </div>
          <div className="mt-6 grid gap-4 md:grid-cols-2">
            <Card title="Per persona">
              <table className="w-full text-sm">
                <thead>
                  <tr className="border-b text-left text-slate-500">
                    <th scope="col" className="py-2">Persona</th><th scope="col">Action</th>
                    <th scope="col" className="text-right">Selected</th><th scope="col" className="text-right">Cost</th>
                    <th scope="col" className="text-right">Saved</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.persona} className="border-b border-slate-100">
                      <td className="py-1.5">{r.persona}</td><td className="text-slate-600">{r.action}</td>
                      <td className="text-right tabular-nums">{count(r.selected)} / {count(r.customers)}</td>
                      <td className="text-right tabular-nums">{money(r.cost, currency)}</td>
                      <td className="text-right tabular-nums">{money(r.saved, currency)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Card>
            <Card title="Saved against cost"><PlanChart data={rows} /></Card>
          </div>
          <p className="mt-4 text-sm">
            <a className="text-brand-700 underline" download
              href={`/api/export/plan?${new URLSearchParams({ budget: String(budget), ...Object.fromEntries(Object.entries(costs).map(([k, v]) => [`cost_${k}`, String(v)])) })}`}>
              Export the selected customers (CSV)
            </a>
          </p>
        </>
      )}
    </>
  );
}
