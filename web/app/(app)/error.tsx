'use client';

import type { ErrorInfo } from 'next/error';
import { ErrorNotice } from '@/components/ErrorNotice';

/**
 * Shown in place of a page that failed with an error the page itself did not expect (a gateway problem is a sentence
 * on the page instead, see lib/gateway.ts): the navigation stays, "Try again" fetches the page again. retry() is
 * reset() after a router refresh, so the server renders the page anew instead of showing the same failure again.
 */
export default function AppError({ error, retry }: ErrorInfo) {
  return <ErrorNotice error={error} retry={retry} />;
}
