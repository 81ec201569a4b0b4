/**
 * The MFA steps: `mfa_enroll` (a new TOTP or SMS factor, challenged at once), `mfa_challenge`
 * (challenge the factor the visitor picked) and `mfa_verify` (the code: WorkOS's pending
 * authentication is redeemed, or under the `always` policy the challenge verified and the sealed
 * identity released).
 */
import type { Envelope, MfaFactorSummary, Outcome, RequestContext } from '../../protocol/messages.ts';
import type { WorkOSFactor } from '../../protocol/mfa-policy.ts';
import type { StepContext } from './context.ts';
import { apiError, mapWorkOSError } from './errors.ts';
import { requireFlow, stepOutcome, type Continuation, type FlowState } from './flow.ts';
import { authenticated } from './identity.ts';
import { challenge, withSubject } from './mfa.ts';
import { errorOutcome, FLOW_EXPIRED, INVALID_CODE, isError, MFA_NOT_ALLOWED } from './outcomes.ts';

interface Enrolled {
  factor: MfaFactorSummary;
  challengeId: string;
  totp?: { qr_code: string; secret: string; uri: string };
}

/** SMS enrolment: SDK 11's user-scoped enrol sends TOTP fields only, so call the route itself. */
interface SmsEnrolWire {
  authentication_factor: { id: string; type: 'sms'; sms?: { phone_number?: string } };
  authentication_challenge: { id: string };
}

async function enroll(
  ctx: StepContext,
  userId: string,
  type: WorkOSFactor,
  state: FlowState,
  context: RequestContext,
  phone?: string,
): Promise<Enrolled> {
  if (type === 'totp') {
    const { authenticationFactor: f, authenticationChallenge: c } =
      await ctx.workos.multiFactorAuth.createUserAuthFactor({
        userId,
        type: 'totp',
        totpIssuer: new URL(context.site_url).host,
        totpUser: state.email,
      });
    return {
      factor: { id: f.id, type: 'totp', label: null },
      challengeId: c.id,
      totp: { qr_code: f.totp.qrCode, secret: f.totp.secret, uri: f.totp.uri },
    };
  }
  const { data } = await ctx.workos.post<SmsEnrolWire>(
    `/user_management/users/${encodeURIComponent(userId)}/auth_factors`,
    {
      type: 'sms',
      phone_number: phone,
    },
  );
  const number = data.authentication_factor.sms?.phone_number ?? phone ?? '';
  return {
    factor: { id: data.authentication_factor.id, type: 'sms', label: number.slice(-4) || null },
    challengeId: data.authentication_challenge.id,
  };
}

export async function mfaEnrollStep(ctx: StepContext, envelope: Envelope<'mfa_enroll'>): Promise<Outcome> {
  const { profile, input, context } = envelope;
  const flow = requireFlow(ctx, 'mfa_enroll', envelope);
  if (isError(flow)) return flow;
  const { state } = flow;
  if (!state.types?.includes(input.type) || !profile.mfa.factors.includes(input.type)) return MFA_NOT_ALLOWED;
  if (input.type === 'sms' && !input.phone_number) {
    return errorOutcome('invalid_request', 400, 'Invalid fields: input.phone_number');
  }
  if (!state.user_id) return FLOW_EXPIRED;
  let enrolled: Enrolled;
  try {
    enrolled = await enroll(ctx, state.user_id, input.type, state, context, input.phone_number);
  } catch (error) {
    return apiError(ctx, error, errorOutcome('invalid_request', 400, 'WorkOS refused to enroll that factor.'));
  }
  const { factor, challengeId, totp } = enrolled;
  const next: FlowState = { ...state, factors: [factor], factor_id: factor.id, challenge_id: challengeId };
  delete next.types;
  const data = { factor, others: [], ...(totp ? { totp } : {}), ...(factor.label ? { phone_hint: factor.label } : {}) };
  return withSubject(stepOutcome(ctx, profile, 'mfa_code', data, next), profile, next);
}

export async function mfaChallengeStep(ctx: StepContext, envelope: Envelope<'mfa_challenge'>): Promise<Outcome> {
  const flow = requireFlow(ctx, 'mfa_challenge', envelope);
  if (isError(flow)) return flow;
  const factors = flow.state.factors ?? [];
  const factor = factors.find((f) => f.id === envelope.input.factor_id);
  if (!factor || !envelope.profile.mfa.factors.includes(factor.type)) return MFA_NOT_ALLOWED;
  return challenge(ctx, continuation(envelope, flow.state), factor, factors);
}

export async function mfaVerifyStep(ctx: StepContext, envelope: Envelope<'mfa_verify'>): Promise<Outcome> {
  const { input, context } = envelope;
  const flow = requireFlow(ctx, 'mfa_verify', envelope);
  if (isError(flow)) return flow;
  // The factor the code belongs to: the identity reports it as its second factor.
  const factor = flow.state.factors?.find((f) => f.id === flow.state.factor_id);
  const state: FlowState = { ...flow.state, mfa_done: true, ...(factor ? { second_factor: factor.type } : {}) };
  if (!state.challenge_id) return FLOW_EXPIRED;

  if (state.identity) {
    try {
      const verified = await ctx.workos.multiFactorAuth.verifyChallenge({
        authenticationChallengeId: state.challenge_id,
        code: input.code,
      });
      if (!verified.valid) return INVALID_CODE;
      const identity = { ...state.identity, ...(factor ? { second_factor: factor.type } : {}) };
      return { type: 'authenticated', identity };
    } catch (error) {
      return apiError(ctx, error, INVALID_CODE);
    }
  }

  if (!state.pending_authentication_token) return FLOW_EXPIRED;
  const cont = continuation(envelope, state);
  try {
    const auth = await ctx.workos.userManagement.authenticateWithTotp({
      clientId: ctx.clientId,
      pendingAuthenticationToken: state.pending_authentication_token,
      authenticationChallengeId: state.challenge_id,
      code: input.code,
      ipAddress: context.ip,
      userAgent: context.user_agent,
    });
    return authenticated(ctx, cont, auth);
  } catch (error) {
    return mapWorkOSError(ctx, cont, error);
  }
}

function continuation(envelope: Envelope, state: FlowState): Continuation {
  return { profile: envelope.profile, context: envelope.context, state, refusal: INVALID_CODE };
}
