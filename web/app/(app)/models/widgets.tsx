/** The models page's widgets: each waits for its own gateway call, so a slow one holds up only itself. */
import Link from 'next/link';
import { CalibrationChart, DecileChart, RocChart } from '@/components/charts';
import { Problem } from '@/components/ui';
import type { ActiveModels, ModelKind, ModelVersion, Training } from '@/lib/api/models';
import { when } from '@/lib/format';
import type { Loaded } from '@/lib/gateway';
import { decileBars, rocPoints } from '@/lib/shape';
import type { ChurnEvaluation, LtvEvaluation } from '@/lib/types';
import { makeDefault } from './actions';

/** Each model kind: its title and the metrics shown for it, in order. */
export const KINDS: readonly (readonly [ModelKind, string, readonly string[]])[] = [
  ['segment', 'Segments (K-Means)', ['k', 'silhouette']],
  ['churn', 'Churn', ['algorithm', 'roc_auc', 'pr_auc', 'brier', 'mean_predicted', 'churn_rate']],
  ['ltv', 'Lifetime value', ['algorithm', 'spearman', 'normalized_gini', 'total_ratio', 'mae', 'rmse']],
];

function figure(value: unknown): string {
  return typeof value === 'number' ? (Number.isInteger(value) ? String(value) : value.toFixed(4)) : String(value ?? '—');
}

/** The model in service of a kind: its version, when it was trained, its metrics. */
export async function ActiveModel({ models, kind, shown }: {
  models: Promise<Loaded<ActiveModels>>; kind: ModelKind; shown: readonly string[];
}) {
  const answer = await models;
  if (!answer.ok) return <Problem message={answer.message} status={answer.status} />;
  const card = answer.data[kind];
  if (!card) return <p className="text-sm text-slate-600">No {kind} model in service yet.</p>;
  const metrics = card.metrics ?? {};
  return (
    <>
      <p className="text-sm">Active: <span className="font-mono">{card.version}</span></p>
      <p className="mb-2 text-xs text-slate-500">trained {when(card.trained_at)}</p>
      <dl className="grid grid-cols-2 gap-y-1 text-sm">
        {shown.filter((m) => metrics[m] !== undefined).map((m) => (
          <div key={m} className="contents"><dt className="text-slate-500">{m}</dt><dd className="tabular-nums">{figure(metrics[m])}</dd></div>
        ))}
      </dl>
    </>
  );
}

/** Every version of a kind: its status, its metrics, why it was not promoted, a link to the run that trained it. */
export async function Versions({ versions, shown }: {
  versions: Promise<Loaded<ModelVersion[]>>; shown: readonly string[];
}) {
  const answer = await versions;
  if (!answer.ok || answer.data.length === 0) return null;
  return (
    <details className="mt-3 text-sm">
      <summary className="cursor-pointer">Versions ({answer.data.length})</summary>
      <ul className="mt-2 space-y-2">
        {answer.data.map((v) => (
          <li key={v.version}>
            <span className="font-mono">{v.version}</span> — {v.status}
            {v.run && (
              <> · <Link className="text-brand-700 underline"
                href={`/models/${encodeURIComponent(v.model_kind ?? '')}/${encodeURIComponent(v.version ?? '')}`}>
                training run</Link></>
            )}
            <div className="text-xs tabular-nums text-slate-600">
              {shown.filter((m) => v.metrics?.[m] !== undefined)
                .map((m) => `${m} ${figure(v.metrics?.[m])}`).join(' · ')}
            </div>
            {v.reason && <div className="text-xs text-slate-600">{v.reason}</div>}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** The trainings, newest first: what became of each kind's model, the data files, a button to make one the default. */
export async function Trainings({ trainings }: { trainings: Promise<Loaded<Training[]>> }) {
  const answer = await trainings;
  if (!answer.ok) return <Problem message={answer.message} status={answer.status} />;
  if (answer.data.length === 0) return <p className="text-sm text-slate-600">No training yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="text-slate-500">
          <tr><th className="py-1">Training</th><th>As of</th><th>Started</th><th>Models</th><th>Data files</th><th /></tr>
        </thead>
        <tbody>
          {answer.data.map((t) => (
            <tr key={t.model_id} className="border-t border-slate-100" data-testid="training">
              <td className="py-1 font-mono text-xs">{t.model_id}</td>
              <td>{t.as_of ?? '—'}</td>
              <td>{when(t.started_at)}</td>
              <td className="text-xs">{Object.entries(t.models ?? {}).map(([kind, m]) => `${kind} ${m.status}`).join(', ')}</td>
              <td>{t.data_files?.length ?? 0}</td>
              <td>{t.is_default ? <span data-testid="default-training" className="text-emerald-700">serving</span>
                : t.status !== 'training' && t.status !== 'failed' && (
                  <form action={makeDefault}>
                    <input type="hidden" name="model_id" value={t.model_id ?? ''} />
                    <button type="submit" className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100">
                      Make default
                    </button>
                  </form>
                )}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The active churn model's ROC curve on its out-of-time validation. */
export async function RocCurve({ evaluation }: { evaluation: Promise<Loaded<ChurnEvaluation>> }) {
  const answer = await evaluation;
  return answer.ok ? <RocChart data={rocPoints(answer.data.roc)} />
    : <Problem status={answer.status} message={answer.message} />;
}

/** The active churn model's calibration: predicted against observed churn. */
export async function Calibration({ evaluation }: { evaluation: Promise<Loaded<ChurnEvaluation>> }) {
  const answer = await evaluation;
  return answer.ok ? <CalibrationChart data={answer.data.calibration} />
    : <Problem status={answer.status} message={answer.message} />;
}

/** The active LTV model's deciles: mean predicted against mean actual value. */
export async function Deciles({ evaluation }: { evaluation: Promise<Loaded<LtvEvaluation>> }) {
  const answer = await evaluation;
  return answer.ok ? <DecileChart data={decileBars(answer.data.deciles)} />
    : <Problem status={answer.status} message={answer.message} />;
}
