import { predictionCsv } from '@/lib/api/predictions';

/** A finished batch prediction's CSV, from the gateway (which may send it on from a signed S3 link). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const answer = await predictionCsv(id);
  if (!answer.ok) {
    return new Response(await answer.text(), {
      status: answer.status, headers: { 'Content-Type': answer.headers.get('Content-Type') ?? 'text/plain' },
    });
  }
  return new Response(answer.body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${id}.csv"`,
    },
  });
}
