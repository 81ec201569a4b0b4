/**
 * WorkOS → Roles (includes/settings/): WorkOS roles listed live from the site organization
 * through the login server, the mapping and role-based redirects saved through the screen, and
 * the dry-run preview (screen and `POST /workos/v1/admin/preview`), which changes nothing.
 */
import type { Page } from '@playwright/test';
import seed from '../../server/workos-fake/seed.json' with { type: 'json' };
import type { Stack } from '../../scripts/stack.ts';
import { restAs } from './admin.ts';
import { expect, signInAsAdmin, test } from './fixtures.ts';
import { phpJson, phpJsonOut, saveProfiles } from './profiles.ts';

const SCREEN = '/wp-admin/admin.php?page=workos-login-roles';
const ORG = seed.organizations[0].id;
const ROLES = '/wp-json/workos/v1/admin/roles';
const PREVIEW = '/wp-json/workos/v1/admin/preview';

/** Sets options straight in the database (the screen is tested on its own below). */
async function setOptions(stack: Stack, options: Record<string, unknown>): Promise<void> {
  const code = Object.entries(options)
    .map(([name, value]) => `update_option( 'workos_login_${name}', ${phpJson(value)} );`)
    .join('\n');
  await stack.site.php(code);
}

/** Users and their roles and WorkOS links: what a preview must never change. */
function userState(stack: Stack): Promise<unknown> {
  return phpJsonOut(
    stack,
    `$out = array();
     foreach ( get_users( array( 'orderby' => 'ID' ) ) as $user ) {
       $out[] = array( $user->user_login, $user->roles, get_user_meta( $user->ID, '_workos_user_id', true ), $user->first_name );
     }
     echo wp_json_encode( array( 'count' => count_users()['total_users'], 'users' => $out ) );`,
  );
}

async function preview(page: Page, who: string, profile?: string): Promise<void> {
  await page.getByLabel('Username or email').fill(who);
  if (profile) await page.getByLabel('Login Profile').selectOption(profile);
  const answered = page.waitForResponse(
    (r) => r.request().method() === 'POST' && r.url().includes('page=workos-login-roles'),
  );
  await page.getByRole('button', { name: 'Preview' }).click();
  expect((await answered).status()).toBe(200);
  await page.waitForLoadState('domcontentloaded');
  await expect(page.locator('.workos-login-preview-result')).toBeVisible();
}

/** Submits the Settings API form (see settings.spec.ts for why it waits the way it does). */
async function save(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  const back = page.waitForResponse((r) => r.request().method() === 'GET' && r.url().includes('settings-updated=true'));
  await page.getByRole('button', { name: 'Save Changes' }).click();
  expect((await back).status()).toBe(200);
  await page.waitForLoadState('domcontentloaded');
}

const row = (page: Page, key: string) => page.locator(`.workos-login-preview-table tr[data-preview="${key}"] td`);

test('WorkOS roles are listed live from the site organization; the mapping is saved', async ({ page, stack }) => {
  await setOptions(stack, { organization_id: ORG });
  await signInAsAdmin(page, stack);
  const api = await restAs(page);
  const listed = await api('GET', ROLES);
  expect(listed).toEqual({
    status: 200,
    body: {
      organization_id: ORG,
      roles: [
        { slug: 'admin', name: 'Admin' },
        { slug: 'member', name: 'Member' },
      ],
    },
  });
  expect((await api('GET', `${ROLES}?organization_id=not-an-org`)).status).toBe(400);

  await page.goto(SCREEN);
  const admin = page.getByRole('combobox', { name: 'Admin' });
  const member = page.getByRole('combobox', { name: 'Member' });
  // Nothing is preselected; Administrator is offered with a warning, never by default.
  await expect(admin).toHaveValue('');
  await expect(member).toHaveValue('');
  await expect(admin.locator('option:checked')).toHaveText('— no change —');
  await expect(admin.locator('option[value="administrator"]')).toHaveText('Administrator — full control of this site!');

  await admin.selectOption('editor');
  await page.getByLabel('Another WorkOS role (slug)').fill('auditor');
  await page.getByLabel('WordPress role for that WorkOS role').selectOption('author');
  await page.getByLabel('Role for created users').selectOption('contributor');
  await page.getByLabel('Redirect after sign-in for Editor').fill('/editors/');
  await page.getByLabel('Redirect after logout for Subscriber').fill('https://evil.example/');
  await save(page);

  // The bad redirect is reported and not stored; everything else is.
  await expect(page.locator('.notice-error p')).toHaveText(
    'Redirect after logout: “https://evil.example/” (for Subscriber) is not an address on this site: use a path such as /welcome/ or a full address on this site. The previous value was kept.',
  );
  expect(
    await phpJsonOut(
      stack,
      `echo wp_json_encode( array_map( 'workos_login_option', array( 'role_map', 'default_role', 'login_redirects', 'logout_redirects' ) ) );`,
    ),
  ).toEqual([{ admin: 'editor', auditor: 'author' }, 'contributor', { editor: '/editors/' }, []]);

  // A slug mapped by hand but not listed by WorkOS stays visible (and changeable).
  await expect(page.getByRole('combobox', { name: 'Admin' })).toHaveValue('editor');
  await expect(page.getByRole('combobox', { name: 'Member' })).toHaveValue('');
  await expect(page.getByRole('row', { name: /auditor/ })).toContainText('(not listed by WorkOS now)');
  await page.getByRole('combobox', { name: 'auditor' }).selectOption('');
  await page.getByRole('combobox', { name: 'Admin' }).selectOption('administrator');
  await save(page);
  await expect(page.locator('.notice-success')).toContainText('Settings saved.');
  await expect(page.getByText('Members with the WorkOS role admin become Administrators of this site')).toBeVisible();
  expect(await phpJsonOut(stack, `echo wp_json_encode( workos_login_option( 'role_map' ) );`)).toEqual({
    admin: 'administrator',
  });
});

