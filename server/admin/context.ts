/**
 * What the admin routes share: the WorkOS client, the log, and one way of turning what the SDK
 * throws into an {@link ErrorOutcome} WordPress can act on.
 */
import { RateLimitExceededException, UnauthorizedException, type WorkOS } from '@workos-inc/node';
import type { ErrorOutcome } from '../../protocol/messages.ts';
import type { Logger } from '../log.ts';
import { errorOutcome } from '../steps/errors.ts';

export interface AdminContext {
  workos: WorkOS;
  log: Logger;
  /** The WorkOS client id (health reports it; it is not a secret). */
  clientId?: string;
  now?: () => number;
}

/** A 404 about the organization asked for: the admin picked or configured an id WorkOS lacks. */
export const NO_ORGANIZATION: ErrorOutcome = errorOutcome('invalid_request', 404, 'WorkOS has no such organization.');

/** The HTTP status WorkOS answered with, or null when it did not answer (network, timeout). */
export function workosStatus(error: unknown): number | null {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status <= 599 ? status : null;
}

/** True for a 4xx that says something about the request itself (not the key, not an outage). */
function isClientError(status: number | null): status is number {
  return status !== null && status >= 400 && status < 500 && status !== 408 && status !== 429;
}

/**
 * - a rejected API key → `internal_error` 500 (the server is misconfigured; retrying will not help
 *   until someone fixes WORKOS_API_KEY, but it is not the request's fault either);
 * - 429 → `rate_limited` 429; another 4xx → `invalid_request` with WorkOS's status;
 * - no answer, a timeout or a 5xx → `workos_unavailable` 503.
 * Logs name the job and the status, never the request's values.
 */
export function workosFailure(ctx: AdminContext, job: string, error: unknown): ErrorOutcome {
  if (error instanceof UnauthorizedException) {
    ctx.log.error('WorkOS rejected the API key: check WORKOS_API_KEY', { job });
    return errorOutcome('internal_error', 500, 'The login server is misconfigured.');
  }
  const status = workosStatus(error);
  if (error instanceof RateLimitExceededException || status === 429) {
    ctx.log.warn('WorkOS rate limit reached', { job });
    return errorOutcome('rate_limited', 429, 'WorkOS rate limit reached.');
  }
  if (isClientError(status)) {
    ctx.log.info(`${job} refused by WorkOS`, { status, code: codeOf(error) });
    return errorOutcome('invalid_request', status, `WorkOS refused the request (HTTP ${status}).`);
  }
  ctx.log.warn(`${job} failed`, { status, error: nameOf(error) });
  return errorOutcome('workos_unavailable', 503, 'WorkOS could not be reached.');
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Error name and message only: SDK messages name paths, never query strings or bodies. */
function nameOf(error: unknown): { name: string; message: string } | string {
  return error instanceof Error ? { name: error.name, message: error.message.slice(0, 200) } : typeof error;
}
