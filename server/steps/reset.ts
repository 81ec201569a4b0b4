/**
 * Password reset. `reset_request` answers `reset_token` for WordPress to email (token null when
 * WorkOS knows no such user), after the enumeration floor. `reset_confirm` sets the new password,
 * then signs in when the profile says so, else answers the notice `reset_done`.
 */
import type { Envelope, Outcome, ResetTokenOutcome } from '../../protocol/messages.ts';
import type { StepContext } from './context.ts';
import { classifyWorkOSError } from '../workos-failure.ts';
import { apiError } from './errors.ts';
import { atFloor } from './floor.ts';
import type { Continuation } from './flow.ts';
import { errorOutcome, INVALID_CREDENTIALS, unavailable } from './outcomes.ts';
import { signInWithPassword } from './password.ts';
import { passwordProblems, passwordRejected } from './password-policy.ts';

const DISABLED = errorOutcome('method_disabled', 403, 'Password reset is not enabled on this profile.');
const RESET_INVALID = errorOutcome('reset_invalid', 400, 'The reset link is unknown, expired or used.');

export async function resetRequestStep(ctx: StepContext, envelope: Envelope<'reset_request'>): Promise<Outcome> {
  if (!envelope.profile.password_reset) return DISABLED;
  const { email } = envelope.input;
  return atFloor(ctx, async (): Promise<Outcome> => {
    try {
      const reset = await ctx.workos.userManagement.createPasswordReset({ email });
      return { type: 'reset_token', email, token: reset.passwordResetToken, expires_at: reset.expiresAt };
    } catch (error) {
      const { kind } = classifyWorkOSError(error);
      // Unknown user (404) or one WorkOS will not reset (403): the same answer, without a token.
      // A timeout is not such an answer: nobody may be told "sent" when nothing was.
      if (kind === 'not_found' || kind === 'refused') {
        return { type: 'reset_token', email, token: null, expires_at: null } satisfies ResetTokenOutcome;
      }
      return apiError(ctx, error, unavailable());
    }
  });
}

export async function resetConfirmStep(ctx: StepContext, envelope: Envelope<'reset_confirm'>): Promise<Outcome> {
  const { profile, input, context } = envelope;
  if (!profile.password_reset) return DISABLED;
  let user;
  try {
    ({ user } = await ctx.workos.userManagement.resetPassword({ token: input.token, newPassword: input.password }));
  } catch (error) {
    const problems = passwordProblems(error);
    return problems ? passwordRejected(problems) : apiError(ctx, error, RESET_INVALID);
  }
  if (!profile.auto_sign_in_after_reset) return { type: 'step', step: 'reset_done', flow: '', data: {} };

  const cont: Continuation = {
    profile,
    context,
    state: { email: user.email, user_id: user.id, method: 'password' },
    refusal: INVALID_CREDENTIALS,
  };
  return signInWithPassword(ctx, cont, user.email, input.password);
}
