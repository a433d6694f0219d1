import { NextResponse, type NextRequest } from 'next/server';
import { FORGERY_DETAIL, isForgery } from '@/lib/origin';
import { PROBLEM_TYPE, problemDocument } from '@/lib/problem';
import { isPage, newNonce, securityHeaders } from '@/lib/security-headers';
import { SESSION_COOKIE, openSession, seal, seenAgain, sessionCookie } from '@/lib/session';

/**
 * Runs before every request (there is no matcher, so nothing escapes it):
 * - gives every response its security headers, and each page a fresh script nonce (lib/security-headers.ts);
 * - refuses a request to /api/ that changes something and does not come from this app's pages (lib/origin.ts);
 * - sends a visitor without a live session (none, or it ended: too old or idle too long) to the sign-in page before
 *   anything renders, or answers 401 on /api/; whether the key inside is still good, the gateway says on the first
 *   call;
 * - notes that a live session was seen, sealing its cookie again at most once a minute (the idle expiry rolls).
 */
export function proxy(request: NextRequest) {
  const now = Date.now();
  const { pathname } = request.nextUrl;
  const api = pathname.startsWith('/api/');
  const headers = securityHeaders(request.nextUrl, isPage(pathname) ? newNonce() : undefined);
  const secured = <R extends NextResponse>(response: R): R => {
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
    return response;
  };

  if (api && isForgery(request)) return secured(refusal(403, 'Forbidden', FORGERY_DETAIL));
  if (isOpen(pathname)) return secured(NextResponse.next({ request: { headers: forwarded(request, headers) } }));

  const cookie = request.cookies.get(SESSION_COOKIE)?.value;
  const session = openSession(cookie, now);
  if (!session) {
    const response = api ? refusal(401, 'Unauthorized', cookie ? 'Your session has ended. Sign in again.' : 'Sign in first.')
      : NextResponse.redirect(new URL(cookie ? '/login?ended=1' : '/login', request.url));
    if (cookie) response.cookies.delete(SESSION_COOKIE);
    return secured(response);
  }

  const seen = seenAgain(session, now);
  const sealed = seen && seal(seen);
  if (sealed) request.cookies.set(SESSION_COOKIE, sealed); // what this request renders with sees it too
  const response = NextResponse.next({ request: { headers: forwarded(request, headers) } });
  if (seen && sealed) response.cookies.set(SESSION_COOKIE, sealed, sessionCookie(seen, now));
  return secured(response);
}

/** What anyone may open without a session: the sign-in page and the files Next.js serves. */
function isOpen(pathname: string): boolean {
  return pathname === '/login' || pathname.startsWith('/login/') || pathname.startsWith('/_next/')
    || pathname === '/favicon.ico';
}

/** The request's headers as the app gets them, with the page's policy: Next.js takes its script nonce from it. */
function forwarded(request: NextRequest, security: Record<string, string>): Headers {
  const headers = new Headers(request.headers);
  headers.set('Content-Security-Policy', security['Content-Security-Policy']);
  return headers;
}

function refusal(status: number, title: string, detail: string): NextResponse {
  return NextResponse.json(problemDocument(status, title, detail), { status, headers: { 'Content-Type': PROBLEM_TYPE } });
}
