/** The data page's widgets: the upload form and the files' quality reports, each waiting for its own gateway call. */
import { Upload } from '@/components/Upload';
import { Problem } from '@/components/ui';
import type { SavedMapping } from '@/lib/api/files';
import { count, when } from '@/lib/format';
import type { Loaded } from '@/lib/gateway';
import type { FileReport } from '@/lib/types';

/** The upload form, with the mapping the last upload was read with offered again (none when the gateway has none). */
export async function UploadForm({ saved }: { saved: Promise<Loaded<SavedMapping>> }) {
  const answer = await saved;
  return <Upload saved={answer.ok ? answer.data : null} />;
}

/** Each file, newest first: rows read, kept and rejected by reason, and the mapping it was read with. */
export async function FileReports({ reports }: { reports: Promise<Loaded<FileReport[]>> }) {
  const answer = await reports;
  if (!answer.ok) return <Problem message={answer.message} status={answer.status} />;
  if (answer.data.length === 0) return <p className="text-sm text-slate-600">No file has been ingested yet.</p>;
  return (
    <ul className="space-y-4">
      {[...answer.data].reverse().map((r) => (
        <li key={r.file_id} className="text-sm" data-testid="file-report">
          <p className="font-mono text-xs text-slate-500">{r.file_id}</p>
          <p>{r.status}{r.error ? `: ${r.error}` : ''} — {count(r.rows_read)} rows read, {count(r.rows_kept)} kept,{' '}
            {count(Object.values(r.rejected ?? {}).reduce((a, b) => a + b, 0))} rejected
            {r.completed_at ? `, ${when(r.completed_at)}` : ''}</p>
          {r.columns && Object.keys(r.columns).length > 0 && (
            <p className="text-xs text-slate-500" data-testid="file-mapping">Read with the mapping{' '}
              {Object.entries(r.columns).map(([field, column]) => `${field} ← ${column}`).join(', ')}</p>
          )}
          {Object.keys(r.rejected ?? {}).length > 0 && (
            <ul className="ml-4 list-disc text-slate-600">
              {Object.entries(r.rejected).map(([reason, n]) => <li key={reason}>{reason.replaceAll('_', ' ')}: {count(n)}</li>)}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}
