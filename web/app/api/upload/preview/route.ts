import { gatewayResponse } from '@/lib/gateway';

/** Passes a preview request (the file's first part, the mapping) on to the gateway's POST /files/preview. */
export async function POST(request: Request) {
  const answer = await gatewayResponse('/files/preview', {
    method: 'POST',
    headers: { 'Content-Type': request.headers.get('content-type') ?? 'multipart/form-data' },
    body: request.body,
    // @ts-expect-error Node's fetch needs this to stream a request body
    duplex: 'half',
  });
  return new Response(answer.body, { status: answer.status, headers: { 'Content-Type': 'application/json' } });
}
