import 'server-only';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { SESSION_COOKIE, unseal } from './session';

/** Where the gateway listens; the web app talks to nothing else. */
export const GATEWAY_URL = process.env.CSR_GATEWAY_URL ?? 'http://127.0.0.1:8000';

/** A gateway answer that is an RFC 9457 problem (4xx), or the gateway not answering at all (status 0). */
export class GatewayError extends Error {
  constructor(readonly status: number, readonly title: string, detail: string) {
    super(detail);
  }
}

/** What a page shows: the data, or a sentence saying why there is none. */
export type Loaded<T> = { ok: true; data: T } | { ok: false; status: number; message: string };

async function apiKey(): Promise<string> {
  const key = unseal((await cookies()).get(SESSION_COOKIE)?.value);
  if (!key) redirect('/login');
  return key;
}

/**
 * Calls the gateway as the signed-in tenant (the data modules in lib/api/ know its paths); a key the gateway no longer
 * accepts signs the user out.
 */
export async function gateway<T>(path: string, init: RequestInit = {}): Promise<T> {
  const key = await apiKey();
  const answer = await call(path, key, init);
  if (answer.status === 401) redirect('/login?expired=1');
  if (!answer.ok) throw await problem(answer);
  return (await answer.json()) as T;
}

/** The raw answer of a gateway call, for streaming it on (CSV exports, uploads). */
export async function gatewayResponse(path: string, init: RequestInit = {}): Promise<Response> {
  return call(path, await apiKey(), init);
}

/** The raw answer of a call with a key that is not the session's yet: how sign-in checks the key it was given. */
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

async function call(path: string, key: string, init: RequestInit): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('Authorization', `Bearer ${key}`);
  try {
    return await fetch(GATEWAY_URL + path, { ...init, headers, cache: 'no-store', signal: AbortSignal.timeout(30_000) });
  } catch {
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
