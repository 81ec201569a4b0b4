/**
 * A passkey as the second factor (issue 6): enrolled as the enrolment step of a profile whose MFA
 * policy is `always`, then offered first ("Use your passkey") after the password; a passkey as the
 * first factor counts as both. Role-based step-up: an administrator's password-only sign-in must
 * add a second factor (a passkey or WorkOS MFA), on the element and on WordPress's own form.
 */
import type { Page } from '@playwright/test';
import { DEMO_PASSWORD, expect, signIn, signInAsAdmin, submitNativeLogin, test } from './fixtures.ts';
import { consentAs, createFakeUser, loggedIn, loginOf, uniqueEmail, wpUser } from './flows.ts';
import {
  DEMO_ORG,
  PASSKEY_LOGIN,
  TEXT,
  passkeyAudit,
  passkeysOf,
  setOptions,
  usePasskeyProfile,
  withoutAutofill,
} from './passkeys.ts';
import { phpJsonOut, type ProfileInput } from './profiles.ts';
import { addVirtualAuthenticator, freshBrowserWith, onlyCredential, type VirtualCredential } from './webauthn.ts';

const AUTHENTICATOR_APP = 'Use an authenticator app';

const useMfa = (stack: Parameters<typeof usePasskeyProfile>[0], mfa: ProfileInput['mfa']) =>
  usePasskeyProfile(stack, { mfa });

/**
 * Signs in with the password and creates a passkey at the enrolment step; returns the credential
 * once signed in.
 */
async function enrolPasskey(page: Page, email: string, offersApp: boolean): Promise<VirtualCredential> {
  const authenticator = await addVirtualAuthenticator(page);
  await page.goto(PASSKEY_LOGIN);
  await signIn(page, email, DEMO_PASSWORD);
  const login = loginOf(page);
  await expect(login.getByRole('heading', { name: TEXT.enrollHeading })).toBeFocused();
  expect(await loggedIn(page)).toBe(false);
  await expect(login.getByRole('button', { name: AUTHENTICATOR_APP })).toHaveCount(offersApp ? 1 : 0);
  await login.getByRole('button', { name: TEXT.createPasskey }).click();
  await page.waitForURL('**/wp-admin/**');
  return onlyCredential(authenticator);
}

/**
 * In a fresh browser holding `credential`: the password, then "Use your passkey". Answers the
 * credential as the authenticator holds it afterwards (its counter moved on: a copy of the older
 * state would now be refused as a clone).
 */
async function passwordThenPasskey(
  browser: Parameters<typeof freshBrowserWith>[0],
  stack: Parameters<typeof freshBrowserWith>[1],
  credential: VirtualCredential,
  email: string,
): Promise<VirtualCredential> {
  const fresh = await freshBrowserWith(browser, stack, [credential]);
  await withoutAutofill(fresh.page);
  await fresh.page.goto(PASSKEY_LOGIN);
  await signIn(fresh.page, email, DEMO_PASSWORD);
  const use = loginOf(fresh.page).getByRole('button', { name: TEXT.usePasskey });
  await expect(use).toBeVisible();
  expect(await loggedIn(fresh.page)).toBe(false);
  await use.click();
  await fresh.page.waitForURL('**/wp-admin/**');
  const used = await onlyCredential(fresh.authenticator);
  await fresh.context.close();
  return used;
}

/** In a fresh browser holding `credential`: the "Sign in with a passkey" button alone (see above). */
async function passkeyAlone(
  browser: Parameters<typeof freshBrowserWith>[0],
  stack: Parameters<typeof freshBrowserWith>[1],
  credential: VirtualCredential,
): Promise<VirtualCredential> {
  const fresh = await freshBrowserWith(browser, stack, [credential]);
  await withoutAutofill(fresh.page);
  await fresh.page.goto(PASSKEY_LOGIN);
  await loginOf(fresh.page).getByRole('button', { name: TEXT.signInButton }).click();
  await fresh.page.waitForURL('**/wp-admin/**');
  const used = await onlyCredential(fresh.authenticator);
  await fresh.context.close();
  return used;
}

test('profile “always”: a passkey is the enrolment step, then the second factor after the password', async ({
  page,
  browser,
  stack,
}) => {
  const email = uniqueEmail('pk-always');
  await createFakeUser(stack, email);
  await useMfa(stack, { enforce: 'always', factors: ['totp', 'webauthn'] });
  const credential = await enrolPasskey(page, email, true);
  expect(await passkeysOf(stack, email)).toHaveLength(1);
  expect(await passkeyAudit(stack)).toContainEqual(expect.objectContaining({ event: 'passkey_registered', email }));

  // A passkey alone counts as two factors.
  const used = await passkeyAlone(browser, stack, credential);
  // The password: then the passkey is offered first (the app stays possible).
  await passwordThenPasskey(browser, stack, used, email);
  const logins = (await passkeyAudit(stack)).filter((e) => e.event === 'login' && e.email === email);
  expect(logins.map((e) => e.method)).toEqual(['password', 'passkey', 'password']);
});

