/** Small building blocks every page uses: a titled page, a figure card, a problem message, a skeleton. */

export function PageTitle({ title, lead }: { title: string; lead?: string }) {
  return (
    <div className="mb-6">
      <h1 className="text-2xl font-semibold">{title}</h1>
      {lead && <p className="mt-1 text-sm text-slate-600">{lead}</p>}
    </div>
  );
}

export function Figure({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div className="rounded-lg bg-white p-4 shadow-sm">
      <div className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</div>
      <div className="mt-1 text-2xl font-semibold tabular-nums">{value}</div>
      {hint && <div className="mt-1 text-xs text-slate-500">{hint}</div>}
    </div>
  );
}

export function Problem({ message, status }: { message: string; status?: number }) {
  const empty = status === 404;
  return (
    <div role={empty ? 'status' : 'alert'}
      className={`rounded-lg border p-4 text-sm ${empty ? 'border-slate-200 bg-white text-slate-700'
        : 'border-red-200 bg-red-50 text-red-800'}`}>
      {message}
    </div>
  );
}

export function Card({ title, children }: { title?: string; children: React.ReactNode }) {
  return (
    <section className="rounded-lg bg-white p-4 shadow-sm">
      {title && <h2 className="mb-3 text-sm font-semibold text-slate-700">{title}</h2>}
      {children}
    </section>
  );
}

/** A grey block standing in for a widget whose figures are still on their way from the gateway. */
export function Skeleton({ className = 'h-24' }: { className?: string }) {
  return <div aria-busy="true" aria-label="Loading" className={`animate-pulse rounded-lg bg-slate-200 ${className}`} />;
}
