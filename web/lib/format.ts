/** Numbers as the tenant reads them: money in its currency, counts and shares in English grouping. */
export function money(value: number | null | undefined, currency: string, digits = 0): string {
  if (value == null || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat('en-GB', {
    style: 'currency', currency, maximumFractionDigits: digits, minimumFractionDigits: digits,
  }).format(value);
}

export function count(value: number | null | undefined): string {
  return value == null || !Number.isFinite(value) ? '—' : new Intl.NumberFormat('en-GB').format(value);
}

export function percent(share: number | null | undefined, digits = 0): string {
  return share == null || !Number.isFinite(share) ? '—'
    : new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: digits }).format(share);
}

export function days(value: number | null | undefined): string {
  return value == null || !Number.isFinite(value) ? '—' : `${Math.round(value)} d`;
}

/** An ISO instant as a short local date and time. */
export function when(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}
