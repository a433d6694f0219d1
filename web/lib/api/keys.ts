import { gatewayResponseWith } from '@/lib/gateway';

/**
 * Checks a key by asking the gateway for the key's tenant (any key may read it, whatever its scopes): how sign-in
 * knows the key is good.
 */
export async function checkKey(key: string): Promise<'ok' | 'refused' | 'unreachable'> {
  try {
    const answer = await gatewayResponseWith(key, '/tenant');
    return answer.ok ? 'ok' : answer.status === 401 || answer.status === 403 ? 'refused' : 'unreachable';
  } catch {
    return 'unreachable';
  }
}
