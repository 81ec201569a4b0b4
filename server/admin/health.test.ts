import { describe, expect, it, vi } from 'vitest';
import { adminHealthOutcomeSchema } from './identity-schemas.ts';
import { NO_ORG, outcomeOf, serverError, setup, unreachable, WRONG_KEY } from './test-support.ts';

const PATH = '/v1/admin/health';

describe('POST /v1/admin/health', () => {
  it('reports the clock, a working key (last 4 only) and the site organization', async () => {
    const { post, org, requests } = setup();
    const before = Date.now();
    const outcome = await outcomeOf(await post(PATH, { organization_id: org.id }), adminHealthOutcomeSchema);
    expect(outcome).toEqual({
      type: 'health',
      server_time: expect.any(Number),
      workos: {
        ok: true,
        error: null,
        api_host: 'workos.test',
        api_key_last4: 'rkos',
        client_id: 'client_fake_workos',
      },
      organization: { status: 'found', id: org.id, name: 'Demo Organization' },
    });
    if (outcome.type === 'health') expect(outcome.server_time).toBeGreaterThanOrEqual(before);
    // A real authenticated call, not a URL built locally.
    expect(requests.map((r) => [new URL(r.url).pathname, r.headers.get('authorization')])).toContainEqual([
      '/organizations',
      'Bearer sk_test_fake_workos',
    ]);
  });

  it('reports a missing organization, and none asked for as unchecked', async () => {
    const { post } = setup();
    const missing = await outcomeOf(await post(PATH, { organization_id: NO_ORG }), adminHealthOutcomeSchema);
    expect(missing).toMatchObject({
      workos: { ok: true },
      organization: { status: 'missing', id: NO_ORG, name: null },
    });
    const none = await outcomeOf(await post(PATH, { organization_id: null }), adminHealthOutcomeSchema);
    expect(none).toMatchObject({ organization: { status: 'unchecked', id: null, name: null } });
  });

  it('reports a rejected API key in the fields, never as an error', async () => {
    const { post, org } = setup({ apiKey: WRONG_KEY });
    expect(await outcomeOf(await post(PATH, { organization_id: org.id }), adminHealthOutcomeSchema)).toMatchObject({
      type: 'health',
      workos: { ok: false, error: 'WorkOS rejected the API key', api_key_last4: '1234' },
      organization: { status: 'unchecked', id: org.id, name: null },
    });
  });

  it('reports WorkOS down or failing in the fields', async () => {
    for (const fetchFn of [unreachable, serverError]) {
      const { post, org } = setup({ fetchFn });
      expect(await outcomeOf(await post(PATH, { organization_id: org.id }), adminHealthOutcomeSchema)).toMatchObject({
        type: 'health',
        workos: { ok: false, error: 'WorkOS could not be reached', api_host: 'workos.test' },
        organization: { status: 'unchecked' },
      });
    }
  });

  it('reports WorkOS too slow for the budget in the fields, at the deadline', async () => {
    vi.useFakeTimers();
    try {
      for (const rules of [[{ action: 'hang' as const }], [{ action: 'delay' as const, delay_ms: 30_000 }]]) {
        const { post, org, fake } = setup();
        fake.faults.set(rules);
        let answered: Response | undefined;
        void Promise.resolve(post(PATH, { organization_id: org.id }, { budget: '6000' })).then((r) => (answered = r));
        await vi.advanceTimersByTimeAsync(4499);
        expect(answered).toBeUndefined();
        await vi.advanceTimersByTimeAsync(1);
        expect(await outcomeOf(answered!, adminHealthOutcomeSchema)).toMatchObject({
          type: 'health',
          workos: { ok: false, error: 'WorkOS did not answer in time', api_host: 'workos.test' },
          organization: { status: 'unchecked', id: org.id },
        });
        fake.faults.set([]);
      }
    } finally {
      vi.useRealTimers();
    }
  });

  it('reports WorkOS failing with 5xx or 429 in the fields', async () => {
    for (const [status, error] of [
      [503, 'WorkOS could not be reached'],
      [429, 'WorkOS rate limit reached'],
    ] as const) {
      const { post, org, fake } = setup();
      fake.faults.set([{ action: 'status', status }]);
      expect(await outcomeOf(await post(PATH, { organization_id: org.id }), adminHealthOutcomeSchema)).toMatchObject({
        workos: { ok: false, error },
      });
    }
  });

  it('refuses a malformed request', async () => {
    const { post } = setup();
    for (const input of [{}, { organization_id: 'nope' }, { organization_id: null, verbose: true }]) {
      expect(await outcomeOf(await post(PATH, input), adminHealthOutcomeSchema)).toMatchObject({
        code: 'invalid_request',
        status: 400,
      });
    }
  });
});
