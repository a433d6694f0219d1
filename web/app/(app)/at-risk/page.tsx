import { Suspense } from 'react';
import { PageTitle, Skeleton } from '@/components/ui';
import { customerPage } from '@/lib/api/customers';
import { currency } from '@/lib/api/overview';
import { segments } from '@/lib/api/segments';
import { load } from '@/lib/gateway';
import { customerQuery, gatewayQuery, SORTS } from '@/lib/query';
import { CustomerList, PersonaFilter, PersonaSelect } from './widgets';

export const dynamic = 'force-dynamic';

const SORT_LABELS: Record<string, string> = {
  expected_loss: 'Expected loss', churn_probability: 'Churn probability', predicted_ltv: 'Predicted LTV',
  customer_id: 'Customer id',
};

export default async function AtRiskPage({ searchParams }: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const q = customerQuery(await searchParams);
  // every call starts now; the title and the form come at once, the persona filter and the list when they can
  const list = load(customerPage(q));
  const code = currency();
  const personas = load(segments());
  return (
    <>
      <PageTitle title="At risk" lead="Customers by what their leaving would cost: churn probability × predicted LTV." />
      <form action="/at-risk" className="mb-4 flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col">Sort by
          <select name="sort" defaultValue={q.sort} className="rounded border border-slate-300 px-2 py-1">
            {SORTS.map((s) => <option key={s} value={s}>{SORT_LABELS[s]}</option>)}
          </select>
        </label>
        <Suspense fallback={<PersonaSelect chosen={q.persona} />}>
          <PersonaFilter chosen={q.persona} segments={personas} />
        </Suspense>
        <label className="flex flex-col">Risk band
          <select name="risk_band" defaultValue={q.riskBand ?? ''} className="rounded border border-slate-300 px-2 py-1">
            <option value="">all</option>
            {['high', 'medium', 'low'].map((b) => <option key={b} value={b}>{b}</option>)}
          </select>
        </label>
        <input type="hidden" name="size" value={q.size} />
        <button type="submit" className="rounded bg-brand-600 px-3 py-1.5 text-white hover:bg-brand-700">Apply</button>
        <a href={`/api/export/customers?${gatewayQuery(q)}`} download
          className="ml-auto rounded border border-slate-300 px-3 py-1.5 hover:bg-slate-100">Export CSV</a>
      </form>
      <Suspense fallback={<Skeleton className="h-96" />}>
        <CustomerList query={q} list={list} currency={code} />
      </Suspense>
    </>
  );
}
