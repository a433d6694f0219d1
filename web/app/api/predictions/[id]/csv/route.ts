import { predictionCsv } from '@/lib/api/predictions';
import { download } from '@/lib/gateway';

/** A finished batch prediction's CSV, from the gateway (which may send it on from a signed S3 link). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return download(await predictionCsv(id), 'text/csv; charset=utf-8', `${id}.csv`);
}
