import { WorkOS } from '@workos-inc/node';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Outcome } from '../protocol/messages.ts';
import { withinBudget } from './budget.ts';
import { createLogger } from './log.ts';
import { unavailable } from './steps/outcomes.ts';
import { integration, PASSWORD } from './steps/test-support.ts';
import { DEFAULT_API_KEY, DEFAULT_CLIENT_ID } from './workos-fake/app.ts';
import seed from './workos-fake/seed.json' with { type: 'json' };

/** The login server's time budget, end to end in memory, with fake timers: nothing waits for real. */
const DEMO = seed.organizations[0].id;

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

/** Starts a request; `answer.outcome` is set the moment the server answers. */
function started(promise: Promise<Outcome>) {
  const answer: { outcome?: Outcome } = {};
  void promise.then((outcome) => (answer.outcome = outcome));
  return answer;
}

async function sessionsOf(t: ReturnType<typeof integration>, email: string) {
  const res = await t.fake.app.request(`/_fake/sessions?email=${encodeURIComponent(email)}`);
  return ((await res.json()) as { data: Array<{ status: string }> }).data.map((s) => s.status);
}

describe('the time budget of a step', () => {
  it('answers workos_unavailable at the deadline when WorkOS never answers, not later', async () => {
    const t = integration();
    t.fake.faults.set([{ action: 'hang' }]);
    const answer = started(t.send('password', { email: 'grace@example.com', password: PASSWORD }, { budget: '10000' }));
    await vi.advanceTimersByTimeAsync(7999);
    expect(answer.outcome).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(answer.outcome).toEqual(unavailable(30));
    expect(t.logLines.join('\n')).toContain('time budget ran out');
  });

  it('takes the budget WordPress announced, less the margin', async () => {
    const t = integration();
    t.fake.faults.set([{ action: 'hang' }]);
    const answer = started(t.send('password', { email: 'grace@example.com', password: PASSWORD }, { budget: '3000' }));
    await vi.advanceTimersByTimeAsync(1499);
    expect(answer.outcome).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(answer.outcome).toMatchObject({ code: 'workos_unavailable' });
  });

  it('keeps the server default for a missing or malformed budget', async () => {
    for (const budget of [undefined, 'soon', '100', '999999']) {
      const t = integration();
      t.fake.faults.set([{ action: 'hang' }]);
      const input = { email: 'grace@example.com', password: PASSWORD };
      const answer = started(t.send('password', input, budget === undefined ? {} : { budget }));
      await vi.advanceTimersByTimeAsync(7999);
      expect(answer.outcome, budget).toBeUndefined();
      await vi.advanceTimersByTimeAsync(1);
      expect(answer.outcome, budget).toMatchObject({ code: 'workos_unavailable' });
      t.fake.faults.set([]);
    }
  });

  it('revokes the session of a sign-in WorkOS completes after the deadline', async () => {
    const t = integration();
    t.fake.faults.set([{ match: '/user_management/authenticate', action: 'delay', delay_ms: 9000 }]);
    const answer = started(t.send('password', { email: 'grace@example.com', password: PASSWORD }));
    await vi.advanceTimersByTimeAsync(8000);
    expect(answer.outcome).toEqual(unavailable(30));
    expect(await sessionsOf(t, 'grace@example.com')).toEqual([]);
    await vi.advanceTimersByTimeAsync(1000);
    // The fake checks the password with real (threaded) scrypt now: wait on the state, not the clock.
    await vi.waitFor(async () => expect(await sessionsOf(t, 'grace@example.com')).toEqual(['revoked']), {
      timeout: 10_000,
    });
    expect(t.logLines.join('\n')).toContain('late session revoked');
    expect(t.logLines.join('\n')).not.toMatch(/session_[0-9A-Z]{10}/);
  });

  it('revokes the session of a grant whose sign-in then failed in time', async () => {
    const t = integration();
    t.fake.faults.set([{ match: '/user_management/organization_memberships', action: 'status', status: 500 }]);
    const outcome = await t.send(
      'password',
      { email: 'grace@example.com', password: PASSWORD },
      { profile: { organization_id: DEMO } },
    );
    expect(outcome).toEqual(unavailable(30));
    await vi.waitFor(async () => expect(await sessionsOf(t, 'grace@example.com')).toEqual(['revoked']), {
      timeout: 10_000,
    });
    expect(t.logLines.join('\n')).toContain('unused session revoked');
  });

  it('leaves the session of a sign-in answered in time alone', async () => {
    const t = integration();
    const outcome = await t.send('password', { email: 'grace@example.com', password: PASSWORD });
    expect(outcome).toMatchObject({ type: 'authenticated', identity: { session_id: expect.any(String) } });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await sessionsOf(t, 'grace@example.com')).toEqual(['active']);
  });
});

describe('withinBudget', () => {
  it('revokes the session of an authenticated outcome that came too late', async () => {
    const revoked: unknown[] = [];
    const workos = new WorkOS(DEFAULT_API_KEY, {
      clientId: DEFAULT_CLIENT_ID,
      apiHostname: 'workos.test',
      maxRetries: 0,
      fetchFn: async (input, init) => {
        const url = input instanceof Request ? input.url : String(input);
        revoked.push([new URL(url).pathname, JSON.parse(typeof init?.body === 'string' ? init.body : 'null')]);
        return new Response(null, { status: 200 });
      },
    });
    const lines: string[] = [];
    const late = new Promise<Outcome>((resolve) =>
      setTimeout(
        () =>
          resolve({
            type: 'authenticated',
            identity: {
              user: { id: 'user_1', email: 'a@example.com', email_verified: true, first_name: null, last_name: null },
              organization_id: null,
              membership: null,
              session_id: 'session_LATE',
              method: 'password',
            },
          }),
        5000,
      ),
    );
    const deps = { workos, log: createLogger('debug', (line) => lines.push(line)) };
    const ran = withinBudget<Outcome>(deps, 'password', 1000, () => late, unavailable);
    await vi.advanceTimersByTimeAsync(1000);
    const { outcome, late: wasLate, settled } = await ran;
    expect(outcome).toEqual(unavailable(30));
    expect(wasLate).toBe(true);
    expect(revoked).toEqual([]);
    await vi.advanceTimersByTimeAsync(4000);
    await settled;
    expect(revoked).toEqual([['/user_management/sessions/revoke', { session_id: 'session_LATE' }]]);
    expect(lines.join('\n')).toContain('late session revoked');
    expect(lines.join('\n')).not.toContain('session_LATE');
  });
});
