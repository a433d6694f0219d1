import { gatewayResponseWith } from '@/lib/gateway';

/**
 * A web session's key, as the gateway issues it at sign-in (POST /sessions answers 201 with it): a new short-lived key
 * of the same tenant, whose secret the web app keeps instead of the user's long-lived API key. Typed here, not from
 * schema.d.ts, until the gateway's OpenAPI document has /sessions.
 */
export interface GatewaySession {
  key_id: string;
  secret: string;
  /** When the gateway stops accepting the secret (ISO 8601). */
  expires_at: string;
  scopes: string[];
}

/**
 * Starts a session with the API key the user signed in with (POST /sessions, the key as Bearer): the session's key;
 * 'unsupported' when the gateway has no sessions yet (404: keep the API key itself), 'refused' when it does not accept
 * the key, 'unreachable' when it cannot say.
 */
export async function startSession(apiKey: string): Promise<GatewaySession | 'unsupported' | 'refused' | 'unreachable'> {
  try {
    const answer = await gatewayResponseWith(apiKey, '/sessions', { method: 'POST' });
    if (answer.status === 404) return 'unsupported';
    if (answer.status === 401 || answer.status === 403) return 'refused';
    if (!answer.ok) return 'unreachable';
    return asSession(await answer.json()) ?? 'unreachable';
  } catch {
    return 'unreachable';
  }
}

/**
 * Ends a session for good (DELETE /sessions/current, the session's secret as Bearer: the gateway revokes that key);
 * whether the gateway said it did (204). Sign-out goes on whatever the answer.
 */
export async function endSession(secret: string): Promise<boolean> {
  try {
    const answer = await gatewayResponseWith(secret, '/sessions/current', { method: 'DELETE' });
    return answer.status === 204 || answer.ok;
  } catch {
    return false;
  }
}

function asSession(body: unknown): GatewaySession | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const s = body as Record<string, unknown>;
  if (typeof s.secret !== 'string' || !s.secret || typeof s.key_id !== 'string' || typeof s.expires_at !== 'string'
    || Number.isNaN(Date.parse(s.expires_at))) {
    return undefined;
  }
  return { key_id: s.key_id, secret: s.secret, expires_at: s.expires_at,
    scopes: Array.isArray(s.scopes) ? s.scopes.filter((x): x is string => typeof x === 'string') : [] };
}
