import { gateway, gatewayResponse, withJson } from '@/lib/gateway';
import type { Answer } from './answers';
import type { components } from './schema';

/** The tenant: its id, its currency (null: the gateway's default) and when it was created. */
export type Tenant = components['schemas']['TenantView'];
/** Where the tenant is told that a training or a batch prediction ended. */
export type Notifications = components['schemas']['NotificationsView'];

export function tenant(): Promise<Tenant> {
  return gateway<Tenant>('/tenant');
}

/** Sets the tenant's currency (an ISO 4217 code); null goes back to the gateway's default. */
export function setCurrency(currency: string | null): Promise<Tenant> {
  return gateway<Tenant>('/tenant', withJson('PATCH', { currency }));
}

export function notifications(): Promise<Notifications> {
  return gateway<Notifications>('/tenant/notifications');
}

/** Sets where the tenant is notified from now on; null is no such channel. */
export function setNotifications(channels: { email: string | null; webhook_url: string | null;
  rotate_secret: boolean }): Promise<Notifications> {
  return gateway<Notifications>('/tenant/notifications', withJson('PUT', channels));
}

/** Stops all notifications; the answer is passed on as it is. */
export function stopNotifications(): Promise<Response> {
  return gatewayResponse('/tenant/notifications', { method: 'DELETE' });
}

/** What became of a test notice, by channel (e-mail sent, the webhook's HTTP status). */
export type TestOutcome = Answer<'/tenant/notifications/test', 'post'>;

/** Sends a test notice to each channel now: what became of each, by channel. */
export function testNotifications(): Promise<TestOutcome> {
  return gateway<TestOutcome>('/tenant/notifications/test', { method: 'POST' });
}
