'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';

/** A file input with a progress bar; the file goes to this server, which passes it on to the gateway. */
export function Upload() {
  const router = useRouter();
  const [progress, setProgress] = useState<number | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get('file');
    if (!(file instanceof File) || file.size === 0) {
      setMessage({ ok: false, text: 'Choose a file first.' });
      return;
    }
    const request = new XMLHttpRequest();
    request.open('POST', '/api/upload');
    request.upload.onprogress = (e) => e.lengthComputable && setProgress(Math.round((e.loaded / e.total) * 100));
    request.onload = () => {
      setProgress(null);
      let body: { detail?: string; file_id?: string; rows?: number } = {};
      try { body = JSON.parse(request.responseText); } catch { /* not JSON */ }
      if (request.status === 202) {
        setMessage({ ok: true, text: `Accepted ${body.rows ?? ''} rows; the quality report appears below once ingested.` });
        setTimeout(() => router.refresh(), 2000);
      } else {
        setMessage({ ok: false, text: body.detail ?? `The upload was refused (${request.status}).` });
      }
    };
    request.onerror = () => { setProgress(null); setMessage({ ok: false, text: 'The platform cannot be reached right now.' }); };
    setMessage(null);
    setProgress(0);
    request.send(form);
  }

  return (
    <form onSubmit={submit} className="space-y-3 text-sm">
      <label className="block">File
        <input name="file" type="file" accept=".csv,.gz,.xlsx,.txt" className="mt-1 block" />
      </label>
      <label className="block">As of (optional)
        <input name="as_of" type="date" className="mt-1 block rounded border border-slate-300 px-2 py-1" />
      </label>
      <button type="submit" disabled={progress !== null}
        className="rounded-md bg-brand-600 px-4 py-2 text-white hover:bg-brand-700 disabled:opacity-60">Upload</button>
      {progress !== null && (
        <progress max={100} value={progress} aria-label="Upload progress" className="block w-full">{progress}%</progress>
      )}
      {message && <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'text-green-700' : 'text-red-700'}>{message.text}</p>}
    </form>
  );
}
