/**
 * Password reset in the element (issue 4, flow 7): request (the same answer for every email) →
 * WordPress emails a link back to the profile with the token → new password → signed in when the
 * profile says `auto_sign_in_after_reset`, else back to sign-in with a notice. Users are made
 * fresh in the fake: a reset changes the password for the rest of the run.
 */
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures.ts';
import {
  DEMO_PASSWORD,
  api,
  auditEvents,
  createFakeUser,
  expireCodes,
  loggedIn,
  loginOf,
  mails,
  useLoginFailedProbe,
  resetLink,
  uniqueEmail,
} from './flows.ts';
import { saveProfiles } from './profiles.ts';

const NEW_PASSWORD = 'Quiet-Harbour-Lights-9';
const MISMATCH = 'That email and password don’t match. Check them and try again.';

const loginFailures = useLoginFailedProbe();

test.beforeEach(async ({ stack }) => {
  await saveProfiles(
    stack,
    { slug: 'reset', methods: ['password'], password_reset: true, auto_sign_in_after_reset: false },
    { slug: 'reset-auto', methods: ['password'], password_reset: true, auto_sign_in_after_reset: true },
    { slug: 'no-reset', methods: ['password'], password_reset: false },
  );
});

/** Asks for a reset link from the first screen of `slug`. */
async function requestReset(page: Page, slug: string, email: string): Promise<void> {
  await page.goto(`/workos/login/${slug}`);
  const login = loginOf(page);
  await login.getByRole('button', { name: 'Forgot password?' }).click();
  await expect(login.getByRole('heading', { name: 'Reset your password' })).toBeFocused();
  await login.getByLabel('Email').fill(email);
  await login.getByLabel('Email').press('Enter');
  await expect(login.getByRole('heading', { name: 'Check your email' })).toBeFocused();
  await expect(
    login.getByText(`If ${email} has an account here, a link to reset its password is on its way.`),
  ).toBeVisible();
}

