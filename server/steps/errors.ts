/**
 * Turns what the WorkOS SDK throws into Outcomes: the one place every grant's multi-step answers
 * become steps.
 *
 * WorkOS answers the multi-step cases as errors carrying a `pending_authentication_token`; those
 * become `step` outcomes whose sealed flow keeps the token server side (or, for `sso_required`, a
 * redirect to the SSO connection). Everything else becomes a stable error code; credential
 * failures all collapse into the step's one refusal so no answer reveals whether an account exists.
 */
import { AuthenticationException, GenericServerException } from '@workos-inc/node';
import type { ErrorOutcome, Outcome } from '../../protocol/messages.ts';
import { classifyWorkOSError, failureFields } from '../workos-failure.ts';
import { authorizeRedirect } from './authorize-url.ts';
import type { StepContext } from './context.ts';
import { stepOutcome, type Continuation, type FlowState } from './flow.ts';
import { factorsOf, labelled, offerSecondFactor } from './mfa.ts';
import { offerOrganizations } from './org.ts';
import { errorOutcome, FLOW_EXPIRED, rateLimited, unavailable } from './outcomes.ts';

export { errorOutcome } from './outcomes.ts';

const MISCONFIGURED = errorOutcome('internal_error', 500, 'The login server is misconfigured.');
const REFUSED = errorOutcome('sign_in_refused', 403, 'WorkOS requires another way to sign in.');

export async function mapWorkOSError(ctx: StepContext, cont: Continuation, error: unknown): Promise<Outcome> {
  if (error instanceof AuthenticationException) return multiStep(ctx, cont, error);
  return apiError(ctx, error, cont.refusal);
}

/**
 * Any other WorkOS failure. `refusal` answers what WorkOS refused (a 4xx: wrong code, unknown
 * token, deleted user…); a timeout, our deadline, a network error, a 5xx or an unreadable answer
 * is `workos_unavailable` and WorkOS's 429 `rate_limited`, each with WorkOS's `Retry-After` when
 * it sent one: never the step's refusal, so no visitor is blamed (or counted) for an outage.
 */
export function apiError(ctx: StepContext, error: unknown, refusal: ErrorOutcome): ErrorOutcome {
  const failure = classifyWorkOSError(error);
  switch (failure.kind) {
    case 'outage':
      ctx.log.warn('WorkOS unavailable', failureFields(failure));
      return unavailable(failure.retryAfter);
    case 'rate_limited':
      ctx.log.warn('WorkOS rate limit reached', failureFields(failure));
      return rateLimited(failure.retryAfter);
    case 'unauthorized':
      ctx.log.error('WorkOS rejected the API key: check WORKOS_API_KEY');
      return MISCONFIGURED;
    default:
      ctx.log.info('WorkOS refused the request', failureFields(failure));
      // A pending token that expired or was redeemed already: the flow is over.
      return failure.code === 'invalid_pending_authentication_token' ? FLOW_EXPIRED : refusal;
  }
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
    case 'mfa_enrollment': {
      const enrolled = error.code === 'mfa_challenge' ? factorsOf(raw.authentication_factors) : [];
      return offerSecondFactor(ctx, next, error.code, await labelled(ctx, state.user_id, enrolled));
    }
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
