/**
 * `callback` (`POST /v1/oauth/callback`): WorkOS sent the browser back with `code` and `state`.
 * The state must open for this profile and name the browser presenting it (constant-time); the
 * code is exchanged with the PKCE verifier sealed at `authorize`. Every answer carries the
 * visitor's sealed choices (`passthrough`) once they are known. WorkOS names how the visitor
 * signed in (identity.ts); the method sealed at `authorize` stands only when it does not.
 */
import type { Envelope, Outcome } from '../../protocol/messages.ts';
import { openState } from './authorize-url.ts';
import type { StepContext } from './context.ts';
import { mapWorkOSError } from './errors.ts';
import type { Continuation } from './flow.ts';
import { authenticated } from './identity.ts';
import { INVALID_CODE, isError, withPassthrough } from './outcomes.ts';

export async function callbackStep(ctx: StepContext, envelope: Envelope<'callback'>): Promise<Outcome> {
  const { profile, input, context } = envelope;
  const sealed = openState(ctx, profile, input.state, context.browser);
  if (isError(sealed)) return sealed;
  const passthrough = { redirect_to: sealed.redirect_to, remember: sealed.remember };
  const cont: Continuation = {
    profile,
    context,
    state: {
      email: '',
      user_id: null,
      // AuthKit seals no method: the visitor chose on WorkOS's page, and WorkOS names it.
      method: sealed.method ?? 'unknown',
      ...(sealed.invitation_token ? { invitation_token: sealed.invitation_token } : {}),
    },
    refusal: INVALID_CODE,
    passthrough,
  };
  let auth;
  try {
    auth = await ctx.workos.userManagement.authenticateWithCode({
      clientId: ctx.clientId,
      code: input.code,
      codeVerifier: sealed.code_verifier,
      ...(sealed.invitation_token ? { invitationToken: sealed.invitation_token } : {}),
      ipAddress: context.ip,
      userAgent: context.user_agent,
    });
  } catch (error) {
    return withPassthrough(await mapWorkOSError(ctx, cont, error), passthrough);
  }
  return withPassthrough(await authenticated(ctx, cont, auth), passthrough);
}
