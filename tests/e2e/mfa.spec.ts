/**
 * Multi-factor authentication (issue 4, flow 8): WorkOS's `mfa_challenge` and `mfa_enrollment`
 * answers in the element — a TOTP challenge, a factor picker (with SMS), enrolment of TOTP (QR
 * code and key shown) and SMS, the profile's `always` policy and its factor allowlist.
 */
import type { Page } from '@playwright/test';
import { expect, signIn, signInAsAdmin, test } from './fixtures.ts';
import {
  DEMO_PASSWORD,
  MIA_TOTP,
  OLIVIA_PHONE,
  OLIVIA_TOTP,
  auditEvents,
  consentAs,
  createFakeUser,
  enterCode,
  fakeSms,
  flipChar,
  loggedIn,
  loginOf,
  useLoginFailedProbe,
  resetFake,
  tamperNextFlow,
  totp,
  uniqueEmail,
  wrongCode,
} from './flows.ts';
import { saveProfiles, type ProfileInput } from './profiles.ts';

const LOGIN = '/workos/login/mfa';
const WRONG = 'That code is wrong or has expired. Check it and try again.';
const NOT_ALLOWED = 'Your account’s two-step verification can’t be used here. Contact the site’s administrator.';

const loginFailures = useLoginFailedProbe();

const useProfile = (
  stack: Parameters<typeof saveProfiles>[0],
  mfa: ProfileInput['mfa'],
  more: Partial<ProfileInput> = {},
) => saveProfiles(stack, { slug: 'mfa', methods: ['password', 'oauth_google'], mfa, ...more });

async function passwordSignIn(page: Page, email: string): Promise<void> {
  await page.goto(LOGIN);
  await signIn(page, email, DEMO_PASSWORD);
}

const heading = (page: Page, name: string) => loginOf(page).getByRole('heading', { name });

test('a TOTP challenge: a wrong code is refused and reported, the right one signs in', async ({ page, stack }) => {
  await useProfile(stack, { enforce: 'if_required', factors: ['totp'] });
  await passwordSignIn(page, 'mia@example.com');
  await expect(heading(page, 'Two-step verification')).toBeFocused();
  const login = loginOf(page);
  await expect(login.getByText('Enter the 6-digit code from your authenticator app.')).toBeVisible();

  await enterCode(page, wrongCode(totp(MIA_TOTP)));
  await expect(login.getByRole('alert')).toHaveText(WRONG);
  await expect(login.getByLabel('6-digit code')).toBeFocused();
  expect(await loggedIn(page)).toBe(false);
  expect(await loginFailures()).toContain('invalid_code');
  expect((await auditEvents(stack)).map((e) => e.event)).toContain('mfa_challenge_failed');

  await enterCode(page, totp(MIA_TOTP));
  await page.waitForURL('**/wp-admin/**');
});

test('several factors: a picker, an SMS code, and switching to the authenticator app', async ({ page, stack }) => {
  await useProfile(stack, { enforce: 'if_required', factors: ['totp', 'sms'] });
  const before = (await fakeSms(stack, OLIVIA_PHONE)).length;
  await passwordSignIn(page, 'olivia@example.com');
  await expect(heading(page, 'Two-step verification')).toBeFocused();
  const login = loginOf(page);
  const choices = login.getByRole('group', { name: 'Choose how to confirm it’s you.' });
  await expect(choices.getByRole('button')).toHaveText([
    'Authenticator app',
    'Text message to the phone ending in 0123',
  ]);

  await choices.getByRole('button', { name: 'Text message to the phone ending in 0123' }).click();
  await expect(login.getByText('Enter the 6-digit code we texted to the phone ending in 0123.')).toBeVisible();
  await expect.poll(async () => (await fakeSms(stack, OLIVIA_PHONE)).length).toBeGreaterThan(before);

  // Changed their mind: the authenticator app instead.
  await login
    .getByRole('group', { name: 'Use another method' })
    .getByRole('button', { name: 'Authenticator app' })
    .click();
  await expect(login.getByText('Enter the 6-digit code from your authenticator app.')).toBeVisible();
  await enterCode(page, totp(OLIVIA_TOTP));
  await page.waitForURL('**/wp-admin/**');
});

