import { Card, PageTitle } from '@/components/ui';

export const dynamic = 'force-dynamic';

/** The strategic report: read it here, download it as PDF, HTML or Markdown for the people who decide. */
export default async function ReportPage({ searchParams }: { searchParams: Promise<{ budget?: string }> }) {
  const { budget: asked } = await searchParams;
  const budget = Math.max(0, Number(asked ?? 5000) || 0);
  const link = (format: string) => `/api/report?format=${format}&budget=${budget}`;
  return (
    <>
      <PageTitle title="Strategic report"
        lead="Data quality, personas, models, value at risk and the plan a budget buys — as they stand now." />
      <div className="mb-4 flex flex-wrap items-end gap-4 text-sm">
        <form className="flex items-end gap-2">
          <label className="flex flex-col">Retention budget
            <input name="budget" type="number" min="0" step="100" defaultValue={budget}
              className="w-36 rounded border border-slate-300 px-2 py-1" />
          </label>
          <button type="submit" className="rounded border border-slate-300 px-3 py-1.5 hover:bg-slate-100">Update</button>
        </form>
        <nav aria-label="Downloads" className="flex gap-3">
          <a href={link('pdf')} className="rounded bg-brand-600 px-3 py-1.5 text-white hover:bg-brand-700">Download PDF</a>
          <a href={link('html')} className="rounded border border-slate-300 px-3 py-1.5 hover:bg-slate-100">Download HTML</a>
          <a href={link('md')} className="rounded border border-slate-300 px-3 py-1.5 hover:bg-slate-100">Markdown</a>
        </nav>
      </div>
      <Card title="Report">
        <iframe title="Strategic report" sandbox="" src={`${link('html')}&view=1`} className="h-[75vh] w-full border-0" />
      </Card>
    </>
  );
}
