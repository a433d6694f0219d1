'use server';

import { redirect } from 'next/navigation';
import { load } from '@/lib/gateway';

/** Saves the tenant's currency; an empty field goes back to the platform's default. */
export async function saveCurrency(form: FormData): Promise<void> {
  const currency = String(form.get('currency') ?? '').trim().toUpperCase();
  const saved = await load('/tenant', {
    method: 'PATCH', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ currency: currency || null }),
  });
  redirect(saved.ok ? '/settings?saved=1' : `/settings?error=${encodeURIComponent(saved.message)}`);
}
