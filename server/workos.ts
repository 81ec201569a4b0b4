import { WorkOS } from '@workos-inc/node';
import type { Config } from './config.ts';
import { deadlineFetch } from './deadline-fetch.ts';

/**
 * One WorkOS client per process, pointed at real WorkOS or at the fake via `WORKOS_API_URL`.
 * Its fetch stops at the deadline of the request being served (deadline-fetch.ts); the SDK's own
 * timeout only guards calls made outside any request.
 */
export function createWorkOS(config: Config, fetchFn?: typeof fetch): WorkOS {
  const url = config.apiUrl;
  const https = url.protocol === 'https:';
  return new WorkOS(config.apiKey, {
    clientId: config.clientId,
    apiHostname: url.hostname,
    https,
    port: url.port ? Number(url.port) : undefined,
    maxRetries: url.hostname === 'api.workos.com' ? 2 : 0,
    timeout: config.stepBudgetMs,
    fetchFn: deadlineFetch(fetchFn ?? globalThis.fetch),
  });
}
