import { gateway, load } from '@/lib/gateway';
import type { components } from './schema';

/** The tenant's portfolio in figures (GET /overview). */
export type Overview = components['schemas']['Overview'];

export function overview(): Promise<Overview> {
  return gateway<Overview>('/overview');
}

/** The currency the tenant's money is shown in, as the overview names it; GBP when the gateway cannot say. */
export async function currency(): Promise<string> {
  const answer = await load(overview());
  return (answer.ok && answer.data.currency) || 'GBP';
}
