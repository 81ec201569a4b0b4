import { z } from 'zod';
import { invalidParameters, type MessageError } from '../errors.ts';
import { acceptInvitation, checkInvitation } from '../invitations.ts';
import type { FakeStore, UserRecord } from '../store.ts';
import type { GrantResult } from './grant.ts';

/** Fields every grant may carry: the client's details, recorded on the session. */
export const clientFields = {
  ip_address: z.string().max(64).optional(),
  user_agent: z.string().max(1024).optional(),
};

export const code = z.string().min(1).max(64);
export const token = z.string().min(1).max(256);

export function invalidBody(fields: string): GrantResult {
  return { status: 422, body: invalidParameters(`Validation failed: ${fields}.`) };
}

type OneTimeCodeProblem = 'invalid' | 'expired' | 'used' | 'too_many_attempts';

const ONE_TIME_CODE_ERRORS: Record<OneTimeCodeProblem, MessageError> = {
  invalid: { code: 'invalid_one_time_code', message: 'The code is invalid.' },
  expired: { code: 'one_time_code_expired', message: 'The code has expired.' },
  used: { code: 'one_time_code_previously_used', message: 'The code has already been used.' },
  too_many_attempts: { code: 'one_time_code_too_many_attempts', message: 'Too many attempts: ask for a new code.' },
};

/** A wrong, expired or spent one-time code: the spec's 400 codes. */
export function oneTimeCodeError(problem: OneTimeCodeProblem): GrantResult {
  return { status: 400, body: ONE_TIME_CODE_ERRORS[problem] };
}

export const INVALID_PENDING: GrantResult = {
  status: 400,
  body: { code: 'invalid_pending_authentication_token', message: 'The pending authentication token is invalid.' },
};

/** Checks an optional invitation token for `email`; the returned function accepts it for the user. */
export function invitationFor(
  store: FakeStore,
  invitationToken: string | undefined,
  email: string,
): { ok: true; accept: (user: UserRecord) => void } | { ok: false; result: GrantResult } {
  if (invitationToken === undefined) return { ok: true, accept: () => {} };
  const checked = checkInvitation(store, invitationToken, email);
  if (!checked.ok) return { ok: false, result: { status: 400, body: checked.body } };
  return { ok: true, accept: (user) => acceptInvitation(store, checked.invitation, user) };
}
