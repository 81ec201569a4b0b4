/**
 * The identity WordPress signs in: the WorkOS user, live membership in the profile's organization
 * (looked up now, failing closed), the WorkOS session id, the first factor's method (WorkOS's own
 * name for it when the grant gives one, see authentication-method.ts) and, for a WorkOS dashboard
 * impersonation, the impersonator. Every grant that succeeds ends here, so the second factor this
 * site asks for itself (protocol/mfa-policy.ts: profile `always`) is asked here too.
 */
import type { AuthenticationResponse, User } from '@workos-inc/node';
import { decodeJwt } from 'jose';
import type { ErrorOutcome, Identity, IdentityMethod, Outcome, ResolvedProfile } from '../../protocol/messages.ts';
import { siteAsks } from '../../protocol/mfa-policy.ts';
import { impersonatorOf, methodFields, type MethodFields } from './authentication-method.ts';
import type { StepContext } from './context.ts';
import { apiError } from './errors.ts';
import type { Continuation } from './flow.ts';
import { requireSecondFactor } from './mfa.ts';
import { GONE, isError } from './outcomes.ts';

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
  const answer = cont.state.mfa_done ? 'signed_in_after_mfa' : 'signed_in';
  if (siteAsks(cont.profile.mfa, answer, false)) return requireSecondFactor(ctx, cont, identity);
  return { type: 'authenticated', identity };
}

/**
 * The identity of a WorkOS grant. WorkOS names the first factor of every grant (after MFA or an
 * organization choice too); `method`, the one the flow started with, stands only when it does not.
 */
export async function identityOf(
  ctx: StepContext,
  profile: ResolvedProfile,
  auth: AuthenticationResponse,
  method: IdentityMethod,
): Promise<Identity | ErrorOutcome> {
  const identity = await identityOfUser(ctx, profile, auth.user, {
    organizationId: auth.organizationId ?? null,
    sessionId: sessionIdOf(auth.accessToken),
    ...methodFields(ctx.log, auth.authenticationMethod, method),
  });
  const impersonator = impersonatorOf(auth);
  return isError(identity) || !impersonator ? identity : { ...identity, impersonator };
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
  how: { organizationId: string | null; sessionId: string | null } & MethodFields,
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
    ...(how.workos_method !== undefined ? { workos_method: how.workos_method } : {}),
  };
}

/**
 * The access token arrives straight from WorkOS over our own authenticated request, so reading
 * its `sid` claim needs no signature check; the token itself never leaves this process.
 */
export function sessionIdOf(accessToken: string): string | null {
  try {
    const sid = decodeJwt(accessToken).sid;
    return typeof sid === 'string' ? sid : null;
  } catch {
    return null;
  }
}
