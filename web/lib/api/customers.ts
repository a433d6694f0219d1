import { gateway } from '@/lib/gateway';
import { type CustomerQuery, gatewayQuery } from '@/lib/query';
import type { ChurnExplanation, Customer, PurchaseLine } from '@/lib/types';
import type { components } from './schema';

/** A customer in the at-risk list. */
export type CustomerRow = components['schemas']['CustomerRow'];
export type CustomerPage = components['schemas']['PageCustomerRow'];

/** One page of the customers, sorted and filtered as the query says. */
export function customerPage(query: CustomerQuery): Promise<CustomerPage> {
  return gateway<CustomerPage>(`/customers?${gatewayQuery(query)}`);
}

export function customer(id: string): Promise<Customer> {
  return gateway<Customer>(path(id));
}

/** A customer's purchase history, line by line. */
export async function purchases(id: string): Promise<PurchaseLine[]> {
  return (await gateway<{ lines: PurchaseLine[] }>(`${path(id)}/transactions`)).lines;
}

/** What drives a customer's churn probability, by the active churn model. */
export function churnExplanation(id: string): Promise<ChurnExplanation> {
  return gateway<ChurnExplanation>(`${path(id)}/churn-drivers`);
}

function path(id: string): string {
  return `/customers/${encodeURIComponent(id)}`;
}
