import { gateway, withJson } from '@/lib/gateway';
import type { components } from './schema';

/** A budget, and the cost per customer of each persona's action where it is not the default. */
export type PlanRequest = components['schemas']['PlanRequest'];
/** What the budget buys: the customers selected, the cost and the expected revenue saved, per persona. */
export type Plan = components['schemas']['PlanResponse'];

export function plan(request: PlanRequest): Promise<Plan> {
  return gateway<Plan>('/plan', withJson('POST', request));
}
