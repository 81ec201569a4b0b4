/**
 * Sign-up and email verification. `signup` creates the WorkOS user and signs in with the new
 * password, which WorkOS answers with `email_verification_required` → step `email_verify`. An
 * email that already has an account gets a magic code and the *same* step (the flow remembers
 * `mode: 'magic'`), after the same floor: nobody learns whether the account existed.
 */
import type { Envelope, Outcome } from '../../protocol/messages.ts';
import type { StepContext } from './context.ts';
import { apiError, codeOf, mapWorkOSError, statusOf } from './errors.ts';
import { atFloor } from './floor.ts';
import { openFlow, requireFlow, stepOutcome, type Continuation, type FlowState } from './flow.ts';
import { authenticated } from './identity.ts';
import { errorOutcome, FLOW_EXPIRED, INVALID_CODE, INVALID_CREDENTIALS, isError } from './outcomes.ts';
import { signInWithPassword } from './password.ts';
import { passwordProblems, passwordRejected } from './password-policy.ts';
import { sameEmail, sendMagicCode, userExists } from './users.ts';

const DISABLED = errorOutcome('method_disabled', 403, 'Sign-up is not enabled on this profile.');
const INVITATION_REQUIRED = errorOutcome('invitation_required', 403, 'Sign-up here needs an invitation.');

export async function signupStep(ctx: StepContext, envelope: Envelope<'signup'>): Promise<Outcome> {
  if (!envelope.profile.signup.enabled) return DISABLED;
  return atFloor(ctx, () => signup(ctx, envelope));
}

async function signup(ctx: StepContext, envelope: Envelope<'signup'>): Promise<Outcome> {
  const { profile, input, context } = envelope;
  const invitation = openFlow(ctx, 'signup', envelope);
  if (isError(invitation)) return invitation;
  // An invitation is for its own address only.
  if (invitation && !sameEmail(invitation.state.email, input.email)) return INVITATION_REQUIRED;
  const invitationToken = invitation?.state.invitation_token;
  if (profile.signup.require_invitation && !invitationToken) return INVITATION_REQUIRED;

  const base: FlowState = {
    email: input.email,
    user_id: null,
    method: 'password',
    ...(invitationToken ? { invitation_token: invitationToken } : {}),
  };
  const exists = await userExists(ctx, input.email);
  if (isError(exists)) return exists;
  if (exists) return codeInstead(ctx, envelope, base);

  try {
    await ctx.workos.userManagement.createUser({
      email: input.email,
      password: input.password,
      firstName: input.first_name,
      lastName: input.last_name,
    });
  } catch (error) {
    const problems = passwordProblems(error);
    if (problems) return passwordRejected(problems);
    // Created meanwhile by someone else: the same answer as an existing account.
    if (emailTaken(error)) {
      return codeInstead(ctx, envelope, base);
    }
    return apiError(ctx, error, errorOutcome('invalid_request', 400, 'WorkOS refused the sign-up.'));
  }

  const cont: Continuation = { profile, context, state: base, refusal: INVALID_CREDENTIALS };
  return signInWithPassword(ctx, cont, input.email, input.password);
}

/** WorkOS says the address already has a user (409, or a validation error naming it). */
function emailTaken(error: unknown): boolean {
  const taken = /email_not_available|exist|taken|duplicate/;
  const errors = (error as { errors?: unknown } | null)?.errors;
  const codes = Array.isArray(errors) ? errors.map((e) => String((e as { code?: unknown } | null)?.code)) : [];
  return statusOf(error) === 409 || [codeOf(error) ?? '', ...codes].some((c) => taken.test(c));
}

/** The account exists: prove the email with a magic code instead, behind the same step. */
async function codeInstead(ctx: StepContext, envelope: Envelope<'signup'>, base: FlowState): Promise<Outcome> {
  await sendMagicCode(ctx, base.email, base.invitation_token, envelope.context);
  return stepOutcome(
    ctx,
    envelope.profile,
    'email_verify',
    { email: base.email },
    { ...base, method: 'magic_code', mode: 'magic' },
  );
}

export async function emailVerifyStep(ctx: StepContext, envelope: Envelope<'email_verify'>): Promise<Outcome> {
  const { profile, input, context } = envelope;
  const flow = requireFlow(ctx, 'email_verify', envelope);
  if (isError(flow)) return flow;
  const { state } = flow;
  const cont: Continuation = { profile, context, state, refusal: INVALID_CODE };
  const client = { clientId: ctx.clientId, code: input.code, ipAddress: context.ip, userAgent: context.user_agent };
  let auth;
  try {
    if (state.mode === 'magic') {
      auth = await ctx.workos.userManagement.authenticateWithMagicAuth({
        ...client,
        email: state.email,
        ...(state.invitation_token ? { invitationToken: state.invitation_token } : {}),
      });
    } else {
      if (!state.pending_authentication_token) return FLOW_EXPIRED;
      auth = await ctx.workos.userManagement.authenticateWithEmailVerification({
        ...client,
        pendingAuthenticationToken: state.pending_authentication_token,
      });
    }
  } catch (error) {
    return mapWorkOSError(ctx, cont, error);
  }
  return authenticated(ctx, cont, auth);
}
