/**
 * The plan page's widgets. The form needs the personas (a cost field each) and the plan (each action's default cost),
 * the figures the plan: each waits for what it needs, the page's title does not.
 */
import { PlanChart } from '@/components/charts';
import { Card, Figure, Problem, Skeleton } from '@/components/ui';
import type { Plan } from '@/lib/api/plan';
import type { Segment } from '@/lib/api/segments';
import { count, money } from '@/lib/format';
import type { Loaded } from '@/lib/gateway';
import { planByPersona } from '@/lib/shape';

interface Planned {
  budget: number;
  segments: Promise<Loaded<Segment[]>>;
  costs: Promise<Record<string, number>>;
  plan: Promise<Loaded<Plan>>;
  currency: Promise<string>;
}

/** The budget and a cost field per persona, filled with what the user typed or the action's default cost. */
export async function PlanForm({ budget, segments, costs, plan, currency }: Planned) {
  const [personas, typed, planned, code] = await Promise.all([segments, costs, plan, currency]);
  return (
    <form action="/plan" className="mb-6 flex flex-wrap items-end gap-3 text-sm">
      <label className="flex flex-col">Budget ({code})
        <input name="budget" type="number" min="0" step="100" defaultValue={budget}
          className="w-32 rounded border border-slate-300 px-2 py-1" />
      </label>
      {personas.ok && personas.data.flatMap((s) => s.persona ?? []).map((persona) => (
        <label key={persona} className="flex flex-col">Cost per {persona} customer
          <input name={`cost_${persona}`} type="number" min="0" step="0.5"
            defaultValue={typed[persona] ?? (planned.ok ? planned.data.by_persona?.[persona]?.action_cost : undefined)}
            className="w-28 rounded border border-slate-300 px-2 py-1" />
        </label>
      ))}
      <button type="submit" className="rounded bg-brand-600 px-3 py-1.5 text-white hover:bg-brand-700">Plan</button>
    </form>
  );
}

/** What the budget buys: the figures, the personas the money goes to, and the selected customers as CSV. */
export async function PlanResult({ budget, costs, plan, currency }: Omit<Planned, 'segments'>) {
  const [typed, planned, code] = await Promise.all([costs, plan, currency]);
  if (!planned.ok) return <Problem message={planned.message} status={planned.status} />;
  const p = planned.data;
  const rows = planByPersona(p);
  const exported = new URLSearchParams({ budget: String(budget),
    ...Object.fromEntries(Object.entries(typed).map(([k, v]) => [`cost_${k}`, String(v)])) });
  return (
    <>
      <div className="grid grid-cols-2 gap-4 md:grid-cols-4">
        <Figure label="Budget" value={money(p.budget, code)} />
        <Figure label="Spent" value={money(p.cost, code)} />
        <Figure label="Customers selected" value={count(p.customers_selected)} />
        <Figure label="Expected revenue saved" value={money(p.expected_revenue_saved, code)} />
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
                  <td className="text-right tabular-nums">{money(r.cost, code)}</td>
                  <td className="text-right tabular-nums">{money(r.saved, code)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
        <Card title="Saved against cost"><PlanChart data={rows} /></Card>
      </div>
      <p className="mt-4 text-sm">
        <a className="text-brand-700 underline" download href={`/api/export/plan?${exported}`}>
          Export the selected customers (CSV)
        </a>
      </p>
    </>
  );
}

/** Stands in for the form while the personas and the plan come. */
export function PlanFormSkeleton() {
  return <div className="mb-6"><Skeleton className="h-12" /></div>;
}

/** Stands in for the figures and the two cards while the plan comes. */
export function PlanResultSkeleton() {
  return (
    <>
      <div className="grid grid-cols-2 gap-4 md:grid-cols-4">
        {[0, 1, 2, 3].map((i) => <Skeleton key={i} />)}
      </div>
      <div className="mt-6 grid gap-4 md:grid-cols-2">
        <Skeleton className="h-64" /><Skeleton className="h-64" />
      </div>
    </>
  );
}
