import { beforeEach, describe, expect, it } from 'vitest';
import seed from '../workos-fake/seed.json' with { type: 'json' };
import type { OAuthState } from './authorize-url.ts';
import { as, BROWSER, integration, PASSWORD } from './test-support.ts';

const SSO_CONNECTION = seed.organizations.find((o) => o.name === 'SSO Organization')!.sso_connection_ids![0];

let t: ReturnType<typeof integration>;
beforeEach(() => {
  t = integration();
});

describe('password', () => {
  it('moves an SSO user to the SSO connection instead of failing', async () => {
    const outcome = as(await t.send('password', { email: 'eve@sso.example.com', password: PASSWORD }), 'redirect');
    const url = new URL(outcome.url);
    expect(url.searchParams.get('connection_id')).toBe(SSO_CONNECTION);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    const state = url.searchParams.get('state')!;
    const sealed = t.sealer.unseal<OAuthState>(state.slice('default:'.length), {
      purpose: 'oauth_state',
      profile: 'default',
    }).data;
    expect(sealed).toMatchObject({ browser: BROWSER, method: 'sso', redirect_to: '', remember: false });
  });

  it('cannot move an SSO user without the browser cookie', async () => {
    const outcome = await t.send(
      'password',
      { email: 'eve@sso.example.com', password: PASSWORD },
      { context: { browser: '' } },
    );
    expect(outcome).toMatchObject({ type: 'error', code: 'invalid_request' });
  });

  it('accepts only an invitation as its flow', async () => {
    const flow = t.sealer.seal({}, { purpose: 'code_sent', profile: 'default' }, 60_000);
    expect(await t.send('password', { email: 'ada@example.com', password: PASSWORD }, { flow })).toMatchObject({
      code: 'flow_expired',
    });
  });

  it('answers a forged invitation flow with flow_expired', async () => {
    const outcome = await t.send('password', { email: 'ada@example.com', password: PASSWORD }, { flow: 'v1.forged' });
    expect(outcome).toMatchObject({ code: 'flow_expired', status: 400 });
  });
});

describe('methods', () => {
  it('refuses password and magic code where the profile does not offer them', async () => {
    const t2 = integration();
    const profile = { methods: ['oauth_google' as const] };
    expect(await t2.send('password', { email: 'ada@example.com', password: PASSWORD }, { profile })).toMatchObject({
      code: 'method_disabled',
      status: 403,
    });
    expect(await t2.send('magic_code_send', { email: 'ada@example.com' }, { profile })).toMatchObject({
      code: 'method_disabled',
      status: 403,
    });
  });
});
