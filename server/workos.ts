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
    fetchFn: deadlineFetch(credentialFetch(fetchFn ?? globalThis.fetch)),
  });
}

/**
 * WorkOS's codes for a credential the visitor got wrong (its OpenAPI spec: the 400 answers of
 * `/user_management/authenticate`), whatever HTTP status they come with.
 */
export const CREDENTIAL_ERROR_CODES: ReadonlySet<string> = new Set([
  'invalid_credentials',
  'invalid_grant',
  'invalid_one_time_code',
  'one_time_code_previously_used',
  'one_time_code_expired',
  'one_time_code_too_many_attempts',
  'code_challenge_not_found',
]);

/**
 * WorkOS (and its emulator) has answered a wrong password as 401 `invalid_credentials`; the SDK
 * turns every 401 into an API-key error and drops the body, and the visitor would be told the
 * login server is misconfigured. A 401 whose body names a credential error is handed to the SDK
 * as the 400 refusal it is; any other 401 (`invalid_client`, no body) stays an API-key error.
 */
export function credentialFetch(inner: typeof fetch): typeof fetch {
  return async (input, init) => {
    const response = await inner(input, init);
    if (response.status !== 401) return response;
    const text = await response.text();
    let code: unknown;
    try {
      const body = JSON.parse(text) as { code?: unknown; error?: unknown };
      code = body.code ?? body.error;
    } catch {
      code = undefined;
    }
    const status = typeof code === 'string' && CREDENTIAL_ERROR_CODES.has(code) ? 400 : 401;
    return new Response(text, {
      status,
      statusText: status === 400 ? 'Bad Request' : response.statusText,
      headers: response.headers,
    });
  };
}
