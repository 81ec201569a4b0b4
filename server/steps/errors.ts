/**
 * Turns what the WorkOS SDK throws into Outcomes.
 *
 * WorkOS answers the multi-step cases as errors carrying a `pending_authentication_token`; those
 * become `step` outcomes whose sealed flow keeps the token server side. Everything else becomes a
 * stable error code; credential failures all collapse into `invalid_credentials` so no answer
 * reveals whether an account exists.
 */
import {
  AuthenticationException,
  GenericServerException,
  RateLimitExceededException,
  UnauthorizedException,
} from '@workos-inc/node';
import type { ErrorOutcome, Outcome, ResolvedProfile, StepName } from '../../protocol/messages.ts';
import { FLOW_TTL_MS, type StepContext } from './context.ts';

const STEP_FOR_CODE: Partial<Record<string, StepName>> = {
  mfa_enrollment: 'mfa_enroll',
  mfa_challenge: 'mfa_challenge',
  email_verification_required: 'email_verify',
  organization_selection_required: 'org_select',
};

/** The pending state a later step needs, sealed into the flow token. */
export interface PendingFlow {
  pending_authentication_token: string;
  email: string;
  user_id: string | null;
}

export function errorOutcome(code: ErrorOutcome['code'], status: number, message: string): ErrorOutcome {
  return { type: 'error', code, message, status };
}

export function mapWorkOSError(ctx: StepContext, profile: ResolvedProfile, email: string, error: unknown): Outcome {
  if (error instanceof AuthenticationException) {
    const step = STEP_FOR_CODE[error.code];
    const token = error.pendingAuthenticationToken;
    if (step && token) {
      const raw = error.rawData;
      const flow: PendingFlow = { pending_authentication_token: token, email, user_id: raw.user?.id ?? null };
      return {
        type: 'step',
        step,
        flow: ctx.sealer.seal(flow, { purpose: step, profile: profile.slug }, FLOW_TTL_MS),
        data: publicStepData(step, raw),
      };
    }
    ctx.log.info('workos refused the authentication', { code: error.code });
    return errorOutcome('sign_in_refused', 403, 'WorkOS requires another way to sign in.');
  }
  if (error instanceof RateLimitExceededException) {
    return errorOutcome('rate_limited', 429, 'WorkOS rate limit reached.');
  }
  if (error instanceof UnauthorizedException) {
    ctx.log.error('WorkOS rejected the API key: check WORKOS_API_KEY');
    return errorOutcome('internal_error', 500, 'The login server is misconfigured.');
  }
  const status = statusOf(error);
  if (status !== null && status >= 400 && status < 500) {
    const code = (error as { code?: unknown }).code;
    ctx.log.info('credentials refused', { status, code: typeof code === 'string' ? code : undefined });
    return errorOutcome('invalid_credentials', 401, 'Invalid credentials.');
  }
  ctx.log.warn('WorkOS unavailable', { status, error });
  return errorOutcome('workos_unavailable', 503, 'WorkOS could not be reached.');
}

function statusOf(error: unknown): number | null {
  if (error instanceof GenericServerException) return error.status;
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : null;
}

/** Only what the browser may see for each step: never tokens, never other users' data. */
function publicStepData(step: StepName, raw: AuthenticationException['rawData']): Record<string, unknown> {
  if (step === 'org_select') {
    return { organizations: (raw.organizations ?? []).map(({ id, name }) => ({ id, name })) };
  }
  const factors = (raw as { authentication_factors?: Array<{ id: string; type: string }> }).authentication_factors;
  if (step === 'mfa_challenge' && Array.isArray(factors)) {
    return { factors: factors.map(({ id, type }) => ({ id, type })) };
  }
  return {};
}