test('an SMS code signs in', async ({ page, stack }) => {
  await useProfile(stack, { enforce: 'if_required', factors: ['totp', 'sms'] });
  const before = (await fakeSms(stack, OLIVIA_PHONE)).length;
  await passwordSignIn(page, 'olivia@example.com');
  await loginOf(page).getByRole('button', { name: 'Text message to the phone ending in 0123' }).click();
  await expect.poll(async () => (await fakeSms(stack, OLIVIA_PHONE)).length).toBeGreaterThan(before);
  await enterCode(page, (await fakeSms(stack, OLIVIA_PHONE))[0].code);
  await page.waitForURL('**/wp-admin/**');
});

test('the allowlist: only allowed factors are offered; none allowed is refused', async ({ page, browser, stack }) => {
  // Olivia has TOTP and SMS; the profile allows TOTP only: challenged at once, nothing to switch to.
  await useProfile(stack, { enforce: 'if_required', factors: ['totp'] });
  await passwordSignIn(page, 'olivia@example.com');
  const login = loginOf(page);
  await expect(login.getByText('Enter the 6-digit code from your authenticator app.')).toBeVisible();
  await expect(login.getByRole('button', { name: /Text message/ })).toHaveCount(0);

  // Mia has TOTP only; a profile allowing SMS only refuses her.
  await useProfile(stack, { enforce: 'if_required', factors: ['sms'] });
  const other = await browser.newContext({ baseURL: stack.wordpressUrl });
  const second = await other.newPage();
  await passwordSignIn(second, 'mia@example.com');
  await expect(loginOf(second).getByRole('alert')).toHaveText(NOT_ALLOWED);
  expect(await loggedIn(second)).toBe(false);
  expect(await loginFailures()).toContain('mfa_not_allowed');
  await other.close();
});

test.describe('enrolment', () => {
  // Noah enrols a factor; afterwards WorkOS challenges him instead: start from the seed each time.
  test.beforeEach(async ({ stack }) => resetFake(stack));
  test.afterAll(async ({ stack }) => resetFake(stack));

  test('an authenticator app: the QR code and the key are shown, the app’s code signs in', async ({ page, stack }) => {
    await useProfile(stack, { enforce: 'if_required', factors: ['totp'] });
    await passwordSignIn(page, 'noah@example.com');
    await expect(heading(page, 'Set up two-step verification')).toBeFocused();
    const login = loginOf(page);
    await login.getByRole('button', { name: 'Use an authenticator app' }).click();
    await expect(heading(page, 'Set up your authenticator app')).toBeFocused();
    await expect(login.getByRole('img', { name: 'QR code for your authenticator app' })).toHaveAttribute(
      'src',
      /^data:image\/(png|svg\+xml)/,
    );
    const secret = (await login.locator('[part~="secret"]').innerText()).replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);

    await enterCode(page, wrongCode(totp(secret)));
    await expect(login.getByRole('alert')).toHaveText(WRONG);
    await enterCode(page, totp(secret));
    await page.waitForURL('**/wp-admin/**');
    expect((await auditEvents(stack)).map((e) => e.event)).toContain('mfa_enrolled');
  });

  test('a text message to a phone number', async ({ page, stack }) => {
    await useProfile(stack, { enforce: 'if_required', factors: ['sms', 'totp'] });
    await passwordSignIn(page, 'noah@example.com');
    const login = loginOf(page);
    await expect(heading(page, 'Set up two-step verification')).toBeFocused();
    const phone = '+15555550177';
    await login.getByLabel('Mobile phone number').fill('+1 555 555 0177');
    await login.getByLabel('Mobile phone number').press('Enter');
    await expect(login.getByText('Enter the 6-digit code we texted to the phone ending in 0177.')).toBeVisible();
    await expect.poll(async () => (await fakeSms(stack, phone)).length).toBeGreaterThan(0);
    await enterCode(page, (await fakeSms(stack, phone))[0].code);
    await page.waitForURL('**/wp-admin/**');
  });

  test('no allowed type to enrol is refused', async ({ page, stack }) => {
    await useProfile(stack, { enforce: 'if_required', factors: ['webauthn'] });
    await passwordSignIn(page, 'noah@example.com');
    await expect(loginOf(page).getByRole('alert')).toHaveText(NOT_ALLOWED);
    expect(await loggedIn(page)).toBe(false);
  });
});

