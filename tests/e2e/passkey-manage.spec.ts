/**
 * Managing passkeys (issue 6): "Not now" on the post-sign-in prompt, the "Passkeys" section of the
 * WordPress profile screen (`<workos-passkeys>`: add, list, rename, delete — deleting tells the
 * authenticator through the Signal API), the recent-sign-in rule for adding one, and what
 * administrators see and do: the Users list column, removing a user's passkeys (audited), and a
 * deleted user's passkeys going with them.
 */
import type { Locator, Page } from '@playwright/test';
import { restAs } from './admin.ts';
import { DEMO_PASSWORD, expect, signIn, signInAsAdmin, test } from './fixtures.ts';
import { loginOf, wpUser } from './flows.ts';
import {
  MANAGE,
  PASSKEY_LOGIN,
  TEXT,
  ageSessions,
  passkeyAudit,
  passkeysOf,
  registerViaPrompt,
  usePasskeyProfile,
} from './passkeys.ts';
import { phpJsonOut, saveProfiles } from './profiles.ts';
import { addVirtualAuthenticator } from './webauthn.ts';

const PASSKEYS = '/wp-json/workos/v1/passkeys';

test.beforeEach(async ({ stack }) => usePasskeyProfile(stack));

/** The "Passkeys" section's element on a profile screen. */
const manager = (page: Page): Locator => page.locator('workos-passkeys');

/** Signs in with the password and answers the prompt with "Not now". */
async function signInDeclining(page: Page, email: string): Promise<void> {
  await page.goto(PASSKEY_LOGIN);
  await signIn(page, email, DEMO_PASSWORD);
  const login = loginOf(page);
  await expect(login.getByRole('heading', { name: TEXT.promptHeading })).toBeVisible();
  await login.getByRole('button', { name: TEXT.promptDismiss }).click();
  await page.waitForURL('**/wp-admin/**');
}

/**
 * The rows of the element's table (not those of the list PHP prints in its light DOM for the time
 * before the element upgrades).
 */
const rows = (section: Locator): Locator => section.locator('[part~="table"] tbody tr');

/** Answers the element's own confirmation ("Delete this passkey?", "Remove all …?"). */
const confirm = (section: Locator, button: string) =>
  section.getByRole('group').getByRole('button', { name: button, exact: true }).click();

test('“Not now” is remembered: the next sign-in does not ask again', async ({ page, browser, stack }) => {
  await signInDeclining(page, 'grace@example.com');
  const until = await phpJsonOut<string>(
    stack,
    `echo wp_json_encode( get_user_meta( get_user_by( 'email', 'grace@example.com' )->ID, '_workos_passkey_prompt_until', true ) );`,
  );
  // About 30 days from now (the default snooze).
  const days = (Number(until) * 1000 - Date.now()) / 86_400_000;
  expect(days).toBeGreaterThan(29);
  expect(days).toBeLessThan(31);

  const other = await browser.newContext({ baseURL: stack.wordpressUrl });
  const second = await other.newPage();
  await second.goto(PASSKEY_LOGIN);
  await signIn(second, 'grace@example.com', DEMO_PASSWORD);
  await second.waitForURL('**/wp-admin/**');
  await other.close();
});

