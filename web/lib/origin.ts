/**
 * The rule against cross-site request forgery on this app's route handlers (/api/), applied in proxy.ts to every
 * request that changes something (POST, PUT, PATCH, DELETE): it must come from this app's own pages. SameSite=Lax alone
 * does not do it: a sibling subdomain (api.retention.example.com next to retention.example.com) is the same site.
 *
 * The request's Origin decides; a browser that sends none is judged by Sec-Fetch-Site, then by the Referer's origin; a
 * request with none of them is refused (every browser this app supports sends one). This app's origin is the one the
 * request was sent to (X-Forwarded-Host or Host, with X-Forwarded-Proto or the request's protocol), plus any named in
 * CSR_WEB_ORIGIN (comma-separated, for a deployment behind a proxy that rewrites them).
 *
 * Server actions (sign-in, sign-out, the forms) are POSTs to the pages: Next.js checks their Origin itself.
 */
type Env = Record<string, string | undefined>;

/** A request as the rule reads it: its method, headers and URL. */
type Asked = Pick<Request, 'method' | 'headers' | 'url'>;

/** Whether a method changes something (everything but GET, HEAD and OPTIONS). */
export function changesState(method: string): boolean {
  return !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());
}

/** The origins this app answers on, for this request: its own, and those CSR_WEB_ORIGIN names. */
export function appOrigins(request: Asked, env: Env = process.env): Set<string> {
  const origins = new Set<string>();
  for (const named of (env.CSR_WEB_ORIGIN ?? '').split(',')) {
    const origin = originOf(named.trim());
    if (origin) origins.add(origin);
  }
  const host = first(request.headers.get('x-forwarded-host')) ?? request.headers.get('host');
  const proto = first(request.headers.get('x-forwarded-proto')) ?? originOf(request.url)?.split(':')[0];
  const own = host && proto ? originOf(`${proto}://${host}`) : originOf(request.url);
  if (own) origins.add(own);
  return origins;
}

/** Whether a request comes from this app's own pages (see the rule above). */
export function fromThisApp(request: Asked, env: Env = process.env): boolean {
  const origin = request.headers.get('origin');
  if (origin !== null) return appOrigins(request, env).has(originOf(origin) ?? 'null');
  const site = request.headers.get('sec-fetch-site');
  if (site !== null) return site === 'same-origin';
  const referer = originOf(request.headers.get('referer') ?? '');
  return referer !== undefined && appOrigins(request, env).has(referer);
}

/** Whether this app must refuse a request: it changes something and does not come from this app's pages. */
export function isForgery(request: Asked, env: Env = process.env): boolean {
  return changesState(request.method) && !fromThisApp(request, env);
}

/** What a refused request is told (the detail of its 403 problem). */
export const FORGERY_DETAIL = 'This request did not come from the retention platform\'s own pages, so it was refused. '
  + 'Open the page again and retry from there.';

function originOf(value: string): string | undefined {
  if (!value || value === 'null') return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

function first(header: string | null): string | undefined {
  const value = header?.split(',')[0].trim();
  return value || undefined;
}