/** Opens the emailed link and saves a new password. */
async function chooseNewPassword(page: Page, link: string, password = NEW_PASSWORD): Promise<void> {
  await page.goto(link);
  const login = loginOf(page);
  await expect(login.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  const field = login.getByLabel('New password', { exact: true });
  await expect(field).toHaveAttribute('autocomplete', 'new-password');
  await field.fill(password);
  await field.press('Enter');
}

test('the emailed link sets a new password; the profile asks to sign in again', async ({ page, browser, stack }) => {
  const email = uniqueEmail('forgetful');
  await createFakeUser(stack, email);
  await requestReset(page, 'reset', email);

  const link = await resetLink(stack, email);
  const url = new URL(link);
  expect(url.origin).toBe(stack.wordpressUrl);
  expect(url.pathname.replace(/\/$/, '')).toBe('/workos/login/reset');
  expect(mails(stack, email).at(-1)?.subject).toContain('Reset your password');

  await chooseNewPassword(page, link);
  const login = loginOf(page);
  await expect(login.getByRole('status')).toHaveText('Your password was changed. Sign in with your new password.');
  await expect(login.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  expect(await loggedIn(page)).toBe(false);

  await signIn(page, email, NEW_PASSWORD);
  await page.waitForURL('**/wp-admin/**');
  expect((await auditEvents(stack)).map((e) => e.event)).toContain('password_reset');

  // The old password no longer works.
  const other = await browser.newContext({ baseURL: stack.wordpressUrl });
  const old = await other.newPage();
  await old.goto('/workos/login/reset');
  await signIn(old, email, DEMO_PASSWORD);
  await expect(loginOf(old).getByRole('alert')).toHaveText(MISMATCH);
  await other.close();
});

test('with auto sign-in, saving the new password signs the visitor in', async ({ page, stack }) => {
  const email = uniqueEmail('auto');
  await createFakeUser(stack, email);
  await requestReset(page, 'reset-auto', email);
  await chooseNewPassword(page, await resetLink(stack, email));
  await page.waitForURL('**/wp-admin/**');
  expect(await loggedIn(page)).toBe(true);
});

test('a used link is refused and reported; a weak password shows the policy problems', async ({ page, stack }) => {
  const email = uniqueEmail('twice');
  await createFakeUser(stack, email);
  await requestReset(page, 'reset', email);
  const link = await resetLink(stack, email);

  await chooseNewPassword(page, link, 'short1');
  const login = loginOf(page);
  await expect(login.getByRole('alert')).toHaveText('That password can’t be used. Choose another one.');
  await expect(login.locator('#password-error li').first()).toHaveText('Use a longer password.');
  await expect(login.getByLabel('New password', { exact: true })).toBeFocused();

  await login.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
  await login.getByLabel('New password', { exact: true }).press('Enter');
  await expect(login.getByRole('status')).toHaveText('Your password was changed. Sign in with your new password.');

  await chooseNewPassword(page, link, 'Another-Fine-Password-7');
  await expect(login.getByRole('alert')).toHaveText(
    'This reset link has expired or was already used. Request a new one.',
  );
  expect(await loginFailures()).toContain('reset_invalid');
  // "Request a new link" goes back to the request form.
  await login.getByRole('button', { name: 'Request a new link' }).click();
  await expect(login.getByRole('heading', { name: 'Reset your password' })).toBeFocused();
});

test('an expired link is refused with the way forward, and signs no one in', async ({ page, stack }) => {
  const email = uniqueEmail('late');
  await createFakeUser(stack, email);
  await requestReset(page, 'reset', email);
  const link = await resetLink(stack, email);
  await expireCodes(stack, email);

  await chooseNewPassword(page, link);
  const login = loginOf(page);
  await expect(login.getByRole('alert')).toHaveText(
    'This reset link has expired or was already used. Request a new one.',
  );
  expect(await loginFailures()).toContain('reset_invalid');
  expect(await loggedIn(page)).toBe(false);
  await expect(login.getByRole('button', { name: 'Request a new link' })).toBeVisible();
});

test('an unknown email gets the same answer and no email', async ({ page, stack }) => {
  const email = uniqueEmail('ghost');
  // The reset email goes out after the answer (see the next test): a mark, left once the reset
  // request's work after its answer is done, is the state to wait for before checking the mail.
  const muPlugin = join(stack.site.docroot, 'wp-content/mu-plugins/e2e-request-done.php');
  const done = join(stack.site.dir, 'e2e-reset-request-done');
  rmSync(done, { force: true });
  writeFileSync(
    muPlugin,
    `<?php add_filter( 'rest_pre_serve_request', function ( $served, $result, $request ) {
      if ( str_ends_with( $request->get_route(), '/auth/reset_request' ) ) {
        add_action( 'shutdown', function () { touch( ${JSON.stringify(done)} ); }, PHP_INT_MAX );
      }
      return $served;
    }, 0, 3 );\n`,
  );
  try {
    await requestReset(page, 'reset', email);
    await expect.poll(() => existsSync(done)).toBe(true);
    expect(mails(stack, email)).toHaveLength(0);
  } finally {
    rmSync(muPlugin, { force: true });
    rmSync(done, { force: true });
  }
});

test('a profile without resets offers none and refuses the route', async ({ page }) => {
  // A reset link does not open the new-password form there either.
  await page.goto('/workos/login/no-reset?reset_token=some-token');
  await expect(loginOf(page).getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(loginOf(page).getByRole('button', { name: 'Forgot password?' })).toHaveCount(0);
  const answer = await api(page, 'reset_request', { profile: 'no-reset', email: 'grace@example.com' });
  expect(answer.status).toBe(403);
  expect(answer.body).toMatchObject({ type: 'error', code: 'method_disabled' });
});

test('the answer leaves before the reset email is sent: a slow mail server cannot tell who has an account', async ({
  page,
  stack,
}) => {
  const email = uniqueEmail('slow-mail');
  await createFakeUser(stack, email);
  // A mail server that does not answer until the test says so.
  const muDir = join(stack.site.docroot, 'wp-content/mu-plugins');
  const held = join(stack.site.dir, 'e2e-mail-held');
  const release = join(stack.site.dir, 'e2e-mail-release');
  rmSync(held, { force: true });
  rmSync(release, { force: true });
  writeFileSync(
    join(muDir, 'e2e-slow-mail.php'),
    `<?php add_filter( 'workos_login_reset_email', function ( $mail ) {
      touch( ${JSON.stringify(held)} );
      for ( $i = 0; $i < 600 && ! file_exists( ${JSON.stringify(release)} ); $i++ ) { usleep( 50000 ); }
      return $mail;
    } );\n`,
  );
  try {
    await page.goto('/workos/login/reset');
    const answer = await api(page, 'reset_request', { profile: 'reset', email });
    expect(answer.body).toMatchObject({ type: 'step', step: 'reset_sent' });
    // The answer is in while the mail is still held: the email goes out after it.
    await expect.poll(() => existsSync(held)).toBe(true);
    expect(mails(stack, email)).toHaveLength(0);
    writeFileSync(release, '');
    await expect.poll(() => mails(stack, email).length).toBe(1);
  } finally {
    writeFileSync(release, '');
    rmSync(join(muDir, 'e2e-slow-mail.php'), { force: true });
  }
});
