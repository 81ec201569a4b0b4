import { createHash } from 'node:crypto';
import { z } from 'zod';
import { safeEqual } from '../auth.ts';
import { oauthError } from '../errors.ts';
import { proceed, type Method } from '../flow.ts';
import { clientFields, invalidBody, invitationFor, token } from './common.ts';
import type { Grant, GrantResult } from './grant.ts';

const body = z.object({
  code: z.string().min(1).max(256),
  code_verifier: z.string().optional(),
  client_secret: z.string().optional(),
  invitation_token: token.optional(),
  ...clientFields,
});

const invalidGrant = (description: string): GrantResult => ({
  status: 400,
  body: oauthError('invalid_grant', description),
});

/** RFC 7636 S256: BASE64URL(SHA256(verifier)) must equal the challenge. */
function verifierMatches(verifier: string, challenge: string): boolean {
  if (!/^[A-Za-z0-9._~-]{43,128}$/.test(verifier)) return false;
  return safeEqual(createHash('sha256').update(verifier).digest('base64url'), challenge);
}

/**
 * grant_type `authorization_code`: a code from the consent page (authorize/), single use, ten
 * minutes. With a PKCE challenge the verifier must match (public clients may then omit
 * client_secret); without one, client_secret is required and a verifier is refused.
 */
export const authorizationCodeGrant: Grant = {
  needsClientSecret: false,
  async handle({ fake, body: raw, origin }) {
    const parsed = body.safeParse(raw);
    if (!parsed.success) return invalidBody('code is required');
    const { store } = fake;
    const record = store.authorizationCodes.get(parsed.data.code);
    if (!record || record.used || Date.parse(record.expires_at) < Date.now()) {
      return invalidGrant('The code is invalid, expired or already used.');
    }
    // Spent at its first presentation, even a failed one (RFC 6749 §4.1.2).
    record.used = true;
    const verifier = parsed.data.code_verifier;
    if (record.code_challenge) {
      if (!verifier) return invalidGrant('code_verifier is required for this code.');
      if (!verifierMatches(verifier, record.code_challenge)) return invalidGrant('The code_verifier does not match.');
    } else {
      if (verifier) return { status: 400, body: { code: 'code_challenge_not_found', message: 'No code challenge.' } };
      if (parsed.data.client_secret === undefined) {
        return { status: 400, body: oauthError('invalid_client', 'client_secret is required.') };
      }
    }
    const user = store.users.get(record.user_id);
    if (!user) return invalidGrant('The code is invalid, expired or already used.');
    const invitation = invitationFor(
      store,
      parsed.data.invitation_token ?? record.invitation_token ?? undefined,
      user.wire.email,
    );
    if (!invitation.ok) return invitation.result;
    invitation.accept(user);

    return proceed(fake, {
      user,
      // AuthKit's page may name a method the spec does not list yet: sent as is, on purpose.
      method: record.method as Method,
      impersonator: record.impersonator,
      origin,
      ipAddress: parsed.data.ip_address ?? null,
      userAgent: parsed.data.user_agent ?? null,
      ...(record.organization_id ? { organizationId: record.organization_id } : {}),
    });
  },
};
