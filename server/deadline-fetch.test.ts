import { RateLimitExceededException, WorkOS } from '@workos-inc/node';
import { SignJWT } from 'jose';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Deadline, DeadlineExceededError, withDeadline } from './deadline.ts';
import { deadlineFetch, retryAfterSeconds, sessionOf } from './deadline-fetch.ts';
import { createWorkOSFake, DEFAULT_API_KEY, DEFAULT_CLIENT_ID, type WorkOSFake } from './workos-fake/app.ts';
import type { FaultRule } from './workos-fake/faults.ts';

/** The real SDK against the fake in process, through the deadline's fetch; fake timers throughout. */
let fake: WorkOSFake;

function client(maxRetries = 0): WorkOS {
  return new WorkOS(DEFAULT_API_KEY, {
    clientId: DEFAULT_CLIENT_ID,
    apiHostname: 'workos.test',
    maxRetries,
    fetchFn: deadlineFetch(fake.fetch),
  });
}

/** Starts `job` under a fresh deadline; its settled value (or error) is kept for the assertions. */
function under<T>(budgetMs: number, job: () => Promise<T>) {
  const deadline = new Deadline(budgetMs);
  const result: { done: boolean; value?: T; error?: unknown } = { done: false };
  const running = withDeadline(deadline, job).then(
    (value) => Object.assign(result, { done: true, value }),
    (error: unknown) => Object.assign(result, { done: true, error }),
  );
  return { deadline, result, running };
}

const faults = (rules: FaultRule[]) => fake.faults.set(rules);
const hits = () => fake.faults.list().map((rule) => rule.hits);
const signIn = (workos: WorkOS) =>
  workos.userManagement.authenticateWithPassword({
    clientId: DEFAULT_CLIENT_ID,
    email: 'grace@example.com',
    password: 'Correct-Horse-7',
  });

beforeEach(() => {
  vi.useFakeTimers();
  fake = createWorkOSFake();
});
afterEach(() => {
  fake.faults.set([]);
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('deadlineFetch', () => {
  it('ends a call WorkOS never answers at the deadline, not later', async () => {
    faults([{ action: 'hang' }]);
    const { result } = under(2000, () => client().organizations.listOrganizations());
    await vi.advanceTimersByTimeAsync(1999);
    expect(result.done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(result.done).toBe(true);
    expect((result.error as Error).cause).toBeInstanceOf(DeadlineExceededError);
  });

  it('starts nothing once the deadline passed, so the SDK retries stop there', async () => {
    // Backoff without jitter: the SDK's first retry sleeps 1125 ms, past a 1000 ms deadline.
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    faults([{ action: 'status', status: 503 }]);
    const { result, running } = under(1000, () => client(2).organizations.listOrganizations());
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    await running;
    expect(hits()).toEqual([1]);
    expect((result.error as Error).cause).toBeInstanceOf(DeadlineExceededError);
  });

  it('lets retries run while they fit in the budget', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    faults([{ action: 'status', status: 503, times: 1 }]);
    const { result, running } = under(8000, () => client(2).organizations.listOrganizations());
    await vi.advanceTimersByTimeAsync(2000);
    await running;
    expect(result.value).toMatchObject({ data: expect.any(Array) });
  });

  it('raises a 429 whose Retry-After outlasts the budget at once, with its wait', async () => {
    faults([{ action: 'status', status: 429, retry_after: 30 }]);
    const { result, running } = under(8000, () => client(2).organizations.listOrganizations());
    await vi.advanceTimersByTimeAsync(0);
    await running;
    const cause = (result.error as Error).cause;
    expect(cause).toBeInstanceOf(RateLimitExceededException);
    expect((cause as RateLimitExceededException).retryAfter).toBe(30);
    expect(hits()).toEqual([1]);
  });

  it('notes the Retry-After of a failing WorkOS on the deadline', async () => {
    faults([{ action: 'status', status: 503, retry_after: 45 }]);
    const { deadline, running } = under(8000, () => client().organizations.listOrganizations());
    await running;
    expect(deadline.retryAfter).toBe(45);
    deadline.settle();
  });

  it('notes the session of a grant answered in time', async () => {
    const { deadline, result, running } = under(8000, () => signIn(client()));
    await running;
    expect(result.value).toMatchObject({ user: { email: 'grace@example.com' } });
    expect([...deadline.sessions]).toEqual([[...fake.store.sessions.keys()][0]]);
    deadline.settle();
  });

  it('releases a grant’s caller at the deadline and hands on the session it brings back later', async () => {
    faults([{ match: '/user_management/authenticate', action: 'delay', delay_ms: 9000 }]);
    const { deadline, result } = under(8000, () => signIn(client()));
    const late: string[] = [];
    await vi.advanceTimersByTimeAsync(8000);
    expect((result.error as Error).cause).toBeInstanceOf(DeadlineExceededError);
    deadline.onLateSession = (id) => late.push(id);
    await vi.advanceTimersByTimeAsync(1000);
    await Promise.allSettled([...deadline.grants]);
    expect(late).toEqual([...fake.store.sessions.keys()]);
    expect(late).toHaveLength(1);
  });

  it('passes calls outside any request straight through', async () => {
    const inner = vi.fn(async () => new Response('{}'));
    await deadlineFetch(inner)('http://workos.test/organizations');
    expect(inner).toHaveBeenCalledOnce();
  });
});

describe('helpers', () => {
  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterSeconds('17', now)).toBe(17);
    expect(retryAfterSeconds('Thu, 01 Jan 2026 00:02:00 GMT', now)).toBe(120);
    expect(retryAfterSeconds('Wed, 31 Dec 2025 00:00:00 GMT', now)).toBe(0);
    for (const bad of [null, undefined, '', 'soon', '-5', '1.5']) expect(retryAfterSeconds(bad, now)).toBeNull();
  });

  it('finds the session id in a grant’s access token, or nothing', async () => {
    const token = await new SignJWT({ sid: 'session_01ABC' })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new Uint8Array(32));
    expect(sessionOf(JSON.stringify({ access_token: token }))).toBe('session_01ABC');
    for (const body of ['', 'not json', '{}', JSON.stringify({ access_token: 'x.y.z' })]) {
      expect(sessionOf(body)).toBeNull();
    }
  });
});
