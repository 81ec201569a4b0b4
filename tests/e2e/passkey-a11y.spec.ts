/**
 * Accessibility of the passkey states (issue 6) as people meet them: the first screen with "Sign in
 * with a passkey", its error, the "Sign in faster next time?" prompt, "Use your passkey" at the
 * second step, and the profile screen's "Passkeys" section (with a passkey, and asking for a
 * fresh sign-in). axe finds no WCAG 2 A/AA violation in any of them.
 */
import { DEMO_PASSWORD, expect, signIn, test } from './fixtures.ts';
import { axeViolations, loginOf } from './flows.ts';
import { MANAGE, PASSKEY_LOGIN, TEXT, ageSessions, usePasskeyProfile, withoutAutofill } from './passkeys.ts';
import { addVirtualAuthenticator, freshBrowserWith, onlyCredential } from './webauthn.ts';

// axe is injected as a script: let it past the sign-in page's Content-Security-Policy.
test.use({ bypassCSP: true });

test('the button, its error and the prompt on the sign-in page', async ({ page, stack }) => {
  await usePasskeyProfile(stack);
  await addVirtualAuthenticator(page);
  await withoutAutofill(page);
  await page.goto(PASSKEY_LOGIN);
  const login = loginOf(page);
  await expect(login.getByRole('button', { name: TEXT.signInButton })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  // No passkey in this browser: the error.
  await login.getByRole('button', { name: TEXT.signInButton }).click();
  await expect(login.getByRole('alert')).not.toBeEmpty();
  expect(await axeViolations(page)).toEqual([]);

  await signIn(page, 'grace@example.com', DEMO_PASSWORD);
  await expect(login.getByRole('heading', { name: TEXT.promptHeading })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});

test('“Use your passkey” at the second step, and the profile screen’s Passkeys section', async ({
  page,
  browser,
  stack,
}) => {
  await usePasskeyProfile(stack, { mfa: { enforce: 'always', factors: ['totp', 'webauthn'] } });
  const authenticator = await addVirtualAuthenticator(page);
  await page.goto(PASSKEY_LOGIN);
  await signIn(page, 'grace@example.com', DEMO_PASSWORD);
  const login = loginOf(page);
  await expect(login.getByRole('heading', { name: TEXT.enrollHeading })).toBeFocused();
  expect(await axeViolations(page)).toEqual([]);
  await login.getByRole('button', { name: TEXT.createPasskey }).click();
  await page.waitForURL('**/wp-admin/**');
  const credential = await onlyCredential(authenticator);

  // The profile screen, listing the passkey.
  await page.goto('/wp-admin/profile.php');
  await expect(page.locator('workos-passkeys [part~="table"] tbody tr')).toHaveCount(1);
  expect(await axeViolations(page, 'workos-passkeys')).toEqual([]);
  // And asking for a fresh sign-in before adding another.
  await ageSessions(stack, 'grace@example.com', 11);
  await page.reload();
  await expect(page.locator('workos-passkeys').getByRole('link', { name: MANAGE.passkeys_reauth_link })).toBeVisible();
  expect(await axeViolations(page, 'workos-passkeys')).toEqual([]);

  // The second step offering the passkey.
  const fresh = await freshBrowserWith(browser, stack, [credential], { bypassCSP: true });
  await withoutAutofill(fresh.page);
  await fresh.page.goto(PASSKEY_LOGIN);
  await signIn(fresh.page, 'grace@example.com', DEMO_PASSWORD);
  await expect(loginOf(fresh.page).getByRole('button', { name: TEXT.usePasskey })).toBeVisible();
  expect(await axeViolations(fresh.page)).toEqual([]);
  await fresh.context.close();
});
