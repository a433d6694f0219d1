import { gatewayResponseWith } from '@/lib/gateway';

/** Checks a key by asking the gateway for the tenant's keys: how sign-in knows the key is good. */
export async function checkKey(key: string): Promise<'ok' | 'refused' | 'unreachable'> {
  try {
    const answer = await gatewayResponseWith(key, '/keys');
    return answer.ok ? 'ok' : answer.status === 401 || answer.status === 403 ? 'refused' : 'unreachable';
  } catch {
    return 'unreachable';
  }
}
