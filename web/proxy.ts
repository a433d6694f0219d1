import { NextResponse, type NextRequest } from 'next/server';
import { SESSION_COOKIE } from '@/lib/session';

/**
 * Sends a visitor without a session to the sign-in page before anything renders (an optimistic check: whether the
 * key inside is still good, the gateway says on the page's first call).
 */
export function proxy(request: NextRequest) {
  if (request.cookies.has(SESSION_COOKIE)) return NextResponse.next();
  if (request.nextUrl.pathname.startsWith('/api/')) {
    return NextResponse.json({ title: 'Unauthorized', status: 401, detail: 'Sign in first.' }, { status: 401 });
  }
  return NextResponse.redirect(new URL('/login', request.url));
}

export const config = {
  matcher: ['/((?!login|_next/|favicon.ico).*)'],
};
