/** The segments page's widget: it waits for the segments and the currency, the page's title does not. */
import { SegmentMapChart } from '@/components/charts';
import { Card, Problem } from '@/components/ui';
import type { Segment } from '@/lib/api/segments';
import { count, days, money, percent } from '@/lib/format';
import type { Loaded } from '@/lib/gateway';
import { segmentMap } from '@/lib/shape';

/** A card per persona, then where the personas sit on recency and frequency. */
export async function SegmentCards({ segments, currency }: {
  segments: Promise<Loaded<Segment[]>>; currency: Promise<string>;
}) {
  const [answer, code] = await Promise.all([segments, currency]);
  if (!answer.ok) return <Problem message={answer.message} status={answer.status} />;
  if (answer.data.length === 0) return <Problem status={404} message="No segments yet: train a model first." />;
  return (
    <>
      <div className="grid gap-4 md:grid-cols-2 lg:grid-cols-3">
        {answer.data.map((s) => (
          <Card key={s.id} title={s.persona}>
            <p className="mb-3 text-sm text-slate-600">{s.description}</p>
            <dl className="grid grid-cols-2 gap-y-1 text-sm">
              <dt className="text-slate-500">Customers</dt><dd>{count(s.customers)} ({percent(s.share)})</dd>
              <dt className="text-slate-500">Revenue share</dt><dd>{percent(s.revenue_share)}</dd>
              <dt className="text-slate-500">Recency</dt><dd>{days(s.mean_recency_days)}</dd>
              <dt className="text-slate-500">Purchases</dt><dd>{s.mean_frequency?.toFixed(1) ?? '—'}</dd>
              <dt className="text-slate-500">Spend</dt><dd>{money(s.mean_monetary, code)}</dd>
              <dt className="text-slate-500">Churn risk</dt><dd>{percent(s.mean_churn_probability)}</dd>
              <dt className="text-slate-500">Predicted LTV</dt><dd>{money(s.mean_predicted_ltv, code)}</dd>
            </dl>
            <p className="mt-3 rounded bg-brand-50 p-2 text-sm"><span className="font-medium">Action:</span> {s.recommended_action}</p>
          </Card>
        ))}
      </div>
      <div className="mt-6">
        <Card title="How the segments sit">
          <SegmentMapChart data={segmentMap(answer.data)} />
        </Card>
      </div>
    </>
  );
}
