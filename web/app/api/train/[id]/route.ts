import { gatewayResponse } from '@/lib/gateway';

/** How a training is going, per model kind, as the gateway says. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const answer = await gatewayResponse(`/train/${encodeURIComponent(id)}`);
  return new Response(answer.body, { status: answer.status, headers: { 'Content-Type': 'application/json' } });
}
