import { randomBytes } from 'node:crypto';

/**
 * The security headers every response of the web app carries (set by proxy.ts, which runs on every request). Pages get
 * a Content-Security-Policy with a fresh nonce per request: Next.js reads the nonce from the policy and puts it on its
 * own inline bootstrap scripts, so no other inline script runs. Scripts are otherwise only the app's own files
 * ('self'; X-Content-Type-Options: nosniff keeps a same-origin CSV, JSON or report from being run as one). Styles
 * allow 'unsafe-inline': React renders style attributes (chart sizes, bar lengths), which a nonce cannot cover.
 */
type Env = Record<string, string | undefined>;

type Url = Pick<URL, 'pathname' | 'searchParams'>;

/**
 * The policy of the strategic report shown on this origin (/api/report): a sandbox with no script, no request, only
 * inline styles and data: images; {@code framed} (the page's iframe, ?view=1) lets this app's pages frame it.
 */
export function reportPolicy(framed: boolean): string {
  return policy([
    'sandbox', "default-src 'none'", 'img-src data:', "style-src 'unsafe-inline'", "base-uri 'none'",
    "form-action 'none'", `frame-ancestors ${framed ? "'self'" : "'none'"}`,
  ]);
}

/** The policy of what is not a page (JSON, CSV and PDF answers, scripts, styles): nothing in it runs or loads. */
export const RESOURCE_POLICY = policy(["default-src 'none'", "base-uri 'none'", "form-action 'none'",
  "frame-ancestors 'none'"]);

/** The policy of a page, with the nonce of its request. */
export function pagePolicy(nonce: string, env: Env = process.env): string {
  const dev = env.NODE_ENV === 'development'; // React's dev build needs eval for its error overlay
  return policy([
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(secure(env) ? ['upgrade-insecure-requests'] : []),
  ]);
}

/** A fresh, unguessable nonce for one page's scripts. */
export function newNonce(): string {
  return randomBytes(18).toString('base64');
}

/**
 * Whether a path is a page (a document with Next.js scripts), not an API answer or a file of Next.js's own. A page's
 * path may hold a dot (a customer id), so anything else is taken for a page.
 */
export function isPage(pathname: string): boolean {
  return !pathname.startsWith('/api/') && !pathname.startsWith('/_next/') && pathname !== '/favicon.ico';
}

/**
 * The security headers of the answer to a URL: {@code nonce} is the page's (see {@link newNonce}; none for what is not
 * a page). Strict-Transport-Security only when the app is served over HTTPS (CSR_WEB_SECURE_COOKIE=true).
 */
export function securityHeaders(url: Url, nonce?: string, env: Env = process.env): Record<string, string> {
  const report = url.pathname === '/api/report';
  const framed = report && url.searchParams.get('view') === '1';
  const headers: Record<string, string> = {
    'Content-Security-Policy': report ? reportPolicy(framed) : nonce ? pagePolicy(nonce, env) : RESOURCE_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': framed ? 'SAMEORIGIN' : 'DENY',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
  if (secure(env)) headers['Strict-Transport-Security'] = 'max-age=31536000; includeSubDomains';
  return headers;
}

function secure(env: Env): boolean {
  return env.CSR_WEB_SECURE_COOKIE === 'true';
}

function policy(directives: string[]): string {
  return directives.join('; ');
}
