import { SavedMapping, Upload } from '@/components/Upload';
import { Card, PageTitle, Problem } from '@/components/ui';
import { count, when } from '@/lib/format';
import { load } from '@/lib/gateway';

export const dynamic = 'force-dynamic';

interface Report {
  file_id: string;
  status: string;
  rows_read: number;
  rows_kept: number;
  rejected: Record<string, number>;
  as_of: string | null;
  completed_at: string | null;
  error: string | null;
  columns?: Record<string, string> | null;
}

export default async function DataPage() {
  const [reports, saved] = await Promise.all([load<Report[]>('/files'), load<SavedMapping>('/column-mapping')]);
  return (
    <>
      <PageTitle title="Data" lead="Upload transactions (CSV, CSV.gz or XLSX); every row is kept or rejected with a reason." />
      <div className="mb-6"><Card title="Upload a file"><Upload saved={saved.ok ? saved.data : null} /></Card></div>
      <Card title="Files and their quality reports">
        {!reports.ok ? <Problem message={reports.message} status={reports.status} />
          : reports.data.length === 0 ? <p className="text-sm text-slate-600">No file has been ingested yet.</p> : (
            <ul className="space-y-4">
              {[...reports.data].reverse().map((r) => (
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
          )}
      </Card>
    </>
  );
}
