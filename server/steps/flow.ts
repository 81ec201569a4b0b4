/**
 * Sealed flows (ARCHITECTURE rule 3): what a later step needs, sealed for the purpose of the step
 * the browser is shown, bound to the profile. A step's *input* flow must have been sealed for the
 * step the previous answer named (`mfa_verify` accepts a flow sealed for `mfa_code`), so a flow
 * can never be replayed into another step.
 */
import type {
  Envelope,
  ErrorOutcome,
  Identity,
  Passthrough,
  RequestContext,
  IdentityMethod,
  MfaFactorSummary,
  MfaFactorType,
  PasskeyUser,
  ResolvedProfile,
  StepData,
  StepId,
  StepName,
  StepOutcome,
} from '../../protocol/messages.ts';
import type { WorkOSFactor } from '../../protocol/mfa-policy.ts';
import { FlowTokenError } from '../seal.ts';
import { FLOW_TTL_MS, type StepContext } from './context.ts';
import { FLOW_EXPIRED } from './outcomes.ts';

/** Everything any step may carry forward; each step seals only what applies. */
export interface FlowState {
  email: string;
  user_id: string | null;
  /** The first factor, reported as the identity's method whatever steps follow (unless WorkOS names it). */
  method: IdentityMethod;
  invitation_token?: string;
  pending_authentication_token?: string;
  /** Profile `always`: the identity that already authenticated, waiting for its second factor. */
  identity?: Identity;
  /** A second factor was already passed: the `always` policy is satisfied. */
  mfa_done?: boolean;
  /** Which second factor passed (WorkOS's MFA grant): reported on the identity. */
  second_factor?: MfaFactorType;
  /** Role-based step-up (`step_up`): the held identity must pass a second factor; a passkey may. */
  step_up?: boolean;
  /** The WebAuthn challenge (base64url) of a `passkey` / `passkey_register` step. */
  challenge?: string;
  /** `passkey_register`: the account the new passkey is created for (its id is the user handle). */
  passkey_user?: PasskeyUser;
  /** The allowed factors the visitor may pick from (`mfa_challenge`, `mfa_code`). */
  factors?: MfaFactorSummary[];
  /** The factor types the visitor may enroll (`mfa_enroll`). */
  types?: WorkOSFactor[];
  factor_id?: string;
  challenge_id?: string;
  /** Organization ids the visitor may pick from (`org_select`). */
  organizations?: string[];
  /** `email_verify` after a sign-up of an existing account: a magic code was sent instead. */
  mode?: 'magic';
  /**
   * `code_sent`: whether a code was really sent (0 for unknown emails without sign-up). A digit,
   * not a boolean: `true`/`false` differ in length, and so would the sealed token.
   */
  sent?: 0 | 1;
  /** Spaces that round the sealed payload up to {@link PAD_BLOCK} bytes (see {@link sealFlow}). */
  pad?: string;
}

/**
 * Sealed flows are padded to a multiple of this many bytes: a flow for an existing account and one
 * for an unknown email (`code_sent`, sign-up's `email_verify`) hold different fields, and their
 * token lengths must not tell them apart.
 */
export const PAD_BLOCK = 1024;

/** Where a multi-step answer goes on from: what any step needs to continue a sign-in. */
export interface Continuation {
  profile: ResolvedProfile;
  context: RequestContext;
  /** What the flow carries forward (email, first factor, invitation, pending token…). */
  state: FlowState;
  /** The one answer for a wrong credential in this step, so nothing tells accounts apart. */
  refusal: ErrorOutcome;
  /**
   * The visitor's choices: sealed in the OAuth state by `callback`, sent by WordPress with a first
   * factor (`Envelope.passthrough`) for an `sso_required` redirect.
   */
  passthrough?: Passthrough;
}

/** Which sealed purposes each step accepts as its input flow. */
export const ACCEPTS: Partial<Record<StepId, readonly StepName[]>> = {
  magic_code_verify: ['code_sent'],
  email_verify: ['email_verify'],
  mfa_enroll: ['mfa_enroll'],
  // The picker, or "use another factor" from the code step.
  mfa_challenge: ['mfa_challenge', 'mfa_code'],
  mfa_verify: ['mfa_code'],
  org_select: ['org_select'],
  // No flow: a first factor. An MFA step's flow: that sign-in's second factor.
  passkey_options: ['mfa_challenge', 'mfa_code', 'mfa_enroll'],
  passkey_verify: ['passkey'],
  // No flow: a signed-in WordPress user adds one. An `mfa_enroll` flow: enrolment as second factor.
  passkey_register_options: ['mfa_enroll'],
  passkey_register_verify: ['passkey_register'],
  // An invitation read by `invitation` rides along with these first factors.
  password: ['invitation'],
  magic_code_send: ['invitation'],
  signup: ['invitation'],
  authorize: ['invitation'],
};

export interface SealOptions {
  /** How long the flow stays valid; {@link FLOW_TTL_MS} unless the step needs it shorter (passkey challenges). */
  ttlMs?: number;
}

export function sealFlow(
  ctx: StepContext,
  profile: ResolvedProfile,
  purpose: StepName,
  state: FlowState,
  options: SealOptions = {},
): string {
  const { pad: _old, ...rest } = state;
  // `,"pad":""` adds 9 bytes to the JSON; the spaces fill the block.
  const used = Buffer.byteLength(JSON.stringify(rest)) + 9;
  const padded = { ...rest, pad: ' '.repeat((PAD_BLOCK - (used % PAD_BLOCK)) % PAD_BLOCK) };
  return ctx.sealer.seal(padded, { purpose, profile: profile.slug }, options.ttlMs ?? FLOW_TTL_MS);
}

/** A step outcome whose flow is sealed for that step. */
export function stepOutcome<S extends StepName>(
  ctx: StepContext,
  profile: ResolvedProfile,
  step: S,
  data: StepData[S],
  state: FlowState,
  options: SealOptions = {},
): StepOutcome {
  return {
    type: 'step',
    step,
    flow: sealFlow(ctx, profile, step, state, options),
    data: data,
  };
}

/**
 * Opens the envelope's flow for `step`. `null` when the envelope carries none (optional flows);
 * `flow_expired` when it is tampered, expired, sealed for another purpose or another profile.
 */
export function openFlow(
  ctx: StepContext,
  step: StepId,
  envelope: Pick<Envelope, 'flow' | 'profile'>,
): { state: FlowState; purpose: StepName } | null | ErrorOutcome {
  const token = envelope.flow;
  if (token === undefined || token === '') return null;
  for (const purpose of ACCEPTS[step] ?? []) {
    try {
      const { pad: _pad, ...state } = ctx.sealer.unseal<FlowState>(token, {
        purpose,
        profile: envelope.profile.slug,
      }).data;
      return { state, purpose };
    } catch (error) {
      if (!(error instanceof FlowTokenError)) throw error;
      // Malformed and expired tokens fail for every purpose alike; tampered may be another purpose.
      if (error.reason !== 'tampered') break;
    }
  }
  ctx.log.info('flow refused', { step });
  return FLOW_EXPIRED;
}

/** Opens a flow the step cannot do without. */
export function requireFlow(
  ctx: StepContext,
  step: StepId,
  envelope: Pick<Envelope, 'flow' | 'profile'>,
): { state: FlowState; purpose: StepName } | ErrorOutcome {
  return openFlow(ctx, step, envelope) ?? FLOW_EXPIRED;
}
