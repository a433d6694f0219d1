/**
 * The at-risk page's widgets: the list of customers and the persona filter, each waiting for its own gateway call, so
 * the title and the rest of the form are there at once.
 */
import Link from 'next/link';
import { Card, Problem } from '@/components/ui';
import type { CustomerPage } from '@/lib/api/customers';
import type { Segment } from '@/lib/api/segments';
import { count, money, percent } from '@/lib/format';
import type { Loaded } from '@/lib/gateway';
import { type CustomerQuery, gatewayQuery } from '@/lib/query';

/** The persona filter: "all", then each persona. */
export function PersonaSelect({ chosen, personas = [] }: { chosen?: string; personas?: string[] }) {
  return (
    <label className="flex flex-col">Persona
      <select name="persona" defaultValue={chosen ?? ''} className="rounded border border-slate-300 px-2 py-1">
        <option value="">all</option>
        {personas.map((p) => <option key={p} value={p}>{p}</option>)}
      </select>
    </label>
  );
}

/** The persona filter once the segments arrived ("all" alone when they did not). */
export async function PersonaFilter({ chosen, segments }: { chosen?: string; segments: Promise<Loaded<Segment[]>> }) {
  const answer = await segments;
  return <PersonaSelect chosen={chosen} personas={answer.ok ? answer.data.flatMap((s) => s.persona ?? []) : []} />;
}

/** One page of the customers as the query sorts and filters them, with links to the previous and next pages. */
export async function CustomerList({ query: q, list, currency }: {
  query: CustomerQuery; list: Promise<Loaded<CustomerPage>>; currency: Promise<string>;
}) {
  const [answer, code] = await Promise.all([list, currency]);
  if (!answer.ok) return <Problem message={answer.message} status={answer.status} />;
  const total = answer.data.total ?? 0;
  const link = (changes: Partial<CustomerQuery>) => `/at-risk?${gatewayQuery({ ...q, ...changes })}`;
  return (
    <Card>
      <p className="mb-2 text-sm text-slate-600">{count(total)} customers</p>
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
            {(answer.data.items ?? []).map((r) => (
              <tr key={r.customer_id} className="border-b border-slate-100">
                <td className="py-1.5"><Link className="text-brand-700 underline" href={`/customers/${encodeURIComponent(r.customer_id ?? '')}`}>{r.customer_id}</Link></td>
                <td>{r.persona}</td>
                <td className="text-right tabular-nums">{percent(r.churn_probability, 1)}</td>
                <td>{r.risk_band}</td>
                <td className="text-right tabular-nums">{money(r.predicted_ltv, code)}</td>
                <td className="text-right tabular-nums">{money(r.expected_loss, code)}</td>
                <td className="pl-4 text-slate-600">{r.recommended_action}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav aria-label="Pages" className="mt-3 flex items-center gap-3 text-sm">
        {q.page > 0 && <Link className="text-brand-700 underline" href={link({ page: q.page - 1 })}>Previous</Link>}
        <span>Page {q.page + 1} of {Math.max(1, Math.ceil(total / q.size))}</span>
        {(q.page + 1) * q.size < total
          && <Link className="text-brand-700 underline" href={link({ page: q.page + 1 })}>Next</Link>}
      </nav>
    </Card>
  );
}
