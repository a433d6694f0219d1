import { gatewayResponse, withJson } from '@/lib/gateway';
import type { components } from './schema';

/** How a training is going (GET /train/{datasetId}): its status, each model kind's, and why a kind was kept out. */
export type TrainingProgress = components['schemas']['TrainingProgress'];

/**
 * Starts a training on the latest data; the answer (the training set's id, or a problem) is passed on as it is to
 * the browser, which then follows the training's {@link TrainingProgress}.
 */
export function startTraining(): Promise<Response> {
  return gatewayResponse('/train', withJson('POST', {}));
}

/** How a training is going, as the gateway answers it: a {@link TrainingProgress}, or a problem. */
export function trainingProgress(datasetId: string): Promise<Response> {
  return gatewayResponse(`/train/${encodeURIComponent(datasetId)}`);
}
