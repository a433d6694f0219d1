import { SegmentMapChart } from '@/components/charts';
import { Card, PageTitle, Problem } from '@/components/ui';
import { count, days, money, percent } from '@/lib/format';
import { load } from '@/lib/gateway';
import { segmentMap } from '@/lib/shape';
import type { Overview, Segment } from '@/lib/types';

export const dynamic = 'force-dynamic';

export default async function SegmentsPage() {
  const [segments, overview] = await Promise.all([load<Segment[]>('/segments'), load<Overview>('/overview')]);
  const currency = overview.ok ? overview.data.currency : 'GBP';
  if (!segments.ok) {
    return <><PageTitle title="Segments" /><Problem message={segments.message} status={segments.status} /></>;
  }
  if (segments.data.length === 0) {
    return <><PageTitle title="Segments" /><Problem status={404} message="No segments yet: train a model first." /></>;
  }
  return (
    <>
      <PageTitle title="Segments" lead="Personas found by K-Means on recency, frequency, spend and engagement." />
      <div className="grid gap-4 md:grid-cols-2 lg:grid-cols-3">
        {segments.data.map((s) => (
          <Card key={s.id} title={s.persona}>
            <p className="mb-3 text-sm text-slate-600">{s.description}</p>
            <dl className="grid grid-cols-2 gap-y-1 text-sm">
              <dt className="text-slate-500">Customers</dt><dd>{count(s.customers)} ({percent(s.share)})</dd>
              <dt className="text-slate-500">Revenue share</dt><dd>{percent(s.revenue_share)}</dd>
              <dt className="text-slate-500">Recency</dt><dd>{days(s.mean_recency_days)}</dd>
              <dt className="text-slate-500">Purchases</dt><dd>{s.mean_frequency.toFixed(1)}</dd>
              <dt className="text-slate-500">Spend</dt><dd>{money(s.mean_monetary, currency)}</dd>
              <dt className="text-slate-500">Churn risk</dt><dd>{percent(s.mean_churn_probability)}</dd>
              <dt className="text-slate-500">Predicted LTV</dt><dd>{money(s.mean_predicted_ltv, currency)}</dd>
            </dl>
            <p className="mt-3 rounded bg-brand-50 p-2 text-sm"><span className="font-medium">Action:</span> {s.recommended_action}</p>
          </Card>
        ))}
      </div>
      <div className="mt-6">
        <Card title="How the segments sit">
          <SegmentMapChart data={segmentMap(segments.data)} />
        </Card>
      </div>
    </>
  );
}
