import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * The signed-in user's session, sealed (AES-256-GCM) into an httpOnly cookie: the browser holds it but can neither
 * read it from JavaScript nor decrypt it; only this server can. The sealing secret is CSR_WEB_SECRET (./csr up keeps
 * one in .csr/web.secret, so sessions survive a restart); without it, a random one lives as long as the process.
 *
 * The cookie carries, besides the secret the gateway calls are made with, a random session id, when the session was
 * issued, when it was last seen and when it ends for good. This server checks those on every request
 * ({@link openSession}), so a copied cookie stops working once the session is idle or too old, whatever the browser
 * does with the cookie's Max-Age.
 */
export const SESSION_COOKIE = 'csr_session';
const IV_BYTES = 12;
const TAG_BYTES = 16;
/**
 * Binds every sealed value to this cookie format (GCM additional data): a cookie of the earlier format, which held the
 * bare API key, does not open, so its user just signs in again.
 */
const FORMAT = Buffer.from('csr_session/2');

/** How long a session lives at most, and how long it may go unused, by default (seconds). */
export const DEFAULT_MAX_AGE = 12 * 60 * 60;
export const DEFAULT_IDLE = 2 * 60 * 60;
/** How often, at most, a request re-seals the cookie to say the session was seen (seconds). */
export const SESSION_REFRESH = 60;

/** A signed-in user's session, as the cookie carries it; times are seconds since the epoch. */
export interface Session {
  /** A random id of this sign-in. */
  id: string;
  /** What the gateway calls are made with (the Bearer token). */
  secret: string;
  /**
   * 'session': {@link secret} is a short-lived key the gateway issued for this sign-in (POST /sessions), ended at
   * sign-out; 'key': it is the user's own API key (a gateway without sessions), which sign-out must leave alone.
   */
  kind: 'session' | 'key';
  /** The gateway's id of the session's key, when the gateway issued one. */
  keyId?: string;
  issuedAt: number;
  lastSeen: number;
  /** When the session ends whatever happens: the earlier of the gateway's expiry and issued + the maximum age. */
  expiresAt: number;
}

/** How long a session may live, and go unused, in seconds. */
export interface SessionLimits {
  maxAge: number;
  idle: number;
}

/** The session lifetimes: CSR_WEB_SESSION_MAX_AGE (default 12 h) and CSR_WEB_SESSION_IDLE (default 2 h), in seconds. */
export function sessionLimits(env: Record<string, string | undefined> = process.env): SessionLimits {
  return { maxAge: seconds(env.CSR_WEB_SESSION_MAX_AGE, DEFAULT_MAX_AGE), idle: seconds(env.CSR_WEB_SESSION_IDLE, DEFAULT_IDLE) };
}

/**
 * A new session for a secret the gateway accepted; {@code gatewayExpiry} (ms since the epoch) is when the gateway
 * stops accepting a session key, if it said.
 */
export function newSession(
  { secret, kind, keyId, gatewayExpiry }: { secret: string; kind: Session['kind']; keyId?: string; gatewayExpiry?: number },
  now: number = Date.now(), limits: SessionLimits = sessionLimits(),
): Session {
  const issuedAt = epochSeconds(now);
  const longest = issuedAt + limits.maxAge;
  const expiresAt = gatewayExpiry !== undefined && Number.isFinite(gatewayExpiry)
    ? Math.min(longest, Math.floor(gatewayExpiry / 1000)) : longest;
  return { id: randomBytes(16).toString('base64url'), secret, kind, ...(keyId ? { keyId } : {}), issuedAt,
    lastSeen: issuedAt, expiresAt };
}

/** The cookie value holding {@code session}. */
export function seal(session: Session, key: Buffer = sealingKey()): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(FORMAT);
  const body = Buffer.concat([cipher.update(JSON.stringify(session), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/**
 * The session sealed in a cookie value, whether or not it has ended (see {@link openSession}); undefined for anything
 * this server did not seal, including cookies of the earlier format.
 */
export function unseal(value: string | undefined, key: Buffer = sealingKey()): Session | undefined {
  if (!value) return undefined;
  try {
    const bytes = Buffer.from(value, 'base64url');
    if (bytes.length <= IV_BYTES + TAG_BYTES) return undefined;
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
    decipher.setAAD(FORMAT);
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    const text = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    return asSession(JSON.parse(text));
  } catch {
    return undefined;
  }
}

/** Whether a session still holds at {@code now} (ms): neither past its absolute end nor idle too long. */
export function isLive(session: Session, now: number = Date.now(), limits: SessionLimits = sessionLimits()): boolean {
  const at = epochSeconds(now);
  return at < session.expiresAt && at < session.issuedAt + limits.maxAge && at < session.lastSeen + limits.idle;
}

/** The live session in a cookie value: undefined when there is none, it is not ours, or it has ended. */
export function openSession(value: string | undefined, now: number = Date.now(), limits: SessionLimits = sessionLimits(),
  key: Buffer = sealingKey()): Session | undefined {
  const session = unseal(value, key);
  return session && isLive(session, now, limits) ? session : undefined;
}

/**
 * The session seen again at {@code now} (ms), when its last-seen time is more than {@link SESSION_REFRESH} old and the
 * cookie should be sealed again (a rolling idle expiry); undefined when the cookie can stay as it is.
 */
export function seenAgain(session: Session, now: number = Date.now()): Session | undefined {
  const at = epochSeconds(now);
  return at - session.lastSeen >= SESSION_REFRESH ? { ...session, lastSeen: at } : undefined;
}

/**
 * How the session cookie is set: httpOnly, SameSite=Lax, Secure when CSR_WEB_SECURE_COOKIE=true, and kept by the
 * browser until the session's absolute end (the server checks the end itself; this is a hint for the browser).
 */
export function sessionCookie(session: Session, now: number = Date.now(), limits: SessionLimits = sessionLimits()) {
  const end = Math.min(session.expiresAt, session.issuedAt + limits.maxAge);
  return {
    httpOnly: true, sameSite: 'lax' as const, secure: process.env.CSR_WEB_SECURE_COOKIE === 'true', path: '/',
    maxAge: Math.max(0, end - epochSeconds(now)),
  };
}

function asSession(value: unknown): Session | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const s = value as Record<string, unknown>;
  const times = [s.issuedAt, s.lastSeen, s.expiresAt].every((t) => typeof t === 'number' && Number.isFinite(t));
  if (typeof s.id !== 'string' || typeof s.secret !== 'string' || !s.secret || !times
    || (s.kind !== 'session' && s.kind !== 'key') || (s.keyId !== undefined && typeof s.keyId !== 'string')) {
    return undefined;
  }
  return value as Session;
}

let cached: { secret: string; key: Buffer } | undefined;

function sealingKey(): Buffer {
  // Without CSR_WEB_SECRET, one random secret for the whole process: the proxy and the pages are bundled apart, and
  // each must open the cookies the other sealed.
  const secret = (process.env.CSR_WEB_SECRET ||= randomBytes(32).toString('base64url'));
  if (cached?.secret !== secret) cached = { secret, key: createHash('sha256').update(secret).digest() };
  return cached.key;
}

function seconds(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value && Number.isFinite(n) && n > 0 ? Math.floor(n) : fallback;
}

function epochSeconds(ms: number): number {
  return Math.floor(ms / 1000);
}
