'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import type { SavedMapping } from '@/lib/api/files';
import type { FilePreview as Preview } from '@/lib/types';

const MAPPING_EXAMPLE = '{"customer_id": "Customer ID", "order_datetime": "InvoiceDate", "quantity": "Quantity", '
  + '"unit_price": "Price"}';

/** A plain-text file's first 256 KB, cut after its last whole line; a gzip or workbook is sent whole. */
function head(file: File): Blob {
  if (/\.(gz|xlsx)$/i.test(file.name) || file.size <= 256 * 1024) return file;
  return file.slice(0, 256 * 1024);
}

/**
 * A file input with an optional column mapping (the original system's JSON document, or customer=..,date=..), a preview of the
 * first rows as the mapping reads them, and a progress bar; the file goes to this server, which passes it on.
 */
export function Upload({ saved }: { saved?: SavedMapping | null }) {
  const router = useRouter();
  const columnsField = useRef<HTMLTextAreaElement>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);

  async function showPreview(form: HTMLFormElement) {
    const data = new FormData(form);
    const file = data.get('file');
    if (!(file instanceof File) || file.size === 0) {
      setMessage({ ok: false, text: 'Choose a file first.' });
      return;
    }
    let part = head(file);
    if (part !== file) {
      const text = await part.text();
      part = new Blob([text.slice(0, text.lastIndexOf('\n') + 1)]);
    }
    const request = new FormData();
    request.append('file', part, file.name);
    const columns = String(data.get('columns') ?? '').trim();
    if (columns) request.append('columns', columns);
    request.append('rows', '5');
    setMessage(null);
    try {
      const answer = await fetch('/api/upload/preview', { method: 'POST', body: request });
      const body = await answer.json();
      if (answer.ok) {
        setPreview(body as Preview);
      } else {
        setPreview(null);
        setMessage({ ok: false, text: body.detail ?? `The preview was refused (${answer.status}).` });
      }
    } catch {
      setMessage({ ok: false, text: 'The platform cannot be reached right now.' });
    }
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    if (!String(form.get('columns') ?? '').trim()) form.delete('columns');
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
      <label className="block">Column mapping (optional: only when the header is not recognised)
        <textarea name="columns" rows={2} placeholder={MAPPING_EXAMPLE} ref={columnsField}
          className="mt-1 block w-full rounded border border-slate-300 px-2 py-1 font-mono text-xs" />
      </label>
      {saved?.columns && (
        <button type="button" data-testid="reuse-mapping"
          onClick={() => { if (columnsField.current) columnsField.current.value = JSON.stringify(saved.columns); }}
          className="text-xs text-brand-700 underline">Use the mapping {saved.name} was read with</button>
      )}
      <label className="block">As of (optional)
        <input name="as_of" type="date" className="mt-1 block rounded border border-slate-300 px-2 py-1" />
      </label>
      <div className="flex gap-3">
        <button type="button" onClick={(e) => showPreview(e.currentTarget.form!)}
          className="rounded-md border border-slate-300 px-4 py-2 hover:bg-slate-100">Preview</button>
        <button type="submit" disabled={progress !== null}
          className="rounded-md bg-brand-600 px-4 py-2 text-white hover:bg-brand-700 disabled:opacity-60">Upload</button>
      </div>
      {preview && (
        <div className="overflow-x-auto" data-testid="upload-preview">
          <p className="mb-1 text-xs text-slate-500">The first rows as they will be read
            ({Object.entries(preview.columns).map(([field, column]) => `${field} ← ${column}`).join(', ')}):</p>
          <table className="text-left text-xs">
            <thead><tr>{Object.keys(preview.columns).map((f) => <th key={f} className="pr-3">{f}</th>)}</tr></thead>
            <tbody>
              {preview.rows.map((row, i) => (
                <tr key={i}>{Object.keys(preview.columns).map((f) => <td key={f} className="pr-3">{row[f]}</td>)}</tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {progress !== null && (
        <progress max={100} value={progress} aria-label="Upload progress" className="block w-full">{progress}%</progress>
      )}
      {message && <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'text-green-700' : 'text-red-700'}>{message.text}</p>}
    </form>
  );
}
