import { Card, PageTitle, Problem } from '@/components/ui';
import { count, percent, when } from '@/lib/format';
import { load } from '@/lib/gateway';
import type { PredictionJob } from '@/lib/types';
import { startPredictions } from './actions';
import { RefreshWhile } from './Refresh';

export const dynamic = 'force-dynamic';

export default async function PredictionsPage({ searchParams }: {
  searchParams: Promise<{ started?: string; error?: string }>;
}) {
  const { error } = await searchParams;
  const jobs = await load<PredictionJob[]>('/predictions');
  const active = jobs.ok && jobs.data.some((j) => j.status === 'queued' || j.status === 'running');
  return (
    <>
      <PageTitle title="Predictions"
        lead="Score every customer, or a list of them, in the background; download the result as CSV." />
      <RefreshWhile active={active} />
      <div className="mb-6">
        <Card title="Start a batch prediction">
          <form action={startPredictions} className="flex flex-wrap items-end gap-3 text-sm">
            <label className="flex flex-col">Customers (optional: a CSV or text file of ids, one per line)
              <input type="file" name="customers" accept=".csv,.txt,text/csv,text/plain" className="mt-1" />
            </label>
            <label className="flex flex-col">Model version (optional)
              <input name="model_id" placeholder="the serving models"
                className="mt-1 w-72 rounded border border-slate-300 px-2 py-1 font-mono" />
            </label>
            <button type="submit" className="rounded bg-brand-600 px-3 py-1.5 text-white hover:bg-brand-700">
              Score customers
            </button>
          </form>
          <p className="mt-3 text-xs text-slate-500">Without a file, every customer is scored.</p>
          {error && <div className="mt-3"><Problem status={400} message={error} /></div>}
        </Card>
      </div>
      <Card title="History">
        {!jobs.ok ? <Problem status={jobs.status} message={jobs.message} />
          : jobs.data.length === 0 ? <p className="text-sm text-slate-600">No batch prediction yet.</p> : (
            <table className="w-full text-left text-sm">
              <thead className="text-slate-500">
                <tr><th className="py-1">Job</th><th>Customers</th><th>Model</th><th>Status</th><th>Started</th><th>Result</th></tr>
              </thead>
              <tbody>
                {jobs.data.map((j) => (
                  <tr key={j.job_id} className="border-t border-slate-100" data-testid="prediction-job" data-job-id={j.job_id}>
                    <td className="py-1 font-mono text-xs">{j.job_id}</td>
                    <td>{j.scope === 'all' ? 'all' : 'listed'}{j.total > 0 ? ` (${count(j.total)})` : ''}</td>
                    <td className="font-mono text-xs">{j.model_id ?? 'serving'}</td>
                    <td data-testid="job-status">
                      {j.status === 'running' ? `running, ${percent(j.progress)}` : j.status}
                      {j.error && <span className="block text-xs text-red-700">{j.error}</span>}
                    </td>
                    <td>{when(j.created_at)}</td>
                    <td>{j.csv && (
                      <a href={`/api/predictions/${encodeURIComponent(j.job_id)}/csv`} className="text-brand-700 underline">
                        CSV
                      </a>
                    )}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
      </Card>
    </>
  );
}
