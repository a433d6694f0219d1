import { trainingProgress } from '@/lib/api/training';

/** How a training is going, per model kind, as the gateway says. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const answer = await trainingProgress(id);
  return new Response(answer.body, { status: answer.status, headers: { 'Content-Type': 'application/json' } });
}
