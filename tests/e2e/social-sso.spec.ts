/**
 * Social OAuth, enterprise SSO and hosted AuthKit (issue 4, methods 2–4): the element sends the
 * visitor to WorkOS's authorize page (the fake's consent page plays the provider) with PKCE and a
 * state bound to this browser; `/workos/callback` signs in through the same completion. Denied,
 * forged, replayed and foreign callbacks get a clear page with a link back and sign no one in.
 */
import type { Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures.ts';
import {
  DEMO_PASSWORD,
  SSO_ORG,
  auditEvents,
  consentAs,
  denyConsent,
  emailCount,
  enterCode,
  latestCode,
  flipChar,
  loggedIn,
  loginOf,
  useLoginFailedProbe,
  wpUser,
} from './flows.ts';
import { publishPage, saveProfiles } from './profiles.ts';

const LOGIN = '/workos/login/social';
const CANCELLED = 'Sign-in was cancelled.';
const EXPIRED = 'This sign-in took too long. Start again.';

const loginFailures = useLoginFailedProbe();

test.beforeEach(async ({ stack }) => {
  await saveProfiles(
    stack,
    { slug: 'social', methods: ['oauth_github', 'oauth_google', 'password', 'oauth_microsoft', 'oauth_apple', 'sso'] },
    { slug: 'pinned', methods: ['sso'], organization_id: SSO_ORG },
    { slug: 'hosted', methods: ['password'], mode: 'authkit_redirect' },
  );
});

/** Starts Google sign-in from the profile page and waits for the consent page. */
async function startGoogle(page: Page, path = LOGIN): Promise<URL> {
  await page.goto(path);
  await loginOf(page).getByRole('button', { name: 'Continue with Google' }).click();
  await page.waitForURL((url) => url.pathname.endsWith('/user_management/authorize'));
  return new URL(page.url());
}

/** Expects the callback's error page: the message, status 400 (checked by the caller), a link back. */
async function expectErrorPage(page: Page, message: string, back = LOGIN): Promise<void> {
  expect(new URL(page.url()).pathname).toBe('/workos/callback');
  await expect(page.getByRole('alert')).toHaveText(message);
  const link = page.getByRole('link', { name: 'Back to sign in' });
  expect(new URL((await link.getAttribute('href'))!, page.url()).pathname.replace(/\/$/, '')).toBe(back);
  expect(await loggedIn(page)).toBe(false);
}

const callbackStatus = (page: Page) =>
  page.waitForResponse((r) => new URL(r.url()).pathname === '/workos/callback' && r.request().isNavigationRequest());

test('social buttons follow the profile’s order and have accessible names', async ({ page }) => {
  await page.goto(LOGIN);
  const names = await loginOf(page)
    .getByRole('button', { name: /^Continue with / })
    .allInnerTexts();
  expect(names.map((n) => n.trim())).toEqual([
    'Continue with GitHub',
    'Continue with Google',
    'Continue with Microsoft',
    'Continue with Apple',
    'Continue with SSO',
  ]);
});

test('Google sign-in: PKCE, a state bound to this browser, back to the destination', async ({ page, stack }) => {
  await page.goto(`${LOGIN}?redirect_to=${encodeURIComponent('/sample-page/')}`);
  await loginOf(page).getByRole('button', { name: 'Continue with Google' }).click();
  await page.waitForURL((url) => url.pathname.endsWith('/user_management/authorize'));
  const authorize = new URL(page.url());
  expect(authorize.searchParams.get('provider')).toBe('GoogleOAuth');
  expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
  expect(authorize.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(authorize.searchParams.get('state')).toMatch(/^social:v1\./);
  expect(authorize.searchParams.get('redirect_uri')).toBe(`${stack.wordpressUrl}/workos/callback`);
  const cookie = (await page.context().cookies()).find((c) => c.name === 'workos_login_browser');
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', expires: -1 });
  expect(cookie!.value).toMatch(/^[0-9a-f]{64}$/);
  // The cookie's value is never what the state carries.
  expect(page.url()).not.toContain(cookie!.value);

  await consentAs(page, 'grace@example.com');
  await page.waitForURL((url) => url.pathname === '/sample-page/');
  expect((await wpUser(stack, 'grace@example.com'))?.sessions).toBe(1);
  expect(await auditEvents(stack)).toContainEqual(expect.objectContaining({ event: 'login', method: 'oauth_google' }));
  // Used up: the binding cookie is gone.
  expect((await page.context().cookies()).some((c) => c.name === 'workos_login_browser')).toBe(false);
});

test('“Remember me” rides through WorkOS: a lasting login cookie after the callback', async ({ page }) => {
  await page.goto(LOGIN);
  const login = loginOf(page);
  await login.getByLabel('Remember me').check();
  await login.getByRole('button', { name: 'Continue with Google' }).click();
  await consentAs(page, 'grace@example.com');
  await page.waitForURL('**/wp-admin/**');
  const cookie = (await page.context().cookies()).find((c) => c.name.startsWith('wordpress_logged_in'));
  expect(cookie!.expires).toBeGreaterThan(Date.now() / 1000 + 7 * 24 * 3600);
});

test('a foreign destination does not survive the trip through WorkOS', async ({ page }) => {
  await page.goto(`${LOGIN}?redirect_to=${encodeURIComponent('https://evil.example/steal')}`);
  await loginOf(page).getByRole('button', { name: 'Continue with Google' }).click();
  await consentAs(page, 'grace@example.com');
  await page.waitForURL(
    (url) => url.origin === new URL(LOGIN, page.url()).origin && url.pathname.startsWith('/wp-admin/'),
  );
});

test('every provider goes to its own WorkOS provider', async ({ page }) => {
  for (const [name, provider] of [
    ['GitHub', 'GitHubOAuth'],
    ['Microsoft', 'MicrosoftOAuth'],
    ['Apple', 'AppleOAuth'],
  ]) {
    await page.goto(LOGIN);
    await loginOf(page)
      .getByRole('button', { name: `Continue with ${name}` })
      .click();
    await page.waitForURL((url) => url.pathname.endsWith('/user_management/authorize'));
    expect(new URL(page.url()).searchParams.get('provider')).toBe(provider);
  }
});

test('denied consent: a clear page, a link back, nobody signed in', async ({ page }) => {
  await startGoogle(page);
  const response = callbackStatus(page);
  await denyConsent(page);
  expect((await response).status()).toBe(400);
  await expectErrorPage(page, CANCELLED);
  expect(await loginFailures()).toContain('consent_denied');
  await page.getByRole('link', { name: 'Back to sign in' }).click();
  await expect(loginOf(page).getByRole('button', { name: 'Continue with Google' })).toBeVisible();
});

test('a forged state is refused', async ({ page }) => {
  const authorize = await startGoogle(page);
  // A made-up state, and a real one with one character changed.
  const made = await page.goto('/workos/callback?code=abc123&state=social:v1.forged');
  expect(made?.status()).toBe(400);
  await expectErrorPage(page, EXPIRED);

  const state = authorize.searchParams.get('state')!;
  authorize.searchParams.set('state', flipChar(state));
  await page.goto(authorize.href);
  const response = callbackStatus(page);
  await consentAs(page, 'grace@example.com');
  expect((await response).status()).toBe(400);
  await expectErrorPage(page, EXPIRED);

  // A real state moved to another profile (its slug prefix swapped) is not that profile's.
  const fresh = await startGoogle(page);
  fresh.searchParams.set('state', fresh.searchParams.get('state')!.replace(/^social:/, 'pinned:'));
  await page.goto(fresh.href);
  const moved = callbackStatus(page);
  await consentAs(page, 'grace@example.com');
  expect((await moved).status()).toBe(400);
  await expectErrorPage(page, EXPIRED, '/workos/login/pinned');
  expect(await loginFailures()).toContain('flow_expired');
});

test('a callback URL works once, and only in the browser that started it', async ({ page, browser, stack }) => {
  // Browser A starts; its consent URL is opened (approved) in browser B, which has its own cookie.
  const authorize = await startGoogle(page);
  const other = await browser.newContext({ baseURL: stack.wordpressUrl });
  const thief = await other.newPage();
  await startGoogle(thief);
  await thief.goto(authorize.href);
  const foreign = callbackStatus(thief);
  await consentAs(thief, 'grace@example.com');
  expect((await foreign).status()).toBe(400);
  await expectErrorPage(thief, EXPIRED);

  // A's own sign-in works; the same callback URL again does not.
  await startGoogle(page);
  let callback = '';
  page.on('request', (r) => {
    if (r.isNavigationRequest() && new URL(r.url()).pathname === '/workos/callback') callback = r.url();
  });
  await consentAs(page, 'grace@example.com');
  await page.waitForURL('**/wp-admin/**');
  const replay = await thief.goto(callback);
  expect(replay?.status()).toBe(400);
  expect(await loggedIn(thief)).toBe(false);
  await other.close();
});

test('a callback without the browser cookie is refused', async ({ page, context }) => {
  await startGoogle(page);
  await context.clearCookies();
  const response = callbackStatus(page);
  await consentAs(page, 'grace@example.com');
  expect((await response).status()).toBe(400);
  await expectErrorPage(page, EXPIRED);
});

test('SSO by work email: the domain finds the organization', async ({ page, stack }) => {
  await page.goto(LOGIN);
  const login = loginOf(page);
  await login.getByRole('button', { name: 'Continue with SSO' }).click();
  await expect(login.getByRole('heading', { name: 'Sign in with SSO' })).toBeFocused();
  await login.getByLabel('Work email').fill('eve@sso.example.com');
  await login.getByLabel('Work email').press('Enter');
  await page.waitForURL((url) => url.pathname.endsWith('/user_management/authorize'));
  expect(new URL(page.url()).searchParams.get('organization_id')).toBe(SSO_ORG);
  await expect(page.getByRole('heading', { name: 'Sign in to SSO Organization (SSO)' })).toBeVisible();
  await consentAs(page, 'eve@sso.example.com');
  await page.waitForURL('**/wp-admin/**');
  expect(await auditEvents(stack)).toContainEqual(expect.objectContaining({ event: 'login', method: 'sso' }));
});

test('SSO for a domain without a connection says so', async ({ page }) => {
  await page.goto(LOGIN);
  const login = loginOf(page);
  await login.getByRole('button', { name: 'Continue with SSO' }).click();
  await login.getByLabel('Work email').fill('someone@example.com');
  await login.getByLabel('Work email').press('Enter');
  await expect(login.getByRole('alert')).toHaveText(
    'There’s no single sign-on for that email address. Check it, or sign in another way.',
  );
  expect(new URL(page.url()).pathname).toBe(LOGIN);
});

test('a profile pinned to an SSO organization goes straight to it', async ({ page }) => {
  await page.goto('/workos/login/pinned');
  await loginOf(page).getByRole('button', { name: 'Continue with SSO' }).click();
  await page.waitForURL((url) => url.pathname.endsWith('/user_management/authorize'));
  expect(new URL(page.url()).searchParams.get('organization_id')).toBe(SSO_ORG);
  await consentAs(page, 'eve@sso.example.com');
  await page.waitForURL('**/wp-admin/**');
});

test('a password answered with sso_required moves the visitor to SSO, keeping the destination', async ({
  page,
  stack,
}) => {
  await page.goto(`/workos/login/default?redirect_to=${encodeURIComponent('/sample-page/')}`);
  await signIn(page, 'eve@sso.example.com', DEMO_PASSWORD);
  await page.waitForURL((url) => url.pathname.endsWith('/user_management/authorize'));
  expect(new URL(page.url()).searchParams.get('connection_id')).toMatch(/^conn_/);
  await consentAs(page, 'eve@sso.example.com');
  await page.waitForURL((url) => url.pathname === '/sample-page/');
  expect((await wpUser(stack, 'eve@sso.example.com'))?.sessions).toBe(1);
});

test('an emailed code answered with sso_required moves the visitor to SSO too', async ({ page, stack }) => {
  await saveProfiles(stack, { slug: 'social', methods: ['magic_code'] });
  const before = await emailCount(stack, 'eve@sso.example.com', 'magic_auth');
  await page.goto(LOGIN);
  const login = loginOf(page);
  await login.getByLabel('Email').fill('eve@sso.example.com');
  await login.getByLabel('Email').press('Enter');
  await expect(login.getByRole('heading', { name: 'Check your email' })).toBeFocused();
  await enterCode(page, await latestCode(stack, 'eve@sso.example.com', 'magic_auth', before));
  await page.waitForURL((url) => url.pathname.endsWith('/user_management/authorize'));
  expect(new URL(page.url()).searchParams.get('connection_id')).toMatch(/^conn_/);
  await consentAs(page, 'eve@sso.example.com');
  await page.waitForURL('**/wp-admin/**');
});

test('hosted AuthKit mode: the profile page sends the visitor to WorkOS and back', async ({ page, stack }) => {
  const first = page.waitForResponse((r) => new URL(r.url()).pathname === '/workos/login/hosted');
  await page.goto(`/workos/login/hosted?redirect_to=${encodeURIComponent('/sample-page/')}`);
  expect((await first).status()).toBe(302);
  await page.waitForURL((url) => url.pathname.endsWith('/user_management/authorize'));
  expect(new URL(page.url()).searchParams.get('provider')).toBe('authkit');
  await consentAs(page, 'grace@example.com');
  await page.waitForURL((url) => url.pathname === '/sample-page/');
  expect((await wpUser(stack, 'grace@example.com'))?.sessions).toBe(1);
});

test('on a page, the element in AuthKit mode shows one “Continue” that goes the same way', async ({ page, stack }) => {
  const path = await publishPage(
    stack,
    'hosted-page',
    '<!-- wp:shortcode -->[workos:login profile="hosted"]<!-- /wp:shortcode -->',
  );
  await page.goto(path);
  const login = loginOf(page);
  await expect(login.getByRole('button')).toHaveCount(1);
  await login.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL((url) => url.pathname.endsWith('/user_management/authorize'));
  expect(new URL(page.url()).searchParams.get('provider')).toBe('authkit');
  await consentAs(page, 'grace@example.com');
  await page.waitForURL('**/wp-admin/**');
});
