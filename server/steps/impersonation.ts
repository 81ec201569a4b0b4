/**
 * `impersonation` (`POST /v1/oauth/impersonation`): a WorkOS dashboard impersonation arrived at
 * `/workos/callback` with a `code` and no `state` — WorkOS started it, not the site, so there is
 * no sealed state, no browser binding and no PKCE verifier. WordPress sends it only when the
 * site allows impersonation. The code is exchanged with the client secret alone, and the answer
 * stands only when WorkOS says `Impersonation` and names the impersonator: any other sign-in
 * reached without a state is login CSRF (someone else's code planted in this browser), so it is
 * refused and the WorkOS session it opened is revoked at once. Multi-step answers (MFA,
 * organization choice…) are refused too: an impersonation never has them.
 */
import { AuthenticationException, type AuthenticationResponse } from '@workos-inc/node';
import type { Envelope, Outcome } from '../../protocol/messages.ts';
import { classifyWorkOSError, failureFields } from '../workos-failure.ts';
import { impersonatorOf } from './authentication-method.ts';
import type { StepContext } from './context.ts';
import { apiError } from './errors.ts';
import { identityOf, sessionIdOf } from './identity.ts';
import { errorOutcome, INVALID_CODE, isError } from './outcomes.ts';

export const NOT_IMPERSONATION = errorOutcome(
  'sign_in_refused',
  403,
  'A sign-in WorkOS started without this site is accepted only as a WorkOS dashboard impersonation.',
);

export async function impersonationStep(ctx: StepContext, envelope: Envelope<'impersonation'>): Promise<Outcome> {
  const { profile, input, context } = envelope;
  let auth: AuthenticationResponse;
  try {
    auth = await ctx.workos.userManagement.authenticateWithCode({
      clientId: ctx.clientId,
      code: input.code,
      ipAddress: context.ip,
      userAgent: context.user_agent,
    });
  } catch (error) {
    if (error instanceof AuthenticationException) {
      // A pending step (MFA, verification, organization choice): no session exists yet to revoke.
      ctx.log.warn('a code without state was not a WorkOS dashboard impersonation; refused', { code: error.code });
      return NOT_IMPERSONATION;
    }
    return apiError(ctx, error, INVALID_CODE);
  }
  const impersonator = impersonatorOf(auth);
  if (auth.authenticationMethod !== 'Impersonation' || !impersonator || impersonator.email === '') {
    await revoke(ctx, sessionIdOf(auth.accessToken));
    ctx.log.warn('a code without state was not a WorkOS dashboard impersonation; refused, its session revoked', {
      user_id: auth.user.id,
      authentication_method: String(auth.authenticationMethod ?? '')
        .replace(/[^A-Za-z0-9_-]/g, '')
        .slice(0, 64),
    });
    return NOT_IMPERSONATION;
  }
  // WorkOS skips MFA for an impersonation (the dashboard member signed in to WorkOS): so does this.
  const identity = await identityOf(ctx, profile, auth, 'impersonation');
  return isError(identity) ? identity : { type: 'authenticated', identity };
}

/** Ends the session a refused exchange opened; a failure is logged (never the session id). */
async function revoke(ctx: StepContext, sessionId: string | null): Promise<void> {
  if (sessionId === null) return;
  try {
    await ctx.workos.userManagement.revokeSession({ sessionId });
  } catch (error) {
    ctx.log.warn('revoking the refused session failed', failureFields(classifyWorkOSError(error)));
  }
}
