import Link from 'next/link';
import { Suspense } from 'react';
import { Card, PageTitle, Problem, Skeleton } from '@/components/ui';
import { churnExplanation, customer, purchases } from '@/lib/api/customers';
import { currency } from '@/lib/api/overview';
import { segments } from '@/lib/api/segments';
import { load } from '@/lib/gateway';
import { ChurnDrivers, CustomerFigures, Features, MonthlyPurchases, RecommendedAction } from './widgets';

export const dynamic = 'force-dynamic';

export default async function CustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // every call starts now; the page waits for the customer only, each widget for its own call
  const found = load(customer(id));
  const money = currency();
  const explanation = load(churnExplanation(id));
  const history = load(purchases(id));
  const personas = load(segments());
  const answer = await found;
  if (!answer.ok) {
    return (
      <>
        <PageTitle title={`Customer ${id}`} />
        <Problem status={answer.status}
          message={answer.status === 404 ? `There is no customer ${id}.` : answer.message} />
        <p className="mt-4"><Link className="text-brand-700 underline" href="/customers">Look up another customer</Link></p>
      </>
    );
  }
  const c = answer.data;
  return (
    <>
      <PageTitle title={`Customer ${c.customer_id}`} lead={c.as_of ? `Features as of ${c.as_of}` : undefined} />
      <Suspense fallback={<div className="grid grid-cols-2 gap-4 md:grid-cols-4">
        {[0, 1, 2, 3].map((i) => <Skeleton key={i} />)}</div>}>
        <CustomerFigures customer={c} currency={money} />
      </Suspense>
      <Suspense fallback={null}>
        <RecommendedAction persona={c.scores?.persona} segments={personas} />
      </Suspense>
      <div className="mt-6">
        <Card title="What drives the churn risk">
          <Suspense fallback={<Skeleton className="h-48" />}>
            <ChurnDrivers explanation={explanation} currency={money} />
          </Suspense>
        </Card>
      </div>
      <div className="mt-6 grid gap-4 md:grid-cols-2">
        <Card title="Features">
          <Suspense fallback={<Skeleton className="h-56" />}><Features customer={c} currency={money} /></Suspense>
        </Card>
        <Card title="Purchases per month">
          <Suspense fallback={<Skeleton className="h-56" />}><MonthlyPurchases history={history} /></Suspense>
        </Card>
      </div>
    </>
  );
}
