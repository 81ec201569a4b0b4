/**
 * Magic code: `magic_code_send` always answers `code_sent` (after the enumeration floor), sending a
 * code only where the account exists or the profile lets this email sign up; `magic_code_verify`
 * redeems the code.
 */
import { LIMITS, type Envelope, type Outcome } from '../../protocol/messages.ts';
import type { StepContext } from './context.ts';
import { mapWorkOSError } from './errors.ts';
import { atFloor } from './floor.ts';
import { openFlow, requireFlow, stepOutcome, type Continuation } from './flow.ts';
import { authenticated } from './identity.ts';
import { INVALID_CODE, isError, METHOD_DISABLED } from './outcomes.ts';
import { sameEmail, sendMagicCode, userExists } from './users.ts';

export async function magicCodeSendStep(ctx: StepContext, envelope: Envelope<'magic_code_send'>): Promise<Outcome> {
  if (!envelope.profile.methods.includes('magic_code')) return METHOD_DISABLED;
  return atFloor(ctx, () => send(ctx, envelope));
}

async function send(ctx: StepContext, envelope: Envelope<'magic_code_send'>): Promise<Outcome> {
  const { profile, input, context } = envelope;
  const invitation = openFlow(ctx, 'magic_code_send', envelope);
  if (isError(invitation)) return invitation;
  const invitationToken = sameEmail(invitation?.state.email, input.email)
    ? invitation?.state.invitation_token
    : undefined;

  const exists = await userExists(ctx, input.email);
  if (isError(exists)) return exists;
  // WorkOS signs an unknown email up on its first magic code: only where the profile allows that.
  const mayJoin = profile.signup.enabled && (!profile.signup.require_invitation || invitationToken !== undefined);
  const sent = exists || mayJoin ? await sendMagicCode(ctx, input.email, invitationToken, context) : false;

  return stepOutcome(
    ctx,
    profile,
    'code_sent',
    { email: input.email, resend_after: LIMITS.resendAfter },
    {
      email: input.email,
      user_id: null,
      method: 'magic_code',
      sent: sent ? 1 : 0,
      ...(invitationToken ? { invitation_token: invitationToken } : {}),
    },
  );
}

export async function magicCodeVerifyStep(ctx: StepContext, envelope: Envelope<'magic_code_verify'>): Promise<Outcome> {
  const { profile, input, context } = envelope;
  const flow = requireFlow(ctx, 'magic_code_verify', envelope);
  if (isError(flow)) return flow;
  const state = { ...flow.state };
  delete state.sent;
  const cont: Continuation = {
    profile,
    context,
    state,
    refusal: INVALID_CODE,
    ...(envelope.passthrough ? { passthrough: envelope.passthrough } : {}),
  };
  let auth;
  try {
    // Asked even when no code was sent, so a code for an unknown email costs the same and fails alike.
    auth = await ctx.workos.userManagement.authenticateWithMagicAuth({
      clientId: ctx.clientId,
      code: input.code,
      email: state.email,
      ...(state.invitation_token ? { invitationToken: state.invitation_token } : {}),
      ipAddress: context.ip,
      userAgent: context.user_agent,
    });
  } catch (error) {
    return mapWorkOSError(ctx, cont, error);
  }
  return authenticated(ctx, cont, auth);
}
