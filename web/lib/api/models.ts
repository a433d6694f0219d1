import { gateway, gatewayResponse } from '@/lib/gateway';
import type { ChurnEvaluation, LtvEvaluation } from '@/lib/types';
import type { Answer } from './answers';
import type { components } from './schema';

export type ModelKind = 'segment' | 'churn' | 'ltv';
/** The model in service of one kind: its version, when and on which training set it was trained, its metrics. */
export type ModelCard = components['schemas']['ModelCard'];
/**
 * The model in service of each kind (GET /models/active: a map of ModelCard), null for a kind with none yet or whose
 * service does not answer, as the operation's description says.
 */
export type ActiveModels = Partial<Record<ModelKind, Answer<'/models/active', 'get'>[string] | null>>;
/** One version of a model kind: its status, why it was not promoted, its metrics, the run that trained it. */
export type ModelVersion = components['schemas']['VersionView'];
/** The training run that made a version, the tenant's own: its parameters, metrics and files. */
export type TrainingRun = components['schemas']['RunView'];
/** A training: what became of each kind's model, and the data files it was cut from. */
export type Training = components['schemas']['TrainingView'];
/** The latest metrics of the model of each kind serving the tenant (GET /metrics). */
export type LatestMetrics = components['schemas']['LatestMetrics'];

export function activeModels(): Promise<ActiveModels> {
  return gateway<ActiveModels>('/models/active');
}

/** Every version of a kind, newest first. */
export function versions(kind: ModelKind): Promise<ModelVersion[]> {
  return gateway<ModelVersion[]>(`/models/${encodeURIComponent(kind)}/versions`);
}

/** The training run that made a version of a kind. */
export function run(kind: ModelKind, version: string): Promise<TrainingRun> {
  return gateway<TrainingRun>(`/models/${encodeURIComponent(kind)}/versions/${encodeURIComponent(version)}/run`);
}

/** One file of a version's model, as the gateway answers it (for streaming it on). */
export function modelFile(kind: string, version: string, name: string): Promise<Response> {
  return gatewayResponse(`/models/${encodeURIComponent(kind)}/versions/${encodeURIComponent(version)}/artifacts/`
    + encodeURIComponent(name));
}

/** The active churn model's ROC and calibration curves on its out-of-time validation. */
export function churnEvaluation(): Promise<ChurnEvaluation> {
  return gateway<ChurnEvaluation>('/models/churn/evaluation');
}

/** The active LTV model's deciles (predicted against actual) on its out-of-time validation. */
export function ltvEvaluation(): Promise<LtvEvaluation> {
  return gateway<LtvEvaluation>('/models/ltv/evaluation');
}

/** The tenant's trainings, newest first. */
export function trainings(): Promise<Training[]> {
  return gateway<Training[]>('/models');
}

/** Makes a training's models the serving ones (each kind it trained, by rollback). */
export function makeDefault(modelId: string): Promise<Training> {
  return gateway<Training>(`/models/${encodeURIComponent(modelId)}/default`, { method: 'POST' });
}

/** The latest metrics of each kind's serving model, as the original platform's /metrics gave them. */
export function latestMetrics(): Promise<LatestMetrics> {
  return gateway<LatestMetrics>('/metrics');
}
