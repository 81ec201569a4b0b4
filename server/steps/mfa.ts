/**
 * MFA, as protocol/mfa-policy.ts decides it: what to offer when WorkOS asks for a second factor
 * (`mfa_challenge` / `mfa_enrollment`), and the second factor this site asks for itself (profile
 * `always`, role-based step-up) after WorkOS let a sign-in through with one factor. The allowlist
 * is enforced here, server side, whatever the browser sends.
 *
 * Passkeys (this site's WebAuthn, see passkey.ts) may complete only a second factor the login
 * server itself holds an identity for (`always`, step-up): WorkOS's own MFA (a pending token) can
 * be completed by a WorkOS factor alone, so those steps never offer one.
 */
import type { Identity, MfaFactorSummary, Outcome, ResolvedProfile, StepOutcome } from '../../protocol/messages.ts';
import { mfaDecision, passkeyServes, WORKOS_FACTORS, type WorkOSAnswer } from '../../protocol/mfa-policy.ts';
import type { StepContext } from './context.ts';
import { classifyWorkOSError, failureFields } from '../workos-failure.ts';
import { apiError } from './errors.ts';
import { stepOutcome, type Continuation, type FlowState } from './flow.ts';
import { GONE, MFA_NOT_ALLOWED } from './outcomes.ts';

/** Whether a passkey of this site may serve as the second factor: the profile allows it, or a step-up asks. */
export function webauthnAllowed(profile: ResolvedProfile, state: Pick<FlowState, 'step_up'>): boolean {
  return passkeyServes(profile.mfa, state.step_up === true);
}

/**
 * The identity the flow holds for its second factor (profile `always`, step-up), or null — also
 * under WorkOS's own MFA (a pending token), which only WorkOS's grant can complete.
 */
export function heldIdentity(state: FlowState): Identity | null {
  return state.identity && !state.pending_authentication_token ? state.identity : null;
}

/** The WorkOS user a passkey may complete this flow's second factor for, or null. */
export function passkeySubject(profile: ResolvedProfile, state: FlowState): string | null {
  const identity = heldIdentity(state);
  return identity && webauthnAllowed(profile, state) ? identity.user.id : null;
}

/**
 * Marks an MFA step a passkey may complete with its `subject` (PHP only: WordPress strips it and
 * offers `passkey: 'use'` when that user has a passkey here).
 */
export function withSubject(outcome: Outcome, profile: ResolvedProfile, state: FlowState): Outcome {
  const subject = passkeySubject(profile, state);
  return subject && outcome.type === 'step' ? ({ ...outcome, subject } satisfies StepOutcome) : outcome;
}

/** A WorkOS factor (wire or SDK casing) as the browser may see it: id, type, last phone digits. */
export function summarize(factor: unknown): MfaFactorSummary | null {
  const f = factor as { id?: unknown; type?: unknown; sms?: { phoneNumber?: unknown; phone_number?: unknown } };
  const type = WORKOS_FACTORS.find((t) => t === f?.type);
  if (typeof f?.id !== 'string' || !type) return null;
  const phone = f.sms?.phoneNumber ?? f.sms?.phone_number;
  return { id: f.id, type, label: typeof phone === 'string' && phone.length >= 4 ? phone.slice(-4) : null };
}

export function factorsOf(raw: unknown): MfaFactorSummary[] {
  return Array.isArray(raw) ? raw.map(summarize).filter((f) => f !== null) : [];
}

/** SMS factors named without their phone: look the user's factors up for the label (best effort). */
export async function labelled(
  ctx: StepContext,
  userId: string | null,
  factors: MfaFactorSummary[],
): Promise<MfaFactorSummary[]> {
  if (!userId || !factors.some((f) => f.type === 'sms' && f.label === null)) return factors;
  try {
    const known = factorsOf((await ctx.workos.multiFactorAuth.listUserAuthFactors({ userId })).data);
    return factors.map((f) => known.find((k) => k.id === f.id) ?? f);
  } catch (error) {
    ctx.log.info('factor labels unavailable', failureFields(classifyWorkOSError(error)));
    return factors;
  }
}

/**
 * What mfaDecision says for WorkOS's `answer` and the user's `enrolled` factors: a challenge of
 * the allowed ones (one at once, several to the picker), enrolment, or `mfa_not_allowed`.
 */
export async function offerSecondFactor(
  ctx: StepContext,
  cont: Continuation,
  answer: WorkOSAnswer,
  enrolled: MfaFactorSummary[],
): Promise<Outcome> {
  const decision = mfaDecision(cont.profile.mfa, { answer, enrolled, stepUp: cont.state.step_up === true });
  switch (decision.kind) {
    case 'challenge': {
      const allowed = decision.factors;
      if (allowed.length === 1) return challenge(ctx, cont, allowed[0], allowed);
      const state = { ...cont.state, factors: allowed };
      return withSubject(
        stepOutcome(ctx, cont.profile, 'mfa_challenge', { factors: allowed }, state),
        cont.profile,
        state,
      );
    }
    case 'enroll': {
      const { types, passkey } = decision;
      const state = { ...cont.state, types };
      const data = { types, ...(passkey ? { passkey: 'register' as const } : {}) };
      return withSubject(stepOutcome(ctx, cont.profile, 'mfa_enroll', data, state), cont.profile, state);
    }
    case 'proceed': // Not reached: callers come here only where a second factor is asked (siteAsks).
    case 'refuse':
      return MFA_NOT_ALLOWED;
  }
}

/** Challenge one factor (SMS sends its code now) and ask for the code. */
export async function challenge(
  ctx: StepContext,
  cont: Continuation,
  factor: MfaFactorSummary,
  factors: MfaFactorSummary[],
): Promise<Outcome> {
  let challengeId: string;
  try {
    challengeId = (await ctx.workos.multiFactorAuth.challengeFactor({ authenticationFactorId: factor.id })).id;
  } catch (error) {
    return apiError(ctx, error, MFA_NOT_ALLOWED);
  }
  const others = factors.filter((f) => f.id !== factor.id);
  const state = { ...cont.state, factors, factor_id: factor.id, challenge_id: challengeId };
  const data = { factor, others, ...(factor.type === 'sms' && factor.label ? { phone_hint: factor.label } : {}) };
  return withSubject(stepOutcome(ctx, cont.profile, 'mfa_code', data, state), cont.profile, state);
}

/**
 * Profile `always` (or a role-based step-up, `cont.state.step_up`): the first factor passed without
 * MFA. The identity waits sealed in the flow (no pending token: WorkOS is done) until `mfa_verify`
 * checks a challenge of one of the user's allowed factors or an enrolled new one, or a passkey
 * verifies (`passkey_verify`, `passkey_register_verify`). Without an allowed WorkOS factor the
 * answer is `mfa_enroll` (WordPress offers the user's passkey there when there is one).
 */
export async function requireSecondFactor(ctx: StepContext, cont: Continuation, identity: Identity): Promise<Outcome> {
  let factors: MfaFactorSummary[];
  try {
    const list = await ctx.workos.multiFactorAuth.listUserAuthFactors({ userId: identity.user.id });
    factors = factorsOf(list.data);
  } catch (error) {
    return apiError(ctx, error, GONE);
  }
  const state = { ...cont.state, identity, user_id: identity.user.id, email: identity.user.email };
  delete state.pending_authentication_token;
  const next = { ...cont, state };
  return offerSecondFactor(ctx, next, 'signed_in', factors);
}
