/**
 * Small Outcome builders shared by every step (no imports of other steps, so any may use them).
 */
import type { ErrorCode, ErrorOutcome, Outcome, Passthrough } from '../../protocol/messages.ts';
import { RETRY_AFTER } from '../workos-failure.ts';

/** An error that tells WordPress (and the browser's countdown) when to try again, in seconds. */
export type RetryableErrorOutcome = ErrorOutcome & { retry_after: number };

export function errorOutcome(code: ErrorCode, status: number, message: string): ErrorOutcome {
  return { type: 'error', code, message, status };
}

/** WorkOS is down, failing or too slow for this request's budget: not the visitor's doing. */
export function unavailable(retryAfter: number = RETRY_AFTER.outage): RetryableErrorOutcome {
  return { ...errorOutcome('workos_unavailable', 503, 'WorkOS could not be reached.'), retry_after: retryAfter };
}

/** WorkOS's own rate limit (429), with the wait WorkOS named. */
export function rateLimited(retryAfter: number = RETRY_AFTER.rateLimited): RetryableErrorOutcome {
  return { ...errorOutcome('rate_limited', 429, 'WorkOS rate limit reached.'), retry_after: retryAfter };
}

export const FLOW_EXPIRED = errorOutcome('flow_expired', 400, 'The sign-in flow expired or is invalid: start again.');
/** WorkOS no longer knows the user or the organization (deleted meanwhile): a refusal, not an outage. */
export const GONE = errorOutcome('sign_in_refused', 403, 'WorkOS has no such user or organization.');
export const INVALID_CODE = errorOutcome('invalid_code', 401, 'The code is wrong or expired.');
export const INVALID_CREDENTIALS = errorOutcome('invalid_credentials', 401, 'Invalid credentials.');
export const METHOD_DISABLED = errorOutcome('method_disabled', 403, 'This method is not enabled on this profile.');
export const MFA_NOT_ALLOWED = errorOutcome('mfa_not_allowed', 403, 'No second factor this profile allows.');
export const PASSKEY_INVALID = errorOutcome('passkey_invalid', 400, 'The passkey could not be verified.');
export const PASSKEY_REFUSED = errorOutcome(
  'passkey_refused',
  403,
  "The passkey's signature counter did not increase: refused as a possible clone.",
);

export function isError(value: unknown): value is ErrorOutcome {
  return (value as { type?: unknown } | null)?.type === 'error';
}

/** Attaches the visitor's sealed choices to what `callback` answers (never to a redirect). */
export function withPassthrough(outcome: Outcome, passthrough: Passthrough | undefined): Outcome {
  if (!passthrough) return outcome;
  switch (outcome.type) {
    case 'step':
    case 'authenticated':
    case 'error':
      return { ...outcome, passthrough };
    default:
      // Redirects, reset tokens and registered passkeys carry no visitor choices.
      return outcome;
  }
}
