/**
 * The data modules (lib/api/) against a fake gateway: which path, query and body each call sends, how ids are encoded,
 * and how the gateway's answers and problems become data, messages for the page, or a trip to the sign-in page.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const session = vi.hoisted(() => ({ cookie: undefined as string | undefined }));
vi.mock('server-only', () => ({}));
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: () => (session.cookie === undefined ? undefined : { value: session.cookie }) }),
}));
vi.mock('next/navigation', () => ({
  redirect: (to: string) => { throw new Error(`redirect ${to}`); },
}));

import { churnExplanation, customer, customerPage, purchases } from '@/lib/api/customers';
import { previewFile, uploadFile } from '@/lib/api/files';
import { checkKey } from '@/lib/api/keys';
import { makeDefault, versions } from '@/lib/api/models';
import { currency, overview } from '@/lib/api/overview';
import { plan } from '@/lib/api/plan';
import { predictionCsv, startPredictions } from '@/lib/api/predictions';
import { report } from '@/lib/api/report';
import { setCurrency, setNotifications, stopNotifications, testNotifications } from '@/lib/api/tenant';
import { startTraining, trainingProgress } from '@/lib/api/training';
import { CALL_TIMEOUT, GATEWAY_URL, GatewayError, load, problemAnswer, uploadTimeout } from '@/lib/gateway';
import { customerQuery, gatewayQuery } from '@/lib/query';
import { endSession, startSession } from '@/lib/api/sessions';
import { newSession, seal } from '@/lib/session';

interface Sent { url: URL; method: string; headers: Headers; body: unknown; init: RequestInit }

/** A fake gateway: every request is recorded; each answers with the next of the given answers (the last one again). */
function gatewayAnswering(...answers: (() => Response)[]) {
  const sent: Sent[] = [];
  const fetch = vi.fn(async (url: string, init: RequestInit = {}) => {
    sent.push({ url: new URL(url), method: init.method ?? 'GET', headers: new Headers(init.headers), body: init.body, init });
    return answers[Math.min(sent.length - 1, answers.length - 1)]();
  });
  vi.stubGlobal('fetch', fetch);
  return sent;
}

const json = (body: unknown, status = 200) => () => new Response(JSON.stringify(body), {
  status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
});

beforeEach(() => { session.cookie = seal(newSession({ secret: 'csr_tenant-key', kind: 'session', keyId: 'k1' })); });
afterEach(() => { vi.unstubAllGlobals(); vi.unstubAllEnvs(); vi.restoreAllMocks(); });

