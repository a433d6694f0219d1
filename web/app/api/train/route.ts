import { startTraining } from '@/lib/api/training';

/** Starts a training on the latest data: the gateway cuts a training set and the model services train on it. */
export async function POST() {
  const answer = await startTraining();
  return new Response(answer.body, { status: answer.status, headers: { 'Content-Type': 'application/json' } });
}
