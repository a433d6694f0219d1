'use server';

import { redirect } from 'next/navigation';
import { setCurrency, setNotifications, stopNotifications as stop, testNotifications as test } from '@/lib/api/tenant';
import { load } from '@/lib/gateway';

/** Saves the tenant's currency; an empty field goes back to the platform's default. */
export async function saveCurrency(form: FormData): Promise<void> {
  const currency = String(form.get('currency') ?? '').trim().toUpperCase();
  const saved = await load(setCurrency(currency || null));
  redirect(saved.ok ? '/settings?saved=1' : `/settings?error=${encodeURIComponent(saved.message)}`);
}

/** Sets where the tenant is told that trainings and batch jobs ended; empty fields are none. */
export async function saveNotifications(form: FormData): Promise<void> {
  const email = String(form.get('email') ?? '').trim();
  const webhook = String(form.get('webhook_url') ?? '').trim();
  const saved = await load(setNotifications({ email: email || null, webhook_url: webhook || null,
    rotate_secret: form.get('rotate_secret') === 'on' }));
  redirect(saved.ok ? '/settings?notified=saved' : `/settings?error=${encodeURIComponent(saved.message)}`);
}

/** Stops all notifications. */
export async function stopNotifications(): Promise<void> {
  const answer = await stop();
  redirect(answer.ok ? '/settings?notified=stopped' : `/settings?error=${encodeURIComponent(`The gateway answered ${answer.status}.`)}`);
}

/** Sends a test notice to each channel now; the outcome of each is shown. */
export async function testNotifications(): Promise<void> {
  const tested = await load(test());
  redirect(tested.ok ? `/settings?tested=${encodeURIComponent(JSON.stringify(tested.data))}`
    : `/settings?error=${encodeURIComponent(tested.message)}`);
}
