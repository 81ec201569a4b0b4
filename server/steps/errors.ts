/**
 * Turns what the WorkOS SDK throws into Outcomes: the one place every grant's multi-step answers
 * become steps.
 *
 * WorkOS answers the multi-step cases as errors carrying a `pending_authentication_token`; those
 * become `step` outcomes whose sealed flow keeps the token server side (or, for `sso_required`, a
 * redirect to the SSO connection). Everything else becomes a stable error code; credential
 * failures all collapse into the step's one refusal so no answer reveals whether an account exists.
 */
import {
  AuthenticationException,
  GenericServerException,
  RateLimitExceededException,
  UnauthorizedException,
} from '@workos-inc/node';
import type { ErrorOutcome, Outcome } from '../../protocol/messages.ts';
import { authorizeRedirect } from './authorize-url.ts';
import type { StepContext } from './context.ts';
import { stepOutcome, type Continuation, type FlowState } from './flow.ts';
import { factorsOf, labelled, offerEnrollment, offerFactors } from './mfa.ts';
import { offerOrganizations } from './org.ts';
import { errorOutcome, FLOW_EXPIRED, UNAVAILABLE } from './outcomes.ts';

export { errorOutcome } from './outcomes.ts';

const MISCONFIGURED = errorOutcome('internal_error', 500, 'The login server is misconfigured.');
const REFUSED = errorOutcome('sign_in_refused', 403, 'WorkOS requires another way to sign in.');

export async function mapWorkOSError(ctx: StepContext, cont: Continuation, error: unknown): Promise<Outcome> {
  if (error instanceof AuthenticationException) return multiStep(ctx, cont, error);
  return apiError(ctx, error, cont.refusal);
}

/** Any other WorkOS failure: `clientError` for a 4xx (the request was refused), else the usual. */
export function apiError(ctx: StepContext, error: unknown, clientError: ErrorOutcome): ErrorOutcome {
  if (error instanceof RateLimitExceededException)
    return errorOutcome('rate_limited', 429, 'WorkOS rate limit reached.');
  if (error instanceof UnauthorizedException) {
    ctx.log.error('WorkOS rejected the API key: check WORKOS_API_KEY');
    return MISCONFIGURED;
  }
  const status = statusOf(error);
  if (status !== null && status >= 400 && status < 500) {
    const code = codeOf(error);
    ctx.log.info('WorkOS refused the request', { status, code });
    // A pending token that expired or was redeemed already: the flow is over.
    return code === 'invalid_pending_authentication_token' ? FLOW_EXPIRED : clientError;
  }
  ctx.log.warn('WorkOS unavailable', { status, error });
  return UNAVAILABLE;
}

async function multiStep(ctx: StepContext, cont: Continuation, error: AuthenticationException): Promise<Outcome> {
  const raw = error.rawData as AuthenticationException['rawData'] & {
    email?: string;
    authentication_factors?: unknown;
  };
  if (error.code === 'sso_required') {
    const connection = raw.connection_ids?.[0];
    if (!connection) return REFUSED;
    return authorizeRedirect(
      ctx,
      cont.profile,
      cont.context,
      { kind: 'sso_connection', connection_id: connection },
      cont.passthrough ?? { redirect_to: '', remember: false },
      cont.state.invitation_token,
    );
  }
  const token = error.pendingAuthenticationToken;
  if (!token) {
    ctx.log.info('workos refused the authentication', { code: error.code });
    return REFUSED;
  }
  const state: FlowState = {
    ...cont.state,
    pending_authentication_token: token,
    email: cont.state.email || raw.user?.email || raw.email || '',
    user_id: raw.user?.id ?? cont.state.user_id,
  };
  delete state.identity;
  const next: Continuation = { ...cont, state };
  switch (error.code) {
    case 'email_verification_required':
      delete state.mode;
      return stepOutcome(ctx, cont.profile, 'email_verify', { email: state.email }, state);
    case 'mfa_challenge':
      return offerFactors(ctx, next, await labelled(ctx, state.user_id, factorsOf(raw.authentication_factors)));
    case 'mfa_enrollment':
      return offerEnrollment(ctx, next);
    case 'organization_selection_required':
      return offerOrganizations(ctx, next, raw.organizations ?? []);
    default:
      ctx.log.info('workos refused the authentication', { code: error.code });
      return REFUSED;
  }
}

export function statusOf(error: unknown): number | null {
  if (error instanceof GenericServerException) return error.status;
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : null;
}

/** WorkOS's error code (`code`, or OAuth's `error`), never a message. */
export function codeOf(error: unknown): string | undefined {
  const e = error as { code?: unknown; error?: unknown; rawData?: { code?: unknown } } | null;
  for (const value of [e?.code, e?.error, e?.rawData?.code]) if (typeof value === 'string') return value;
  return undefined;
}
