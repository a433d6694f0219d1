import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * The signed-in user's API key, sealed (AES-256-GCM) into an httpOnly cookie: the browser holds it but can neither
 * read it from JavaScript nor decrypt it; only this server can. The sealing secret is CSR_WEB_SECRET (./csr up keeps
 * one in .csr/web.secret, so sessions survive a restart); without it, a random one lives as long as the process.
 */
export const SESSION_COOKIE = 'csr_session';
const IV_BYTES = 12;
const TAG_BYTES = 16;

let cachedKey: Buffer | undefined;

function sealingKey(): Buffer {
  if (cachedKey) return cachedKey;
  const secret = process.env.CSR_WEB_SECRET || randomBytes(32).toString('base64url');
  cachedKey = createHash('sha256').update(secret).digest();
  return cachedKey;
}

/** The cookie value holding {@code apiKey}. */
export function seal(apiKey: string, key: Buffer = sealingKey()): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(apiKey, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** The API key sealed in a cookie value; undefined for anything this server did not seal. */
export function unseal(value: string | undefined, key: Buffer = sealingKey()): string | undefined {
  if (!value) return undefined;
  try {
    const bytes = Buffer.from(value, 'base64url');
    if (bytes.length <= IV_BYTES + TAG_BYTES) return undefined;
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}
