/**
 * Sign-in and sign-out (the server actions) against a fake gateway: what the session cookie holds, and that sign-out
 * ends the gateway's session for good.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const jar = vi.hoisted(() => ({
  values: new Map<string, string>(),
  options: new Map<string, unknown>(),
  deleted: [] as string[],
}));
vi.mock('server-only', () => ({}));
vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) => (jar.values.has(name) ? { name, value: jar.values.get(name) } : undefined),
    set: (name: string, value: string, options: unknown) => { jar.values.set(name, value); jar.options.set(name, options); },
    delete: (name: string) => { jar.values.delete(name); jar.deleted.push(name); },
  }),
}));
vi.mock('next/navigation', () => ({
  redirect: (to: string) => { throw new Error(`redirect ${to}`); },
}));

import { signIn, signOut } from '@/app/login/actions';
import { SESSION_COOKIE, newSession, seal, unseal } from '@/lib/session';

const T0 = Date.parse('2025-03-01T09:00:00Z');
const USERS_KEY = 'csr_users-long-lived-key';

/** A fake gateway answering by method and path; every request is recorded. */
function gatewayAnswering(answers: Record<string, () => Response>) {
  const sent: { method: string; path: string; authorization: string | null }[] = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    const path = new URL(url).pathname;
    sent.push({ method, path, authorization: new Headers(init.headers).get('Authorization') });
    const answer = answers[`${method} ${path}`];
    return answer ? answer() : new Response(null, { status: 500 });
  }));
  return sent;
}

const json = (body: unknown, status = 200) => () => new Response(JSON.stringify(body), {
  status, headers: { 'Content-Type': 'application/json' },
});

const form = (key: string) => { const f = new FormData(); f.set('key', key); return f; };

beforeEach(() => {
  jar.values.clear(); jar.options.clear(); jar.deleted.length = 0;
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
});
afterEach(() => { vi.useRealTimers(); vi.unstubAllGlobals(); vi.unstubAllEnvs(); });

describe('sign-in', () => {
  it('checks the key, starts a gateway session with it, and seals the session\'s secret, not the key', async () => {
    const sent = gatewayAnswering({
      'GET /tenant': json([]),
      'POST /sessions': json({ key_id: 'key_7', secret: 'csr_session-secret', expires_at: '2025-03-01T17:00:00Z',
        scopes: ['read', 'write', 'admin'] }, 201),
    });
    await expect(signIn({}, form(` ${USERS_KEY} `))).rejects.toThrow('redirect /');
    expect(sent).toEqual([
      { method: 'GET', path: '/tenant', authorization: `Bearer ${USERS_KEY}` },
      { method: 'POST', path: '/sessions', authorization: `Bearer ${USERS_KEY}` },
    ]);
    const cookie = jar.values.get(SESSION_COOKIE)!;
    expect(cookie).not.toContain(USERS_KEY);
    const session = unseal(cookie)!;
    expect(JSON.stringify(session)).not.toContain(USERS_KEY);
    expect(session).toMatchObject({ secret: 'csr_session-secret', kind: 'session', keyId: 'key_7',
      issuedAt: T0 / 1000, lastSeen: T0 / 1000, expiresAt: Date.parse('2025-03-01T17:00:00Z') / 1000 });
    // the browser keeps it until the session's end: the gateway's 8 h come before the 12 h maximum
    expect(jar.options.get(SESSION_COOKIE)).toEqual({ httpOnly: true, sameSite: 'lax', secure: false, path: '/',
      maxAge: 8 * 3600 });
  });

  it('ends a session after CSR_WEB_SESSION_MAX_AGE when that comes before the gateway\'s expiry', async () => {
    vi.stubEnv('CSR_WEB_SESSION_MAX_AGE', '3600');
    gatewayAnswering({
      'GET /tenant': json([]),
      'POST /sessions': json({ key_id: 'k', secret: 's', expires_at: '2025-03-02T09:00:00Z', scopes: [] }, 201),
    });
    await expect(signIn({}, form(USERS_KEY))).rejects.toThrow('redirect /');
    expect(unseal(jar.values.get(SESSION_COOKIE))!.expiresAt).toBe(T0 / 1000 + 3600);
  });

  it('keeps the key itself when the gateway has no sessions yet (404)', async () => {
    gatewayAnswering({ 'GET /tenant': json([]), 'POST /sessions': json({ title: 'Not Found', status: 404 }, 404) });
    await expect(signIn({}, form(USERS_KEY))).rejects.toThrow('redirect /');
    expect(unseal(jar.values.get(SESSION_COOKIE))).toMatchObject({ secret: USERS_KEY, kind: 'key',
      expiresAt: T0 / 1000 + 12 * 3600 });
  });

  it('says why it did not sign in, and sets no cookie', async () => {
    gatewayAnswering({ 'GET /tenant': json({ title: 'Unauthorized' }, 401) });
    expect(await signIn({}, form('csr_wrong'))).toEqual({ error: expect.stringMatching(/not accepted/) });
    gatewayAnswering({ 'GET /tenant': json([]) }); // POST /sessions answers 500
    expect(await signIn({}, form(USERS_KEY))).toEqual({ error: expect.stringMatching(/cannot be reached/) });
    gatewayAnswering({ 'GET /tenant': json([]), 'POST /sessions': json({ title: 'Forbidden' }, 403) });
    expect(await signIn({}, form(USERS_KEY))).toEqual({ error: expect.stringMatching(/not accepted/) });
    expect(await signIn({}, form('  '))).toEqual({ error: 'Enter your API key.' });
    expect(jar.values.has(SESSION_COOKIE)).toBe(false);
  });
});

describe('sign-out', () => {
  it('ends the gateway session with its own secret, then deletes the cookie', async () => {
    jar.values.set(SESSION_COOKIE, seal(newSession({ secret: 'csr_session-secret', kind: 'session', keyId: 'k' })));
    const sent = gatewayAnswering({ 'DELETE /sessions/current': () => new Response(null, { status: 204 }) });
    await expect(signOut()).rejects.toThrow('redirect /login');
    expect(sent).toEqual([{ method: 'DELETE', path: '/sessions/current', authorization: 'Bearer csr_session-secret' }]);
    expect(jar.deleted).toEqual([SESSION_COOKIE]);
  });

  it('deletes the cookie even when the gateway cannot end the session', async () => {
    jar.values.set(SESSION_COOKIE, seal(newSession({ secret: 'csr_session-secret', kind: 'session' })));
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('fetch failed'); }));
    await expect(signOut()).rejects.toThrow('redirect /login');
    expect(jar.deleted).toEqual([SESSION_COOKIE]);
  });

  it('leaves the user\'s own key alone (a gateway without sessions), and signs out without a cookie too', async () => {
    jar.values.set(SESSION_COOKIE, seal(newSession({ secret: USERS_KEY, kind: 'key' })));
    const sent = gatewayAnswering({});
    await expect(signOut()).rejects.toThrow('redirect /login');
    await expect(signOut()).rejects.toThrow('redirect /login');
    expect(sent).toEqual([]);
    expect(jar.deleted).toEqual([SESSION_COOKIE, SESSION_COOKIE]);
  });
});
