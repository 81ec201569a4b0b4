/**
 * What the admin routes share: the WorkOS client, the log, and one way of turning what the SDK
 * throws into an {@link ErrorOutcome} WordPress can act on.
 */
import type { WorkOS } from '@workos-inc/node';
import type { ErrorOutcome } from '../../protocol/messages.ts';
import type { Logger } from '../log.ts';
import { errorOutcome } from '../steps/errors.ts';
import { rateLimited, unavailable } from '../steps/outcomes.ts';
import { classifyWorkOSError, failureFields } from '../workos-failure.ts';

export interface AdminContext {
  workos: WorkOS;
  log: Logger;
  /** The WorkOS client id (health reports it; it is not a secret). */
  clientId?: string;
  now?: () => number;
}

/** A 404 about the organization asked for: the admin picked or configured an id WorkOS lacks. */
export const NO_ORGANIZATION: ErrorOutcome = errorOutcome('invalid_request', 404, 'WorkOS has no such organization.');

/**
 * - a rejected API key → `internal_error` 500 (the server is misconfigured; retrying will not help
 *   until someone fixes WORKOS_API_KEY, but it is not the request's fault either);
 * - 429 → `rate_limited` 429; another 4xx (404 included) → `invalid_request` with WorkOS's status;
 * - no answer, a timeout, the deadline, a 5xx or an unreadable answer → `workos_unavailable` 503;
 *   both with `retry_after` (WorkOS's `Retry-After` when it sent one).
 * Logs name the job, the status and WorkOS's code, never the request's values.
 */
export function workosFailure(ctx: AdminContext, job: string, error: unknown): ErrorOutcome {
  const failure = classifyWorkOSError(error);
  switch (failure.kind) {
    case 'unauthorized':
      ctx.log.error('WorkOS rejected the API key: check WORKOS_API_KEY', { job });
      return errorOutcome('internal_error', 500, 'The login server is misconfigured.');
    case 'rate_limited':
      ctx.log.warn('WorkOS rate limit reached', { job, ...failureFields(failure) });
      return rateLimited(failure.retryAfter);
    case 'outage':
      ctx.log.warn(`${job} failed`, failureFields(failure));
      return unavailable(failure.retryAfter);
    default:
      ctx.log.info(`${job} refused by WorkOS`, failureFields(failure));
      return errorOutcome('invalid_request', failure.status, `WorkOS refused the request (HTTP ${failure.status}).`);
  }
}
