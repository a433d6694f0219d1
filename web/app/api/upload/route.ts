import { uploadFile } from '@/lib/api/files';
import { GatewayError, problemAnswer } from '@/lib/gateway';

/**
 * Passes an upload on to the gateway's POST /files as it arrives, with the signed-in tenant's session; a gateway that
 * cannot be reached or does not answer in time is a problem the upload form shows.
 */
export async function POST(request: Request) {
  try {
    const answer = await uploadFile(request);
    return new Response(answer.body, { status: answer.status, headers: { 'Content-Type': 'application/json' } });
  } catch (e) {
    if (e instanceof GatewayError) return problemAnswer(e);
    throw e;
  }
}
