/**
 * The overview page's widgets. They share one gateway call (GET /overview) and each waits for it on its own, so the
 * page's title is there at once; a failure is said once, by the figures.
 */
import { RiskChart } from '@/components/charts';
import { Card, Figure, PageTitle, Problem } from '@/components/ui';
import type { Overview } from '@/lib/api/overview';
import { count, money, percent, when } from '@/lib/format';
import type { Loaded } from '@/lib/gateway';
import { riskDistribution } from '@/lib/shape';

type Answer = Promise<Loaded<Overview>>;

/** The title, with the date the scores are as of. */
export async function OverviewTitle({ overview }: { overview: Answer }) {
  const answer = await overview;
  if (!answer.ok) return <PageTitle title="Overview" />;
  return <PageTitle title="Overview"
    lead={answer.data.as_of ? `Scores as of ${answer.data.as_of}` : 'No customer has been scored yet.'} />;
}

/** Customers, revenue, predicted LTV in total and at high risk, expected loss; what to do when there are none. */
export async function Figures({ overview }: { overview: Answer }) {
  const answer = await overview;
  if (!answer.ok) return <Problem message={answer.message} status={answer.status} />;
  const o = answer.data;
  const currency = o.currency || 'GBP';
  return (
    <>
      {o.customers === 0 && (
        <div className="mb-6"><Problem status={404}
          message="No scored customers yet: upload transactions on the Data page, then train on the Models page." />
        </div>
      )}
      <div className="grid grid-cols-2 gap-4 md:grid-cols-3 lg:grid-cols-5">
        <Figure label="Customers" value={count(o.customers)} />
        <Figure label="Revenue" value={money(o.revenue, currency)} hint="all purchases of scored customers" />
        <Figure label="Predicted LTV" value={money(o.predicted_ltv, currency)} hint="next 90 days, all customers" />
        <Figure label="LTV at high risk" value={money(o.predicted_ltv_at_risk, currency)}
          hint="predicted LTV of high-risk customers" />
        <Figure label="Expected loss" value={money(o.expected_loss, currency)} hint="churn probability × LTV" />
      </div>
    </>
  );
}

/** Customers per churn-risk band. */
export async function RiskCard({ overview }: { overview: Answer }) {
  const answer = await overview;
  if (!answer.ok) return null;
  const bands = riskDistribution(answer.data);
  return (
    <Card title="Churn risk">
      <RiskChart data={bands} />
      <ul className="mt-2 flex gap-4 text-sm text-slate-600">
        {bands.map((b) => <li key={b.band}>{b.band}: {count(b.customers)} ({percent(b.share)})</li>)}
      </ul>
    </Card>
  );
}

/** The last training run: its training set, model, status and times. */
export async function LastTraining({ overview }: { overview: Answer }) {
  const answer = await overview;
  if (!answer.ok) return null;
  const training = answer.data.last_training;
  return (
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
  );
}
