import type { paths } from './schema';

type Method = 'get' | 'put' | 'post' | 'delete' | 'patch';

/**
 * The JSON document a gateway operation answers 200 with, as the gateway's OpenAPI document describes it:
 * `Answer<'/tenant/notifications/test', 'post'>`. For the answers that are a named schema, the data modules use
 * `components['schemas'][...]` instead.
 */
export type Answer<P extends keyof paths, M extends Method> =
  paths[P][M] extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T : never;
