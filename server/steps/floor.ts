/**
 * The enumeration floor: `magic_code_send`, `signup` and `reset_request` answer no sooner than
 * `LIMITS.enumerationFloorMs`, whatever the email, so timing tells nobody whether an account exists.
 */
import { LIMITS } from '../../protocol/messages.ts';
import { realClock, type StepContext } from './context.ts';

export async function atFloor<T>(ctx: StepContext, run: () => Promise<T>): Promise<T> {
  const clock = ctx.clock ?? realClock;
  const started = clock.now();
  try {
    return await run();
  } finally {
    const left = LIMITS.enumerationFloorMs - (clock.now() - started);
    if (left > 0) await clock.sleep(left);
  }
}
