import { Suspense } from 'react';
import { PageTitle, Skeleton } from '@/components/ui';
import { notifications as channels, tenant as settings } from '@/lib/api/tenant';
import { load } from '@/lib/gateway';
import { NotificationSettings, TenantSettings } from './widgets';

export const dynamic = 'force-dynamic';

export default async function SettingsPage({ searchParams }: {
  searchParams: Promise<{ saved?: string; error?: string; notified?: string; tested?: string }>;
}) {
  const { saved, error, notified, tested } = await searchParams;
  // both calls start now, side by side; the title does not wait, each card waits for its own
  const tenant = load(settings());
  const notifications = load(channels());
  let outcomes: Record<string, string> = {};
  try {
    const parsed: unknown = tested ? JSON.parse(tested) : {};
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) outcomes = parsed as Record<string, string>;
  } catch { /* not ours */ }
  return (
    <>
      <PageTitle title="Settings" lead="How your figures are shown, and where you are told what ended." />
      <Suspense fallback={<Skeleton className="h-48" />}>
        <TenantSettings tenant={tenant} saved={saved} error={error} />
      </Suspense>
      <Suspense fallback={<Skeleton className="mt-6 h-72" />}>
        <NotificationSettings notifications={notifications} notified={notified} outcomes={outcomes} />
      </Suspense>
    </>
  );
}
