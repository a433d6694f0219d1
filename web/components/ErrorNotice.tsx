'use client';

import { useEffect } from 'react';

/**
 * What an error boundary shows: a sentence for the business user, a way to try again, and the error's digest as a
 * reference to quote. Never the error's message or stack: in production a server error's message is generic anyway,
 * and a client error's may say things about the code the user has no use for (it goes to the browser's console).
 */
export function ErrorNotice({ error, retry, title = 'This page could not be shown' }: {
  error: unknown; retry: () => void; title?: string;
}) {
  useEffect(() => { console.error(error); }, [error]);
  const digest = errorDigest(error);
  return (
    <div role="alert" className="mx-auto mt-8 max-w-xl rounded-lg border border-red-200 bg-red-50 p-6 text-red-900">
      <h1 className="text-lg font-semibold">{title}</h1>
      <p className="mt-2 text-sm">
        Something went wrong on our side while putting this page together. It may be a passing hiccup: try again in a
        moment. If it keeps happening, tell your platform administrator
        {digest ? ' and give them the reference below.' : '.'}
      </p>
      {digest && <p className="mt-3 text-xs">Reference: <code data-testid="error-reference">{digest}</code></p>}
      <div className="mt-4 flex gap-3 text-sm">
        <button type="button" onClick={() => retry()}
          className="rounded bg-brand-600 px-3 py-1.5 text-white hover:bg-brand-700">Try again</button>
        <a href="/" className="rounded border border-red-200 px-3 py-1.5 hover:bg-red-100">Back to the overview</a>
      </div>
    </div>
  );
}

/** The digest Next gives an error thrown on the server (it names the error in the server's log), if there is one. */
export function errorDigest(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('digest' in error)) return undefined;
  return typeof error.digest === 'string' && error.digest ? error.digest : undefined;
}
