/**
 * Creating a passkey: `passkey_register_options` (step `passkey_register`, a sealed challenge for
 * one WorkOS user) and `passkey_register_verify` (the new credential → what WordPress stores).
 *
 * Two ways in:
 *  - a signed-in WordPress user (no flow; WordPress checked the recent sign-in): `input.user` is the
 *    account; at verify `input.user_id` must name the same user → `passkey_registered`;
 *  - enrolment as the second factor (an `mfa_enroll` flow holding the identity): the passkey is
 *    created for that identity → `authenticated` with `second_factor: 'webauthn'` and
 *    `passkey_registered` (WordPress stores it once the user is signed in).
 */
import {
  PASSKEY_LIMITS,
  type Envelope,
  type Identity,
  type Outcome,
  type PasskeyUser,
} from '../../protocol/messages.ts';
import type { StepContext } from './context.ts';
import { openFlow, requireFlow, stepOutcome, type FlowState } from './flow.ts';
import { heldIdentity, webauthnAllowed } from './mfa.ts';
import { errorOutcome, FLOW_EXPIRED, isError, MFA_NOT_ALLOWED, PASSKEY_INVALID } from './outcomes.ts';
import { expected, NO_RP_ID } from './passkey.ts';
import { creationOptions, verifyAttestation } from './webauthn.ts';

/** The WebAuthn account of an identity: the email as its name, the person's name to display. */
export function passkeyUserOf(identity: Identity): PasskeyUser {
  const { id, email, first_name, last_name } = identity.user;
  const name = [first_name, last_name].filter(Boolean).join(' ');
  return { id, name: email, display_name: name || email };
}

export async function passkeyRegisterOptionsStep(
  ctx: StepContext,
  envelope: Envelope<'passkey_register_options'>,
): Promise<Outcome> {
  const { profile, input, context } = envelope;
  if (!context.rp_id) return NO_RP_ID;
  const flow = openFlow(ctx, 'passkey_register_options', envelope);
  if (isError(flow)) return flow;
  let state: FlowState;
  let user: PasskeyUser;
  if (flow) {
    const held = heldIdentity(flow.state);
    if (!held || !webauthnAllowed(profile, flow.state)) return MFA_NOT_ALLOWED;
    // The flow names the account: a second one in the input could only confuse.
    if (input.user !== null) return errorOutcome('invalid_request', 400, 'Invalid fields: input.user');
    user = passkeyUserOf(held);
    state = flow.state;
  } else {
    if (input.user === null) return errorOutcome('invalid_request', 400, 'Invalid fields: input.user');
    user = input.user;
    state = { email: user.name, user_id: user.id, method: 'passkey' };
  }
  const options = await creationOptions(input.rp_name, context.rp_id, user, input.exclude);
  return stepOutcome(
    ctx,
    profile,
    'passkey_register',
    { options },
    { ...state, challenge: options.challenge, passkey_user: user },
    { ttlMs: PASSKEY_LIMITS.passkeyChallengeMs },
  );
}

export async function passkeyRegisterVerifyStep(
  ctx: StepContext,
  envelope: Envelope<'passkey_register_verify'>,
): Promise<Outcome> {
  const { profile, input, context } = envelope;
  const flow = requireFlow(ctx, 'passkey_register_verify', envelope);
  if (isError(flow)) return flow;
  const { state } = flow;
  const target = expected(state, context);
  const user = state.passkey_user;
  if (!target || !user) return FLOW_EXPIRED;
  const held = heldIdentity(state);
  if (held) {
    if (!webauthnAllowed(profile, state)) return MFA_NOT_ALLOWED;
    if (input.user_id !== null && input.user_id !== held.user.id) return refuse(ctx, 'other_user');
  } else if (input.user_id !== user.id) {
    // A signed-in user may only finish a registration made for their own account.
    return refuse(ctx, 'other_user');
  }

  const verified = await verifyAttestation(input.response, target);
  if (!verified.ok) return refuse(ctx, verified.reason);
  if (held) {
    return {
      type: 'authenticated',
      identity: { ...held, second_factor: 'webauthn' },
      passkey_registered: verified.passkey,
    };
  }
  return { type: 'passkey_registered', credential: verified.passkey };
}

function refuse(ctx: StepContext, reason: string): Outcome {
  ctx.log.info('passkey refused', { step: 'passkey_register_verify', reason });
  return PASSKEY_INVALID;
}