describe('the gateway call every data module makes', () => {
  it('goes to the gateway with the signed-in tenant\'s key, never cached', async () => {
    const sent = gatewayAnswering(json({ customers: 3 }));
    expect(await overview()).toEqual({ customers: 3 });
    expect(sent).toHaveLength(1);
    expect(sent[0].url.href).toBe(`${GATEWAY_URL}/overview`);
    expect(sent[0].headers.get('Authorization')).toBe('Bearer csr_tenant-key');
    expect(sent[0].init.cache).toBe('no-store');
  });

  it('sends a visitor without a session to sign in, without calling the gateway', async () => {
    session.cookie = undefined;
    const sent = gatewayAnswering(json({}));
    await expect(overview()).rejects.toThrow('redirect /login');
    session.cookie = 'not-a-cookie-of-ours';
    await expect(overview()).rejects.toThrow('redirect /login');
    expect(sent).toHaveLength(0);
  });

  it('sends a visitor whose session ended (idle, too old) to sign in, without calling the gateway', async () => {
    const sent = gatewayAnswering(json({}));
    const idle = newSession({ secret: 'csr_tenant-key', kind: 'session' }, Date.now() - 3 * 60 * 60 * 1000);
    session.cookie = seal(idle);
    await expect(overview()).rejects.toThrow('redirect /login');
    await expect(report('pdf', 1)).rejects.toThrow('redirect /login');
    session.cookie = seal({ ...idle, lastSeen: Math.floor(Date.now() / 1000) - 60, expiresAt: Math.floor(Date.now() / 1000) });
    await expect(overview()).rejects.toThrow('redirect /login');
    expect(sent).toHaveLength(0);
  });

  it('signs the user out when the gateway no longer accepts the key', async () => {
    gatewayAnswering(json({ title: 'Unauthorized', status: 401, detail: 'Unknown key' }, 401));
    await expect(overview()).rejects.toThrow('redirect /login?expired=1');
    // a redirect is not a message for the page: load passes it on
    await expect(load(overview())).rejects.toThrow('redirect /login?expired=1');
  });

  it('turns a problem (RFC 9457) into its detail, for the page to show', async () => {
    gatewayAnswering(json({ type: 'about:blank', title: 'Not Found', status: 404, detail: 'no customer 42' }, 404));
    const error = await customer('42').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GatewayError);
    expect(error).toMatchObject({ status: 404, title: 'Not Found', message: 'no customer 42' });
    expect(await load(customer('42'))).toEqual({ ok: false, status: 404, message: 'no customer 42' });
  });

  it('says what the gateway answered when the answer is not a problem document', async () => {
    gatewayAnswering(() => new Response('<html>Bad Gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    expect(await load(overview())).toEqual({ ok: false, status: 502, message: 'The gateway answered 502.' });
  });

  it('falls back on the status text for a problem without a detail', async () => {
    gatewayAnswering(() => new Response(JSON.stringify({ status: 409 }), { status: 409, statusText: 'Conflict' }));
    expect(await load(overview())).toEqual({ ok: false, status: 409, message: 'Conflict' });
  });

  it('says the gateway cannot be reached when it does not answer at all', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('fetch failed'); }));
    const answer = await load(overview());
    expect(answer).toMatchObject({ ok: false, status: 0 });
    expect(!answer.ok && answer.message).toMatch(/cannot be reached/);
  });

  it('gives up on a call after 30 s, and says the platform did not answer in time', async () => {
    const timeout = vi.spyOn(AbortSignal, 'timeout').mockImplementation(() => AbortSignal.abort(new DOMException('', 'TimeoutError')));
    vi.stubGlobal('fetch', vi.fn(async (_url: string, init: RequestInit) => { throw init.signal?.reason; }));
    expect(await load(overview())).toEqual({ ok: false, status: 504,
      message: 'The platform did not answer within 30 s. Try again in a moment.' });
    expect(timeout).toHaveBeenCalledWith(CALL_TIMEOUT);
    expect(CALL_TIMEOUT).toBe(30_000);
  });

  it('passes on what is not a gateway problem (a programming error) instead of hiding it', async () => {
    await expect(load(Promise.reject(new TypeError('x is undefined')))).rejects.toThrow(TypeError);
  });
});

describe('customers', () => {
  it('asks for one page of the at-risk list as the page\'s query says', async () => {
    const sent = gatewayAnswering(json({ items: [], page: 2, size: 50, total: 0 }));
    await customerPage(customerQuery({ sort: 'predicted_ltv', page: '2', size: '50', persona: 'Champions & co',
      risk_band: 'high' }));
    expect(sent[0].url.pathname).toBe('/customers');
    expect(Object.fromEntries(sent[0].url.searchParams)).toEqual({ sort: 'predicted_ltv', page: '2', size: '50',
      persona: 'Champions & co', risk_band: 'high' });
  });

  it('encodes a customer id into one path segment, for each of a customer\'s resources', async () => {
    const sent = gatewayAnswering(json({ lines: [{ invoice: 'A1' }] }));
    await customer('12/34 ?x');
    expect(await purchases('12/34 ?x')).toEqual([{ invoice: 'A1' }]);
    await churnExplanation('12/34 ?x');
    expect(sent.map((s) => s.url.pathname)).toEqual(['/customers/12%2F34%20%3Fx',
      '/customers/12%2F34%20%3Fx/transactions', '/customers/12%2F34%20%3Fx/churn-drivers']);
    expect(sent.every((s) => s.url.search === '')).toBe(true);
  });
});

