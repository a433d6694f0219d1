'use client';

import { useActionState } from 'react';
import { signIn, type SignInState } from './actions';

/** The sign-in form; {@code expired}: the gateway stopped accepting the key, {@code ended}: the session timed out. */
export function SignInForm({ expired, ended = false }: { expired: boolean; ended?: boolean }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signIn, {});
  const error = state.error ?? (expired ? 'Your key is no longer accepted. Sign in again.'
    : ended ? 'Your session has ended. Sign in again.' : undefined);
  return (
    <form action={action} className="space-y-4">
      <label htmlFor="key" className="block text-sm font-medium text-slate-700">API key</label>
      <input id="key" name="key" type="password" autoComplete="off" required placeholder="csr_…"
        aria-describedby={error ? 'sign-in-error' : undefined}
        className="w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-sm" />
      {error && <p id="sign-in-error" role="alert" className="text-sm text-red-700">{error}</p>}
      <button type="submit" disabled={pending}
        className="w-full rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60">
        {pending ? 'Checking…' : 'Sign in'}
      </button>
    </form>
  );
}
