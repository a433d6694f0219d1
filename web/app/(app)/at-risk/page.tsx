import Link from 'next/link';
import { Card, PageTitle, Problem } from '@/components/ui';
import { count, money, percent } from '@/lib/format';
import { load } from '@/lib/gateway';
import { customerQuery, gatewayQuery, SORTS } from '@/lib/query';
import type { CustomerRow, Overview, Page, Segment } from '@/lib/types';

export const dynamic = 'force-dynamic';

const SORT_LABELS: Record<string, string> = {
  expected_loss: 'Expected loss', churn_probability: 'Churn probability', predicted_ltv: 'Predicted LTV',
  customer_id: 'Customer id',
};

export default async function AtRiskPage({ searchParams }: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const q = customerQuery(await searchParams);
  const query = gatewayQuery(q);
  const [list, segments, overview] = await Promise.all([load<Page<CustomerRow>>(`/customers?${query}`),
    load<Segment[]>('/segments'), load<Overview>('/overview')]);
  const currency = overview.ok ? overview.data.currency : 'GBP';
  const link = (changes: Record<string, string | number | undefined>) => {
    const p = new URLSearchParams(gatewayQuery({ ...q, ...changes }));
    return `/at-risk?${p}`;
  };
  return (
    <>
      <PageTitle title="At risk" lead="Customers by what their leaving would cost: churn probability × predicted LTV." />
      <form action="/at-risk" className="mb-4 flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col">Sort by
          <select name="sort" defaultValue={q.sort} className="rounded border border-slate-300 px-2 py-1">
            {SORTS.map((s) => <option key={s} value={s}>{SORT_LABELS[s]}</option>)}
          </select>
        </label>
        <label className="flex flex-col">Persona
          <select name="persona" defaultValue={q.persona ?? ''} className="rounded border border-slate-300 px-2 py-1">
            <option value="">all</option>
            {segments.ok && segments.data.map((s) => <option key={s.persona} value={s.persona}>{s.persona}</option>)}
          </select>
        </label>
        <label className="flex flex-col">Risk band
          <select name="risk_band" defaultValue={q.riskBand ?? ''} className="rounded border border-slate-300 px-2 py-1">
            <option value="">all</option>
            {['high', 'medium', 'low'].map((b) => <option key={b} value={b}>{b}</option>)}
          </select>
        </label>
        <input type="hidden" name="size" value={q.size} />
        <button type="submit" className="rounded bg-brand-600 px-3 py-1.5 text-white hover:bg-brand-700">Apply</button>
        <a href={`/api/export/customers?${query}`} className="ml-auto rounded border border-slate-300 px-3 py-1.5 hover:bg-slate-100"
          download>Export CSV</a>
      </form>
      {!list.ok ? <Problem message={list.message} status={list.status} /> : (
        <Card>
          <p className="mb-2 text-sm text-slate-600">{count(list.data.total)} customers</p>
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <thead>
                <tr className="border-b text-left text-slate-500">
                  <th scope="col" className="py-2">Customer</th><th scope="col">Persona</th>
                  <th scope="col" className="text-right">Churn</th><th scope="col">Band</th>
                  <th scope="col" className="text-right">Predicted LTV</th>
                  <th scope="col" className="text-right">Expected loss</th><th scope="col" className="pl-4">Action</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((r) => (
                  <tr key={r.customer_id} className="border-b border-slate-100">
                    <td className="py-1.5"><Link className="text-brand-700 underline" href={`/customers/${encodeURIComponent(r.customer_id)}`}>{r.customer_id}</Link></td>
                    <td>{r.persona}</td>
                    <td className="text-right tabular-nums">{percent(r.churn_probability, 1)}</td>
                    <td>{r.risk_band}</td>
                    <td className="text-right tabular-nums">{money(r.predicted_ltv, currency)}</td>
                    <td className="text-right tabular-nums">{money(r.expected_loss, currency)}</td>
                    <td className="pl-4 text-slate-600">{r.recommended_action}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav aria-label="Pages" className="mt-3 flex items-center gap-3 text-sm">
            {q.page > 0 && <Link className="text-brand-700 underline" href={link({ page: q.page - 1 })}>Previous</Link>}
            <span>Page {q.page + 1} of {Math.max(1, Math.ceil(list.data.total / q.size))}</span>
            {(q.page + 1) * q.size < list.data.total
              && <Link className="text-brand-700 underline" href={link({ page: q.page + 1 })}>Next</Link>}
          </nav>
        </Card>
      )}
    </>
  );
}
