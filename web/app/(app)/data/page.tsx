import { Suspense } from 'react';
import { Card, PageTitle, Skeleton } from '@/components/ui';
import { fileReports, savedMapping } from '@/lib/api/files';
import { load } from '@/lib/gateway';
import { FileReports, UploadForm } from './widgets';

export const dynamic = 'force-dynamic';

export default function DataPage() {
  // both calls start now; the title comes at once, the upload form with the mapping it offers again, the reports
  // on their own
  const saved = load(savedMapping());
  const reports = load(fileReports());
  return (
    <>
      <PageTitle title="Data" lead="Upload transactions (CSV, CSV.gz or XLSX); every row is kept or rejected with a reason." />
      <div className="mb-6">
        <Card title="Upload a file">
          <Suspense fallback={<Skeleton className="h-40" />}><UploadForm saved={saved} /></Suspense>
        </Card>
      </div>
      <Card title="Files and their quality reports">
        <Suspense fallback={<Skeleton className="h-32" />}><FileReports reports={reports} /></Suspense>
      </Card>
    </>
  );
}
