import { gateway } from '@/lib/gateway';
import type { components } from './schema';

/** A persona: its size, RFM profile, mean churn and LTV, and the action recommended for it. */
export type Segment = components['schemas']['SegmentView'];

export function segments(): Promise<Segment[]> {
  return gateway<Segment[]>('/segments');
}
