/**
 * Organization choice after WorkOS's `organization_selection_required`: a profile that pins an
 * organization resolves it itself (or refuses a user outside it); otherwise the visitor picks from
 * the organizations WorkOS listed, and only from those (`org_select`).
 */
import type { Envelope, Outcome } from '../../protocol/messages.ts';
import type { StepContext } from './context.ts';
import { mapWorkOSError } from './errors.ts';
import { requireFlow, stepOutcome, type Continuation } from './flow.ts';
import { authenticated } from './identity.ts';
import { errorOutcome, FLOW_EXPIRED, isError } from './outcomes.ts';

const REFUSED = errorOutcome('organization_refused', 403, "The user does not belong to this profile's organization.");

export async function offerOrganizations(
  ctx: StepContext,
  cont: Continuation,
  organizations: Array<{ id: string; name: string }>,
): Promise<Outcome> {
  const { profile } = cont;
  if (profile.organization_pinned && profile.organization_id) {
    const pinned = profile.organization_id;
    return organizations.some((o) => o.id === pinned) ? redeem(ctx, cont, pinned) : REFUSED;
  }
  const listed = organizations.map(({ id, name }) => ({ id, name }));
  return stepOutcome(
    ctx,
    profile,
    'org_select',
    { organizations: listed },
    { ...cont.state, organizations: listed.map((o) => o.id) },
  );
}

export async function orgSelectStep(ctx: StepContext, envelope: Envelope<'org_select'>): Promise<Outcome> {
  const flow = requireFlow(ctx, 'org_select', envelope);
  if (isError(flow)) return flow;
  if (!flow.state.organizations?.includes(envelope.input.organization_id)) return REFUSED;
  const cont: Continuation = {
    profile: envelope.profile,
    context: envelope.context,
    state: flow.state,
    refusal: FLOW_EXPIRED,
  };
  return redeem(ctx, cont, envelope.input.organization_id);
}

async function redeem(ctx: StepContext, cont: Continuation, organizationId: string): Promise<Outcome> {
  const token = cont.state.pending_authentication_token;
  if (!token) return FLOW_EXPIRED;
  try {
    const auth = await ctx.workos.userManagement.authenticateWithOrganizationSelection({
      clientId: ctx.clientId,
      organizationId,
      pendingAuthenticationToken: token,
      ipAddress: cont.context.ip,
      userAgent: cont.context.user_agent,
    });
    return authenticated(ctx, cont, auth);
  } catch (error) {
    return mapWorkOSError(ctx, cont, error);
  }
}
