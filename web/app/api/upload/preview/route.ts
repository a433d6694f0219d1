import { previewFile } from '@/lib/api/files';
import { GatewayError, problemAnswer } from '@/lib/gateway';

/** Passes a preview request (the file's first part, the mapping) on to the gateway's POST /files/preview. */
export async function POST(request: Request) {
  try {
    const answer = await previewFile(request);
    return new Response(answer.body, { status: answer.status, headers: { 'Content-Type': 'application/json' } });
  } catch (e) {
    if (e instanceof GatewayError) return problemAnswer(e);
    throw e;
  }
}
