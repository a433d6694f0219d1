import Link from 'next/link';
import { signOut } from '@/app/login/actions';

const PAGES = [
  ['/', 'Overview'],
  ['/segments', 'Segments'],
  ['/customers', 'Customers'],
  ['/at-risk', 'At risk'],
  ['/plan', 'Retention plan'],
  ['/predictions', 'Predictions'],
  ['/report', 'Report'],
  ['/models', 'Models'],
  ['/data', 'Data'],
  ['/settings', 'Settings'],
] as const;

export function Nav() {
  return (
    <header className="border-b border-slate-200 bg-white">
      <nav aria-label="Main" className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
        <span className="mr-2 font-semibold text-brand-700">Retention</span>
        {PAGES.map(([href, label]) => (
          <Link key={href} href={href} className="rounded px-1 text-sm text-slate-700 hover:text-brand-700">
            {label}
          </Link>
        ))}
        <form action={signOut} className="ml-auto">
          <button type="submit" className="rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100">
            Sign out
          </button>
        </form>
      </nav>
    </header>
  );
}