describe('the at-risk query', () => {
  it('keeps a known sort and bounds the page and its size', () => {
    expect(customerQuery({})).toEqual({ sort: 'expected_loss', page: 0, size: 25, persona: undefined,
      riskBand: undefined });
    expect(customerQuery({ sort: 'drop table', page: '-3', size: '5000' })).toMatchObject({ sort: 'expected_loss',
      page: 0, size: 200 });
    expect(customerQuery({ sort: ['customer_id', 'predicted_ltv'], size: 'many' })).toMatchObject({
      sort: 'customer_id', size: 25 });
  });

  it('leaves out the filters that are not set', () => {
    expect(gatewayQuery({ sort: 'expected_loss', page: 0, size: 25 })).toBe('sort=expected_loss&page=0&size=25');
    expect(gatewayQuery({ sort: 'expected_loss', page: 1, size: 10, riskBand: 'low' }))
      .toBe('sort=expected_loss&page=1&size=10&risk_band=low');
  });
});

describe('overview', () => {
  it('names the tenant\'s currency, GBP when the gateway cannot say', async () => {
    gatewayAnswering(json({ currency: 'EUR' }));
    expect(await currency()).toBe('EUR');
    gatewayAnswering(json({ currency: null }));
    expect(await currency()).toBe('GBP');
    gatewayAnswering(json({ title: 'Service Unavailable', detail: 'down' }, 503));
    expect(await currency()).toBe('GBP');
  });
});

describe('models', () => {
  it('encodes the kind and the training\'s id, and makes a training the default with a POST', async () => {
    const sent = gatewayAnswering(json([]));
    await versions('churn');
    await makeDefault('train 1/2');
    expect(sent.map((s) => `${s.method} ${s.url.pathname}`)).toEqual(['GET /models/churn/versions',
      'POST /models/train%201%2F2/default']);
  });
});

describe('plan', () => {
  it('posts the budget and the action costs as JSON', async () => {
    const sent = gatewayAnswering(json({ budget: 1000 }));
    await plan({ budget: 1000, action_costs: { Champions: 2.5 } });
    expect(sent[0].method).toBe('POST');
    expect(sent[0].url.pathname).toBe('/plan');
    expect(sent[0].headers.get('Content-Type')).toBe('application/json');
    expect(JSON.parse(String(sent[0].body))).toEqual({ budget: 1000, action_costs: { Champions: 2.5 } });
  });
});

describe('predictions', () => {
  it('starts a prediction of every customer with a JSON body, pinned to a training when one is given', async () => {
    const sent = gatewayAnswering(json({ job_id: 'j1' }));
    await startPredictions({});
    await startPredictions({ modelId: 'm-1' });
    expect(sent.map((s) => [s.method, s.url.pathname + s.url.search, s.headers.get('Content-Type'), s.body]))
      .toEqual([['POST', '/predictions', 'application/json', '{}'],
        ['POST', '/predictions', 'application/json', '{"model_id":"m-1"}']]);
  });

  it('sends a list of ids as CSV, the training in the query', async () => {
    const sent = gatewayAnswering(json({ job_id: 'j2' }));
    await startPredictions({ ids: '13085\n12346\n' });
    await startPredictions({ ids: '13085', modelId: 'a&b=c' });
    expect(sent.map((s) => [s.url.pathname, s.url.search, s.headers.get('Content-Type'), s.body])).toEqual([
      ['/predictions', '', 'text/csv', '13085\n12346\n'],
      ['/predictions', '?model_id=a%26b%3Dc', 'text/csv', '13085']]);
    expect(sent[1].url.searchParams.get('model_id')).toBe('a&b=c');
  });

  it('passes a job\'s CSV on as the gateway answers it, problems included', async () => {
    const sent = gatewayAnswering(() => new Response('{"detail":"not finished"}', { status: 409 }));
    const answer = await predictionCsv('job/7');
    expect(answer.status).toBe(409);
    expect(sent[0].url.pathname).toBe('/predictions/job%2F7/csv');
  });
});

