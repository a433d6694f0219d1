import { gateway, gatewayResponse, withJson } from '@/lib/gateway';
import type { components } from './schema';

/** A batch prediction job: its scope, progress, error and CSV. */
export type PredictionJob = components['schemas']['PredictionJobView'];

/** The tenant's batch predictions, newest first. */
export function predictionJobs(): Promise<PredictionJob[]> {
  return gateway<PredictionJob[]>('/predictions');
}

/**
 * Starts a batch prediction of every customer, or of the ids in a list (a CSV or text file's content); pinned to a
 * training's versions when a model id is given.
 */
export function startPredictions({ modelId, ids }: { modelId?: string; ids?: string }): Promise<unknown> {
  if (ids === undefined) return gateway('/predictions', withJson('POST', modelId ? { model_id: modelId } : {}));
  const query = modelId ? `?model_id=${encodeURIComponent(modelId)}` : '';
  return gateway(`/predictions${query}`, { method: 'POST', headers: { 'Content-Type': 'text/csv' }, body: ids });
}

/** A finished job's CSV, as the gateway answers it. */
export function predictionCsv(jobId: string): Promise<Response> {
  return gatewayResponse(`/predictions/${encodeURIComponent(jobId)}/csv`);
}
