import { modelFile } from '@/lib/api/models';
import { download } from '@/lib/gateway';

/** One file of a model version, from the gateway (which checks it against the model's manifest). */
export async function GET(_request: Request,
  { params }: { params: Promise<{ kind: string; version: string; name: string }> }) {
  const { kind, version, name } = await params;
  return download(await modelFile(kind, version, name), 'application/octet-stream');
}