describe('report', () => {
  it('asks for the format and the budget in the query', async () => {
    const sent = gatewayAnswering(() => new Response('%PDF-', { headers: { 'Content-Type': 'application/pdf' } }));
    const answer = await report('pdf', 2500);
    expect(await answer.text()).toBe('%PDF-');
    expect(sent[0].url.pathname).toBe('/report');
    expect(Object.fromEntries(sent[0].url.searchParams)).toEqual({ format: 'pdf', budget: '2500' });
  });
});

describe('tenant', () => {
  it('patches the currency, null going back to the default', async () => {
    const sent = gatewayAnswering(json({ tenant_id: 'demo', currency: null }));
    await setCurrency(null);
    expect([sent[0].method, sent[0].url.pathname, sent[0].body]).toEqual(['PATCH', '/tenant', '{"currency":null}']);
  });

  it('puts the notification channels, and tests and stops them', async () => {
    const sent = gatewayAnswering(json({ webhook: 'delivered: HTTP 200' }));
    await setNotifications({ email: null, webhook_url: 'https://hooks.example.com/x', rotate_secret: true });
    expect(await testNotifications()).toEqual({ webhook: 'delivered: HTTP 200' });
    await stopNotifications();
    expect(sent.map((s) => `${s.method} ${s.url.pathname}`)).toEqual(['PUT /tenant/notifications',
      'POST /tenant/notifications/test', 'DELETE /tenant/notifications']);
    expect(JSON.parse(String(sent[0].body))).toEqual({ email: null, webhook_url: 'https://hooks.example.com/x',
      rotate_secret: true });
  });
});

describe('training', () => {
  it('starts a training with an empty JSON document and follows it by its encoded id', async () => {
    const sent = gatewayAnswering(json({ dataset_id: 'ds 1' }));
    await startTraining();
    await trainingProgress('ds 1');
    expect(sent.map((s) => [s.method, s.url.pathname, s.body ?? null])).toEqual([['POST', '/train', '{}'],
      ['GET', '/train/ds%201', null]]);
  });
});

describe('files', () => {
  it('streams an upload on to the gateway with its multipart type, and a preview to /files/preview', async () => {
    const sent = gatewayAnswering(json({ accepted: 15 }, 202));
    const upload = () => new Request('http://web/api/upload', {
      method: 'POST', body: 'the file', headers: { 'Content-Type': 'multipart/form-data; boundary=xyz' },
    });
    const answer = await uploadFile(upload());
    await previewFile(upload());
    expect(answer.status).toBe(202);
    expect(sent.map((s) => `${s.method} ${s.url.pathname}`)).toEqual(['POST /files', 'POST /files/preview']);
    expect(sent[0].headers.get('Content-Type')).toBe('multipart/form-data; boundary=xyz');
    expect(sent[0].body).toBeInstanceOf(ReadableStream);
    expect((sent[0].init as { duplex?: string }).duplex).toBe('half');
  });

  it('gives an upload and its preview 15 minutes (CSR_WEB_UPLOAD_TIMEOUT), the other calls 30 s', async () => {
    gatewayAnswering(json({ accepted: 15 }, 202));
    const timeout = vi.spyOn(AbortSignal, 'timeout');
    const upload = () => new Request('http://web/api/upload', { method: 'POST', body: 'the file' });
    await uploadFile(upload());
    await previewFile(upload());
    await startTraining();
    expect(timeout.mock.calls).toEqual([[15 * 60_000], [15 * 60_000], [30_000]]);
    vi.stubEnv('CSR_WEB_UPLOAD_TIMEOUT', '3600');
    await uploadFile(upload());
    expect(timeout).toHaveBeenLastCalledWith(3_600_000);
    expect(uploadTimeout({ CSR_WEB_UPLOAD_TIMEOUT: 'forever' })).toBe(900_000);
    expect(uploadTimeout({ CSR_WEB_UPLOAD_TIMEOUT: '0' })).toBe(900_000);
  });

  it('turns a gateway failure into a problem the upload form can show', async () => {
    const answer = problemAnswer(new GatewayError(0, 'Gateway unavailable', 'The platform cannot be reached.'));
    expect(answer.status).toBe(502);
    expect(answer.headers.get('Content-Type')).toBe('application/problem+json');
    expect(await answer.json()).toEqual({ type: 'about:blank', title: 'Gateway unavailable', status: 502,
      detail: 'The platform cannot be reached.' });
  });
});

