import { Suspense } from 'react';
import { PageTitle, Skeleton } from '@/components/ui';
import { currency } from '@/lib/api/overview';
import { segments } from '@/lib/api/segments';
import { load } from '@/lib/gateway';
import { SegmentCards } from './widgets';

export const dynamic = 'force-dynamic';

export default function SegmentsPage() {
  return (
    <>
      <PageTitle title="Segments" lead="Personas found by K-Means on recency, frequency, spend and engagement." />
      <Suspense fallback={<SegmentsSkeleton />}>
        <SegmentCards segments={load(segments())} currency={currency()} />
      </Suspense>
    </>
  );
}

function SegmentsSkeleton() {
  return (
    <div className="grid gap-4 md:grid-cols-2 lg:grid-cols-3">
      {[0, 1, 2].map((i) => <Skeleton key={i} className="h-72" />)}
    </div>
  );
}
