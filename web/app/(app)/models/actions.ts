'use server';

import { revalidatePath } from 'next/cache';
import { load } from '@/lib/gateway';

/** Makes a training's models the serving ones (each kind it trained, by rollback). */
export async function makeDefault(form: FormData): Promise<void> {
  const id = String(form.get('model_id') ?? '');
  await load(`/models/${encodeURIComponent(id)}/default`, { method: 'POST' });
  revalidatePath('/models');
}
