/**
 * Route handlers under app/api/ against a fake gateway: the report's own policy, and uploads that fail as a problem
 * the form can show.
 */
import { NextRequest } from 'next/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const session = vi.hoisted(() => ({ cookie: undefined as string | undefined }));
vi.mock('server-only', () => ({}));
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: () => (session.cookie === undefined ? undefined : { value: session.cookie }) }),
}));
vi.mock('next/navigation', () => ({
  redirect: (to: string) => { throw new Error(`redirect ${to}`); },
}));

import { GET as reportRoute } from '@/app/api/report/route';
import { POST as previewRoute } from '@/app/api/upload/preview/route';
import { POST as uploadRoute } from '@/app/api/upload/route';
import { newSession, seal } from '@/lib/session';

beforeEach(() => { session.cookie = seal(newSession({ secret: 'csr_s', kind: 'session' })); });
afterEach(() => { vi.unstubAllGlobals(); vi.restoreAllMocks(); });

describe('the report', () => {
  const html = () => new Response('<html><body><a href="javascript:alert(1)">x</a></body></html>', {
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Disposition': 'attachment; filename="report.html"' },
  });

  it('shown in the page\'s iframe: inline, in a sandbox with no script, framed only by this app', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => html()));
    const answer = await reportRoute(new NextRequest('http://web/api/report?format=html&budget=5000&view=1'));
    expect(answer.headers.get('Content-Disposition')).toBe('inline; filename="report.html"');
    expect(answer.headers.get('Content-Security-Policy')).toBe("sandbox; default-src 'none'; img-src data:; "
      + "style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'");
  });

  it('downloaded: an attachment, framed by nobody', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => html()));
    const answer = await reportRoute(new NextRequest('http://web/api/report?format=html'));
    expect(answer.headers.get('Content-Disposition')).toBe('attachment; filename="report.html"');
    expect(answer.headers.get('Content-Security-Policy')).toMatch(/^sandbox; default-src 'none';.*frame-ancestors 'none'$/);
  });
});

describe('uploads', () => {
  const upload = () => new Request('http://web/api/upload', { method: 'POST', body: 'the file' });

  it('answer a problem the form shows when the gateway does not answer in time or at all', async () => {
    vi.spyOn(AbortSignal, 'timeout').mockImplementation(() => AbortSignal.abort(new DOMException('', 'TimeoutError')));
    vi.stubGlobal('fetch', vi.fn(async (_url: string, init: RequestInit) => { throw init.signal?.reason; }));
    const late = await uploadRoute(upload());
    expect(late.status).toBe(504);
    expect(late.headers.get('Content-Type')).toBe('application/problem+json');
    expect(await late.json()).toMatchObject({ status: 504, detail: 'The platform did not answer within 900 s. Try again in a moment.' });
    vi.restoreAllMocks();
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('fetch failed'); }));
    const away = await previewRoute(upload());
    expect(away.status).toBe(502);
    expect((await away.json()).detail).toMatch(/cannot be reached/);
  });

  it('pass the gateway\'s answer on as it is', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{"file_id":"f1","rows":3}', { status: 202 })));
    const answer = await uploadRoute(upload());
    expect([answer.status, await answer.text()]).toEqual([202, '{"file_id":"f1","rows":3}']);
  });
});
