import { z } from 'zod';
import { oauthError } from '../errors.ts';
import { proceed, type Method } from '../flow.ts';
import { checkChallengeCode } from '../mfa/factors.ts';
import { clientFields, code, INVALID_PENDING, invalidBody, oneTimeCodeError, token } from './common.ts';
import type { Grant } from './grant.ts';

const body = z.object({
  code,
  pending_authentication_token: token,
  authentication_challenge_id: z.string().min(1).max(100),
  ...clientFields,
});

/**
 * grant_type `urn:workos:oauth:grant-type:mfa-totp`: the pending token of an `mfa_challenge` or
 * `mfa_enrollment` answer, a challenge of one of the user's factors, and its code (TOTP per
 * RFC 6238, or the SMS code sent for the challenge).
 */
export const mfaTotpGrant: Grant = {
  needsClientSecret: true,
  async handle({ fake, body: raw, origin }) {
    const parsed = body.safeParse(raw);
    if (!parsed.success) {
      return invalidBody('code, pending_authentication_token and authentication_challenge_id are required');
    }
    const { store } = fake;
    const found = store.pendingUser(parsed.data.pending_authentication_token, ['mfa_challenge', 'mfa_enrollment']);
    if (!found) return INVALID_PENDING;
    const { pending, user } = found;
    const challenge = store.challenges.get(parsed.data.authentication_challenge_id);
    const factor = challenge && store.factors.get(challenge.factor_id);
    if (!challenge || factor?.user_id !== user.wire.id) {
      return { status: 400, body: oauthError('invalid_grant', 'The authentication challenge is invalid.') };
    }

    const checked = checkChallengeCode(store, challenge, parsed.data.code);
    if (checked !== 'valid') return oneTimeCodeError(checked === 'already_verified' ? 'used' : checked);

    store.pending.delete(pending.token);
    return proceed(fake, {
      user,
      method: pending.method as Method,
      origin,
      ipAddress: parsed.data.ip_address ?? pending.ip_address,
      userAgent: parsed.data.user_agent ?? pending.user_agent,
      after: 'mfa',
    });
  },
};
