import { gatewayResponse } from '@/lib/gateway';

export type ReportFormat = 'md' | 'html' | 'pdf';

/** The strategic report in a format, with the plan a budget buys; the answer is passed on as it is. */
export function report(format: ReportFormat, budget: number): Promise<Response> {
  return gatewayResponse(`/report?${new URLSearchParams({ format, budget: String(budget) })}`);
}
