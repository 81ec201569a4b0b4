/**
 * Role-based step-up (`step_up`, called by WordPress's login completion, never by the browser): a
 * user whose WordPress role must sign in with a passkey or a second factor signed in with one
 * factor. Answered like the profile's `always` policy, with the identity held in the flow and
 * `step_up` sealed beside it, so a passkey of this site may serve whatever the profile's factors.
 */
import type { Envelope, Outcome } from '../../protocol/messages.ts';
import type { StepContext } from './context.ts';
import type { Continuation } from './flow.ts';
import { requireSecondFactor } from './mfa.ts';
import { INVALID_CODE } from './outcomes.ts';

export function stepUpStep(ctx: StepContext, envelope: Envelope<'step_up'>): Promise<Outcome> {
  const { profile, context, input } = envelope;
  const { identity } = input;
  const cont: Continuation = {
    profile,
    context,
    state: { email: identity.user.email, user_id: identity.user.id, method: identity.method, step_up: true },
    refusal: INVALID_CODE,
  };
  return requireSecondFactor(ctx, cont, identity);
}
