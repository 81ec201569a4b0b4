import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWorkOSFake, type WorkOSFake } from './app.ts';

/** `/_fake/faults`: injected delays, error answers, resets and hangs, with fake timers (no waiting). */
let fake: WorkOSFake;
const KEY = { authorization: 'Bearer sk_test_fake_workos' };
const ORGS = 'http://workos.test/organizations';

beforeEach(() => {
  vi.useFakeTimers();
  fake = createWorkOSFake();
});
afterEach(() => {
  fake.faults.set([]);
  vi.useRealTimers();
});

async function setFaults(rules: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fake.app.request('/_fake/faults', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ rules }),
  });
  return { status: response.status, body: await response.json() };
}

/** Whether a promise has settled, without waiting for it. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  promise.then(
    () => (done = true),
    () => (done = true),
  );
  await vi.advanceTimersByTimeAsync(0);
  return done;
}

describe('/_fake/faults', () => {
  it('replaces, lists and clears the rules', async () => {
    const rules = [
      { match: '/user_management/authenticate', method: 'post', action: 'delay', delay_ms: 9000 },
      { action: 'status', status: 503, retry_after: 7, times: 2 },
    ];
    expect(await setFaults(rules)).toEqual({
      status: 200,
      body: {
        data: [
          { match: '/user_management/authenticate', method: 'POST', action: 'delay', delay_ms: 9000, hits: 0 },
          { action: 'status', status: 503, retry_after: 7, times: 2, hits: 0 },
        ],
      },
    });
    expect(await (await fake.app.request('/_fake/faults')).json()).toMatchObject({ data: { length: 2 } });
    const cleared = await fake.app.request('/_fake/faults', { method: 'DELETE' });
    expect(await cleared.json()).toEqual({ data: [] });
    expect(fake.faults.list()).toEqual([]);
  });

  it('refuses bad rules with 422 and keeps the old ones', async () => {
    await setFaults([{ action: 'reset' }]);
    for (const rules of [
      [{ action: 'explode' }],
      [{ action: 'delay' }],
      [{ action: 'status', status: 200 }],
      [{ action: 'reset', match: 'organizations' }],
      [{ action: 'hang', times: 0 }],
      [{ action: 'reset', extra: true }],
      'all',
    ]) {
      const answer = await setFaults(rules);
      expect(answer.status, JSON.stringify(rules)).toBe(422);
      expect(answer.body).toMatchObject({ message: expect.stringMatching(/^Invalid fault rules: /) });
    }
    expect(fake.faults.list()).toMatchObject([{ action: 'reset' }]);
  });

  it('answers a WorkOS-shaped error with Retry-After, for the next N matching requests only', async () => {
    await setFaults([{ match: '/organizations', action: 'status', status: 503, retry_after: 12, times: 1 }]);
    const failed = await fake.app.request('/organizations', { headers: KEY });
    expect(failed.status).toBe(503);
    expect(failed.headers.get('Retry-After')).toBe('12');
    expect(await failed.json()).toEqual({ code: 'service_unavailable', message: 'Service Unavailable' });
    expect((await fake.app.request('/organizations', { headers: KEY })).status).toBe(200);
    expect(fake.faults.list()).toEqual([]);
  });

  it('leaves other paths, other methods, /_fake/ and /health alone', async () => {
    await setFaults([
      { match: '/user_management/authenticate', method: 'POST', action: 'status', status: 500 },
      { match: '/', method: 'GET', action: 'status', status: 429 },
    ]);
    expect((await fake.app.request('/user_management/users', { method: 'POST', headers: KEY })).status).not.toBe(500);
    expect((await fake.app.request('/organizations', { headers: KEY })).status).toBe(429);
    expect((await fake.app.request('/_fake/sessions')).status).toBe(200);
    expect((await fake.app.request('/health')).status).toBe(404);
    expect(fake.faults.list().map((r) => r.hits)).toEqual([0, 1]);
  });

  it('delays an answer by the fake clock', async () => {
    await setFaults([{ action: 'delay', delay_ms: 5000 }]);
    const answer = fake.fetch(ORGS, { headers: KEY });
    await vi.advanceTimersByTimeAsync(4999);
    expect(await settled(answer)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect((await answer).status).toBe(200);
  });

  it('resets the connection: a network error in process, the socket destroyed when served', async () => {
    await setFaults([{ action: 'reset' }]);
    const error = await fake.fetch(ORGS, { headers: KEY }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as TypeError).cause).toMatchObject({ code: 'ECONNRESET' });

    const destroy = vi.fn();
    await fake.app.fetch(new Request(ORGS, { headers: KEY }), { incoming: { socket: { destroy } } });
    expect(destroy).toHaveBeenCalledOnce();
  });

  it('hangs until the caller gives up, or until the rules are cleared', async () => {
    await setFaults([{ action: 'hang' }]);
    const controller = new AbortController();
    const abandoned = fake.fetch(ORGS, { headers: KEY, signal: controller.signal }).catch((e: unknown) => e);
    const forgotten = fake.fetch(ORGS, { headers: KEY }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(await settled(abandoned)).toBe(false);
    controller.abort(new Error('gave up'));
    expect(await abandoned).toMatchObject({ message: 'gave up' });
    expect(await settled(forgotten)).toBe(false);
    await fake.app.request('/_fake/faults', { method: 'DELETE' });
    expect(await forgotten).toBeInstanceOf(TypeError);
  });
});
