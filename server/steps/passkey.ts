/**
 * Signing in with a passkey of this site (ARCHITECTURE "Passkeys"): `passkey_options` seals a
 * fresh challenge (step `passkey`), `passkey_verify` checks the browser's assertion against the
 * credential WordPress stored.
 *
 * Without a flow it is a first factor (usernameless): the identity is built from the WorkOS user
 * the credential belongs to, with live membership. With an MFA step's flow that holds an identity
 * (profile `always`, step-up) it is that sign-in's second factor, for that user only. A passkey
 * verifies the user (UV required), so it also satisfies the profile's `always` policy by itself.
 */
import type { User } from '@workos-inc/node';
import { PASSKEY_LIMITS, type Envelope, type Outcome, type PasskeyUse } from '../../protocol/messages.ts';
import type { StepContext } from './context.ts';
import { apiError } from './errors.ts';
import { openFlow, requireFlow, stepOutcome, type FlowState } from './flow.ts';
import { identityOfUser } from './identity.ts';
import { heldIdentity, passkeySubject, webauthnAllowed } from './mfa.ts';
import {
  errorOutcome,
  FLOW_EXPIRED,
  isError,
  METHOD_DISABLED,
  MFA_NOT_ALLOWED,
  PASSKEY_INVALID,
  PASSKEY_REFUSED,
} from './outcomes.ts';
import { requestOptions, verifyAssertion, type Expected } from './webauthn.ts';

const REFUSED = errorOutcome('sign_in_refused', 403, 'The account of this passkey cannot sign in.');
export const NO_RP_ID = errorOutcome('internal_error', 500, 'No relying party id.');

/** What every passkey answer must have been made for: the sealed challenge, this site. */
export function expected(state: FlowState, context: Envelope['context']): Expected | null {
  return state.challenge ? { challenge: state.challenge, origin: context.origin, rpId: context.rp_id } : null;
}

export async function passkeyOptionsStep(ctx: StepContext, envelope: Envelope<'passkey_options'>): Promise<Outcome> {
  const { profile, context } = envelope;
  if (!context.rp_id) return NO_RP_ID;
  const flow = openFlow(ctx, 'passkey_options', envelope);
  if (isError(flow)) return flow;
  let state: FlowState;
  if (flow === null) {
    if (!profile.methods.includes('passkey')) return METHOD_DISABLED;
    state = { email: '', user_id: null, method: 'passkey' };
  } else {
    // Only a second factor this server holds the identity for, where the profile (or step-up) allows one.
    if (passkeySubject(profile, flow.state) === null) return MFA_NOT_ALLOWED;
    state = flow.state;
  }
  const options = await requestOptions(context.rp_id);
  return stepOutcome(
    ctx,
    profile,
    'passkey',
    { options },
    { ...state, challenge: options.challenge },
    { ttlMs: PASSKEY_LIMITS.passkeyChallengeMs },
  );
}

export async function passkeyVerifyStep(ctx: StepContext, envelope: Envelope<'passkey_verify'>): Promise<Outcome> {
  const { profile, input, context } = envelope;
  const flow = requireFlow(ctx, 'passkey_verify', envelope);
  if (isError(flow)) return flow;
  const { state } = flow;
  const target = expected(state, context);
  if (!target) return FLOW_EXPIRED;
  const held = heldIdentity(state);
  if (held) {
    if (!webauthnAllowed(profile, state)) return MFA_NOT_ALLOWED;
    if (input.credential.user_id !== held.user.id) {
      ctx.log.info('passkey refused', { step: 'passkey_verify', reason: 'other_user' });
      return PASSKEY_INVALID;
    }
  } else if (!profile.methods.includes('passkey')) {
    return METHOD_DISABLED;
  }

  const checked = await verifyAssertion(input.response, input.credential, target);
  if (!checked.ok) {
    if (checked.reason === 'counter') {
      ctx.log.warn('passkey counter regression', { step: 'passkey_verify' });
      return PASSKEY_REFUSED;
    }
    ctx.log.info('passkey refused', { step: 'passkey_verify', reason: checked.reason });
    return PASSKEY_INVALID;
  }
  const passkey_used: PasskeyUse = { id: input.credential.id, counter: checked.counter, backed_up: checked.backedUp };
  if (held) return { type: 'authenticated', identity: { ...held, second_factor: 'webauthn' }, passkey_used };

  let user: User;
  try {
    user = await ctx.workos.userManagement.getUser(input.credential.user_id);
  } catch (error) {
    // 404: the WorkOS user is gone (WordPress still had its passkey).
    return apiError(ctx, error, REFUSED);
  }
  const identity = await identityOfUser(ctx, profile, user, {
    organizationId: null,
    sessionId: null,
    method: 'passkey',
  });
  if (isError(identity)) return identity;
  return { type: 'authenticated', identity, passkey_used };
}
