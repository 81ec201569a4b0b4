/**
 * `impersonation` against the WorkOS fake: a code WorkOS sent without a state is exchanged with the
 * client secret alone, and signs in only as a WorkOS dashboard impersonation (`/_fake/impersonate`).
 * Any other code reaching it — one an attacker got from an authorize URL of their own, a PKCE code
 * of this site, one that needs MFA — is refused, and a session it opened is revoked.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Outcome } from '../../protocol/messages.ts';
import { NOT_IMPERSONATION } from './impersonation.ts';
import { as, CONTEXT, integration } from './test-support.ts';

const SUPPORT = 'support@workos.example';
const REASON = 'Ticket 42';
let t: ReturnType<typeof integration>;
beforeEach(() => {
  t = integration();
});

const userId = (email: string) => t.fake.store.findUserByEmail(email)!.wire.id;
const sessionsOf = (email: string) => [...t.fake.store.sessions.values()].filter((s) => s.user_id === userId(email));
const impersonation = (code: string, profile = {}): Promise<Outcome> => t.send('impersonation', { code }, { profile });

/** WorkOS's dashboard starts an impersonation: the callback URL's code (and that it has no state). */
async function dashboardCode(email: string, reason: string | null = REASON): Promise<string> {
  const res = await t.fake.app.request('/_fake/impersonate', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      user_id: userId(email),
      impersonator_email: SUPPORT,
      reason,
      redirect_uri: CONTEXT.redirect_uri,
    }),
  });
  expect(res.status).toBe(200);
  const back = new URL(((await res.json()) as { url: string }).url);
  expect(`${back.origin}${back.pathname}`).toBe(CONTEXT.redirect_uri);
  expect(back.searchParams.has('state')).toBe(false);
  return back.searchParams.get('code')!;
}

/**
 * What an attacker can do with the site's public client id: open AuthKit without state or PKCE,
 * sign in as themselves, and keep the code instead of following the redirect.
 */
async function attackerCode(email: string, challenge?: string): Promise<string> {
  const query = new URLSearchParams({
    client_id: 'client_fake_workos',
    redirect_uri: CONTEXT.redirect_uri,
    response_type: 'code',
    provider: 'authkit',
    ...(challenge ? { code_challenge: challenge, code_challenge_method: 'S256' } : {}),
  });
  const page = await (await t.fake.app.request(`/user_management/authorize?${query}`)).text();
  const request = /name="request" value="([^"]+)"/.exec(page)![1];
  const answer = await t.fake.app.request('/_fake/authorize', {
    method: 'POST',
    body: new URLSearchParams({ request, user_id: userId(email) }),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  });
  expect(answer.status).toBe(302);
  return new URL(answer.headers.get('location')!).searchParams.get('code')!;
}

describe('impersonation', () => {
  it('signs in a WorkOS dashboard impersonation, with its impersonator and WorkOS session', async () => {
    const outcome = as(await impersonation(await dashboardCode('grace@example.com')), 'authenticated');
    expect(outcome.identity).toMatchObject({
      user: { email: 'grace@example.com' },
      method: 'impersonation',
      impersonator: { email: SUPPORT, reason: REASON },
    });
    const [session] = sessionsOf('grace@example.com');
    expect(outcome.identity.session_id).toBe(session.id);
    expect(session.status).toBe('active');
  });

  it('needs no second factor even where the profile always asks one (WorkOS skips MFA for it)', async () => {
    const code = await dashboardCode('mia@example.com', null);
    const outcome = as(await impersonation(code, { mfa: { enforce: 'always', factors: ['totp'] } }), 'authenticated');
    expect(outcome.identity).toMatchObject({ method: 'impersonation', impersonator: { email: SUPPORT, reason: null } });
  });

  it('refuses any other code WorkOS answers without PKCE, and revokes the session it opened', async () => {
    const outcome = await impersonation(await attackerCode('ada@example.com'));
    expect(outcome).toEqual(NOT_IMPERSONATION);
    const sessions = sessionsOf('ada@example.com');
    expect(sessions).toHaveLength(1);
    expect(sessions[0].status).toBe('revoked');
    expect(t.logLines.join('\n')).toContain('"authentication_method":"Password"');
  });

  it('refuses a code whose user still owes WorkOS a second factor: no session at all', async () => {
    expect(await impersonation(await attackerCode('mia@example.com'))).toEqual(NOT_IMPERSONATION);
    expect(sessionsOf('mia@example.com')).toEqual([]);
  });

  it('cannot redeem a PKCE code of this site (no verifier is ever sent)', async () => {
    const code = await attackerCode('ada@example.com', 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
    expect(await impersonation(code)).toMatchObject({ type: 'error', code: 'invalid_code', status: 401 });
    expect(sessionsOf('ada@example.com')).toEqual([]);
  });

  it('refuses a code twice, and says so when WorkOS cannot be reached', async () => {
    const code = await dashboardCode('grace@example.com');
    as(await impersonation(code), 'authenticated');
    expect(await impersonation(code)).toMatchObject({ type: 'error', code: 'invalid_code' });
    t.fake.faults.set([{ match: '/user_management/authenticate', action: 'status', status: 503 }]);
    expect(await impersonation(await dashboardCode('grace@example.com'))).toMatchObject({
      code: 'workos_unavailable',
      status: 503,
    });
  });

  it('takes a code and nothing else: a state (or any other field) is an invalid envelope', async () => {
    const code = await dashboardCode('grace@example.com');
    const sent = await t.send('impersonation', { code, state: 'default:v1.x' } as never);
    expect(sent).toMatchObject({ type: 'error', code: 'invalid_request', status: 400 });
  });
});
