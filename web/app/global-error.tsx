'use client';

import type { ErrorInfo } from 'next/error';
import { ErrorNotice } from '@/components/ErrorNotice';
import './globals.css';

/** Shown when even the root layout failed: it replaces that layout, so it is a whole document of its own. */
export default function GlobalError({ error, retry }: ErrorInfo) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 px-4 text-slate-900 antialiased">
        <title>Retention platform</title>
        <ErrorNotice error={error} retry={retry} title="The retention platform could not be shown" />
      </body>
    </html>
  );
}
