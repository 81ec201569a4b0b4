import type { Context } from 'hono';
import { safeEqual } from '../auth.ts';
import type { FakeContext, RouteDef } from '../context.ts';
import { invalidParameters, oauthError } from '../errors.ts';
import { authorizationCodeGrant } from '../grants/authorization-code.ts';
import { emailVerificationGrant } from '../grants/email-verification.ts';
import type { Grant } from '../grants/grant.ts';
import { magicAuthGrant } from '../grants/magic-auth.ts';
import { mfaTotpGrant } from '../grants/mfa-totp.ts';
import { organizationSelectionGrant } from '../grants/organization-selection.ts';
import { passwordGrant } from '../grants/password.ts';

/** Implemented grants; a new one is one entry (and a file in grants/). */
export const GRANTS: Readonly<Record<string, Grant>> = {
  password: passwordGrant,
  authorization_code: authorizationCodeGrant,
  'urn:workos:oauth:grant-type:magic-auth:code': magicAuthGrant,
  'urn:workos:oauth:grant-type:email-verification:code': emailVerificationGrant,
  'urn:workos:oauth:grant-type:mfa-totp': mfaTotpGrant,
  'urn:workos:oauth:grant-type:organization-selection': organizationSelectionGrant,
};

/** The spec's other grant types: known to WorkOS, not (yet) to the fake. */
const SPEC_GRANT_TYPES = new Set(['refresh_token', 'urn:ietf:params:oauth:grant-type:device_code']);

/** WorkOS takes JSON (what the SDK sends) and form-encoded bodies alike. */
async function readBody(c: Context): Promise<Record<string, unknown> | null> {
  const type = c.req.header('content-type') ?? '';
  try {
    if (type.includes('application/x-www-form-urlencoded'))
      return Object.fromEntries(new URLSearchParams(await c.req.text()));
    const parsed: unknown = await c.req.json();
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export function authenticateRoutes(fake: FakeContext): RouteDef[] {
  return [
    {
      method: 'POST',
      path: '/user_management/authenticate',
      auth: 'client_secret',
      statuses: [200, 400, 403, 422],
      async handler(c) {
        const body = await readBody(c);
        if (!body) return c.json(invalidParameters('Validation failed: the body must be a JSON object.'), 422);
        const { grant_type: grantType, client_id: clientId, client_secret: clientSecret } = body;
        if (typeof grantType !== 'string' || typeof clientId !== 'string') {
          return c.json(invalidParameters('Validation failed: grant_type and client_id are required.'), 422);
        }
        const grant = Object.hasOwn(GRANTS, grantType) ? GRANTS[grantType] : undefined;
        if (!grant) {
          const description = SPEC_GRANT_TYPES.has(grantType)
            ? `The grant_type ${grantType} is not implemented by the WorkOS fake.`
            : 'Unsupported grant_type.';
          return c.json(oauthError('invalid_request', description), 400);
        }
        if (!safeEqual(clientId, fake.clientId)) return c.json(oauthError('invalid_client', 'Invalid client ID.'), 400);
        // A secret, when given, must be right; only PKCE code exchanges may leave it out.
        const secretGiven = clientSecret !== undefined;
        if (
          (grant.needsClientSecret || secretGiven) &&
          (typeof clientSecret !== 'string' || !safeEqual(clientSecret, fake.apiKey))
        ) {
          return c.json(oauthError('invalid_client', 'Invalid client secret.'), 400);
        }
        const result = await grant.handle({ fake, body, origin: new URL(c.req.url).origin });
        return c.json(result.body, result.status);
      },
    },
  ];
}
