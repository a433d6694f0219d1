/** The at-risk list's query, from a page's search parameters to the gateway's /customers query. */
export interface CustomerQuery {
  sort: string;
  page: number;
  size: number;
  persona?: string;
  riskBand?: string;
}

export const SORTS = ['expected_loss', 'churn_probability', 'predicted_ltv', 'customer_id'] as const;

export function customerQuery(params: Record<string, string | string[] | undefined>): CustomerQuery {
  const one = (k: string) => (Array.isArray(params[k]) ? params[k]![0] : params[k]) as string | undefined;
  const sort = SORTS.includes(one('sort') as (typeof SORTS)[number]) ? one('sort')! : 'expected_loss';
  const page = Math.max(0, Number.parseInt(one('page') ?? '0', 10) || 0);
  const size = Math.min(200, Math.max(1, Number.parseInt(one('size') ?? '25', 10) || 25));
  return { sort, page, size, persona: one('persona') || undefined, riskBand: one('risk_band') || undefined };
}

export function gatewayQuery(q: CustomerQuery): string {
  const p = new URLSearchParams({ sort: q.sort, page: String(q.page), size: String(q.size) });
  if (q.persona) p.set('persona', q.persona);
  if (q.riskBand) p.set('risk_band', q.riskBand);
  return p.toString();
}
