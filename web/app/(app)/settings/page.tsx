import { Card, PageTitle, Problem } from '@/components/ui';
import { when } from '@/lib/format';
import { load } from '@/lib/gateway';
import { saveCurrency } from './actions';

export const dynamic = 'force-dynamic';

interface TenantSettings {
  tenant_id: string;
  currency: string | null;
  created_at: string;
}

const COMMON = ['GBP', 'EUR', 'USD', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'CAD', 'AUD', 'JPY'];

export default async function SettingsPage({ searchParams }: {
  searchParams: Promise<{ saved?: string; error?: string }>;
}) {
  const { saved, error } = await searchParams;
  const tenant = await load<TenantSettings>('/tenant');
  return (
    <>
      <PageTitle title="Settings" lead="How your figures are shown." />
      {!tenant.ok ? <Problem status={tenant.status} message={tenant.message} /> : (
        <Card title={`Tenant ${tenant.data.tenant_id}`}>
          <p className="mb-4 text-sm text-slate-600">Created {when(tenant.data.created_at)}</p>
          <form action={saveCurrency} className="flex flex-wrap items-end gap-3 text-sm">
            <label className="flex flex-col">Currency (ISO 4217 code)
              <input name="currency" list="currencies" defaultValue={tenant.data.currency ?? ''} maxLength={3}
                placeholder="platform default" className="w-40 rounded border border-slate-300 px-2 py-1 uppercase" />
            </label>
            <datalist id="currencies">{COMMON.map((c) => <option key={c} value={c} />)}</datalist>
            <button type="submit" className="rounded bg-brand-600 px-3 py-1.5 text-white hover:bg-brand-700">Save</button>
          </form>
          <p className="mt-3 text-xs text-slate-500">
            Money is labelled, not converted: your files carry amounts without a currency.
          </p>
          {saved && <p role="status" className="mt-3 text-sm text-emerald-700">Saved.</p>}
          {error && <div className="mt-3"><Problem status={400} message={error} /></div>}
        </Card>
      )}
    </>
  );
}