test('the profile screen adds, lists, renames and deletes a passkey; deleting it tells the authenticator', async ({
  page,
  stack,
}) => {
  const authenticator = await addVirtualAuthenticator(page);
  await signInDeclining(page, 'grace@example.com');
  await page.goto('/wp-admin/profile.php');
  const section = manager(page);
  await expect(section.getByRole('heading', { name: MANAGE.passkeys_heading })).toBeVisible();
  await expect(section.locator('[part~="empty"]')).toHaveText(MANAGE.passkeys_empty);
  await section.getByRole('button', { name: MANAGE.passkeys_add }).click();
  await expect(section.getByRole('status')).toHaveText(MANAGE.passkeys_added);

  await expect.poll(async () => (await passkeysOf(stack, 'grace@example.com')).length).toBe(1);
  expect(await authenticator.credentials()).toHaveLength(1);
  const [stored] = await passkeysOf(stack, 'grace@example.com');
  await expect(rows(section)).toHaveCount(1);
  await expect(rows(section).getByRole('rowheader')).toHaveText(stored.name);
  await expect(rows(section)).toContainText(MANAGE.passkeys_never_used);
  expect(await passkeyAudit(stack)).toContainEqual(
    expect.objectContaining({ event: 'passkey_registered', email: 'grace@example.com' }),
  );

  // Rename.
  await section.getByRole('button', { name: MANAGE.passkeys_rename }).click();
  const name = section.getByRole('textbox', { name: MANAGE.passkeys_name_label });
  await expect(name).toBeFocused();
  await name.fill('Work laptop');
  await name.press('Enter');
  await expect(section.getByRole('status')).toHaveText(MANAGE.passkeys_renamed);
  await expect(rows(section).getByRole('rowheader')).toHaveText('Work laptop');
  expect((await passkeysOf(stack, 'grace@example.com'))[0].name).toBe('Work laptop');
  await page.reload();
  await expect(rows(manager(page)).getByRole('rowheader')).toHaveText('Work laptop');

  // Delete: gone from WordPress, and the Signal API removes it from the authenticator.
  await manager(page).getByRole('button', { name: MANAGE.passkeys_delete }).click();
  await confirm(manager(page), MANAGE.passkeys_delete);
  await expect(manager(page).getByRole('status')).toHaveText(MANAGE.passkeys_deleted);
  await expect(rows(manager(page))).toHaveCount(0);
  expect(await passkeysOf(stack, 'grace@example.com')).toEqual([]);
  await expect.poll(async () => (await authenticator.credentials()).length).toBe(0);
  expect(await passkeyAudit(stack)).toContainEqual(
    expect.objectContaining({ event: 'passkey_removed', email: 'grace@example.com' }),
  );

  // Nobody lists another user's passkeys without edit_user on them.
  const api = await restAs(page);
  expect((await api('GET', `${PASSKEYS}?user=1`)).status).toBe(403);
});

test('a passkey removed elsewhere leaves the authenticator when the owner opens the profile screen', async ({
  page,
  stack,
}) => {
  const authenticator = await addVirtualAuthenticator(page);
  await registerViaPrompt(page, 'grace@example.com');
  await page.waitForURL('**/wp-admin/**');
  expect(await authenticator.credentials()).toHaveLength(1);
  await stack.site.php(`global $wpdb; $wpdb->query( "DELETE FROM {$wpdb->prefix}workos_login_passkeys" );`);
  // signalAllAcceptedCredentials with the (now empty) list.
  await page.goto('/wp-admin/profile.php');
  await expect.poll(async () => (await authenticator.credentials()).length).toBe(0);
});

test('adding a passkey needs a recent sign-in', async ({ page, stack }) => {
  await addVirtualAuthenticator(page);
  await signInDeclining(page, 'grace@example.com');
  await ageSessions(stack, 'grace@example.com', 11);
  await page.goto('/wp-admin/profile.php');
  const section = manager(page);
  const again = section.getByRole('link', { name: MANAGE.passkeys_reauth_link });
  await expect(again).toBeVisible();
  await expect(section.getByText(MANAGE.passkeys_reauth)).toBeVisible();
  await expect(section.getByRole('button', { name: MANAGE.passkeys_add })).toHaveCount(0);

  const api = await restAs(page);
  const refused = await api('POST', `${PASSKEYS}/register/options`);
  expect(refused.status).toBe(403);
  expect(refused.body.code).toBe('reauth_required');
  expect(refused.body.data.reauth_url).toEqual(expect.any(String));

  // Signing in again makes it possible.
  await again.click();
  await signIn(page, 'grace@example.com', DEMO_PASSWORD);
  await page.waitForURL('**/wp-admin/profile.php');
  await manager(page).getByRole('button', { name: MANAGE.passkeys_add }).click();
  await expect(manager(page).getByRole('status')).toHaveText(MANAGE.passkeys_added);
  await expect.poll(async () => (await passkeysOf(stack, 'grace@example.com')).length).toBe(1);
});

/** The text of `header`'s cell in the Users list row of `email`. */
async function usersListCell(page: Page, email: string, header: string): Promise<string> {
  const headers = await page.locator('table.wp-list-table thead tr > *').allInnerTexts();
  const index = headers.findIndex((h) => h.trim() === header);
  expect(index, `column “${header}”`).toBeGreaterThan(-1);
  const row = page.locator('table.wp-list-table tbody tr', { hasText: email });
  return (await row.locator('> *').nth(index).innerText()).trim();
}

