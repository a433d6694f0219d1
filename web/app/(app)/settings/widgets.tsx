/** The settings page's widgets: the tenant's currency and its notifications, each waiting for its own gateway call. */
import { Card, Problem } from '@/components/ui';
import type { Notifications, Tenant } from '@/lib/api/tenant';
import { when } from '@/lib/format';
import type { Loaded } from '@/lib/gateway';
import { saveCurrency, saveNotifications, stopNotifications, testNotifications } from './actions';

const COMMON = ['GBP', 'EUR', 'USD', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'CAD', 'AUD', 'JPY'];

/** The tenant, when it was created, and the currency its money is labelled with; what became of the last save. */
export async function TenantSettings({ tenant, saved, error }: {
  tenant: Promise<Loaded<Tenant>>; saved?: string; error?: string;
}) {
  const answer = await tenant;
  if (!answer.ok) return <Problem status={answer.status} message={answer.message} />;
  const t = answer.data;
  return (
    <Card title={`Tenant ${t.tenant_id}`}>
      <p className="mb-4 text-sm text-slate-600">Created {when(t.created_at)}</p>
      <form action={saveCurrency} className="flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col">Currency (ISO 4217 code)
          <input name="currency" list="currencies" defaultValue={t.currency ?? ''} maxLength={3}
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
  );
}

/**
 * Where the tenant is told that a training or a batch prediction ended (e-mail, webhook and its signing secret), a
 * test notice, stopping them all; what became of the last save or test. Nothing when the gateway cannot say.
 */
export async function NotificationSettings({ notifications, notified, outcomes }: {
  notifications: Promise<Loaded<Notifications>>; notified?: string; outcomes: Record<string, string>;
}) {
  const answer = await notifications;
  if (!answer.ok) return null;
  const n = answer.data;
  return (
    <div className="mt-6"><Card title="Notifications">
      <p className="mb-3 text-sm text-slate-600">
        Be told when a training or a batch prediction ends — by e-mail, by a webhook, or both.
      </p>
      <form action={saveNotifications} className="space-y-3 text-sm">
        <label className="block">E-mail address
          <input name="email" type="email" defaultValue={n.email ?? ''}
            disabled={!n.mail_enabled} placeholder="analyst@example.com"
            className="mt-1 block w-80 rounded border border-slate-300 px-2 py-1 disabled:bg-slate-100" />
        </label>
        {!n.mail_enabled && (
          <p className="text-xs text-slate-500">This platform sends no mail (its gateway has no mail server); use a webhook.</p>
        )}
        <label className="block">Webhook URL
          <input name="webhook_url" type="url" defaultValue={n.webhook_url ?? ''}
            placeholder="https://hooks.example.com/retention"
            className="mt-1 block w-full max-w-xl rounded border border-slate-300 px-2 py-1" />
        </label>
        {n.webhook_secret && (
          <div className="text-xs">
            <p className="text-slate-600">Posts are signed as Standard Webhooks sign them (headers webhook-id,
              webhook-timestamp, webhook-signature) with this secret:</p>
            <code data-testid="webhook-secret" className="mt-1 block break-all rounded bg-slate-100 px-2 py-1">
              {n.webhook_secret}</code>
            <label className="mt-1 flex items-center gap-2"><input name="rotate_secret" type="checkbox" />
              New secret on save</label>
          </div>
        )}
        <button type="submit" className="rounded bg-brand-600 px-3 py-1.5 text-white hover:bg-brand-700">
          Save notifications</button>
      </form>
      {(n.email || n.webhook_url) && (
        <div className="mt-4 flex gap-3 text-sm">
          <form action={testNotifications}>
            <button type="submit" className="rounded border border-slate-300 px-3 py-1.5 hover:bg-slate-100">
              Send a test</button>
          </form>
          <form action={stopNotifications}>
            <button type="submit" className="rounded border border-slate-300 px-3 py-1.5 hover:bg-slate-100">
              Stop notifications</button>
          </form>
        </div>
      )}
      {notified && <p role="status" className="mt-3 text-sm text-emerald-700">
        {notified === 'stopped' ? 'Notifications stopped.' : `Saved: what ends from ${when(n.since ?? '')} on is notified.`}</p>}
      {Object.keys(outcomes).length > 0 && (
        <ul role="status" aria-label="Test outcome" className="mt-3 list-disc pl-5 text-sm">
          {Object.entries(outcomes).map(([channel, outcome]) => <li key={channel}>{channel}: {outcome}</li>)}
        </ul>
      )}
    </Card></div>
  );
}