test('profile “always” allowing only WebAuthn: the passkey is the only enrolment offered', async ({ page, stack }) => {
  const email = uniqueEmail('pk-only');
  await createFakeUser(stack, email);
  await useMfa(stack, { enforce: 'always', factors: ['webauthn'] });
  await enrolPasskey(page, email, false);
  expect(await passkeysOf(stack, email)).toHaveLength(1);
});

test.describe('role-based step-up', () => {
  test.beforeEach(async ({ stack }) => {
    await setOptions(stack, {
      organization_id: DEMO_ORG,
      role_map: { admin: 'administrator' },
      passkey_step_up_roles: ['administrator'],
    });
  });

  test('an administrator’s password alone is not enough; a passkey completes it and then signs in alone', async ({
    page,
    browser,
    stack,
  }) => {
    await useMfa(stack, { enforce: 'if_required', factors: ['totp'] });
    const credential = await enrolPasskey(page, 'ada@example.com', true);
    expect((await wpUser(stack, 'ada@example.com'))!.roles).toContain('administrator');
    const logins = () => passkeyAudit(stack).then((rows) => rows.filter((e) => e.event === 'login'));
    expect((await logins()).map((e) => e.method)).toEqual(['password']);

    // The passkey alone passes the step-up.
    const used = await passkeyAlone(browser, stack, credential);
    // The password again: the passkey is asked for as the second factor.
    await passwordThenPasskey(browser, stack, used, 'ada@example.com');
    expect((await logins()).map((e) => e.method)).toEqual(['password', 'passkey', 'password']);
  });

  test('after social sign-in, the resumed page asks an administrator for the second factor', async ({
    page,
    stack,
  }) => {
    await usePasskeyProfile(stack, { methods: ['password', 'oauth_google', 'passkey'] });
    const authenticator = await addVirtualAuthenticator(page);
    await page.goto(PASSKEY_LOGIN);
    await loginOf(page).getByRole('button', { name: 'Continue with Google' }).click();
    await consentAs(page, 'ada@example.com');
    await page.waitForURL((url) => url.pathname === '/workos/callback');
    const login = loginOf(page);
    await expect(login.getByRole('heading', { name: TEXT.enrollHeading })).toBeVisible();
    expect(await loggedIn(page)).toBe(false);
    await login.getByRole('button', { name: TEXT.createPasskey }).click();
    await page.waitForURL('**/wp-admin/**');
    expect(await authenticator.credentials()).toHaveLength(1);
    expect(await passkeysOf(stack, 'ada@example.com')).toHaveLength(1);
    expect(await passkeyAudit(stack)).toContainEqual(
      expect.objectContaining({ event: 'login', method: 'oauth_google', email: 'ada@example.com' }),
    );
  });

  test('an editor is not stepped up', async ({ page, stack }) => {
    await setOptions(stack, { role_map: { member: 'editor' } });
    await useMfa(stack, { enforce: 'if_required', factors: ['totp'] });
    await page.goto(PASSKEY_LOGIN);
    await signIn(page, 'grace@example.com', DEMO_PASSWORD);
    await expect(loginOf(page).getByRole('heading', { name: TEXT.promptHeading })).toBeVisible();
    expect(await loggedIn(page)).toBe(true);
  });

  test('WordPress’s own form refuses an administrator’s password and audits it', async ({ page, stack }) => {
    await submitNativeLogin(page, 'admin', stack.adminPassword);
    await page.waitForLoadState('domcontentloaded');
    await expect(page.locator('#login_error')).toBeVisible();
    expect(page.url()).not.toContain('/wp-admin/');
    expect(await loggedIn(page)).toBe(false);
    const denied = (await passkeyAudit(stack)).find((e) => e.event === 'login_denied');
    expect(denied?.detail).toContain('step_up_required');
  });
});

test('the administrator chooses the step-up roles on WorkOS → Settings', async ({ page, browser, stack }) => {
  await signInAsAdmin(page, stack);
  await page.goto('/wp-admin/admin.php?page=workos-login-settings');
  const roles = page.getByRole('group', { name: 'Roles that need a passkey or second factor' });
  await roles.getByLabel('Administrator', { exact: true }).check();
  await page.waitForLoadState('networkidle');
  const back = page.waitForResponse((r) => r.request().method() === 'GET' && r.url().includes('settings-updated=true'));
  await page.getByRole('button', { name: 'Save Changes' }).click();
  expect((await back).status()).toBe(200);
  await expect(page.locator('.notice-success')).toContainText('Settings saved.');
  await expect(roles.getByLabel('Administrator', { exact: true })).toBeChecked();
  expect(await phpJsonOut(stack, `echo wp_json_encode( workos_login_option( 'passkey_step_up_roles' ) );`)).toEqual([
    'administrator',
  ]);

  // From now on the emergency form refuses the administrator's password.
  const other = await browser.newContext({ baseURL: stack.wordpressUrl });
  const second = await other.newPage();
  await submitNativeLogin(second, 'admin', stack.adminPassword);
  await expect(second.locator('#login_error')).toBeVisible();
  expect(await loggedIn(second)).toBe(false);
  await other.close();
});
