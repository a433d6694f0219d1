/** The predictions page's widget: the history of batch predictions, live while one is queued or running. */
import { Problem } from '@/components/ui';
import type { PredictionJob } from '@/lib/api/predictions';
import { count, percent, when } from '@/lib/format';
import type { Loaded } from '@/lib/gateway';
import { RefreshWhile } from './Refresh';

/** Each job, newest first: its customers, model, status (with its progress or error), start and CSV. */
export async function History({ jobs }: { jobs: Promise<Loaded<PredictionJob[]>> }) {
  const answer = await jobs;
  if (!answer.ok) return <Problem status={answer.status} message={answer.message} />;
  if (answer.data.length === 0) return <p className="text-sm text-slate-600">No batch prediction yet.</p>;
  const active = answer.data.some((j) => j.status === 'queued' || j.status === 'running');
  return (
    <>
      <RefreshWhile active={active} />
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="text-slate-500">
            <tr><th className="py-1">Job</th><th>Customers</th><th>Model</th><th>Status</th><th>Started</th><th>Result</th></tr>
          </thead>
          <tbody>
            {answer.data.map((j) => (
              <tr key={j.job_id} className="border-t border-slate-100" data-testid="prediction-job" data-job-id={j.job_id}>
                <td className="py-1 font-mono text-xs">{j.job_id}</td>
                <td>{j.scope === 'all' ? 'all' : 'listed'}{(j.total ?? 0) > 0 ? ` (${count(j.total)})` : ''}</td>
                <td className="font-mono text-xs">{j.model_id ?? 'serving'}</td>
                <td data-testid="job-status">
                  {j.status === 'running' ? `running, ${percent(j.progress)}` : j.status}
                  {j.error && <span className="block text-xs text-red-700">{j.error}</span>}
                </td>
                <td>{when(j.created_at)}</td>
                <td>{j.csv && j.job_id && (
                  <a href={`/api/predictions/${encodeURIComponent(j.job_id)}/csv`} className="text-brand-700 underline">
                    CSV
                  </a>
                )}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
