/**
 * `POST /v1/session/revoke`: ends exactly one WorkOS session at logout (the one attached to the
 * WordPress session token being destroyed, so other devices stay signed in). A failure is
 * reported as `revoked: false`, never as an error: the WordPress session ends anyway.
 */
import type { SessionRevokeOutcome, SessionRevokeRequest } from '../../protocol/admin.ts';
import { classifyWorkOSError, failureFields } from '../workos-failure.ts';
import type { AdminContext } from './context.ts';

export async function revokeSession(ctx: AdminContext, input: SessionRevokeRequest): Promise<SessionRevokeOutcome> {
  let revoked = true;
  try {
    await ctx.workos.userManagement.revokeSession({ sessionId: input.session_id });
  } catch (error) {
    revoked = false;
    // The session id is not logged: with the logout URL it would end someone's hosted session.
    ctx.log.warn('session revocation failed', failureFields(classifyWorkOSError(error)));
  }
  return revokedOutcome(ctx, input, revoked);
}

/** The answer when the budget ran out first: not revoked (as far as anyone knows), the logout URL all the same. */
export function lateRevoke(ctx: AdminContext, input: SessionRevokeRequest): SessionRevokeOutcome {
  return revokedOutcome(ctx, input, false);
}

function revokedOutcome(ctx: AdminContext, input: SessionRevokeRequest, revoked: boolean): SessionRevokeOutcome {
  const logoutUrl = input.return_to
    ? ctx.workos.userManagement.getLogoutUrl({ sessionId: input.session_id, returnTo: input.return_to })
    : null;
  return { type: 'session_revoked', revoked, logout_url: logoutUrl };
}
