import { describe, expect, it } from 'vitest';
import { appOrigins, changesState, fromThisApp, isForgery } from '@/lib/origin';

/** A request to the web app as Next.js hands it to the proxy (its URL names the server, not the Host). */
const asked = (method: string, headers: Record<string, string>) =>
  new Request('http://localhost:3000/api/train', { method, headers: { host: 'retention.example.com', ...headers } });

describe('what changes state', () => {
  it('is every method but GET, HEAD and OPTIONS', () => {
    expect(['POST', 'PUT', 'PATCH', 'DELETE', 'post'].every(changesState)).toBe(true);
    expect(['GET', 'HEAD', 'OPTIONS'].some(changesState)).toBe(false);
  });
});

describe('this app\'s origin', () => {
  it('is the Host the request was sent to, with its protocol', () => {
    expect([...appOrigins(asked('POST', {}), {})]).toEqual(['http://retention.example.com']);
  });

  it('is the forwarded host and protocol behind a proxy, default ports dropped', () => {
    expect([...appOrigins(asked('POST', { 'x-forwarded-host': 'retention.example.com:443, internal:3000',
      'x-forwarded-proto': 'https' }), {})]).toEqual(['https://retention.example.com']);
  });

  it('adds the origins CSR_WEB_ORIGIN names, comma-separated, and skips what is not an origin', () => {
    const origins = appOrigins(asked('POST', {}), { CSR_WEB_ORIGIN: 'https://retention.example.com/, https://alt.example.com:8443 ,nonsense,' });
    expect([...origins].sort()).toEqual(['http://retention.example.com', 'https://alt.example.com:8443',
      'https://retention.example.com']);
  });
});

describe('a state-changing request', () => {
  it('from this app\'s pages is let through', () => {
    expect(isForgery(asked('POST', { origin: 'http://retention.example.com' }), {})).toBe(false);
    expect(isForgery(asked('DELETE', { origin: 'https://retention.example.com' }), { CSR_WEB_ORIGIN: 'https://retention.example.com' }))
      .toBe(false);
  });

  it('from another origin is refused, a sibling subdomain (same site) included', () => {
    for (const origin of ['https://evil.example', 'http://api.retention.example.com', 'http://retention.example.com.evil.example',
      'https://retention.example.com', 'null']) {
      expect(isForgery(asked('POST', { origin }), {}), origin).toBe(true);
    }
  });

  it('without an Origin is judged by Sec-Fetch-Site, then by the Referer', () => {
    expect(fromThisApp(asked('POST', { 'sec-fetch-site': 'same-origin' }), {})).toBe(true);
    expect(fromThisApp(asked('POST', { 'sec-fetch-site': 'same-site' }), {})).toBe(false);
    expect(fromThisApp(asked('POST', { 'sec-fetch-site': 'cross-site', referer: 'http://retention.example.com/data' }), {}))
      .toBe(false);
    expect(fromThisApp(asked('POST', { referer: 'http://retention.example.com/data?x=1' }), {})).toBe(true);
    expect(fromThisApp(asked('POST', { referer: 'https://evil.example/retention.example.com' }), {})).toBe(false);
  });

  it('with nothing saying where it comes from is refused', () => {
    expect(isForgery(asked('POST', {}), {})).toBe(true);
  });

  it('is not what reading is: a GET from anywhere is not a forgery', () => {
    expect(isForgery(asked('GET', { origin: 'https://evil.example' }), {})).toBe(false);
  });
});
