/**
 * `authorize`: where to send the browser for social, SSO (by work email or the profile's pinned
 * organization) or hosted AuthKit sign-in. Answers `redirect {url}`; the element navigates.
 */
import type { Envelope, Method, Outcome } from '../../protocol/messages.ts';
import { authorizeRedirect } from './authorize-url.ts';
import type { StepContext } from './context.ts';
import { apiError } from './errors.ts';
import { openFlow } from './flow.ts';
import { errorOutcome, isError, METHOD_DISABLED } from './outcomes.ts';

const SSO_UNAVAILABLE = errorOutcome('sso_unavailable', 400, 'No SSO connection exists for that email domain.');

export async function authorizeStep(ctx: StepContext, envelope: Envelope<'authorize'>): Promise<Outcome> {
  const { profile, input, context } = envelope;
  const target = input.request;
  const needs: Method | null =
    target.kind === 'oauth'
      ? `oauth_${target.provider}`
      : target.kind === 'sso' || target.kind === 'sso_organization'
        ? 'sso'
        : null;
  if (needs && !profile.methods.includes(needs)) return METHOD_DISABLED;

  const invitation = openFlow(ctx, 'authorize', envelope);
  if (isError(invitation)) return invitation;
  const choices = { redirect_to: input.redirect_to, remember: input.remember };
  const invitationToken = invitation?.state.invitation_token;

  if (target.kind !== 'sso') return authorizeRedirect(ctx, profile, context, target, choices, invitationToken);

  const domain = target.email.slice(target.email.lastIndexOf('@') + 1).toLowerCase();
  let organizationId: string | undefined;
  try {
    const list = await ctx.workos.organizations.listOrganizations({ domains: [domain], limit: 1 });
    organizationId = list.data[0]?.id;
  } catch (error) {
    return apiError(ctx, error, SSO_UNAVAILABLE);
  }
  if (!organizationId) return SSO_UNAVAILABLE;
  return authorizeRedirect(
    ctx,
    profile,
    context,
    { kind: 'sso_domain', organization_id: organizationId, email: target.email },
    choices,
    invitationToken,
  );
}
