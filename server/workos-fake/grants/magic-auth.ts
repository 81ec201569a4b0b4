import { z } from 'zod';
import { proceed } from '../flow.ts';
import { redeemMagicAuth } from '../one-time-codes.ts';
import { clientFields, code, invalidBody, invitationFor, oneTimeCodeError, token } from './common.ts';
import type { Grant } from './grant.ts';

const body = z.object({
  code,
  email: z.string().min(1).max(320),
  invitation_token: token.optional(),
  ...clientFields,
});

/**
 * grant_type `urn:workos:oauth:grant-type:magic-auth:code`: the code from createMagicAuth.
 * An email without a user gets one now (verified: the code reached its inbox), as at WorkOS.
 */
export const magicAuthGrant: Grant = {
  needsClientSecret: true,
  async handle({ fake, body: raw, origin }) {
    const parsed = body.safeParse(raw);
    if (!parsed.success) return invalidBody('code and email are required');
    const { email, invitation_token, ip_address, user_agent } = parsed.data;
    const { store } = fake;

    const invitation = invitationFor(store, invitation_token, email);
    if (!invitation.ok) return invitation.result;
    const redeemed = redeemMagicAuth(store, email, parsed.data.code);
    if (!redeemed.ok) return oneTimeCodeError(redeemed.error);

    const user =
      store.findUserByEmail(email) ??
      store.createUser({ id: redeemed.record.user_id, email, emailVerified: true, passwordHash: null });
    store.markEmailVerified(user);
    invitation.accept(user);

    return proceed(fake, {
      user,
      method: 'MagicAuth',
      origin,
      ipAddress: ip_address ?? null,
      userAgent: user_agent ?? null,
    });
  },
};
