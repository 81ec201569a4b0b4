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
  buttons: Array<{ value: string; text: string }>;
}

async function open(url: string): Promise<Page> {
  const response = await fake.fetch(url);
  const html = await response.text();
  const request = /name="request" value="([^"]+)"/.exec(html)?.[1] ?? '';
  const buttons = [...html.matchAll(/<button name="user_id" value="([^"]+)">([^<]+)<\/button>/g)].map((m) => ({
    value: m[1],
    text: m[2],
  }));
  return { status: response.status, html, request, buttons };
}

function post(page: Page, choice: Record<string, string>): Promise<Response> {
  return fake.fetch('http://api.workos.test/_fake/authorize', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ request: page.request, ...choice }).toString(),
    redirect: 'manual',
  });
}

async function decide(page: Page, choice: { user_id: string; [field: string]: string } | { deny: '1' }): Promise<URL> {
  const response = await post(page, choice);
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

  it('lets AuthKit’s page say how the visitor signed in: any spec method, or a name the spec lacks', async () => {
    const ada = userId(fake, 'ada@example.com');
    for (const method of ['LinkedInOAuth', 'MigratedSession', 'TelepathyOAuth']) {
      const { page, verifier } = await authorize({ provider: 'authkit' });
      expect(page.html).toContain('<option value="LinkedInOAuth"></option>');
      const code = (await decide(page, { user_id: ada, authentication_method: method })).searchParams.get('code')!;
      const result = await um.authenticateWithCode({ code, codeVerifier: verifier });
      expect(result.authenticationMethod).toBe(method);
      expect(result.impersonator).toBeUndefined();
    }
    // Other providers' pages say nothing of it: the field is ignored there.
    const google = await authorize({ provider: 'GoogleOAuth' });
    expect(google.page.html).not.toContain('authentication_method');
    const code = (await decide(google.page, { user_id: ada, authentication_method: 'SlackOAuth' })).searchParams.get(
      'code',
    )!;
    expect((await um.authenticateWithCode({ code, codeVerifier: google.verifier })).authenticationMethod).toBe(
      'GoogleOAuth',
    );
  });

  it('stands in for a dashboard impersonation: Impersonation, the impersonator, no MFA, on the session', async () => {
    const { page, verifier } = await authorize({ provider: 'authkit' });
    const mia = userId(fake, 'mia@example.com');
    const choice = { user_id: mia, impersonator_email: 'support@workos.example', impersonator_reason: 'Ticket 42' };
    const code = (await decide(page, choice)).searchParams.get('code')!;
    const result = await um.authenticateWithCode({ code, codeVerifier: verifier });
    expect(result).toMatchObject({
      authenticationMethod: 'Impersonation',
      impersonator: { email: 'support@workos.example', reason: 'Ticket 42' },
      user: { id: mia },
    });
    const sessions = [...fake.store.sessions.values()].filter((s) => s.user_id === mia);
    expect(sessions.at(-1)).toMatchObject({
      authentication_method: 'Impersonation',
      impersonator: { email: 'support@workos.example', reason: 'Ticket 42' },
    });
  });

  it('refuses an impersonation without its impersonator, and an impersonator without an impersonation', async () => {
    const ada = userId(fake, 'ada@example.com');
    const cases: Array<Record<string, string>> = [
      { authentication_method: 'Impersonation' },
      { authentication_method: 'GoogleOAuth', impersonator_email: 'support@workos.example' },
      { impersonator_email: 'not an email' },
      { authentication_method: '<script>' },
    ];
    for (const fields of cases) {
      const { page } = await authorize({ provider: 'authkit' });
      const response = await post(page, { user_id: ada, ...fields });
      expect(response.status, JSON.stringify(fields)).toBe(400);
      expect(await response.text()).toContain('role="alert"');
    }
  });
});

describe('SSO (organization or connection)', () => {
  const sso = () => [...fake.store.organizations.values()].find((o) => o.wire.name === 'SSO Organization')!;

  it('offers only the organization’s domain users and signs them in to it, skipping MFA and selection', async () => {
    for (const target of [{ organizationId: sso().wire.id }, { connectionId: sso().connectionIds[0] }]) {
      const { page, verifier } = await authorize(target);
      expect(page.buttons).toEqual([
        { value: userId(fake, 'eve@sso.example.com'), text: 'Continue as Eve Evans (eve@sso.example.com)' },
      ]);
      const code = (await decide(page, { user_id: page.buttons[0].value })).searchParams.get('code')!;
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
