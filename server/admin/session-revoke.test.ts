import { describe, expect, it, vi } from 'vitest';
import { DEMO_PASSWORD } from '../workos-fake/test-seed.ts';
import { sessionRevokeOutcomeSchema } from './identity-schemas.ts';
import { outcomeOf, serverError, setup, unreachable, WRONG_KEY } from './test-support.ts';

const PATH = '/v1/session/revoke';
const RETURN_TO = 'http://localhost:8881/?loggedout=true';

/** Two sessions of one user, as two browsers would have. */
async function twoSessions(s: ReturnType<typeof setup>): Promise<[string, string]> {
  const ids: string[] = [];
  for (let i = 0; i < 2; i++) {
    const response = await s.fake.app.request('/user_management/authenticate', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'password',
        client_id: s.fake.clientId,
        client_secret: s.fake.apiKey,
        email: 'grace@example.com',
        password: DEMO_PASSWORD,
      }),
    });
    expect(response.status).toBe(200);
    ids.push([...s.fake.store.sessions.keys()].at(-1)!);
  }
  return ids as [string, string];
}

describe('POST /v1/session/revoke', () => {
  it('revokes exactly that session; the other one stays active', async () => {
    const s = setup();
    const [mine, other] = await twoSessions(s);
    expect(await outcomeOf(await s.post(PATH, { session_id: mine }), sessionRevokeOutcomeSchema)).toEqual({
      type: 'session_revoked',
      revoked: true,
      logout_url: null,
    });
    expect(s.fake.store.sessions.get(mine)?.status).toBe('revoked');
    expect(s.fake.store.sessions.get(other)?.status).toBe('active');
    expect(s.logLines.join('\n')).not.toContain(mine);
  });

  it("adds WorkOS's logout URL, which returns the browser to return_to", async () => {
    const s = setup();
    const [mine] = await twoSessions(s);
    const outcome = await outcomeOf(
      await s.post(PATH, { session_id: mine, return_to: RETURN_TO }),
      sessionRevokeOutcomeSchema,
    );
    if (outcome.type !== 'session_revoked') throw new Error(JSON.stringify(outcome));
    const url = new URL(outcome.logout_url!);
    expect(url.origin + url.pathname).toBe('https://workos.test/user_management/sessions/logout');
    expect(Object.fromEntries(url.searchParams)).toEqual({ session_id: mine, return_to: RETURN_TO });
    const visit = await s.fake.fetch(url, { redirect: 'manual' });
    expect(visit.headers.get('location')).toBe(RETURN_TO);
  });

  it('answers revoked: false (still with a logout URL) when WorkOS refuses, is down or rejects the key', async () => {
    const unknown = setup();
    expect(
      await outcomeOf(
        await unknown.post(PATH, { session_id: 'session_01AAAAAAAAAAAAAAAAAAAAAAAA' }),
        sessionRevokeOutcomeSchema,
      ),
    ).toEqual({ type: 'session_revoked', revoked: false, logout_url: null });
    expect(unknown.logLines.join('\n')).toContain('session revocation failed');

    for (const options of [{ fetchFn: unreachable }, { fetchFn: serverError }, { apiKey: WRONG_KEY }]) {
      const { post } = setup(options);
      const outcome = await outcomeOf(
        await post(PATH, { session_id: 'session_01X', return_to: RETURN_TO }),
        sessionRevokeOutcomeSchema,
      );
      expect(outcome).toMatchObject({
        type: 'session_revoked',
        revoked: false,
        logout_url: expect.stringContaining('session_01X'),
      });
    }
  });

  it('answers revoked: false with the logout URL when the budget runs out first', async () => {
    vi.useFakeTimers();
    try {
      const { post, fake } = setup();
      fake.faults.set([{ action: 'hang' }]);
      let answered: Response | undefined;
      const request = post(PATH, { session_id: 'session_01X', return_to: RETURN_TO }, { budget: '4000' });
      void Promise.resolve(request).then((r) => (answered = r));
      await vi.advanceTimersByTimeAsync(2500);
      expect(await outcomeOf(answered!, sessionRevokeOutcomeSchema)).toMatchObject({
        type: 'session_revoked',
        revoked: false,
        logout_url: expect.stringContaining('session_01X'),
      });
      fake.faults.set([]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses malformed session ids and return_to URLs that are not http(s)', async () => {
    const { post } = setup();
    const cases = [
      [{}, 'input.session_id'],
      [{ session_id: '' }, 'input.session_id'],
      [{ session_id: 'x'.repeat(129) }, 'input.session_id'],
      [{ session_id: 'session_1&return_to=x' }, 'input.session_id'],
      [{ session_id: 'session_1', return_to: 'javascript:alert(1)' }, 'input.return_to'],
      [{ session_id: 'session_1', return_to: '/relative' }, 'input.return_to'],
      [{ session_id: 'session_1', extra: true }, 'input'],
    ] as const;
    for (const [input, field] of cases) {
      const outcome = await outcomeOf(await post(PATH, input), sessionRevokeOutcomeSchema);
      expect(outcome, JSON.stringify(input)).toMatchObject({ type: 'error', code: 'invalid_request', status: 400 });
      if (outcome.type === 'error') expect(outcome.message).toContain(field);
    }
  });
});
