'use server';

import { revalidatePath } from 'next/cache';
import { makeDefault as makeTrainingDefault } from '@/lib/api/models';
import { load } from '@/lib/gateway';

/** Makes a training's models the serving ones (each kind it trained, by rollback). */
export async function makeDefault(form: FormData): Promise<void> {
  await load(makeTrainingDefault(String(form.get('model_id') ?? '')));
  revalidatePath('/models');
}
