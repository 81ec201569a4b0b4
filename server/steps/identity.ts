/**
 * The identity WordPress signs in: the WorkOS user, live membership in the profile's organization
 * (looked up now, failing closed), the WorkOS session id and the first factor's method. Every grant
 * that succeeds ends here, so the profile's `always` MFA policy is applied here too.
 */
import type { AuthenticationResponse, User } from '@workos-inc/node';
import { decodeJwt } from 'jose';
import type { ErrorOutcome, Identity, Method, Outcome, ResolvedProfile } from '../../protocol/messages.ts';
import type { StepContext } from './context.ts';
import { apiError } from './errors.ts';
import type { Continuation } from './flow.ts';
import { requireSecondFactor } from './mfa.ts';
import { GONE, isError } from './outcomes.ts';

/** WorkOS `authentication_method` → our method (callback and AuthKit, where the visitor chose). */
const METHOD_OF: Partial<Record<string, Method>> = {
  Password: 'password',
  MagicAuth: 'magic_code',
  GoogleOAuth: 'oauth_google',
  MicrosoftOAuth: 'oauth_microsoft',
  GitHubOAuth: 'oauth_github',
  AppleOAuth: 'oauth_apple',
  SSO: 'sso',
  Passkey: 'passkey',
};

export function methodOf(authenticationMethod: string | undefined): Method | null {
  return (authenticationMethod && METHOD_OF[authenticationMethod]) || null;
}

/** A successful grant: the identity, unless the profile wants a second factor first. */
export async function authenticated(
  ctx: StepContext,
  cont: Continuation,
  auth: AuthenticationResponse,
): Promise<Outcome> {
  const found = await identityOf(ctx, cont.profile, auth, cont.state.method);
  if (isError(found)) return found;
  // After WorkOS's MFA grant (`mfa_verify`): which factor passed.
  const { second_factor } = cont.state;
  const identity: Identity = second_factor ? { ...found, second_factor } : found;
  if (cont.profile.mfa.enforce === 'always' && !cont.state.mfa_done) return requireSecondFactor(ctx, cont, identity);
  return { type: 'authenticated', identity };
}

/** The identity of a WorkOS grant. */
export function identityOf(
  ctx: StepContext,
  profile: ResolvedProfile,
  auth: AuthenticationResponse,
  method: Method,
): Promise<Identity | ErrorOutcome> {
  return identityOfUser(ctx, profile, auth.user, {
    organizationId: auth.organizationId ?? null,
    sessionId: sessionIdOf(auth.accessToken),
    method,
  });
}

/**
 * The identity of a WorkOS user however they proved it (a grant, or a passkey this site verified:
 * no WorkOS session then). Membership is looked up live in the profile's organization, else the
 * one the grant named; without an answer no gate can decide, so this fails closed.
 */
export async function identityOfUser(
  ctx: StepContext,
  profile: ResolvedProfile,
  user: User,
  how: { organizationId: string | null; sessionId: string | null; method: Method },
): Promise<Identity | ErrorOutcome> {
  const organizationId = profile.organization_id ?? how.organizationId;
  let membership: Identity['membership'] = null;
  if (organizationId) {
    try {
      const list = await ctx.workos.userManagement.listOrganizationMemberships({
        userId: user.id,
        organizationId,
        statuses: ['active', 'inactive', 'pending'],
      });
      const found = list.data[0];
      if (found) membership = { role: found.role.slug, status: found.status };
    } catch (error) {
      // Without an answer no gate can decide: an outage fails closed (`workos_unavailable`); a
      // user or organization WorkOS no longer knows is a refusal, not an outage.
      return apiError(ctx, error, GONE);
    }
  }
  return {
    user: {
      id: user.id,
      email: user.email,
      email_verified: user.emailVerified,
      first_name: user.firstName,
      last_name: user.lastName,
    },
    organization_id: organizationId,
    membership,
    session_id: how.sessionId,
    method: how.method,
  };
}

/**
 * The access token arrives straight from WorkOS over our own authenticated request, so reading
 * its `sid` claim needs no signature check; the token itself never leaves this process.
 */
function sessionIdOf(accessToken: string): string | null {
  try {
    const sid = decodeJwt(accessToken).sid;
    return typeof sid === 'string' ? sid : null;
  } catch {
    return null;
  }
}
