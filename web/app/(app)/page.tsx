import { Suspense } from 'react';
import { PageTitle, Skeleton } from '@/components/ui';
import { overview } from '@/lib/api/overview';
import { load } from '@/lib/gateway';
import { Figures, LastTraining, OverviewTitle, RiskCard } from './widgets';

export const dynamic = 'force-dynamic';

export default function OverviewPage() {
  // one call feeds every widget; the title comes at once, each widget as soon as the figures are there
  const answer = load(overview());
  return (
    <>
      <Suspense fallback={<PageTitle title="Overview" />}><OverviewTitle overview={answer} /></Suspense>
      <Suspense fallback={<div className="grid grid-cols-2 gap-4 md:grid-cols-3 lg:grid-cols-5">
        {[0, 1, 2, 3, 4].map((i) => <Skeleton key={i} />)}</div>}>
        <Figures overview={answer} />
      </Suspense>
      <div className="mt-6 grid gap-4 md:grid-cols-2">
        <Suspense fallback={<Skeleton className="h-72" />}><RiskCard overview={answer} /></Suspense>
        <Suspense fallback={<Skeleton className="h-72" />}><LastTraining overview={answer} /></Suspense>
      </div>
    </>
  );
}