test('profile “always”: a user without a factor enrols before signing in', async ({ page, stack }) => {
  const email = uniqueEmail('always');
  await createFakeUser(stack, email);
  await useProfile(stack, { enforce: 'always', factors: ['totp'] });
  await passwordSignIn(page, email);
  await expect(heading(page, 'Set up two-step verification')).toBeFocused();
  expect(await loggedIn(page)).toBe(false);
  await loginOf(page).getByRole('button', { name: 'Use an authenticator app' }).click();
  const secret = (await loginOf(page).locator('[part~="secret"]').innerText()).replace(/\s/g, '');
  await enterCode(page, totp(secret));
  await page.waitForURL('**/wp-admin/**');
});

test('profile “never” adds nothing for a user without a factor', async ({ page, stack }) => {
  await useProfile(stack, { enforce: 'never', factors: ['totp'] });
  await passwordSignIn(page, 'grace@example.com');
  await page.waitForURL('**/wp-admin/**');
});

test('profile “never”: the editor keeps WorkOS’s factors on, and WorkOS’s requirement still applies with them', async ({
  page,
  browser,
  stack,
}) => {
  await useProfile(stack, { enforce: 'never', factors: ['totp'] });
  await signInAsAdmin(page, stack);
  await page.goto('/wp-admin/admin.php?page=workos-login&profile=mfa');
  const enforce = page.getByLabel('Multi-factor authentication');
  await expect(enforce).toHaveValue('never');
  const factors = page.getByRole('group', { name: 'Second factors offered' });
  await expect(factors.getByLabel('Authenticator app (TOTP)')).toBeEnabled();
  await expect(factors.getByLabel('Text message (SMS)')).toBeEnabled();
  // A passkey of this site serves only a second factor this site asks for itself.
  await expect(factors.getByLabel('Security key or passkey (WebAuthn)')).toBeDisabled();
  await enforce.selectOption('always');
  await expect(factors.getByLabel('Security key or passkey (WebAuthn)')).toBeEnabled();

  // WorkOS requires MFA of Mia: “never” still challenges her, with the allowed factor.
  const visitor = await browser.newContext({ baseURL: stack.wordpressUrl });
  const second = await visitor.newPage();
  await passwordSignIn(second, 'mia@example.com');
  await expect(heading(second, 'Two-step verification')).toBeFocused();
  await enterCode(second, totp(MIA_TOTP));
  await second.waitForURL('**/wp-admin/**');
  await visitor.close();
});

test('a tampered flow at the code asks to start again', async ({ page, stack }) => {
  await useProfile(stack, { enforce: 'if_required', factors: ['totp'] });
  await passwordSignIn(page, 'mia@example.com');
  await expect(heading(page, 'Two-step verification')).toBeFocused();
  await tamperNextFlow(page, 'mfa_verify', flipChar);
  await enterCode(page, totp(MIA_TOTP));
  await expect(loginOf(page).getByRole('alert')).toHaveText('This sign-in took too long. Start again.');
  expect(await loggedIn(page)).toBe(false);
});

test('after social sign-in, the profile page resumes at the MFA step, keeping “Remember me”', async ({
  page,
  stack,
}) => {
  await useProfile(stack, { enforce: 'if_required', factors: ['totp'] });
  await page.goto(`${LOGIN}?redirect_to=${encodeURIComponent('/sample-page/')}`);
  await loginOf(page).getByLabel('Remember me').check();
  await loginOf(page).getByRole('button', { name: 'Continue with Google' }).click();
  await consentAs(page, 'mia@example.com');
  await page.waitForURL((url) => url.pathname === '/workos/callback');
  await expect(heading(page, 'Two-step verification')).toBeVisible();
  await enterCode(page, totp(MIA_TOTP));
  await page.waitForURL((url) => url.pathname === '/sample-page/');
  expect(await auditEvents(stack)).toContainEqual(expect.objectContaining({ event: 'login', method: 'oauth_google' }));
  // The choice made before the trip through WorkOS holds for the step after it.
  const cookie = (await page.context().cookies()).find((c) => c.name.startsWith('wordpress_logged_in'));
  expect(cookie!.expires).toBeGreaterThan(Date.now() / 1000 + 7 * 24 * 3600);
});
