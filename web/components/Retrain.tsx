'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import type { TrainingProgress } from '@/lib/api/training';

/** A training being followed: the gateway's TrainingProgress, for the training set this page started. */
type Progress = TrainingProgress & { dataset_id: string };

const LABELS: Record<string, string> = {
  training: 'training…', active: 'active', not_promoted: 'kept out: the active model is better', failed: 'failed',
};

/** The retrain button, then each model's progress live until every one is active, kept out or failed. */
export function Retrain() {
  const router = useRouter();
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);

  useEffect(() => {
    if (!progress || progress.status !== 'training') return;
    const timer = setTimeout(async () => {
      const answer = await fetch(`/api/train/${encodeURIComponent(progress.dataset_id)}`);
      if (answer.ok) {
        const next = (await answer.json()) as TrainingProgress;
        setProgress({ ...next, dataset_id: next.dataset_id ?? progress.dataset_id });
        if (next.status !== 'training') router.refresh();
      }
    }, 2000);
    return () => clearTimeout(timer);
  }, [progress, router]);

  async function start() {
    setStarting(true);
    setError(null);
    try {
      const answer = await fetch('/api/train', { method: 'POST' });
      const body = await answer.json();
      if (!answer.ok) {
        setError(body.detail ?? `The training could not start (${answer.status}).`);
      } else {
        setProgress({ dataset_id: body.dataset_id, status: 'training', models: {} });
      }
    } catch {
      setError('The platform cannot be reached right now.');
    } finally {
      setStarting(false);
    }
  }

  const running = progress?.status === 'training';
  return (
    <div>
      <button type="button" onClick={start} disabled={starting || running}
        className="rounded-md bg-brand-600 px-4 py-2 text-white hover:bg-brand-700 disabled:opacity-60">
        {running ? 'Training…' : 'Retrain on the latest data'}
      </button>
      {error && <p role="alert" className="mt-2 text-sm text-red-700">{error}</p>}
      {progress && (
        <div aria-live="polite" className="mt-3 text-sm">
          <p>Training set <span className="font-mono">{progress.dataset_id}</span>:{' '}
            <strong data-testid="training-status">{progress.status}</strong></p>
          <ul className="mt-1 space-y-1">
            {['segment', 'churn', 'ltv'].map((kind) => (
              <li key={kind}>
                {kind}: {LABELS[progress.models?.[kind] ?? 'training'] ?? progress.models?.[kind]}
                {progress.reasons?.[kind] && <span className="text-slate-600"> — {progress.reasons[kind]}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
