import { redirect } from 'next/navigation';
import { PageTitle } from '@/components/ui';

export default async function CustomersPage({ searchParams }: { searchParams: Promise<{ id?: string }> }) {
  const { id } = await searchParams;
  if (id && id.trim()) redirect(`/customers/${encodeURIComponent(id.trim())}`);
  return (
    <>
      <PageTitle title="Customers" lead="Look a customer up by their id: features, persona, risk, value and history." />
      <form action="/customers" className="flex max-w-md gap-2" role="search">
        <label htmlFor="customer-id" className="sr-only">Customer id</label>
        <input id="customer-id" name="id" required placeholder="e.g. 13085"
          className="flex-1 rounded-md border border-slate-300 px-3 py-2" />
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-white hover:bg-brand-700">Look up</button>
      </form>
    </>
  );
}
