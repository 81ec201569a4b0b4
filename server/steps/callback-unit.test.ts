/** The callback step against a stubbed WorkOS: what it sends, independent of the fake's pages. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { authorizeRedirect } from './authorize-url.ts';
import { callbackStep } from './callback.ts';
import { BROWSER, CONTEXT, PROFILE, stepContext, stubWorkOS } from './test-support.ts';

const user = {
  object: 'user',
  id: 'user_1',
  email: 'ada@example.com',
  email_verified: true,
  first_name: 'Ada',
  last_name: 'Lovelace',
  profile_picture_url: null,
  last_sign_in_at: null,
  locale: null,
  external_id: null,
  metadata: {},
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
};

function setup(method: string | undefined, impersonator?: { email: string; reason: string | null }) {
  const bodies: Array<Record<string, unknown>> = [];
  const ctx = stepContext(
    stubWorkOS({
      'POST /user_management/authenticate': async (request) => {
        bodies.push((await request.json()) as Record<string, unknown>);
        return {
          user,
          access_token: 'not.a.jwt',
          refresh_token: 'r',
          ...(method ? { authentication_method: method } : {}),
          ...(impersonator ? { impersonator } : {}),
        };
      },
    }),
  );
  return { ctx, bodies };
}

function begin(ctx: ReturnType<typeof setup>['ctx'], target: Parameters<typeof authorizeRedirect>[3]) {
  const outcome = authorizeRedirect(ctx, PROFILE, CONTEXT, target, { redirect_to: '/x', remember: false });
  if (outcome.type !== 'redirect') throw new Error('no redirect');
  return new URL(outcome.url).searchParams;
}

describe('callback step (stubbed WorkOS)', () => {
  it('exchanges the code with the verifier whose S256 challenge went to WorkOS', async () => {
    const { ctx, bodies } = setup('GoogleOAuth');
    const params = begin(ctx, { kind: 'oauth', provider: 'google' });
    const envelope = { profile: PROFILE, context: CONTEXT, input: { code: 'code_1', state: params.get('state')! } };
    const outcome = await callbackStep(ctx, envelope);
    expect(outcome).toMatchObject({
      type: 'authenticated',
      identity: { user: { email: 'ada@example.com' }, method: 'oauth_google', session_id: null },
      passthrough: { redirect_to: '/x', remember: false },
    });
    const [body] = bodies;
    expect(body).toMatchObject({ grant_type: 'authorization_code', code: 'code_1' });
    expect(createHash('sha256').update(String(body.code_verifier)).digest('base64url')).toBe(
      params.get('code_challenge'),
    );
  });

  it('reports the method WorkOS names, whatever authorize sealed, and the sealed one when it names none', async () => {
    for (const [named, method] of [
      ['BitbucketOAuth', 'oauth_bitbucket'],
      ['LinkedInOAuth', 'oauth_linkedin'],
      [undefined, 'sso'],
    ] as const) {
      const { ctx } = setup(named);
      const params = begin(ctx, { kind: 'sso_connection', connection_id: 'conn_1' });
      const outcome = await callbackStep(ctx, {
        profile: PROFILE,
        context: CONTEXT,
        input: { code: 'c', state: params.get('state')! },
      });
      expect(outcome).toMatchObject({ type: 'authenticated', identity: { method } });
    }
  });

  it('reports a name outside the spec as unknown (kept, stripped), never as the sealed method', async () => {
    const { ctx } = setup('Telepathy<OAuth>');
    const params = begin(ctx, { kind: 'oauth', provider: 'google' });
    const outcome = await callbackStep(ctx, {
      profile: PROFILE,
      context: CONTEXT,
      input: { code: 'c', state: params.get('state')! },
    });
    expect(outcome).toMatchObject({ identity: { method: 'unknown', workos_method: 'TelepathyOAuth' } });
  });

  it('reports AuthKit as unknown when WorkOS names no method (AuthKit seals none)', async () => {
    const { ctx } = setup(undefined);
    const params = begin(ctx, { kind: 'authkit' });
    const outcome = await callbackStep(ctx, {
      profile: PROFILE,
      context: CONTEXT,
      input: { code: 'c', state: params.get('state')! },
    });
    expect(outcome).toMatchObject({ identity: { method: 'unknown' } });
    expect(outcome.type === 'authenticated' && 'workos_method' in outcome.identity).toBe(false);
  });

  it('carries a dashboard impersonation’s impersonator on the identity', async () => {
    const { ctx } = setup('Impersonation', { email: 'support@workos.example', reason: 'Ticket 42' });
    const params = begin(ctx, { kind: 'authkit' });
    const outcome = await callbackStep(ctx, {
      profile: PROFILE,
      context: CONTEXT,
      input: { code: 'c', state: params.get('state')! },
    });
    expect(outcome).toMatchObject({
      type: 'authenticated',
      identity: { method: 'impersonation', impersonator: { email: 'support@workos.example', reason: 'Ticket 42' } },
    });
  });

  it('never calls WorkOS for a state bound to another browser', async () => {
    const { ctx, bodies } = setup('GoogleOAuth');
    const params = begin(ctx, { kind: 'oauth', provider: 'google' });
    const other = { ...CONTEXT, browser: BROWSER.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')) };
    const outcome = await callbackStep(ctx, {
      profile: PROFILE,
      context: other,
      input: { code: 'c', state: params.get('state')! },
    });
    expect(outcome).toMatchObject({ type: 'error', code: 'flow_expired', passthrough: { redirect_to: '/x' } });
    expect(bodies).toEqual([]);
  });
});
