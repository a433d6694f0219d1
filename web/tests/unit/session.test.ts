import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_IDLE, DEFAULT_MAX_AGE, SESSION_REFRESH, isLive, newSession, openSession, seal, seenAgain, sessionCookie,
  sessionLimits, unseal,
} from '@/lib/session';

const HOUR = 60 * 60 * 1000;
const T0 = Date.parse('2025-03-01T09:00:00Z');
const limits = { maxAge: DEFAULT_MAX_AGE, idle: DEFAULT_IDLE };

afterEach(() => { vi.unstubAllEnvs(); });

describe('session cookie', () => {
  const key = randomBytes(32);

  it('gives back the sealed session, and never shows its secret in the cookie', () => {
    const session = newSession({ secret: 'csr_secret-key', kind: 'session', keyId: 'k1' }, T0, limits);
    const cookie = seal(session, key);
    expect(cookie).not.toContain('csr_secret');
    expect(unseal(cookie, key)).toEqual(session);
  });

  it('carries a random session id, when it was issued and last seen, and when it ends', () => {
    const a = newSession({ secret: 's', kind: 'key' }, T0, limits);
    const b = newSession({ secret: 's', kind: 'key' }, T0, limits);
    expect(a.id).toMatch(/^[\w-]{22}$/);
    expect(a.id).not.toBe(b.id);
    expect(a).toMatchObject({ issuedAt: T0 / 1000, lastSeen: T0 / 1000, expiresAt: T0 / 1000 + 12 * 3600 });
    expect(a.keyId).toBeUndefined();
  });

  it('refuses a cookie that was altered, sealed with another secret, or is not a cookie of ours', () => {
    const cookie = seal(newSession({ secret: 'csr_secret-key', kind: 'key' }, T0, limits), key);
    const altered = cookie.slice(0, -2) + (cookie.endsWith('A') ? 'B' : 'A') + cookie.slice(-1);
    expect(unseal(altered, key)).toBeUndefined();
    expect(unseal(cookie, randomBytes(32))).toBeUndefined();
    expect(unseal('not-a-cookie', key)).toBeUndefined();
    expect(unseal(undefined, key)).toBeUndefined();
  });

  it('refuses a cookie of the earlier format (the bare API key), so its user signs in again', () => {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const body = Buffer.concat([cipher.update('csr_old-key', 'utf8'), cipher.final()]);
    const old = Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
    expect(unseal(old, key)).toBeUndefined();
    expect(openSession(old, T0, limits, key)).toBeUndefined();
  });

  it('uses CSR_WEB_SECRET as the sealing secret', () => {
    vi.stubEnv('CSR_WEB_SECRET', 'the-web-secret');
    const cookie = seal(newSession({ secret: 's', kind: 'key' }, T0, limits));
    expect(unseal(cookie, createHash('sha256').update('the-web-secret').digest())?.secret).toBe('s');
  });
});

describe('session expiry, checked by the server', () => {
  const key = randomBytes(32);
  const cookieAt = (at: number, extra: { gatewayExpiry?: number } = {}) =>
    seal(newSession({ secret: 'csr_s', kind: 'session', keyId: 'k', ...extra }, at, limits), key);

  it('holds while the session is used within the idle time and is not too old', () => {
    expect(openSession(cookieAt(T0), T0 + HOUR, limits, key)?.secret).toBe('csr_s');
  });

  it('ends a session idle for 2 hours (by default)', () => {
    const cookie = cookieAt(T0);
    expect(openSession(cookie, T0 + 2 * HOUR - 1000, limits, key)).toBeDefined();
    expect(openSession(cookie, T0 + 2 * HOUR, limits, key)).toBeUndefined();
  });

  it('ends a session 12 hours after sign-in (by default), however often it is used', () => {
    let session = newSession({ secret: 'csr_s', kind: 'key' }, T0, limits);
    for (let at = T0 + HOUR; at < T0 + 12 * HOUR; at += HOUR) {
      session = seenAgain(session, at) ?? session;
      expect(isLive(session, at, limits)).toBe(true);
    }
    session = seenAgain(session, T0 + 12 * HOUR) ?? session;
    expect(isLive(session, T0 + 12 * HOUR, limits)).toBe(false);
  });

  it('ends a session when the gateway says its key ends, if that comes first', () => {
    const cookie = cookieAt(T0, { gatewayExpiry: T0 + HOUR });
    expect(unseal(cookie, key)?.expiresAt).toBe(T0 / 1000 + 3600);
    expect(openSession(cookie, T0 + HOUR - 1000, limits, key)).toBeDefined();
    expect(openSession(cookie, T0 + HOUR, limits, key)).toBeUndefined();
    // a gateway expiry later than the maximum age does not lengthen the session
    expect(unseal(cookieAt(T0, { gatewayExpiry: T0 + 48 * HOUR }), key)?.expiresAt).toBe(T0 / 1000 + 12 * 3600);
  });

  it('takes the lifetimes from CSR_WEB_SESSION_MAX_AGE and CSR_WEB_SESSION_IDLE (seconds), also for older cookies', () => {
    expect(sessionLimits({})).toEqual({ maxAge: 43200, idle: 7200 });
    expect(sessionLimits({ CSR_WEB_SESSION_MAX_AGE: '3600', CSR_WEB_SESSION_IDLE: '600' })).toEqual({ maxAge: 3600, idle: 600 });
    expect(sessionLimits({ CSR_WEB_SESSION_MAX_AGE: 'soon', CSR_WEB_SESSION_IDLE: '-5' })).toEqual({ maxAge: 43200, idle: 7200 });
    vi.stubEnv('CSR_WEB_SESSION_IDLE', '600');
    vi.stubEnv('CSR_WEB_SESSION_MAX_AGE', '3600');
    const cookie = cookieAt(T0); // sealed under the defaults
    expect(openSession(cookie, T0 + 599_000, sessionLimits(), key)).toBeDefined();
    expect(openSession(cookie, T0 + 600_000, sessionLimits(), key)).toBeUndefined();
    const used = seal(seenAgain(unseal(cookie, key)!, T0 + 3500_000)!, key);
    expect(openSession(used, T0 + 3599_000, sessionLimits(), key)).toBeDefined();
    expect(openSession(used, T0 + 3600_000, sessionLimits(), key)).toBeUndefined();
  });

  it('is seen again (sealed anew) at most once a minute', () => {
    const session = newSession({ secret: 's', kind: 'key' }, T0, limits);
    expect(seenAgain(session, T0 + (SESSION_REFRESH - 1) * 1000)).toBeUndefined();
    expect(seenAgain(session, T0 + SESSION_REFRESH * 1000)).toEqual({ ...session, lastSeen: T0 / 1000 + SESSION_REFRESH });
  });

  it('sets the cookie httpOnly, SameSite=Lax, Secure when asked, kept until the session\'s absolute end', () => {
    const session = newSession({ secret: 's', kind: 'key' }, T0, limits);
    expect(sessionCookie(session, T0 + HOUR, limits)).toEqual({ httpOnly: true, sameSite: 'lax', secure: false, path: '/',
      maxAge: 11 * 3600 });
    vi.stubEnv('CSR_WEB_SECURE_COOKIE', 'true');
    expect(sessionCookie(session, T0, limits).secure).toBe(true);
  });
});
