'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { checkKey } from '@/lib/api/keys';
import { endSession, startSession } from '@/lib/api/sessions';
import { SESSION_COOKIE, newSession, seal, sessionCookie, unseal } from '@/lib/session';

export interface SignInState {
  error?: string;
}

const REFUSED = 'That key was not accepted: it is unknown, revoked or expired.';
const UNREACHABLE = 'The platform cannot be reached right now. Check that the gateway is up and try again.';

/**
 * Signs in with a tenant's API key: checked against the gateway, which then issues a short-lived session key for this
 * sign-in; the session (that key, or the API key itself from a gateway without sessions) is kept sealed in an httpOnly
 * cookie. The user's API key is kept nowhere once the gateway has issued the session's.
 */
export async function signIn(_previous: SignInState, form: FormData): Promise<SignInState> {
  const key = String(form.get('key') ?? '').trim();
  if (!key) return { error: 'Enter your API key.' };
  const verdict = await checkKey(key);
  if (verdict === 'refused') return { error: REFUSED };
  if (verdict === 'unreachable') return { error: UNREACHABLE };
  const started = await startSession(key);
  if (started === 'refused') return { error: REFUSED };
  if (started === 'unreachable') return { error: UNREACHABLE };
  const session = started === 'unsupported' ? newSession({ secret: key, kind: 'key' })
    : newSession({ secret: started.secret, kind: 'session', keyId: started.key_id,
      gatewayExpiry: Date.parse(started.expires_at) });
  (await cookies()).set(SESSION_COOKIE, seal(session), sessionCookie(session));
  redirect('/');
}

/**
 * Signs out: the gateway ends the session's key for good (so a copy of the cookie is worth nothing), then the cookie
 * is deleted, whatever the gateway answered. A session holding the user's own API key (a gateway without sessions) is
 * left to its expiry: that key is the user's, not the session's, to revoke.
 */
export async function signOut(): Promise<void> {
  const jar = await cookies();
  const session = unseal(jar.get(SESSION_COOKIE)?.value);
  if (session?.kind === 'session') await endSession(session.secret);
  jar.delete(SESSION_COOKIE);
  redirect('/login');
}
