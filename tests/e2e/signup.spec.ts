/**
 * Sign-up (issue 4, flow 5): name, email and password with WorkOS's password policy shown
 * inline; `email_verification_required` → the code step → signed in. An existing email gets the
 * same step (a code to its inbox); `require_invitation` refuses uninvited emails.
 */
import type { Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures.ts';
import {
  DEMO_PASSWORD,
  api,
  auditEvents,
  emailCount,
  enterCode,
  fakeUser,
  latestCode,
  loggedIn,
  loginOf,
  useLoginFailedProbe,
  uniqueEmail,
  wpUser,
  wrongCode,
} from './flows.ts';
import { saveProfiles } from './profiles.ts';

const LOGIN = '/workos/login/join';
const STRONG = 'Purple-Otter-Sings-42';

const loginFailures = useLoginFailedProbe();

test.beforeEach(async ({ stack }) => {
  await saveProfiles(
    stack,
    { slug: 'join', methods: ['password'], signup: { enabled: true, require_invitation: false } },
    { slug: 'invite-only', methods: ['password'], signup: { enabled: true, require_invitation: true } },
  );
});

/** Opens the sign-up form from the first screen and fills it in. */
async function fillSignup(page: Page, email: string, password: string, path = LOGIN): Promise<void> {
  await page.goto(path);
  const login = loginOf(page);
  await login.getByRole('button', { name: 'Create an account' }).click();
  await expect(login.getByRole('heading', { name: 'Create your account' })).toBeFocused();
  await login.getByLabel('First name').fill('Hedy');
  await login.getByLabel('Last name').fill('Lamarr');
  await login.getByLabel('Email').fill(email);
  await login.getByLabel('Password').fill(password);
  await expect(login.getByLabel('Password')).toHaveAttribute('autocomplete', 'new-password');
}

const submitSignup = (page: Page) => loginOf(page).getByRole('button', { name: 'Create account' }).click();

test('a new visitor creates an account, verifies the email and is signed in', async ({ page, stack }) => {
  const email = uniqueEmail('hedy');
  await fillSignup(page, email, STRONG);
  await loginOf(page).getByLabel('Password').press('Enter');
  const login = loginOf(page);
  await expect(login.getByRole('heading', { name: 'Verify your email' })).toBeFocused();
  await expect(login.getByText(`Enter the 6-digit code we sent to ${email}.`)).toBeVisible();
  expect((await fakeUser(stack, email))?.email_verified).toBe(false);
  expect(await loggedIn(page)).toBe(false);

  const code = await latestCode(stack, email, 'email_verification');
  await enterCode(page, wrongCode(code));
  await expect(login.getByRole('alert')).toHaveText('That code is wrong or has expired. Check it and try again.');
  expect(await loginFailures()).toContain('invalid_code');
  await enterCode(page, code);
  await page.waitForURL('**/wp-admin/**');

  expect((await fakeUser(stack, email))?.email_verified).toBe(true);
  const user = await wpUser(stack, email);
  expect(user?.first).toBe('Hedy');
  expect(user?.sessions).toBe(1);
  expect((await auditEvents(stack)).map((e) => e.event)).toEqual(expect.arrayContaining(['signup', 'login']));
});

test('WorkOS’s password policy problems show under the password, and nothing is created', async ({ page, stack }) => {
  const email = uniqueEmail('weak');
  await fillSignup(page, email, 'short1');
  await submitSignup(page);
  const login = loginOf(page);
  const password = login.getByLabel('Password');
  await expect(login.getByRole('alert')).toHaveText('That password can’t be used. Choose another one.');
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  // Each problem WorkOS named is listed under the field (a short password may be weak as well).
  await expect(login.locator('#password-error li').first()).toHaveText('Use a longer password.');
  await expect(password).toBeFocused();
  await expect(password).toHaveValue('short1');

  await password.fill('Password123!');
  await submitSignup(page);
  await expect(login.locator('#password-error li')).toContainText([
    'This password has appeared in a data breach. Choose another one.',
  ]);
  expect(await fakeUser(stack, email)).toBeNull();
  expect(await wpUser(stack, email)).toBeNull();

  // A good password goes on to the verification step.
  await password.fill(STRONG);
  await submitSignup(page);
  await expect(login.getByRole('heading', { name: 'Verify your email' })).toBeFocused();
});

test('an email that already has an account gets the same step, and its code signs that account in', async ({
  page,
  stack,
}) => {
  const before = await emailCount(stack, 'grace@example.com', 'magic_auth');
  await fillSignup(page, 'grace@example.com', STRONG);
  await submitSignup(page);
  const login = loginOf(page);
  await expect(login.getByRole('heading', { name: 'Verify your email' })).toBeFocused();
  await expect(login.getByText('Enter the 6-digit code we sent to grace@example.com.')).toBeVisible();
  await enterCode(page, await latestCode(stack, 'grace@example.com', 'magic_auth', before));
  await page.waitForURL('**/wp-admin/**');
  // Her password did not change.
  const other = await page.context().browser()!.newContext({ baseURL: stack.wordpressUrl });
  const again = await other.newPage();
  await again.goto('/workos/login/default');
  await signIn(again, 'grace@example.com', DEMO_PASSWORD);
  await again.waitForURL('**/wp-admin/**');
  await other.close();
});

test('an unverified account signing in with its password verifies its email first', async ({ page, stack }) => {
  const before = await emailCount(stack, 'vera@example.com', 'email_verification');
  await page.goto('/workos/login/default');
  await signIn(page, 'vera@example.com', DEMO_PASSWORD);
  await expect(loginOf(page).getByRole('heading', { name: 'Verify your email' })).toBeFocused();
  await enterCode(page, await latestCode(stack, 'vera@example.com', 'email_verification', before));
  await page.waitForURL('**/wp-admin/**');
  expect((await wpUser(stack, 'vera@example.com'))?.sessions).toBe(1);
});

test('an invitation-only profile refuses uninvited emails, new or existing', async ({ page, stack }) => {
  const email = uniqueEmail('uninvited');
  await fillSignup(page, email, STRONG, '/workos/login/invite-only');
  const answer = page.waitForResponse('**/auth/signup');
  await submitSignup(page);
  expect((await answer).status()).toBe(403);
  await expect(loginOf(page).getByRole('alert')).toHaveText('Signing up here needs an invitation.');
  expect(await fakeUser(stack, email)).toBeNull();

  const existing = await api(page, 'signup', {
    profile: 'invite-only',
    email: 'grace@example.com',
    password: STRONG,
    first_name: 'Grace',
    last_name: 'Hopper',
  });
  expect(existing.status).toBe(403);
  expect(existing.body).toMatchObject({ type: 'error', code: 'invitation_required' });
  expect(await loginFailures()).toContain('invitation_required');
});

test('sign-up is offered only where the profile enables it', async ({ page }) => {
  await page.goto('/workos/login/default');
  await expect(loginOf(page).getByRole('button', { name: 'Create an account' })).toHaveCount(0);
  const answer = await api(page, 'signup', {
    email: uniqueEmail('closed'),
    password: STRONG,
    first_name: 'A',
    last_name: 'B',
  });
  expect(answer.status).toBe(403);
  expect(answer.body).toMatchObject({ type: 'error', code: 'method_disabled' });
});
