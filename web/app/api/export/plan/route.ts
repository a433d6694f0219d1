import { type NextRequest } from 'next/server';
import { plan } from '@/lib/api/plan';
import { planCsv } from '@/lib/shape';

/** The customers a plan selects, as CSV: who, their persona, the action, its cost, the expected loss and saving. */
export async function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  const costs: Record<string, number> = {};
  params.forEach((value, key) => {
    if (key.startsWith('cost_') && Number(value) > 0) costs[key.slice(5)] = Number(value);
  });
  const selected = await plan({ budget: Number(params.get('budget') ?? 0), action_costs: costs });
  return new Response(planCsv(selected), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="retention-plan.csv"',
    },
  });
}
