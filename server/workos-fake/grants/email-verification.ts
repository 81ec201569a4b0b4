import { z } from 'zod';
import { proceed, type Method } from '../flow.ts';
import { checkEmailVerification } from '../one-time-codes.ts';
import { clientFields, code, INVALID_PENDING, invalidBody, invitationFor, oneTimeCodeError, token } from './common.ts';
import type { Grant } from './grant.ts';

const body = z.object({
  code,
  pending_authentication_token: token,
  invitation_token: token.optional(),
  ...clientFields,
});

/**
 * grant_type `urn:workos:oauth:grant-type:email-verification:code`: the pending token of an
 * `email_verification_required` answer and the code emailed with it. Verifies the email, then
 * the sign-in goes on (MFA, organization selection) as WorkOS's does.
 */
export const emailVerificationGrant: Grant = {
  needsClientSecret: true,
  async handle({ fake, body: raw, origin }) {
    const parsed = body.safeParse(raw);
    if (!parsed.success) return invalidBody('code and pending_authentication_token are required');
    const { store } = fake;
    const found = store.pendingUser(parsed.data.pending_authentication_token, ['email_verification_required']);
    if (!found) return INVALID_PENDING;
    const { pending, user } = found;
    const verification = pending.email_verification_id && store.emailVerifications.get(pending.email_verification_id);
    if (!verification) return INVALID_PENDING;

    const checked = checkEmailVerification(verification, parsed.data.code);
    if (checked !== 'valid') return oneTimeCodeError(checked);
    const invitation = invitationFor(store, parsed.data.invitation_token, user.wire.email);
    if (!invitation.ok) return invitation.result;

    store.pending.delete(pending.token);
    store.markEmailVerified(user);
    invitation.accept(user);
    return proceed(fake, {
      user,
      method: pending.method as Method,
      origin,
      ipAddress: parsed.data.ip_address ?? pending.ip_address,
      userAgent: parsed.data.user_agent ?? pending.user_agent,
      after: 'email_verification',
    });
  },
};
