import type { Context } from 'hono';
import type { FakeContext, RouteDef } from '../context.ts';
import { opaqueToken } from '../ids.ts';
import type { OrganizationRecord, UserRecord } from '../store.ts';
import { SPEC_METHODS } from './methods.ts';
import { consentPage, errorPage } from './page.ts';
import { AUTHORIZATION_TTL_MS } from './records.ts';

export const DECISION_PATH = '/_fake/authorize';

const PROVIDERS: Record<string, { method: string; title: string }> = {
  authkit: { method: 'Password', title: 'Sign in with AuthKit' },
  GoogleOAuth: { method: 'GoogleOAuth', title: 'Sign in with Google' },
  MicrosoftOAuth: { method: 'MicrosoftOAuth', title: 'Sign in with Microsoft' },
  GitHubOAuth: { method: 'GitHubOAuth', title: 'Sign in with GitHub' },
  AppleOAuth: { method: 'AppleOAuth', title: 'Sign in with Apple' },
};

export function httpUrl(value: string | undefined): URL | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** `redirect_uri` with OAuth parameters added (existing query kept). */
export function redirectWith(target: string, params: Record<string, string | null>): string {
  const url = new URL(target);
  for (const [key, value] of Object.entries(params)) if (value !== null) url.searchParams.set(key, value);
  return url.href;
}

type Target = { method: string; title: string; organization: OrganizationRecord | null } | { error: string };

/** Exactly one of provider, connection_id, organization_id, as WorkOS requires. */
function resolveTarget({ store }: FakeContext, q: (name: string) => string | undefined): Target {
  const provider = q('provider');
  const connectionId = q('connection_id');
  const organizationId = q('organization_id');
  if ([provider, connectionId, organizationId].filter((v) => v !== undefined).length !== 1) {
    return { error: 'Give exactly one of provider, connection_id and organization_id.' };
  }
  if (provider !== undefined) {
    const known = Object.hasOwn(PROVIDERS, provider) ? PROVIDERS[provider] : undefined;
    return known ? { ...known, organization: null } : { error: `Unsupported provider: ${provider.slice(0, 50)}.` };
  }
  const organization = connectionId
    ? store.organizationForConnection(connectionId)
    : store.organizations.get(organizationId!);
  if (!organization?.connectionIds.length) return { error: 'No active SSO connection matches the request.' };
  return { method: 'SSO', title: `Sign in to ${organization.wire.name} (SSO)`, organization };
}

function eligibleUsers({ store }: FakeContext, organization: OrganizationRecord | null): UserRecord[] {
  const users = [...store.users.values()];
  if (!organization) return users.filter((u) => u.wire.email_verified);
  const domains = new Set(organization.wire.domains.map((d) => d.domain));
  return users.filter((u) => domains.has(u.wire.email.split('@')[1] ?? ''));
}

/**
 * `GET /user_management/authorize`: what SDK 11's getAuthorizationUrl builds. A wrong client or
 * redirect URI gets an error page (no redirect to an unchecked URI); other problems go back to the
 * redirect URI as OAuth errors; a valid request gets the consent page.
 */
export function authorizeRoutes(fake: FakeContext): RouteDef[] {
  return [
    {
      method: 'GET',
      path: '/user_management/authorize',
      auth: 'none',
      statuses: [200, 302, 400],
      handler(c: Context) {
        const q = (name: string) => c.req.query(name);
        if (q('client_id') !== fake.clientId) return c.html(errorPage('Invalid client_id.'), 400);
        const redirectUri = httpUrl(q('redirect_uri'));
        if (!redirectUri) return c.html(errorPage('redirect_uri must be an http(s) URL.'), 400);
        const state = q('state') ?? null;
        const fail = (error: string, description: string) =>
          c.redirect(redirectWith(redirectUri.href, { error, error_description: description, state }), 302);

        if (q('response_type') !== 'code') return fail('unsupported_response_type', 'response_type must be code.');
        const target = resolveTarget(fake, q);
        if ('error' in target) return fail('invalid_request', target.error);
        const challenge = q('code_challenge');
        const challengeMethod = q('code_challenge_method');
        if (challenge !== undefined && (!/^[A-Za-z0-9_-]{43}$/.test(challenge) || challengeMethod !== 'S256')) {
          return fail('invalid_request', 'code_challenge must be an S256 challenge with code_challenge_method=S256.');
        }
        if (challenge === undefined && challengeMethod !== undefined) {
          return fail('invalid_request', 'code_challenge_method without code_challenge.');
        }

        const users = eligibleUsers(fake, target.organization);
        const id = opaqueToken(32);
        const authkit = q('provider') === 'authkit';
        fake.store.authorizationRequests.set(id, {
          id,
          method: target.method,
          authkit,
          organization_id: target.organization?.wire.id ?? null,
          redirect_uri: redirectUri.href,
          state,
          code_challenge: challenge ?? null,
          invitation_token: q('invitation_token') ?? null,
          eligible: users.map((u) => u.wire.id),
          expires_at: new Date(Date.now() + AUTHORIZATION_TTL_MS).toISOString(),
        });
        const page = consentPage({
          title: target.title,
          action: DECISION_PATH,
          requestId: id,
          users: users.map((u) => u.wire),
          ...(authkit ? { hosted: { methods: SPEC_METHODS, current: target.method } } : {}),
        });
        return c.html(page, 200);
      },
    },
  ];
}
