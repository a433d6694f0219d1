/**
 * The proxy that runs before every request: security headers on every answer, the CSRF rule on /api/, and the
 * session's server-side expiry with its rolling last-seen time.
 */
import { NextRequest } from 'next/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as proxyModule from '@/proxy';
import { proxy } from '@/proxy';
import { SESSION_COOKIE, newSession, seal, unseal } from '@/lib/session';

const APP = 'http://retention.example.com';
const T0 = Date.parse('2025-03-01T09:00:00Z');
const MINUTE = 60_000;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
  vi.stubEnv('CSR_WEB_SECRET', 'proxy-test-secret');
});
afterEach(() => { vi.useRealTimers(); vi.unstubAllEnvs(); });

/** A session cookie issued at {@code at} (ms). */
const cookieFrom = (at = T0) => seal(newSession({ secret: 'csr_session-secret', kind: 'session', keyId: 'k1' }, at));

/** A request as a browser on the app's own pages sends it (Next.js gives the proxy a URL naming its own server). */
function ask(path: string, { method = 'GET', cookie, headers = {} }: { method?: string; cookie?: string;
  headers?: Record<string, string> } = {}) {
  const all: Record<string, string> = { host: 'retention.example.com', ...headers };
  if (cookie !== undefined) all.cookie = `${SESSION_COOKIE}=${cookie}`;
  return new NextRequest(`http://localhost:3000${path}`, { method, headers: all });
}

const letThrough = (r: Response) => r.headers.get('x-middleware-next') === '1';
const csp = (r: Response) => r.headers.get('content-security-policy') ?? '';

