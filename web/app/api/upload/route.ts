import { uploadFile } from '@/lib/api/files';

/** Passes an upload on to the gateway's POST /files as it arrives, with the signed-in tenant's key. */
export async function POST(request: Request) {
  const answer = await uploadFile(request);
  return new Response(answer.body, { status: answer.status, headers: { 'Content-Type': 'application/json' } });
}
