'use server';

import { redirect } from 'next/navigation';
import { startPredictions as start } from '@/lib/api/predictions';
import { load } from '@/lib/gateway';

/** Starts a batch prediction of every customer, or of the ids of an uploaded list; pinned to a version if given. */
export async function startPredictions(form: FormData): Promise<void> {
  const modelId = String(form.get('model_id') ?? '').trim() || undefined;
  const list = form.get('customers');
  const ids = list instanceof File && list.size > 0 ? await list.text() : undefined;
  const started = await load(start({ modelId, ids }));
  redirect(started.ok ? '/predictions?started=1' : `/predictions?error=${encodeURIComponent(started.message)}`);
}
