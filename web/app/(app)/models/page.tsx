import { CalibrationChart, DecileChart, RocChart } from '@/components/charts';
import { Retrain } from '@/components/Retrain';
import { Card, PageTitle, Problem } from '@/components/ui';
import { when } from '@/lib/format';
import { load } from '@/lib/gateway';
import { decileBars, rocPoints } from '@/lib/shape';
import { makeDefault } from './actions';

export const dynamic = 'force-dynamic';

interface ModelCard {
  kind: string;
  version: string;
  trained_at: string;
  dataset_id: string;
  metrics: Record<string, unknown>;
}

interface ChurnEvaluation {
  roc: number[][];
  calibration: { predicted: number; observed: number; customers: number }[];
}

interface LtvEvaluation {
  deciles: { decile: number; mean_predicted: number; mean_actual: number }[];
}

interface Version {
  version: string;
  status: string;
  reason: string | null;
  tracking_url: string | null;
  metrics: Record<string, number>;
  created_at: string;
}

interface Training {
  model_id: string;
  started_at: string;
  as_of: string | null;
  status: string;
  is_default: boolean;
  models: Record<string, { status: string; reason: string | null }>;
  data_files: { file_id: string; name: string }[];
}

const KINDS = [
  ['segment', 'Segments (K-Means)', ['k', 'silhouette']],
  ['churn', 'Churn', ['algorithm', 'roc_auc', 'pr_auc', 'brier', 'lift_top_decile']],
  ['ltv', 'Lifetime value', ['algorithm', 'spearman', 'normalized_gini', 'mae', 'rmse']],
] as const;

function figure(value: unknown): string {
  return typeof value === 'number' ? (Number.isInteger(value) ? String(value) : value.toFixed(4)) : String(value ?? '—');
}

export default async function ModelsPage() {
  const models = await load<Record<string, ModelCard | null>>('/models/active');
  const versions = await Promise.all(KINDS.map(([kind]) => load<Version[]>(`/models/${kind}/versions`)));
  const [churn, ltv] = await Promise.all([load<ChurnEvaluation>('/models/churn/evaluation'),
    load<LtvEvaluation>('/models/ltv/evaluation')]);
  const trainings = await load<Training[]>('/models');
  return (
    <>
      <PageTitle title="Models" lead="The model in service for each kind, the challengers, and retraining." />
      <div className="mb-6"><Card title="Retrain"><Retrain /></Card></div>
      {!models.ok ? <Problem message={models.message} status={models.status} /> : (
        <div className="grid gap-4 lg:grid-cols-3">
          {KINDS.map(([kind, title, shown], i) => {
            const card = models.data[kind];
            const history = versions[i];
            return (
              <Card key={kind} title={title}>
                {card ? (
                  <>
                    <p className="text-sm">Active: <span className="font-mono">{card.version}</span></p>
                    <p className="mb-2 text-xs text-slate-500">trained {when(card.trained_at)}</p>
                    <dl className="grid grid-cols-2 gap-y-1 text-sm">
                      {shown.filter((m) => card.metrics[m] !== undefined).map((m) => (
                        <div key={m} className="contents"><dt className="text-slate-500">{m}</dt><dd className="tabular-nums">{figure(card.metrics[m])}</dd></div>
                      ))}
                    </dl>
                  </>
                ) : <p className="text-sm text-slate-600">No {kind} model in service yet.</p>}
                {history.ok && history.data.length > 0 && (
                  <details className="mt-3 text-sm">
                    <summary className="cursor-pointer">Versions ({history.data.length})</summary>
                    <ul className="mt-2 space-y-2">
                      {history.data.map((v) => (
                        <li key={v.version}>
                          <span className="font-mono">{v.version}</span> — {v.status}
                          {v.tracking_url && (
                            <> · <a className="text-brand-700 underline" href={v.tracking_url} target="_blank"
                              rel="noreferrer">MLflow run</a></>
                          )}
                          <div className="text-xs tabular-nums text-slate-600">
                            {shown.filter((m) => v.metrics?.[m] !== undefined)
                              .map((m) => `${m} ${figure(v.metrics[m])}`).join(' · ')}
                          </div>
                          {v.reason && <div className="text-xs text-slate-600">{v.reason}</div>}
                        </li>
                      ))}
                    </ul>
                  </details>
                )}
              </Card>
            );
          })}
                </div>
      )}
      <div className="mt-6">
        <Card title="Trainings">
          {!trainings.ok ? <Problem message={trainings.message} status={trainings.status} />
            : trainings.data.length === 0 ? <p className="text-sm text-slate-600">No training yet.</p> : (
              <table className="w-full text-left text-sm">
                <thead className="text-slate-500">
                  <tr><th className="py-1">Training</th><th>As of</th><th>Started</th><th>Models</th><th>Data files</th><th /></tr>
                </thead>
                <tbody>
                  {trainings.data.map((t) => (
                    <tr key={t.model_id} className="border-t border-slate-100" data-testid="training">
                      <td className="py-1 font-mono text-xs">{t.model_id}</td>
                      <td>{t.as_of ?? '—'}</td>
                      <td>{when(t.started_at)}</td>
                      <td className="text-xs">{Object.entries(t.models).map(([kind, m]) => `${kind} ${m.status}`).join(', ')}</td>
                      <td>{t.data_files.length}</td>
                      <td>{t.is_default ? <span data-testid="default-training" className="text-emerald-700">serving</span>
                        : t.status !== 'training' && t.status !== 'failed' && (
                          <form action={makeDefault}>
                            <input type="hidden" name="model_id" value={t.model_id} />
                            <button type="submit" className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100">
                              Make default
                            </button>
                          </form>
                        )}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
        </Card>
      </div>
      <h2 className="mb-3 mt-8 text-lg font-semibold">Out-of-time evaluation of the active models</h2>
      <div className="grid gap-4 lg:grid-cols-3">
        <Card title="Churn: ROC curve">
          {churn.ok ? <RocChart data={rocPoints(churn.data.roc)} /> : <Problem status={churn.status} message={churn.message} />}
        </Card>
        <Card title="Churn: calibration">
          {churn.ok ? <CalibrationChart data={churn.data.calibration} />
            : <Problem status={churn.status} message={churn.message} />}
        </Card>
        <Card title="Lifetime value: deciles">
          {ltv.ok ? <DecileChart data={decileBars(ltv.data.deciles)} /> : <Problem status={ltv.status} message={ltv.message} />}
        </Card>
      </div>
    </>
  );
}
