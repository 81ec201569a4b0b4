/**
 * `invitation`: reads the invitation behind a link's token. A pending one answers step
 * `invitation {email, organization_name}` with a flow (purpose `invitation`) that `password`,
 * `magic_code_send`, `signup` and `authorize` accept, so accepting passes the token to WorkOS
 * (which joins the organization with the invited role).
 */
import type { Envelope, Outcome } from '../../protocol/messages.ts';
import type { StepContext } from './context.ts';
import { classifyWorkOSError, failureFields } from '../workos-failure.ts';
import { apiError } from './errors.ts';
import { stepOutcome } from './flow.ts';
import { errorOutcome } from './outcomes.ts';

const DISABLED = errorOutcome('method_disabled', 403, 'Invitations are not enabled on this profile.');
const INVALID = errorOutcome('invitation_invalid', 410, 'The invitation is unknown, expired, revoked or accepted.');

export async function invitationStep(ctx: StepContext, envelope: Envelope<'invitation'>): Promise<Outcome> {
  const { profile, input } = envelope;
  if (!profile.invitations) return DISABLED;
  let invitation;
  try {
    invitation = await ctx.workos.userManagement.findInvitationByToken(input.invitation_token);
  } catch (error) {
    return apiError(ctx, error, INVALID);
  }
  if (invitation.state !== 'pending' || !(Date.parse(invitation.expiresAt) > Date.now())) return INVALID;

  let organizationName: string | null = null;
  if (invitation.organizationId) {
    try {
      organizationName = (await ctx.workos.organizations.getOrganization(invitation.organizationId)).name;
    } catch (error) {
      // Only a label: the invitation stays usable without it.
      ctx.log.info('invitation organization unavailable', failureFields(classifyWorkOSError(error)));
    }
  }
  return stepOutcome(
    ctx,
    profile,
    'invitation',
    { email: invitation.email, organization_name: organizationName },
    { email: invitation.email, user_id: null, method: 'password', invitation_token: input.invitation_token },
  );
}
