/**
 * The password step: email + password through WorkOS (with an invitation read earlier, when the
 * flow carries one), answered with an Outcome.
 */
import type { Envelope, Outcome } from '../../protocol/messages.ts';
import type { StepContext } from './context.ts';
import { mapWorkOSError } from './errors.ts';
import { openFlow, type Continuation } from './flow.ts';
import { authenticated } from './identity.ts';
import { INVALID_CREDENTIALS, isError, METHOD_DISABLED } from './outcomes.ts';

export async function passwordStep(ctx: StepContext, envelope: Envelope<'password'>): Promise<Outcome> {
  const { profile, input, context } = envelope;
  if (!profile.methods.includes('password')) return METHOD_DISABLED;
  const invitation = openFlow(ctx, 'password', envelope);
  if (isError(invitation)) return invitation;
  const invitationToken = invitation?.state.invitation_token;
  const cont: Continuation = {
    profile,
    context,
    state: {
      email: input.email,
      user_id: null,
      method: 'password',
      ...(invitationToken ? { invitation_token: invitationToken } : {}),
    },
    refusal: INVALID_CREDENTIALS,
    ...(envelope.passthrough ? { passthrough: envelope.passthrough } : {}),
  };
  return signInWithPassword(ctx, cont, input.email, input.password);
}

/**
 * One password authentication at WorkOS (sign-in, sign-up's first sign-in, sign-in after a
 * reset), accepting the invitation the continuation carries; every answer mapped the same way.
 */
export async function signInWithPassword(
  ctx: StepContext,
  cont: Continuation,
  email: string,
  password: string,
): Promise<Outcome> {
  const invitationToken = cont.state.invitation_token;
  let auth;
  try {
    auth = await ctx.workos.userManagement.authenticateWithPassword({
      clientId: ctx.clientId,
      email,
      password,
      ...(invitationToken ? { invitationToken } : {}),
      ipAddress: cont.context.ip,
      userAgent: cont.context.user_agent,
    });
  } catch (error) {
    return mapWorkOSError(ctx, cont, error);
  }
  return authenticated(ctx, cont, auth);
}
