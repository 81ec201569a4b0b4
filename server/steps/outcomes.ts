/**
 * Small Outcome builders shared by every step (no imports of other steps, so any may use them).
 */
import type { ErrorCode, ErrorOutcome, Outcome, Passthrough } from '../../protocol/messages.ts';

export function errorOutcome(code: ErrorCode, status: number, message: string): ErrorOutcome {
  return { type: 'error', code, message, status };
}

export const FLOW_EXPIRED = errorOutcome('flow_expired', 400, 'The sign-in flow expired or is invalid: start again.');
export const UNAVAILABLE = errorOutcome('workos_unavailable', 503, 'WorkOS could not be reached.');
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
