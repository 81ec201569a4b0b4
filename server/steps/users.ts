/**
 * Small WorkOS user helpers shared by the steps that must not reveal whether an account exists.
 */
import type { ErrorOutcome } from '../../protocol/messages.ts';
import type { StepContext } from './context.ts';
import { classifyWorkOSError, failureFields } from '../workos-failure.ts';
import { apiError } from './errors.ts';
import { unavailable } from './outcomes.ts';

/** Whether WorkOS knows a user with this email (the answer stays server side). */
export async function userExists(ctx: StepContext, email: string): Promise<boolean | ErrorOutcome> {
  try {
    const list = await ctx.workos.userManagement.listUsers({ email, limit: 1 });
    return list.data.length > 0;
  } catch (error) {
    const failure = classifyWorkOSError(error);
    // WorkOS refusing the filter (an address it finds malformed) means no such user.
    if (failure.kind === 'refused' && (failure.status === 400 || failure.status === 422)) return false;
    // Any other refusal says nothing about the account either: not an answer to act on.
    return apiError(ctx, error, unavailable());
  }
}

/** Emails compare case-insensitively (an invitation is for its own address only). */
export function sameEmail(a: string | undefined, b: string): boolean {
  return a?.toLowerCase() === b.toLowerCase();
}

/** Sends a magic code, never failing the answer: a send that fails must look like one that worked. */
export async function sendMagicCode(
  ctx: StepContext,
  email: string,
  invitationToken: string | undefined,
  context: { ip: string; user_agent: string },
): Promise<boolean> {
  try {
    await ctx.workos.userManagement.createMagicAuth({
      email,
      ...(invitationToken ? { invitationToken } : {}),
      ipAddress: context.ip,
      userAgent: context.user_agent,
    });
    return true;
  } catch (error) {
    ctx.log.warn('magic code not sent', failureFields(classifyWorkOSError(error)));
    return false;
  }
}
