import { type NextRequest } from 'next/server';
import { report, type ReportFormat } from '@/lib/api/report';
import { reportPolicy } from '@/lib/security-headers';

/**
 * The strategic report from the gateway: ?format=md|html|pdf and ?budget=; with ?view=1 the HTML is shown in the
 * page (its sandboxed iframe) instead of downloaded. Shown on this origin, it runs no script and loads nothing, even
 * opened on its own: its policy is a sandbox that only this app's pages may frame (proxy.ts sets the same).
 */
export async function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  const asked = params.get('format');
  const format: ReportFormat = asked === 'md' || asked === 'pdf' ? asked : 'html';
  const budget = Math.max(0, Number(params.get('budget') ?? 5000) || 0);
  const answer = await report(format, budget);
  const headers = new Headers({
    'Content-Type': answer.headers.get('Content-Type') ?? 'text/plain',
    'Content-Security-Policy': reportPolicy(params.get('view') === '1'),
  });
  const disposition = answer.headers.get('Content-Disposition');
  if (answer.ok && disposition) {
    headers.set('Content-Disposition', params.get('view') === '1' ? disposition.replace(/^attachment/, 'inline')
      : disposition.replace(/^inline/, 'attachment'));
  }
  return new Response(answer.body, { status: answer.status, headers });
}
