import { Suspense } from 'react';
import { Card, PageTitle, Problem, Skeleton } from '@/components/ui';
import { predictionJobs } from '@/lib/api/predictions';
import { load } from '@/lib/gateway';
import { startPredictions } from './actions';
import { History } from './widgets';

export const dynamic = 'force-dynamic';

export default async function PredictionsPage({ searchParams }: {
  searchParams: Promise<{ started?: string; error?: string }>;
}) {
  const jobs = load(predictionJobs());
  const { error } = await searchParams;
  return (
    <>
      <PageTitle title="Predictions"
        lead="Score every customer, or a list of them, in the background; download the result as CSV." />
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
        <Suspense fallback={<Skeleton className="h-32" />}><History jobs={jobs} /></Suspense>
      </Card>
    </>
  );
}
