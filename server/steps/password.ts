/**
 * The password step: email + password through WorkOS, answered with an Outcome.
 */
import { decodeJwt } from 'jose';
import type { Envelope, Identity, Outcome } from '../../protocol/messages.ts';
import type { StepContext } from './context.ts';
import { errorOutcome, mapWorkOSError } from './errors.ts';

export async function passwordStep(ctx: StepContext, envelope: Envelope<'password'>): Promise<Outcome> {
  const { profile, input, context } = envelope;
  let auth;
  try {
    auth = await ctx.workos.userManagement.authenticateWithPassword({
      clientId: ctx.clientId,
      email: input.email,
      password: input.password,
      ipAddress: context.ip,
      userAgent: context.user_agent,
    });
  } catch (error) {
    return mapWorkOSError(ctx, profile, input.email, error);
  }

  const organizationId = profile.organization_id ?? auth.organizationId ?? null;
  let membership: Identity['membership'] = null;
  if (organizationId) {
    try {
      const list = await ctx.workos.userManagement.listOrganizationMemberships({
        userId: auth.user.id,
        organizationId,
        statuses: ['active', 'inactive', 'pending'],
      });
      const found = list.data[0];
      if (found) membership = { role: found.role.slug, status: found.status };
    } catch (error) {
      // Without live membership data no gate can decide: fail closed.
      ctx.log.warn('membership lookup failed', { error });
      return errorOutcome('workos_unavailable', 503, 'WorkOS could not be reached.');
    }
  }

  return {
    type: 'authenticated',
    identity: {
      user: {
        id: auth.user.id,
        email: auth.user.email,
        email_verified: auth.user.emailVerified,
        first_name: auth.user.firstName,
        last_name: auth.user.lastName,
      },
      organization_id: organizationId,
      membership,
      session_id: sessionIdOf(auth.accessToken),
      method: 'password',
    },
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
