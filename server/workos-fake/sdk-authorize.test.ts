import { AuthenticationException, OauthException } from '@workos-inc/node';
import { describe, expect, it } from 'vitest';
import { orgId, rejection, sdkAgainstFake, userId } from './sdk-test-support.ts';

/**
 * The hosted sign-in stand-in through the real SDK: getAuthorizationUrl → consent page → form
 * POST → redirect with a code → authenticateWithCode with the PKCE verifier.
 */
const { fake, workos, um } = sdkAgainstFake();
const CALLBACK = 'http://localhost:8891/workos/callback';

interface Page {
  status: number;
  html: string;
  request: string;
  buttons: { value: string; text: string }[];
}

async function open(url: string): Promise<Page> {
  const response = await fake.fetch(url);
  const html = await response.text();
  const request = /name="request" value="([^"]+)"/.exec(html)?.[1] ?? '';
  const buttons = [...html.matchAll(/<button name="user_id" value="([^"]+)">([^<]+)<\/button>/g)].map((m) => ({
    value: m[1]!,
    text: m[2]!,
  }));
  return { status: response.status, html, request, buttons };
}

async function decide(page: Page, choice: { user_id: string } | { deny: '1' }): Promise<URL> {
  const response = await fake.fetch('http://api.workos.test/_fake/authorize', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ request: page.request, ...choice }).toString(),
    redirect: 'manual',
  });
  expect(response.status).toBe(302);
  return new URL(response.headers.get('location')!);
}

type Target = Pick<
  Parameters<typeof um.getAuthorizationUrl>[0],
  'provider' | 'organizationId' | 'connectionId' | 'screenHint'
>;

async function authorize(target: Target) {
  const pkce = await workos.pkce.generate();
  const url = um.getAuthorizationUrl({
    ...target,
    redirectUri: CALLBACK,
    state: 'default:v1.sealed',
    codeChallenge: pkce.codeChallenge,
    codeChallengeMethod: 'S256',
  });
  return { page: await open(url), verifier: pkce.codeVerifier };
}

describe('social sign-in (provider)', () => {
  it('offers every verified user, approves with a code bound to the PKCE verifier', async () => {
    const { page, verifier } = await authorize({ provider: 'GoogleOAuth' });
    expect(page.status).toBe(200);
    expect(page.html).toContain('<button name="deny" value="1">Deny</button>');
    const linus = userId(fake, 'linus@example.com');
    expect(page.buttons).toContainEqual({ value: linus, text: 'Continue as Linus Torvalds (linus@example.com)' });
    expect(page.buttons.some((b) => b.text.includes('margaret@example.com'))).toBe(false);

    const back = await decide(page, { user_id: linus });
    expect(`${back.origin}${back.pathname}`).toBe(CALLBACK);
    expect(back.searchParams.get('state')).toBe('default:v1.sealed');
    const code = back.searchParams.get('code')!;

    const wrong = await rejection(um.authenticateWithCode({ code, codeVerifier: 'x'.repeat(43) }));
    expect(wrong).toBeInstanceOf(OauthException);
    expect(wrong).toMatchObject({ status: 400, error: 'invalid_grant' });
    // The failed attempt spent the code.
    expect(await rejection(um.authenticateWithCode({ code, codeVerifier: verifier }))).toMatchObject({
      error: 'invalid_grant',
    });

    const again = await authorize({ provider: 'GoogleOAuth' });
    const fresh = (await decide(again.page, { user_id: linus })).searchParams.get('code')!;
    const result = await um.authenticateWithCode({ code: fresh, codeVerifier: again.verifier });
    expect(result).toMatchObject({ authenticationMethod: 'GoogleOAuth', user: { id: linus } });
  });

  it('answers a denial with access_denied and the state', async () => {
    const { page } = await authorize({ provider: 'GitHubOAuth' });
    const back = await decide(page, { deny: '1' });
    expect(back.searchParams.get('error')).toBe('access_denied');
    expect(back.searchParams.get('error_description')).toBeTruthy();
    expect(back.searchParams.get('state')).toBe('default:v1.sealed');
    expect(back.searchParams.get('code')).toBeNull();
  });

  it('applies MFA to social sign-in, as for a password', async () => {
    const { page, verifier } = await authorize({ provider: 'MicrosoftOAuth' });
    const code = (await decide(page, { user_id: userId(fake, 'mia@example.com') })).searchParams.get('code')!;
    const error = await rejection(um.authenticateWithCode({ code, codeVerifier: verifier }));
    expect(error).toBeInstanceOf(AuthenticationException);
    expect(error).toMatchObject({ code: 'mfa_challenge' });
  });

  it('serves AuthKit (screen hint) and answers Password as the method', async () => {
    const { page, verifier } = await authorize({ provider: 'authkit', screenHint: 'sign-up' });
    const code = (await decide(page, { user_id: userId(fake, 'ada@example.com') })).searchParams.get('code')!;
    expect((await um.authenticateWithCode({ code, codeVerifier: verifier })).authenticationMethod).toBe('Password');
  });
});

describe('SSO (organization or connection)', () => {
  const sso = () => [...fake.store.organizations.values()].find((o) => o.wire.name === 'SSO Organization')!;

  it('offers only the organization’s domain users and signs them in to it, skipping MFA and selection', async () => {
    for (const target of [{ organizationId: sso().wire.id }, { connectionId: sso().connectionIds[0]! }]) {
      const { page, verifier } = await authorize(target);
      expect(page.buttons).toEqual([
        { value: userId(fake, 'eve@sso.example.com'), text: 'Continue as Eve Evans (eve@sso.example.com)' },
      ]);
      const code = (await decide(page, { user_id: page.buttons[0]!.value })).searchParams.get('code')!;
      const result = await um.authenticateWithCode({ code, codeVerifier: verifier });
      expect(result).toMatchObject({ authenticationMethod: 'SSO', organizationId: orgId(fake, 'SSO Organization') });
    }
  });

  it('refuses an organization without SSO back at the redirect URI', async () => {
    const url = um.getAuthorizationUrl({
      organizationId: orgId(fake, 'Demo Organization'),
      redirectUri: CALLBACK,
      state: 's',
    });
    const response = await fake.fetch(url, { redirect: 'manual' });
    expect(response.status).toBe(302);
    const back = new URL(response.headers.get('location')!);
    expect(back.searchParams.get('error')).toBe('invalid_request');
    expect(back.searchParams.get('state')).toBe('s');
  });

  it('refuses a user the page did not offer, and a page used twice', async () => {
    const { page } = await authorize({ organizationId: sso().wire.id });
    const forged = await fake.fetch('http://api.workos.test/_fake/authorize', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ request: page.request, user_id: userId(fake, 'ada@example.com') }).toString(),
    });
    expect(forged.status).toBe(400);
    const reused = await fake.fetch('http://api.workos.test/_fake/authorize', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ request: page.request, deny: '1' }).toString(),
    });
    expect(reused.status).toBe(400);
  });
});
