'use server';

import { redirect } from 'next/navigation';
import { load } from '@/lib/gateway';

/** Starts a batch prediction of every customer, or of the ids of an uploaded list; pinned to a version if given. */
export async function startPredictions(form: FormData): Promise<void> {
  const modelId = String(form.get('model_id') ?? '').trim();
  const list = form.get('customers');
  const query = modelId ? `?model_id=${encodeURIComponent(modelId)}` : '';
  const started = list instanceof File && list.size > 0
    ? await load('/predictions' + query, {
      method: 'POST', headers: { 'Content-Type': 'text/csv' }, body: await list.text(),
    })
    : await load('/predictions', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(modelId ? { model_id: modelId } : {}),
    });
  redirect(started.ok ? '/predictions?started=1' : `/predictions?error=${encodeURIComponent(started.message)}`);
}
