import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSealer } from '../seal.ts';
import {
  authorizeRedirect,
  openState,
  pkcePair,
  sameBrowser,
  STATE_PURPOSE,
  type OAuthState,
} from './authorize-url.ts';
import { FLOW_EXPIRED } from './outcomes.ts';
import { BROWSER, CONTEXT, PROFILE, SECRET, profileWith, stepContext, stubWorkOS } from './test-support.ts';

const choices = { redirect_to: 'http://localhost:8881/wp-admin/', remember: true };
const ctx = stepContext(stubWorkOS({}));

function start(target: Parameters<typeof authorizeRedirect>[3], profile = PROFILE, invitation?: string) {
  const outcome = authorizeRedirect(ctx, profile, CONTEXT, target, choices, invitation);
  if (outcome.type !== 'redirect') throw new Error(JSON.stringify(outcome));
  const url = new URL(outcome.url);
  const state = url.searchParams.get('state')!;
  const sealed = openState(ctx, profile, state, BROWSER) as OAuthState;
  return { url, params: Object.fromEntries(url.searchParams), state, sealed };
}

describe('authorize URLs', () => {
  it('uses PKCE S256 with a verifier only the sealed state holds', () => {
    const { url, params, state, sealed } = start({ kind: 'oauth', provider: 'google' });
    expect(url.pathname).toBe('/user_management/authorize');
    expect(params).toMatchObject({
      provider: 'GoogleOAuth',
      code_challenge_method: 'S256',
      redirect_uri: CONTEXT.redirect_uri,
      response_type: 'code',
      client_id: 'client_fake_workos',
    });
    expect(sealed.code_verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(params.code_challenge).toBe(createHash('sha256').update(sealed.code_verifier).digest('base64url'));
    expect(url.href).not.toContain(sealed.code_verifier);
    expect(state).toMatch(/^default:v1\.[A-Za-z0-9_-]+$/);
    expect(sealed).toMatchObject({ browser: BROWSER, method: 'oauth_google', ...choices });
  });

  it('gives every start a fresh verifier', () => {
    expect(pkcePair().verifier).not.toBe(pkcePair().verifier);
  });

  it.each([
    [{ kind: 'oauth', provider: 'microsoft' } as const, { provider: 'MicrosoftOAuth' }, 'oauth_microsoft'],
    [{ kind: 'oauth', provider: 'github' } as const, { provider: 'GitHubOAuth' }, 'oauth_github'],
    [{ kind: 'oauth', provider: 'apple' } as const, { provider: 'AppleOAuth' }, 'oauth_apple'],
    [{ kind: 'sso_connection', connection_id: 'conn_1' } as const, { connection_id: 'conn_1' }, 'sso'],
    [
      { kind: 'sso_domain', organization_id: 'org_9', email: 'eve@sso.example.com' } as const,
      { organization_id: 'org_9', login_hint: 'eve@sso.example.com' },
      'sso',
    ],
    [{ kind: 'authkit', screen_hint: 'sign-up' } as const, { provider: 'authkit', screen_hint: 'sign-up' }, null],
  ])('sends %j to the right place', (target, expected, method) => {
    const { params, sealed } = start(target);
    expect(params).toMatchObject(expected);
    expect(sealed.method).toBe(method);
  });

  it("sends sso_organization to the profile's pinned organization only", () => {
    const pinned = profileWith({ organization_id: 'org_7', organization_pinned: true });
    expect(start({ kind: 'sso_organization' }, pinned).params.organization_id).toBe('org_7');
    const site = profileWith({ organization_id: 'org_7', organization_pinned: false });
    expect(authorizeRedirect(ctx, site, CONTEXT, { kind: 'sso_organization' }, choices)).toMatchObject({
      code: 'sso_unavailable',
      status: 400,
    });
  });

  it('carries an invitation to WorkOS and in the state', () => {
    const { params, sealed } = start({ kind: 'oauth', provider: 'google' }, PROFILE, 'inv_token');
    expect(params.invitation_token).toBe('inv_token');
    expect(sealed.invitation_token).toBe('inv_token');
  });

  it('refuses to start without a browser binding', () => {
    for (const browser of ['', 'abc', BROWSER.toUpperCase()]) {
      const outcome = authorizeRedirect(ctx, PROFILE, { ...CONTEXT, browser }, { kind: 'authkit' }, choices);
      expect(outcome).toMatchObject({ type: 'error', code: 'invalid_request', status: 400 });
    }
  });
});

describe('OAuth state at the callback', () => {
  it('refuses a state of another profile, a forged one and an expired one', () => {
    const { state } = start({ kind: 'oauth', provider: 'google' });
    const members = profileWith({ slug: 'members' });
    expect(openState(ctx, members, state, BROWSER)).toEqual(FLOW_EXPIRED);
    expect(openState(ctx, members, `members:${state.slice('default:'.length)}`, BROWSER)).toEqual(FLOW_EXPIRED);
    expect(openState(ctx, PROFILE, 'default:v1.forged', BROWSER)).toEqual(FLOW_EXPIRED);
    expect(openState(ctx, PROFILE, 'no-colon', BROWSER)).toEqual(FLOW_EXPIRED);
    // A flow token of a step is no state, even for the same profile.
    const flow = ctx.sealer.seal({}, { purpose: 'mfa_code', profile: 'default' }, 60_000);
    expect(openState(ctx, PROFILE, `default:${flow}`, BROWSER)).toEqual(FLOW_EXPIRED);
    let now = 0;
    const late = { ...ctx, sealer: createSealer(SECRET, () => now) };
    const old = late.sealer.seal({ browser: BROWSER }, { purpose: STATE_PURPOSE, profile: 'default' }, 1000);
    now = 1001;
    expect(openState(late, PROFILE, `default:${old}`, BROWSER)).toEqual(FLOW_EXPIRED);
  });

  it('refuses another browser, or none, but hands back the choices for the error page', () => {
    const { state } = start({ kind: 'oauth', provider: 'google' });
    const other = createHash('sha256').update('another cookie').digest('hex');
    for (const browser of [other, '']) {
      expect(openState(ctx, PROFILE, state, browser)).toEqual({ ...FLOW_EXPIRED, passthrough: choices });
    }
  });

  it('compares browsers in constant time and never matches empty', () => {
    expect(sameBrowser(BROWSER, BROWSER)).toBe(true);
    expect(sameBrowser('', '')).toBe(false);
    expect(sameBrowser(BROWSER, BROWSER.slice(1))).toBe(false);
  });
});
