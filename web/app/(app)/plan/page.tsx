import { Suspense } from 'react';
import { PageTitle } from '@/components/ui';
import { currency as tenantCurrency } from '@/lib/api/overview';
import { plan as planFor } from '@/lib/api/plan';
import { type Segment, segments as personas } from '@/lib/api/segments';
import { load } from '@/lib/gateway';
import { PlanForm, PlanFormSkeleton, PlanResult, PlanResultSkeleton } from './widgets';

export const dynamic = 'force-dynamic';

type Params = Record<string, string | string[] | undefined>;

/** The per-action costs the user typed: cost_<persona> fields, positive numbers only. */
function actionCosts(params: Params, segments: Segment[]): Record<string, number> {
  const costs: Record<string, number> = {};
  for (const persona of segments.flatMap((s) => s.persona ?? [])) {
    const value = Number(params[`cost_${persona}`]);
    if (Number.isFinite(value) && value > 0) costs[persona] = value;
  }
  return costs;
}

export default async function PlanPage({ searchParams }: { searchParams: Promise<Params> }) {
  const params = await searchParams;
  const budget = Math.max(0, Number(params.budget ?? 5000) || 0);
  // the plan needs the personas (each one's cost field); the currency comes meanwhile; the title does not wait
  const currency = tenantCurrency();
  const segments = load(personas());
  const costs = segments.then((s) => (s.ok ? actionCosts(params, s.data) : {}));
  const plan = costs.then((action_costs) => load(planFor({ budget, action_costs })));
  return (
    <>
      <PageTitle title="Retention plan" lead="Spend a budget where it saves the most expected revenue." />
      <Suspense fallback={<PlanFormSkeleton />}>
        <PlanForm budget={budget} segments={segments} costs={costs} plan={plan} currency={currency} />
      </Suspense>
      <Suspense fallback={<PlanResultSkeleton />}>
        <PlanResult budget={budget} costs={costs} plan={plan} currency={currency} />
      </Suspense>
    </>
  );
}