test('without an organization or the login server, the screen says so and a slug can be typed', async ({
  page,
  stack,
}) => {
  await signInAsAdmin(page, stack);
  await page.goto(SCREEN);
  await expect(
    page.getByText('No site organization is set (WorkOS → Settings), so its roles cannot be listed.'),
  ).toBeVisible();
  const api = await restAs(page);
  expect((await api('GET', ROLES)).body).toMatchObject({ code: 'workos_login_no_organization', data: { status: 409 } });

  await setOptions(stack, { organization_id: ORG });
  await stack.stopServer();
  try {
    await page.goto(SCREEN);
    await expect(page.getByText('The WorkOS roles could not be listed right now')).toBeVisible();
    expect((await api('GET', ROLES)).status).toBe(503);
    await page.getByLabel('Another WorkOS role (slug)').fill('member');
    await page.getByLabel('WordPress role for that WorkOS role').selectOption('author');
    await save(page);
    await expect(page.locator('.notice-success')).toContainText('Settings saved.');
    await expect(page.getByRole('combobox', { name: 'member' })).toHaveValue('author');
    // The preview cannot ask WorkOS either, and says so.
    await preview(page, 'ada@example.com');
    await expect(page.locator('.workos-login-preview-result')).toHaveText(
      'The login server cannot be reached, or its answer was not valid (see WorkOS → Diagnostics).',
    );
  } finally {
    await stack.startServer();
  }
  expect(await phpJsonOut(stack, `echo wp_json_encode( workos_login_option( 'role_map' ) );`)).toEqual({
    member: 'author',
  });
});

test('preview: Ada’s active admin membership and the role it maps to', async ({ page, stack }) => {
  await setOptions(stack, { organization_id: ORG, role_map: { admin: 'editor' } });
  await signInAsAdmin(page, stack);
  await page.goto(SCREEN);
  const before = await userState(stack);

  await preview(page, 'ada@example.com');
  await expect(page.locator('.workos-login-preview-result').first()).toHaveText('Sign-in would be allowed.');
  await expect(row(page, 'workos_user')).toHaveText(`Found: ada@example.com (${seed.users[0].id}), email verified.`);
  await expect(row(page, 'membership')).toHaveText(`Role “admin”, membership active, in ${ORG}.`);
  await expect(row(page, 'gate')).toHaveText('Off: the gate lets everyone through.');
  await expect(row(page, 'account')).toHaveText('None yet: a new WordPress user would be created (role: Subscriber).');
  await expect(row(page, 'suspended')).toHaveText('No.');
  await expect(row(page, 'roles')).toHaveText('Subscriber → Editor (mapped from WorkOS role “admin”).');

  const api = await restAs(page);
  const answer = await api('POST', PREVIEW, { email: 'ada@example.com' });
  expect(answer.status).toBe(200);
  expect(answer.body).toMatchObject({
    profile: 'default',
    organization_id: ORG,
    lookup: 'email',
    workos_user: { id: seed.users[0].id, email: 'ada@example.com', email_verified: true },
    membership: { role: 'admin', status: 'active' },
    gate: { enabled: false, allowed: true, reason: 'gate_off' },
    account: { action: 'create', user_id: null, same_as_chosen: null },
    suspended: false,
    roles: { current: ['subscriber'], workos_role: 'admin', mapped: 'editor', after: ['editor'] },
    decision: { allowed: true, reason: 'allowed' },
  });

  // Typed arguments: one of user_id and email; a known profile.
  expect((await api('POST', PREVIEW, {})).status).toBe(400);
  expect((await api('POST', PREVIEW, { email: 'ada@example.com', user_id: 1 })).status).toBe(400);
  expect((await api('POST', PREVIEW, { email: 'not an email' })).status).toBe(400);
  expect((await api('POST', PREVIEW, { user_id: 9999 })).status).toBe(404);
  expect((await api('POST', PREVIEW, { email: 'ada@example.com', profile: 'nope' })).status).toBe(404);

  expect(await userState(stack)).toEqual(before);
});