describe('sessions (sign-in and sign-out)', () => {
  const issued = { key_id: 'key_7', secret: 'csr_session-secret', expires_at: '2025-03-01T21:00:00Z', scopes: ['tenant'] };

  it('starts a session with the key the user signed in with: POST /sessions answers the session\'s key', async () => {
    session.cookie = undefined;
    const sent = gatewayAnswering(json(issued, 201));
    expect(await startSession('csr_users-key')).toEqual(issued);
    expect(sent.map((s) => [s.method, s.url.pathname, s.headers.get('Authorization'), s.body ?? null]))
      .toEqual([['POST', '/sessions', 'Bearer csr_users-key', null]]);
  });

  it('tells a gateway without sessions (404) from a refused key and from a gateway that cannot say', async () => {
    gatewayAnswering(json({ title: 'Not Found', status: 404 }, 404));
    expect(await startSession('k')).toBe('unsupported');
    gatewayAnswering(json({ title: 'Unauthorized' }, 401));
    expect(await startSession('k')).toBe('refused');
    gatewayAnswering(json({ title: 'Forbidden' }, 403));
    expect(await startSession('k')).toBe('refused');
    gatewayAnswering(json({ title: 'Internal Server Error' }, 500));
    expect(await startSession('k')).toBe('unreachable');
    gatewayAnswering(json({ key_id: 'k', expires_at: 'later' }, 201));
    expect(await startSession('k')).toBe('unreachable');
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('fetch failed'); }));
    expect(await startSession('k')).toBe('unreachable');
  });

  it('ends a session with its own secret: DELETE /sessions/current', async () => {
    const sent = gatewayAnswering(() => new Response(null, { status: 204 }));
    expect(await endSession('csr_session-secret')).toBe(true);
    expect(sent.map((s) => [s.method, s.url.pathname, s.headers.get('Authorization')]))
      .toEqual([['DELETE', '/sessions/current', 'Bearer csr_session-secret']]);
    gatewayAnswering(json({ title: 'Unauthorized' }, 401));
    expect(await endSession('csr_session-secret')).toBe(false);
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('fetch failed'); }));
    expect(await endSession('csr_session-secret')).toBe(false);
  });
});

describe('keys (sign-in)', () => {
  it('checks the key it is given, not the session\'s', async () => {
    session.cookie = undefined;
    const sent = gatewayAnswering(json([]));
    expect(await checkKey('csr_new-key')).toBe('ok');
    expect(sent[0].url.pathname).toBe('/tenant');
    expect(sent[0].headers.get('Authorization')).toBe('Bearer csr_new-key');
  });

  it('tells a refused key from a gateway that cannot say', async () => {
    gatewayAnswering(json({ title: 'Unauthorized' }, 401));
    expect(await checkKey('k')).toBe('refused');
    gatewayAnswering(json({ title: 'Forbidden' }, 403));
    expect(await checkKey('k')).toBe('refused');
    gatewayAnswering(json({ title: 'Internal Server Error' }, 500));
    expect(await checkKey('k')).toBe('unreachable');
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('fetch failed'); }));
    expect(await checkKey('k')).toBe('unreachable');
  });
});
