/**
 * Runs one request's job within its time budget (deadline.ts), and keeps rule 7 for the WorkOS
 * sessions its grants open: none outlives an answer that does not carry it.
 *
 * - In time: the job's outcome. A session a grant opened that the outcome does not carry (a
 *   grant followed by a failed membership lookup, say) is revoked.
 * - Late: `late()` at once (WorkOS work in flight is aborted by the deadline, see
 *   deadline-fetch.ts); the job settles in the background, and every session it opened or
 *   answers with is revoked, since WordPress never hears of it.
 */
import type { WorkOS } from '@workos-inc/node';
import type { Identity } from '../protocol/messages.ts';
import { Deadline, withDeadline } from './deadline.ts';
import type { Logger } from './log.ts';
import { classifyWorkOSError, clampRetryAfter, failureFields, RETRY_AFTER } from './workos-failure.ts';

/** Revoking a session nobody will use gets a budget of its own, the request's having ended. */
export const REVOKE_BUDGET_MS = 3_000;

export interface BudgetDeps {
  workos: WorkOS;
  log: Logger;
}

export interface Budgeted<O> {
  outcome: O;
  /** True when the budget ran out and `late()` answered. */
  late: boolean;
  /** Resolves once the job and every revocation it caused are done (tests wait on it). */
  settled: Promise<void>;
}

export async function withinBudget<O extends { type: string }>(
  deps: BudgetDeps,
  route: string,
  budgetMs: number,
  job: () => Promise<O>,
  late: (retryAfter: number) => O,
): Promise<Budgeted<O>> {
  const deadline = new Deadline(budgetMs);
  const running = withDeadline(deadline, job);
  const inTime = await Promise.race([running, deadline.expired.then(() => null)]);
  if (inTime !== null) {
    deadline.settle();
    const carried = carriedBy(inTime);
    const unused = [...deadline.sessions].filter((id) => carried !== 'all' && id !== carried);
    const settled = Promise.all(unused.map((id) => revoke(deps, id, 'unused session revoked', route)));
    return { outcome: inTime, late: false, settled: settled.then(() => undefined) };
  }
  deps.log.warn('time budget ran out: answered workos_unavailable', { route, budget_ms: budgetMs });
  return {
    outcome: late(clampRetryAfter(deadline.retryAfter, RETRY_AFTER.outage)),
    late: true,
    settled: abandon(deps, route, deadline, running),
  };
}

/** Sessions an in-time outcome hands on (`'all'`, one id, or none): a step's sealed flow holds its identity (profile `always`). */
function carriedBy(outcome: { type: string }): string | null {
  return outcome.type === 'step' ? 'all' : sessionIn(outcome);
}

/** The WorkOS session an `authenticated` outcome signs in with. */
function sessionIn(outcome: { type: string }): string | null {
  if (outcome.type !== 'authenticated' || !('identity' in outcome)) return null;
  const identity = outcome.identity as Partial<Identity> | null;
  return typeof identity?.session_id === 'string' ? identity.session_id : null;
}

async function abandon(deps: BudgetDeps, route: string, deadline: Deadline, running: Promise<{ type: string }>) {
  const revocations: Array<Promise<void>> = [];
  const done = new Set<string>();
  const once = (id: string) => {
    if (done.has(id)) return;
    done.add(id);
    revocations.push(revoke(deps, id, 'late session revoked', route));
  };
  for (const id of deadline.sessions) once(id);
  deadline.onLateSession = once;
  try {
    const outcome = await running;
    const id = sessionIn(outcome);
    if (id) once(id);
    deps.log.info('abandoned request settled', { route, outcome: outcome.type });
  } catch (error) {
    deps.log.warn('abandoned request failed', { route, ...failureFields(classifyWorkOSError(error)) });
  }
  // Grants released at the deadline may still bring a session back (deadline-fetch.ts).
  await Promise.allSettled([...deadline.grants]);
  await Promise.all(revocations);
}

/** Ends one WorkOS session, never throwing. The id is not logged (with a logout URL it ends a session). */
async function revoke(deps: BudgetDeps, sessionId: string, done: string, route: string): Promise<void> {
  const deadline = new Deadline(REVOKE_BUDGET_MS);
  try {
    await withDeadline(deadline, () => deps.workos.userManagement.revokeSession({ sessionId }));
    deps.log.warn(done, { route });
  } catch (error) {
    deps.log.error(`${done}: revocation failed`, { route, ...failureFields(classifyWorkOSError(error)) });
  } finally {
    deadline.settle();
  }
}