test('preview with the gate on: Linus is denied, others explained — and nothing changes', async ({ page, stack }) => {
  await setOptions(stack, {
    organization_id: ORG,
    gate_enabled: true,
    role_map: { admin: 'editor', member: 'author' },
  });
  // Existing WordPress accounts: Grace linked to nothing yet, Margaret (unverified in WorkOS), one suspended.
  await stack.site.php(`
    wp_insert_user( array( 'user_login' => 'grace', 'user_email' => 'grace@example.com', 'user_pass' => wp_generate_password(), 'role' => 'subscriber' ) );
    wp_insert_user( array( 'user_login' => 'margaret', 'user_email' => 'margaret@example.com', 'user_pass' => wp_generate_password(), 'role' => 'subscriber' ) );
    $ada = wp_insert_user( array( 'user_login' => 'ada', 'user_email' => 'ada@elsewhere.example', 'user_pass' => wp_generate_password(), 'role' => 'editor' ) );
    update_user_meta( $ada, '_workos_user_id', '${seed.users[0].id}' );
    update_user_meta( $ada, '_workos_suspended', array( 'by' => 'admin', 'at' => time() ) );
  `);
  await saveProfiles(stack, { slug: 'partners', title: 'Partners', organization_id: 'org_01JWQXWZM0YDMR1T26EPG8S87X' });
  await signInAsAdmin(page, stack);
  await page.goto(SCREEN);
  const before = await userState(stack);

  await preview(page, 'linus@example.com');
  await expect(page.locator('.workos-login-preview-result').first()).toHaveText(
    'Sign-in would be refused: the entitlement gate denies it (not a member).',
  );
  await expect(row(page, 'membership')).toHaveText(`Not a member of ${ORG}.`);
  await expect(row(page, 'gate')).toHaveText(`Denied: not a member of ${ORG}.`);

  // A WordPress user chosen by username: found by verified email, would be linked and mapped.
  await preview(page, 'grace');
  await expect(page.locator('.workos-login-preview-result').first()).toHaveText('Sign-in would be allowed.');
  await expect(row(page, 'account')).toHaveText(
    '“grace”, found by its verified email; it would be linked to this WorkOS user.',
  );
  await expect(row(page, 'roles')).toHaveText('Subscriber → Author (mapped from WorkOS role “member”).');

  await preview(page, 'ken@example.com');
  await expect(row(page, 'gate')).toHaveText(`Denied: the membership in ${ORG} is inactive, not active.`);

  await preview(page, 'margaret');
  await expect(page.locator('.workos-login-preview-result').first()).toHaveText(
    'Sign-in would be refused: the email is not verified, so the existing account is not linked.',
  );

  // Chosen by its WorkOS link (not its WordPress email): the account is suspended.
  await preview(page, 'ada');
  await expect(row(page, 'workos_user')).toContainText('Found: ada@example.com');
  await expect(row(page, 'account')).toHaveText('“ada”, linked by its WorkOS user id.');
  await expect(row(page, 'suspended')).toHaveText('Yes: this account is suspended and cannot sign in.');
  await expect(page.locator('.workos-login-preview-result').first()).toHaveText(
    'Sign-in would be refused: the account is suspended.',
  );

  // Through a profile pinned to an organization WorkOS does not know, the preview says so.
  await preview(page, 'ada', 'partners');
  await expect(page.locator('.workos-login-preview-result')).toHaveText(
    'WorkOS has no organization org_01JWQXWZM0YDMR1T26EPG8S87X.',
  );

  const api = await restAs(page);
  const linus = await api('POST', PREVIEW, { email: 'linus@example.com' });
  expect(linus.body).toMatchObject({
    membership: null,
    gate: { enabled: true, allowed: false, reason: 'not_member' },
    decision: { allowed: false, reason: 'not_member' },
    sentences: { gate: `Denied: not a member of ${ORG}.` },
  });
  const graceId = await phpJsonOut<number>(stack, `echo wp_json_encode( get_user_by( 'login', 'grace' )->ID );`);
  const grace = await api('POST', PREVIEW, { user_id: graceId });
  expect(grace.body).toMatchObject({
    lookup: 'email',
    membership: { role: 'member', status: 'active' },
    account: { action: 'link', user_id: graceId, user_login: 'grace', same_as_chosen: true },
    roles: { current: ['subscriber'], mapped: 'author', after: ['author'] },
    decision: { allowed: true },
  });
  const ada = await api('POST', PREVIEW, { email: 'ada@elsewhere.example', profile: 'default' });
  expect(ada.body).toMatchObject({
    lookup: 'user_id',
    suspended: true,
    decision: { allowed: false, reason: 'suspended' },
  });

  // Nothing changed: same users, roles, links and names; no one was created.
  expect(await userState(stack)).toEqual(before);
});