describe('security headers', () => {
  it('on a page: a policy with a fresh script nonce, which the page renders with too', () => {
    const first = proxy(ask('/', { cookie: cookieFrom() }));
    const second = proxy(ask('/', { cookie: cookieFrom() }));
    expect(letThrough(first)).toBe(true);
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp(first))?.[1];
    expect(nonce).toBeDefined();
    expect(csp(second)).not.toContain(nonce);
    for (const directive of ["default-src 'self'", `script-src 'self' 'nonce-${nonce}'`, "object-src 'none'",
      "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'", "img-src 'self' data:"]) {
      expect(csp(first)).toContain(directive);
    }
    expect(csp(first)).not.toContain('unsafe-eval');
    // Next.js takes the nonce from the request's policy and puts it on its own inline scripts
    expect(first.headers.get('x-middleware-request-content-security-policy')).toBe(csp(first));
    expect(first.headers.get('x-content-type-options')).toBe('nosniff');
    expect(first.headers.get('x-frame-options')).toBe('DENY');
    expect(first.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(first.headers.get('permissions-policy')).toContain('camera=()');
    expect(first.headers.get('strict-transport-security')).toBeNull();
  });

  it('on every other answer too: sign-in, Next.js files, API answers, redirects and refusals', () => {
    const answers = [
      proxy(ask('/login')),
      proxy(ask('/_next/static/chunks/main.js')),
      proxy(ask('/api/export/customers', { cookie: cookieFrom() })),
      proxy(ask('/segments')), // redirected to sign in
      proxy(ask('/api/train', { method: 'POST' })), // refused
    ];
    for (const answer of answers) {
      expect(csp(answer)).toContain("frame-ancestors 'none'");
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(answer.headers.get('x-frame-options')).toBe('DENY');
      expect(answer.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    }
    expect(csp(answers[0])).toMatch(/script-src 'self' 'nonce-/);
    expect(csp(answers[1])).toMatch(/^default-src 'none'/);
    expect(csp(answers[2])).toMatch(/^default-src 'none'/);
  });

  it('runs on every request: no matcher leaves a path out', () => {
    expect('config' in proxyModule).toBe(false);
  });

  it('on a page whose path holds a dot (a customer id), still a page\'s policy', () => {
    expect(csp(proxy(ask('/customers/A.1', { cookie: cookieFrom() })))).toMatch(/script-src 'self' 'nonce-/);
  });

  it('on the report the page frames: a sandbox with no script, that only this app may frame', () => {
    const framed = proxy(ask('/api/report?format=html&budget=5000&view=1', { cookie: cookieFrom() }));
    expect(csp(framed)).toBe("sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; "
      + "form-action 'none'; frame-ancestors 'self'");
    expect(framed.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    const download = proxy(ask('/api/report?format=html&budget=5000', { cookie: cookieFrom() }));
    expect(csp(download)).toMatch(/^sandbox; default-src 'none'.*frame-ancestors 'none'$/);
    expect(download.headers.get('x-frame-options')).toBe('DENY');
  });

  it('Strict-Transport-Security only when the app is served over HTTPS (CSR_WEB_SECURE_COOKIE=true)', () => {
    vi.stubEnv('CSR_WEB_SECURE_COOKIE', 'true');
    const answer = proxy(ask('/login'));
    expect(answer.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect(csp(answer)).toContain('upgrade-insecure-requests');
  });

  it('lets React\'s development build eval (its error overlay), and only there', () => {
    vi.stubEnv('NODE_ENV', 'development');
    expect(csp(proxy(ask('/login')))).toMatch(/script-src 'self' 'nonce-[^']+' 'unsafe-eval'/);
  });
});

describe('the CSRF rule on /api/', () => {
  const stateChanging: [string, string][] = [['POST', '/api/train'], ['POST', '/api/upload'],
    ['POST', '/api/upload/preview'], ['DELETE', '/api/train/ds-1'], ['PUT', '/api/export/plan'], ['PATCH', '/api/report']];

  it('refuses a state-changing request from another origin with a 403 problem, signed in or not', async () => {
    for (const [method, path] of stateChanging) {
      for (const cookie of [cookieFrom(), undefined]) {
        const answer = proxy(ask(path, { method, cookie, headers: { origin: 'https://evil.example' } }));
        expect(answer.status, `${method} ${path}`).toBe(403);
        expect(answer.headers.get('content-type')).toBe('application/problem+json');
        expect(await answer.json()).toEqual({ type: 'about:blank', title: 'Forbidden', status: 403,
          detail: expect.stringMatching(/did not come from the retention platform's own pages/) });
      }
    }
  });

  it('refuses one from a sibling subdomain, from a sandboxed frame, or that says nothing of where it comes from', () => {
    const cookie = cookieFrom();
    expect(proxy(ask('/api/train', { method: 'POST', cookie, headers: { origin: 'https://api.retention.example.com' } })).status)
      .toBe(403);
    expect(proxy(ask('/api/train', { method: 'POST', cookie, headers: { origin: 'null' } })).status).toBe(403);
    expect(proxy(ask('/api/train', { method: 'POST', cookie, headers: { 'sec-fetch-site': 'same-site' } })).status).toBe(403);
    expect(proxy(ask('/api/train', { method: 'POST', cookie })).status).toBe(403);
  });

  it('lets through one from the app\'s own pages, as well as reads from anywhere', () => {
    const cookie = cookieFrom();
    for (const [method, path] of stateChanging) {
      expect(letThrough(proxy(ask(path, { method, cookie, headers: { origin: APP } })))).toBe(true);
    }
    expect(letThrough(proxy(ask('/api/upload', { method: 'POST', cookie, headers: { 'sec-fetch-site': 'same-origin' } }))))
      .toBe(true);
    expect(letThrough(proxy(ask('/api/upload', { method: 'POST', cookie, headers: { referer: `${APP}/data` } })))).toBe(true);
    expect(letThrough(proxy(ask('/api/export/customers', { cookie, headers: { origin: 'https://evil.example' } })))).toBe(true);
  });

  it('takes the origin behind a proxy from X-Forwarded-Host and -Proto, or from CSR_WEB_ORIGIN', () => {
    const cookie = cookieFrom();
    const behind = { origin: 'https://retention.example.com', 'x-forwarded-host': 'retention.example.com',
      'x-forwarded-proto': 'https' };
    expect(letThrough(proxy(ask('/api/train', { method: 'POST', cookie, headers: behind })))).toBe(true);
    const rewritten = { origin: 'https://retention.example.com', host: 'web:3000' };
    expect(proxy(ask('/api/train', { method: 'POST', cookie, headers: rewritten })).status).toBe(403);
    vi.stubEnv('CSR_WEB_ORIGIN', 'https://retention.example.com,https://other.example.com');
    expect(letThrough(proxy(ask('/api/train', { method: 'POST', cookie, headers: rewritten })))).toBe(true);
  });
});

describe('sessions, checked on every request', () => {
  it('sends a visitor without a session to sign in, and answers 401 on /api/', async () => {
    const page = proxy(ask('/at-risk'));
    expect(page.status).toBe(307);
    expect(new URL(page.headers.get('location')!).pathname).toBe('/login');
    const api = proxy(ask('/api/export/customers'));
    expect(api.status).toBe(401);
    expect(api.headers.get('content-type')).toBe('application/problem+json');
    expect(await api.json()).toMatchObject({ type: 'about:blank', title: 'Unauthorized', status: 401 });
  });

  it('treats an idle, too old or unreadable session as none, and deletes its cookie', async () => {
    const idle = cookieFrom(T0 - 2 * 60 * MINUTE);
    const old = seal({ ...newSession({ secret: 's', kind: 'key' }, T0 - 12 * 60 * MINUTE), lastSeen: T0 / 1000 - 60 });
    for (const cookie of [idle, old, 'not-a-cookie-of-ours']) {
      const page = proxy(ask('/', { cookie }));
      expect(page.status).toBe(307);
      expect(new URL(page.headers.get('location')!).pathname + new URL(page.headers.get('location')!).search)
        .toBe('/login?ended=1');
      expect(page.headers.get('set-cookie')).toMatch(new RegExp(`^${SESSION_COOKIE}=;.*Expires=Thu, 01 Jan 1970`));
      const api = proxy(ask('/api/train/ds-1', { cookie }));
      expect(api.status).toBe(401);
      expect((await api.json()).detail).toBe('Your session has ended. Sign in again.');
    }
  });

  it('lets a live session through without sealing the cookie again within a minute', () => {
    const answer = proxy(ask('/plan', { cookie: cookieFrom(T0 - 30_000) }));
    expect(letThrough(answer)).toBe(true);
    expect(answer.headers.get('set-cookie')).toBeNull();
  });

  it('seals the cookie again once a minute has gone by, with the new last-seen time (the idle expiry rolls)', () => {
    const cookie = cookieFrom(T0 - 90 * MINUTE);
    const answer = proxy(ask('/plan', { cookie }));
    expect(letThrough(answer)).toBe(true);
    const setCookie = answer.headers.get('set-cookie') ?? '';
    const value = new RegExp(`^${SESSION_COOKIE}=([^;]+)`).exec(setCookie)?.[1];
    const before = unseal(cookie)!;
    const after = unseal(value)!;
    expect(after).toEqual({ ...before, lastSeen: T0 / 1000 });
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=lax/i);
    expect(setCookie).toMatch(/Max-Age=37800/); // the 10.5 h the session has left, not a fresh 12 h
    // what this request renders with sees the refreshed cookie too
    expect(answer.headers.get('x-middleware-request-cookie')).toContain(value);
    // and the refreshed session holds two more idle hours
    vi.setSystemTime(T0 + 119 * MINUTE);
    expect(letThrough(proxy(ask('/plan', { cookie: value })))).toBe(true);
    vi.setSystemTime(T0 + 120 * MINUTE);
    expect(proxy(ask('/plan', { cookie: value })).status).toBe(307);
  });

  it('lets anyone open the sign-in page and Next.js\'s files', () => {
    expect(letThrough(proxy(ask('/login')))).toBe(true);
    expect(letThrough(proxy(ask('/login?expired=1')))).toBe(true);
    expect(letThrough(proxy(ask('/_next/static/css/app.css')))).toBe(true);
    expect(proxy(ask('/loginx')).status).toBe(307);
  });
});
