import { beforeEach, describe, expect, it } from 'vitest';
import seed from '../workos-fake/seed.json' with { type: 'json' };
import type { OAuthState } from './authorize-url.ts';
import { as, BROWSER, integration } from './test-support.ts';

const SSO_ORG = seed.organizations.find((o) => o.name === 'SSO Organization')!;
const choices = { redirect_to: 'http://localhost:8881/wp-admin/', remember: false };

let t: ReturnType<typeof integration>;
beforeEach(() => {
  t = integration();
});

function stateOf(url: string): OAuthState {
  const state = new URL(url).searchParams.get('state')!;
  const [slug, sealed] = [state.slice(0, state.indexOf(':')), state.slice(state.indexOf(':') + 1)];
  expect(slug).toBe('default');
  return t.sealer.unseal<OAuthState>(sealed, { purpose: 'oauth_state', profile: 'default' }).data;
}

describe('authorize', () => {
  it('answers a redirect to WorkOS for a social provider, the state bound to the browser', async () => {
    const outcome = as(
      await t.send('authorize', { request: { kind: 'oauth', provider: 'github' }, ...choices }),
      'redirect',
    );
    const url = new URL(outcome.url);
    expect(url.pathname).toBe('/user_management/authorize');
    expect(url.searchParams.get('provider')).toBe('GitHubOAuth');
    expect(url.searchParams.get('redirect_uri')).toBe('http://localhost:8881/workos/callback');
    expect(stateOf(outcome.url)).toMatchObject({ browser: BROWSER, method: 'oauth_github', ...choices });
  });

  it('finds the SSO organization by the work email’s domain', async () => {
    const outcome = as(
      await t.send('authorize', { request: { kind: 'sso', email: 'Eve@SSO.example.com' }, ...choices }),
      'redirect',
    );
    expect(new URL(outcome.url).searchParams.get('organization_id')).toBe(SSO_ORG.id);
    expect(stateOf(outcome.url).method).toBe('sso');
  });

  it('answers sso_unavailable for a domain without an organization', async () => {
    expect(
      await t.send('authorize', { request: { kind: 'sso', email: 'someone@nowhere.example' }, ...choices }),
    ).toEqual({
      type: 'error',
      code: 'sso_unavailable',
      message: 'No SSO connection exists for that email domain.',
      status: 400,
    });
  });

  it('uses the pinned organization for sso_organization, and AuthKit with a screen hint', async () => {
    const pinned = { organization_id: SSO_ORG.id, organization_pinned: true };
    const sso = as(
      await t.send('authorize', { request: { kind: 'sso_organization' }, ...choices }, { profile: pinned }),
      'redirect',
    );
    expect(new URL(sso.url).searchParams.get('organization_id')).toBe(SSO_ORG.id);
    const authkit = as(
      await t.send('authorize', { request: { kind: 'authkit', screen_hint: 'sign-up' }, ...choices }),
      'redirect',
    );
    expect(Object.fromEntries(new URL(authkit.url).searchParams)).toMatchObject({
      provider: 'authkit',
      screen_hint: 'sign-up',
    });
  });

  it('refuses a method the profile does not offer, and a browser without the cookie', async () => {
    const onlyPassword = { methods: ['password' as const] };
    for (const request of [
      { kind: 'oauth', provider: 'apple' },
      { kind: 'sso', email: 'eve@sso.example.com' },
    ] as const) {
      expect(await t.send('authorize', { request, ...choices }, { profile: onlyPassword })).toMatchObject({
        code: 'method_disabled',
        status: 403,
      });
    }
    expect(
      await t.send(
        'authorize',
        { request: { kind: 'oauth', provider: 'google' }, ...choices },
        { context: { browser: '' } },
      ),
    ).toMatchObject({ code: 'invalid_request', status: 400 });
  });

  it('refuses malformed targets', async () => {
    const bad = await t.send('authorize', { request: { kind: 'oauth', provider: 'myspace' } as never, ...choices });
    expect(bad).toMatchObject({ code: 'invalid_request', status: 400 });
  });
});
