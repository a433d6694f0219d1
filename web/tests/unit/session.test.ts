import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { seal, unseal } from '@/lib/session';

describe('session cookie', () => {
  const key = randomBytes(32);

  it('gives back the sealed API key, and never shows it in the cookie', () => {
    const cookie = seal('csr_secret-key', key);
    expect(cookie).not.toContain('csr_secret');
    expect(unseal(cookie, key)).toBe('csr_secret-key');
  });

  it('refuses a cookie that was altered, sealed with another secret, or is not a cookie of ours', () => {
    const cookie = seal('csr_secret-key', key);
    const altered = cookie.slice(0, -2) + (cookie.endsWith('A') ? 'B' : 'A') + cookie.slice(-1);
    expect(unseal(altered, key)).toBeUndefined();
    expect(unseal(cookie, randomBytes(32))).toBeUndefined();
    expect(unseal('not-a-cookie', key)).toBeUndefined();
    expect(unseal(undefined, key)).toBeUndefined();
  });
});
