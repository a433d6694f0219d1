import 'server-only';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { problem as problemOf } from './problem';
import { SESSION_COOKIE, openSession } from './session';

/** Where the gateway listens; the web app talks to nothing else. */
export const GATEWAY_URL = process.env.CSR_GATEWAY_URL ?? 'http://127.0.0.1:8000';

/** How long a gateway call may take (ms), uploads aside. */
export const CALL_TIMEOUT = 30_000;

/**
 * How long an upload (or its preview) may take end to end (ms): CSR_WEB_UPLOAD_TIMEOUT seconds, 15 minutes by default,
 * since a big file takes minutes to send and for the gateway to read.
 */
export function uploadTimeout(env: Record<string, string | undefined> = process.env): number {
  const seconds = Number(env.CSR_WEB_UPLOAD_TIMEOUT);
  return (env.CSR_WEB_UPLOAD_TIMEOUT && Number.isFinite(seconds) && seconds > 0 ? seconds : 15 * 60) * 1000;
}

/**
 * A gateway answer that is an RFC 9457 problem (4xx), the gateway not answering in time (504), or not answering at all
 * (status 0).
 */
export class GatewayError extends Error {
  constructor(readonly status: number, readonly title: string, detail: string) {
    super(detail);
  }
}

/**
 * A gateway failure as this app's own RFC 9457 answer, for a route handler that passes the gateway's answers on (no
 * answer at all is a 502).
 */
export function problemAnswer(error: GatewayError): Response {
  return problemOf(error.status || 502, error.title, error.message);
}

/** What a page shows: the data, or a sentence saying why there is none. */
export type Loaded<T> = { ok: true; data: T } | { ok: false; status: number; message: string };

/** The secret of the signed-in user's session; a visitor without a live session (none, or it ended) signs in. */
async function sessionSecret(): Promise<string> {
  const session = openSession((await cookies()).get(SESSION_COOKIE)?.value);
  if (!session) redirect('/login');
  return session.secret;
}

/**
 * Calls the gateway as the signed-in tenant (the data modules in lib/api/ know its paths); a key the gateway no longer
 * accepts signs the user out.
 */
export async function gateway<T>(path: string, init: RequestInit = {}): Promise<T> {
  const answer = await call(path, await sessionSecret(), init);
  if (answer.status === 401) redirect('/login?expired=1');
  if (!answer.ok) throw await problem(answer);
  return (await answer.json()) as T;
}

/**
 * The raw answer of a gateway call, for streaming it on (CSV exports, uploads); {@code timeout} (ms) is how long it may
 * take, {@link CALL_TIMEOUT} unless said.
 */
export async function gatewayResponse(path: string, init: RequestInit = {}, timeout = CALL_TIMEOUT): Promise<Response> {
  return call(path, await sessionSecret(), init, timeout);
}

/**
 * A file the gateway answered, passed on as a download of {@code type} named {@code filename} (the gateway's own
 * Content-Disposition when none is given); a refusal is passed on as it came, problem and status.
 */
export async function download(answer: Response, type: string, filename?: string): Promise<Response> {
  if (!answer.ok) {
    return new Response(await answer.text(), {
      status: answer.status, headers: { 'Content-Type': answer.headers.get('Content-Type') ?? 'text/plain' },
    });
  }
  const disposition = filename ? `attachment; filename="${filename}"`
    : answer.headers.get('Content-Disposition') ?? 'attachment';
  return new Response(answer.body, { headers: { 'Content-Type': type, 'Content-Disposition': disposition } });
}

/**
 * The raw answer of a call with a key that is not the session's: how sign-in checks the key it was given and starts
 * a session with it, and how sign-out ends a session.
 */
export function gatewayResponseWith(key: string, path: string, init: RequestInit = {}): Promise<Response> {
  return call(path, key, init);
}

/** A request whose body is a JSON document. */
export function withJson(method: string, body: unknown): RequestInit {
  return { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
}

/** Waits for a gateway call (a data module's function); a failure is a message for the page instead of an exception. */
export async function load<T>(answer: Promise<T>): Promise<Loaded<T>> {
  try {
    return { ok: true, data: await answer };
  } catch (e) {
    if (e instanceof GatewayError) return { ok: false, status: e.status, message: e.message };
    throw e; // redirects (sign-in) and programming errors
  }
}

async function call(path: string, key: string, init: RequestInit, timeout = CALL_TIMEOUT): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('Authorization', `Bearer ${key}`);
  const deadline = AbortSignal.timeout(timeout);
  try {
    return await fetch(GATEWAY_URL + path, { ...init, headers, cache: 'no-store', signal: deadline });
  } catch {
    if (deadline.aborted) {
      throw new GatewayError(504, 'Gateway Timeout', `The platform did not answer within ${Math.round(timeout / 1000)} s. `
        + 'Try again in a moment.');
    }
    throw new GatewayError(0, 'Gateway unavailable', `The platform's gateway (${GATEWAY_URL}) cannot be reached. `
      + 'Is the stack up? Try again in a moment.');
  }
}

async function problem(answer: Response): Promise<GatewayError> {
  try {
    const body = (await answer.json()) as { title?: string; detail?: string };
    return new GatewayError(answer.status, body.title ?? answer.statusText, body.detail ?? answer.statusText);
  } catch {
    return new GatewayError(answer.status, answer.statusText, `The gateway answered ${answer.status}.`);
  }
}
