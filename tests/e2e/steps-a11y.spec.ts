/**
 * Accessibility of every step as a visitor meets it on the real sign-in page (issue 4, across
 * all methods): axe finds no WCAG 2 A/AA violation, each step change focuses the new heading, and
 * a whole journey works from the keyboard alone.
 */
import { expect, signIn, test } from './fixtures.ts';
import {
  DEMO_PASSWORD,
  axeViolations,
  createFakeUser,
  denyConsent,
  emailCount,
  latestCode,
  loginOf,
  removeRateLimits,
  setRateLimits,
  uniqueEmail,
} from './flows.ts';
import { saveProfiles } from './profiles.ts';

// axe is injected as a script: let it past the sign-in page's Content-Security-Policy.
test.use({ bypassCSP: true });

const LOGIN = '/workos/login/all';

test.beforeEach(async ({ stack }) => {
  await saveProfiles(stack, {
    slug: 'all',
    methods: ['password', 'magic_code', 'oauth_google', 'oauth_microsoft', 'oauth_github', 'oauth_apple', 'sso'],
    signup: { enabled: true, require_invitation: false },
    password_reset: true,
    mfa: { enforce: 'if_required', factors: ['totp', 'sms'] },
  });
});

test('the first screen with every method, the SSO and reset views, and sign-up with its errors', async ({ page }) => {
  await page.goto(LOGIN);
  const login = loginOf(page);
  expect(await axeViolations(page)).toEqual([]);

  await login.getByRole('button', { name: 'Continue with SSO' }).click();
  await expect(login.getByRole('heading', { name: 'Sign in with SSO' })).toBeFocused();
  expect(await axeViolations(page)).toEqual([]);
  await login.getByRole('button', { name: 'Back to sign in' }).click();

  await login.getByRole('button', { name: 'Forgot password?' }).click();
  await expect(login.getByRole('heading', { name: 'Reset your password' })).toBeFocused();
  await login.getByLabel('Email').fill('grace@example.com');
  await login.getByLabel('Email').press('Enter');
  await expect(login.getByRole('heading', { name: 'Check your email' })).toBeFocused();
  expect(await axeViolations(page)).toEqual([]);
  await login.getByRole('button', { name: 'Back to sign in' }).click();

  await login.getByRole('button', { name: 'Create an account' }).click();
  await expect(login.getByRole('heading', { name: 'Create your account' })).toBeFocused();
  await login.getByRole('button', { name: 'Create account' }).click();
  await expect(login.getByLabel('First name')).toBeFocused();
  await login.getByLabel('First name').fill('Short');
  await login.getByLabel('Last name').fill('Password');
  await login.getByLabel('Email').fill(uniqueEmail('a11y'));
  await login.getByLabel('Password').fill('short1');
  await login.getByRole('button', { name: 'Create account' }).click();
  await expect(login.locator('#password-error li').first()).toBeVisible();
  await expect(login.getByLabel('Password')).toHaveAttribute('aria-describedby', /password-error/);
  expect(await axeViolations(page)).toEqual([]);
});

test('code, factor picker, enrolment with QR code, and organization steps', async ({ page, browser, stack }) => {
  const login = loginOf(page);
  // Emailed code.
  const before = await emailCount(stack, 'grace@example.com', 'magic_auth');
  await page.goto(LOGIN);
  await login.getByLabel('Email').fill('grace@example.com');
  await login.getByRole('button', { name: 'Email me a code' }).click();
  await expect(login.getByRole('heading', { name: 'Check your email' })).toBeFocused();
  await latestCode(stack, 'grace@example.com', 'magic_auth', before);
  expect(await axeViolations(page)).toEqual([]);

  // Factor picker, then the SMS code step.
  await page.goto(LOGIN);
  await signIn(page, 'olivia@example.com', DEMO_PASSWORD);
  await expect(login.getByRole('heading', { name: 'Two-step verification' })).toBeFocused();
  expect(await axeViolations(page)).toEqual([]);
  await login.getByRole('button', { name: /^Text message/ }).click();
  await expect(login.getByLabel('6-digit code')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  // Organization picker.
  await page.goto(LOGIN);
  await signIn(page, 'sam@example.com', DEMO_PASSWORD);
  await expect(login.getByRole('heading', { name: 'Choose an organization' })).toBeFocused();
  expect(await axeViolations(page)).toEqual([]);

  // Enrolment (a fresh user on a profile that always asks), with its QR code.
  const email = uniqueEmail('enrol');
  await createFakeUser(stack, email);
  await saveProfiles(stack, {
    slug: 'all',
    methods: ['password'],
    mfa: { enforce: 'always', factors: ['totp', 'sms'] },
  });
  const other = await browser.newContext({ baseURL: stack.wordpressUrl, bypassCSP: true });
  const second = await other.newPage();
  await second.goto(LOGIN);
  await signIn(second, email, DEMO_PASSWORD);
  const enrol = loginOf(second);
  await expect(enrol.getByRole('heading', { name: 'Set up two-step verification' })).toBeFocused();
  expect(await axeViolations(second)).toEqual([]);
  await enrol.getByRole('button', { name: 'Use an authenticator app' }).click();
  await expect(enrol.getByRole('heading', { name: 'Set up your authenticator app' })).toBeFocused();
  expect(await axeViolations(second)).toEqual([]);
  await other.close();
});

test('a rate limit’s countdown and the callback’s error page', async ({ page, stack }) => {
  await setRateLimits(stack, { email: { password: { max: 1, window: 600 } } });
  try {
    await page.goto(LOGIN);
    await signIn(page, 'grace@example.com', 'not-the-password');
    await expect(loginOf(page).getByRole('alert')).not.toBeEmpty();
    await signIn(page, 'grace@example.com', 'not-the-password');
    await expect(loginOf(page).getByRole('timer')).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  } finally {
    removeRateLimits(stack);
  }

  await page.goto(LOGIN);
  await loginOf(page).getByRole('button', { name: 'Continue with Google' }).click();
  await denyConsent(page);
  await expect(page.getByRole('alert')).toHaveText('Sign-in was cancelled.');
  expect(await axeViolations(page)).toEqual([]);
});

test('a whole journey by keyboard: email, "Email me a code", the code, signed in', async ({ page, stack }) => {
  const before = await emailCount(stack, 'ada@example.com', 'magic_auth');
  await page.goto(LOGIN);
  const login = loginOf(page);
  await login.getByLabel('Email').focus();
  await page.keyboard.type('ada@example.com');
  // Password, "Forgot password?", "Remember me", "Sign in", then "Email me a code".
  for (let i = 0; i < 5; i++) await page.keyboard.press('Tab');
  await expect(login.getByRole('button', { name: 'Email me a code' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(login.getByRole('heading', { name: 'Check your email' })).toBeFocused();
  const code = await latestCode(stack, 'ada@example.com', 'magic_auth', before);
  await page.keyboard.press('Tab');
  await expect(login.getByLabel('6-digit code')).toBeFocused();
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
  await page.waitForURL('**/wp-admin/**');
});
