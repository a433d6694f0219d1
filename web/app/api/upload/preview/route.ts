import { previewFile } from '@/lib/api/files';

/** Passes a preview request (the file's first part, the mapping) on to the gateway's POST /files/preview. */
export async function POST(request: Request) {
  const answer = await previewFile(request);
  return new Response(answer.body, { status: answer.status, headers: { 'Content-Type': 'application/json' } });
}
