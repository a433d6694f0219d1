'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { checkKey } from '@/lib/api/keys';
import { SESSION_COOKIE, seal } from '@/lib/session';

export interface SignInState {
  error?: string;
}

/** Signs in with a tenant's API key: checked against the gateway, then kept sealed in an httpOnly cookie. */
export async function signIn(_previous: SignInState, form: FormData): Promise<SignInState> {
  const key = String(form.get('key') ?? '').trim();
  if (!key) return { error: 'Enter your API key.' };
  const verdict = await checkKey(key);
  if (verdict === 'refused') return { error: 'That key was not accepted: it is unknown, revoked or expired.' };
  if (verdict === 'unreachable') {
    return { error: 'The platform cannot be reached right now. Check that the gateway is up and try again.' };
  }
  (await cookies()).set(SESSION_COOKIE, seal(key), {
    httpOnly: true, sameSite: 'lax', secure: process.env.CSR_WEB_SECURE_COOKIE === 'true', path: '/',
    maxAge: 60 * 60 * 12,
  });
  redirect('/');
}

export async function signOut(): Promise<void> {
  (await cookies()).delete(SESSION_COOKIE);
  redirect('/login');
}
