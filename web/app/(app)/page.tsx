import { RiskChart } from '@/components/charts';
import { Card, Figure, PageTitle, Problem } from '@/components/ui';
import { count, money, percent, when } from '@/lib/format';
import { load } from '@/lib/gateway';
import { riskDistribution } from '@/lib/shape';
import type { Overview } from '@/lib/types';

export const dynamic = 'force-dynamic';

export default async function OverviewPage() {
  const overview = await load<Overview>('/overview');
  if (!overview.ok) {
    return <><PageTitle title="Overview" /><Problem message={overview.message} status={overview.status} /></>;
  }
  const o = overview.data;
  const bands = riskDistribution(o);
  const training = o.last_training;
  return (
    <>
      <PageTitle title="Overview" lead={o.as_of ? `Scores as of ${o.as_of}` : 'No customer has been scored yet.'} />
      {o.customers === 0 && (
        <div className="mb-6"><Problem status={404}
          message="No scored customers yet: upload transactions on the Data page, then train on the Models page." />
        </div>
      )}
      <div className="grid grid-cols-2 gap-4 md:grid-cols-3 lg:grid-cols-5">
        <Figure label="Customers" value={count(o.customers)} />
        <Figure label="Revenue" value={money(o.revenue, o.currency)} hint="all purchases of scored customers" />
        <Figure label="Predicted LTV" value={money(o.predicted_ltv, o.currency)} hint="next 90 days, all customers" />
        <Figure label="LTV at high risk" value={money(o.predicted_ltv_at_risk, o.currency)}
          hint="predicted LTV of high-risk customers" />
        <Figure label="Expected loss" value={money(o.expected_loss, o.currency)} hint="churn probability × LTV" />
      </div>
      <div className="mt-6 grid gap-4 md:grid-cols-2">
        <Card title="Churn risk">
          <RiskChart data={bands} />
          <ul className="mt-2 flex gap-4 text-sm text-slate-600">
            {bands.map((b) => <li key={b.band}>{b.band}: {count(b.customers)} ({percent(b.share)})</li>)}
          </ul>
        </Card>
        <Card title="Last training run">
          {training ? (
            <dl className="grid grid-cols-2 gap-y-2 text-sm">
              <dt className="text-slate-500">Training set</dt><dd className="font-mono">{training.dataset_id}</dd>
              <dt className="text-slate-500">Model</dt><dd>{training.kind}</dd>
              <dt className="text-slate-500">Status</dt><dd>{training.status}</dd>
              <dt className="text-slate-500">Started</dt><dd>{when(training.started_at)}</dd>
              <dt className="text-slate-500">Finished</dt><dd>{when(training.finished_at)}</dd>
            </dl>
          ) : <p className="text-sm text-slate-600">No model has been trained yet.</p>}
        </Card>
      </div>
    </>
  );
}