test('administrators see each user’s passkey count and remove a user’s passkeys', async ({ page, browser, stack }) => {
  await addVirtualAuthenticator(page);
  await registerViaPrompt(page, 'ada@example.com');
  await page.waitForURL('**/wp-admin/**');
  const graceContext = await browser.newContext({ baseURL: stack.wordpressUrl });
  await signInDeclining(await graceContext.newPage(), 'grace@example.com');
  await graceContext.close();
  const ada = (await wpUser(stack, 'ada@example.com'))!;

  const adminContext = await browser.newContext({ baseURL: stack.wordpressUrl });
  const admin = await adminContext.newPage();
  await signInAsAdmin(admin, stack);
  await admin.goto('/wp-admin/users.php');
  expect(await usersListCell(admin, 'ada@example.com', 'Passkeys')).toBe('1');
  // None: a dash, and "None" for screen readers.
  expect(await usersListCell(admin, 'grace@example.com', 'Passkeys')).toMatch(/^—\s*None$/);

  await admin.goto(`/wp-admin/user-edit.php?user_id=${ada.id}`);
  const section = manager(admin);
  await expect(rows(section)).toHaveCount(1);
  // Adding is for the owner only.
  await expect(section.getByRole('button', { name: MANAGE.passkeys_add })).toHaveCount(0);
  await section.getByRole('button', { name: MANAGE.passkeys_remove_all }).click();
  await confirm(section, MANAGE.passkeys_remove_all);
  await expect(section.getByRole('status')).toHaveText(MANAGE.passkeys_removed.replace('{count}', '1'));
  await expect(rows(section)).toHaveCount(0);
  expect(await passkeysOf(stack, 'ada@example.com')).toEqual([]);
  expect(await passkeyAudit(stack)).toContainEqual(expect.objectContaining({ event: 'passkey_removed' }));

  await admin.goto('/wp-admin/users.php');
  expect(await usersListCell(admin, 'ada@example.com', 'Passkeys')).toMatch(/^—\s*None$/);
  await adminContext.close();
});

test('deleting a WordPress user deletes its passkeys', async ({ page, stack }) => {
  await addVirtualAuthenticator(page);
  await registerViaPrompt(page, 'grace@example.com');
  await page.waitForURL('**/wp-admin/**');
  expect(await passkeysOf(stack, 'grace@example.com')).toHaveLength(1);
  const grace = (await wpUser(stack, 'grace@example.com'))!;
  await stack.site.php(`require_once ABSPATH . 'wp-admin/includes/user.php'; wp_delete_user( ${grace.id} );`);
  const rows = await phpJsonOut<number>(
    stack,
    `global $wpdb; echo (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->prefix}workos_login_passkeys" );`,
  );
  expect(rows).toBe(0);
});

test('the profile editor offers passkeys and the question after sign-in', async ({ page, browser, stack }) => {
  await saveProfiles(stack, { slug: 'passkeys', title: 'Passkeys', methods: ['password'] });
  await signInAsAdmin(page, stack);
  await page.goto('/wp-admin/admin.php?page=workos-login&profile=passkeys');
  const prompt = page.getByRole('checkbox', { name: 'Offer a passkey after sign-in' });
  await expect(prompt).toHaveCount(0);
  await page.locator('[data-field="methods"]').getByRole('checkbox', { name: 'Passkey', exact: true }).check();
  // Shown with the method, on by default.
  await expect(prompt).toBeChecked();
  await prompt.uncheck();
  await page.getByRole('button', { name: 'Save profile' }).first().click();
  await expect(page.locator('.workos-profiles-notice')).toContainText('Profile saved.');
  const stored = await phpJsonOut<{ methods: string[]; passkey_prompt: boolean }>(
    stack,
    `echo wp_json_encode( workos_login_get_profile( 'passkeys' ) );`,
  );
  expect(stored).toMatchObject({ methods: ['password', 'passkey'], passkey_prompt: false });

  // Visitors get the button, and no question after the password.
  const visitorContext = await browser.newContext({ baseURL: stack.wordpressUrl });
  const visitor = await visitorContext.newPage();
  await visitor.goto(PASSKEY_LOGIN);
  await expect(loginOf(visitor).getByRole('button', { name: TEXT.signInButton })).toBeVisible();
  await signIn(visitor, 'grace@example.com', DEMO_PASSWORD);
  await visitor.waitForURL('**/wp-admin/**');
  await visitorContext.close();
});
