import Link from 'next/link';
import { Card, PageTitle, Problem } from '@/components/ui';
import { run, type ModelKind } from '@/lib/api/models';
import { when } from '@/lib/format';
import { load } from '@/lib/gateway';

export const dynamic = 'force-dynamic';

function figure(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(4);
}

/** The training run that made one model version: what it was given, how it scored, the files it made. */
export default async function TrainingRunPage({ params }: { params: Promise<{ kind: string; version: string }> }) {
  const { kind, version } = await params;
  const answer = await load(run(kind as ModelKind, version));
  const back = <p className="mt-4"><Link className="text-brand-700 underline" href="/models">All models</Link></p>;
  if (!answer.ok) {
    return (
      <>
        <PageTitle title={`Training run: ${kind} ${version}`} />
        <Problem status={answer.status}
          message={answer.status === 404 ? `There is no ${kind} training run on ${version}.` : answer.message} />
        {back}
      </>
    );
  }
  const r = answer.data;
  const params_ = Object.entries(r.params ?? {}).sort(([a], [b]) => a.localeCompare(b));
  const metrics = Object.entries(r.metrics ?? {}).sort(([a], [b]) => a.localeCompare(b));
  return (
    <>
      <PageTitle title={`Training run: ${kind} ${version}`}
        lead={`${r.status}, started ${when(r.started_at)}${r.finished_at ? `, ended ${when(r.finished_at)}` : ''}`} />
      {r.error && <Problem status={500} message={r.error} />}
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title={`Metrics (${metrics.length})`}>
          <dl className="grid grid-cols-2 gap-y-1 text-sm" data-testid="run-metrics">
            {metrics.map(([name, value]) => (
              <div key={name} className="contents">
                <dt className="text-slate-500">{name}</dt><dd className="tabular-nums">{figure(value)}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <Card title={`Files (${r.artifacts?.length ?? 0})`}>
          <ul className="space-y-1 text-sm" data-testid="run-files">
            {(r.artifacts ?? []).map((a) => (
              <li key={a.name}>
                <a className="text-brand-700 underline" href={`/api/models/${encodeURIComponent(kind)}/`
                  + `${encodeURIComponent(version)}/artifacts/${encodeURIComponent(a.name ?? '')}`}>{a.name}</a>
                <div className="break-all font-mono text-xs text-slate-500">sha256 {a.sha256}</div>
              </li>
            ))}
          </ul>
        </Card>
      </div>
      <div className="mt-4">
        <Card title={`Parameters (${params_.length})`}>
          <dl className="grid grid-cols-[minmax(10rem,auto)_1fr] gap-x-4 gap-y-1 text-sm" data-testid="run-params">
            {params_.map(([name, value]) => (
              <div key={name} className="contents">
                <dt className="text-slate-500">{name}</dt><dd className="break-all font-mono text-xs">{value}</dd>
              </div>
            ))}
          </dl>
        </Card>
      </div>
      {r.tracking_run_id && (
        <p className="mt-4 text-xs text-slate-500">Tracked by the platform as run {r.tracking_run_id}.</p>
      )}
      {back}
    </>
  );
}
