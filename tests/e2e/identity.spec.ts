/**
 * Login completion on the WordPress side (issue 5): the entitlement gate, matching and
 * provisioning, suspension, role sync, role-based redirects, sessions and logout — through the
 * real sign-in form, the real WordPress and the WorkOS fake.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import type { Stack } from '../../scripts/stack.ts';
import { DEMO_PASSWORD, expect, signIn, submitNativeLogin, test } from './fixtures.ts';
import { fakeSessions } from './flows.ts';
import { phpJson, phpJsonOut, saveProfiles } from './profiles.ts';

const LOGIN = '/workos/login/default';
const ORG = 'org_01JWQXWZM0YDMR1T26EPG8S87E';
const DENIED = 'Members of Demo Organization only.';
const REFUSED = 'This account can’t sign in to this site.';

/** Stores settings as the settings screen would (options `workos_login_<name>`). */
async function setOptions(stack: Stack, options: Record<string, unknown>): Promise<void> {
  await stack.site.php(
    `foreach ( ${phpJson(options)} as $name => $value ) { update_option( 'workos_login_' . $name, $value ); }`,
  );
}

/** The WordPress user with this email: roles, link, suspension, sessions. */
async function wpUser(stack: Stack, email: string) {
  return phpJsonOut<{
    id: number;
    roles: string[];
    workos: string;
    suspended: boolean;
    sessions: Array<{ workos_session_id?: string | null }>;
  } | null>(
    stack,
    `$u = get_user_by( 'email', ${phpJson(email)} );
    echo wp_json_encode( $u ? array(
      'id' => $u->ID,
      'roles' => array_values( $u->roles ),
      'workos' => get_user_meta( $u->ID, '_workos_user_id', true ),
      'suspended' => workos_login_is_suspended( $u ),
      'sessions' => array_values( WP_Session_Tokens::get_instance( $u->ID )->get_all() ),
    ) : null );`,
  );
}

/** Signs in through the default profile and waits for the answer (navigation or alert). */
async function signInThrough(page: Page, email: string, path = LOGIN): Promise<void> {
  await page.goto(path);
  await signIn(page, email, DEMO_PASSWORD);
}

async function signedInBrowser(browser: Browser, stack: Stack, email: string) {
  const context = await browser.newContext({ baseURL: stack.wordpressUrl });
  const page = await context.newPage();
  await signInThrough(page, email);
  await page.waitForURL('**/wp-admin/**');
  return { context, page };
}

test.describe('entitlement gate', () => {
  test.beforeEach(async ({ stack }) => {
    await setOptions(stack, { organization_id: ORG, gate_enabled: true, gate_message: DENIED });
  });

  test('an active member signs in', async ({ page, stack }) => {
    await signInThrough(page, 'ada@example.com');
    await page.waitForURL('**/wp-admin/**');
    expect((await wpUser(stack, 'ada@example.com'))?.workos).toMatch(/^user_/);
  });

  test('a non-member is denied with the administrator’s message, and nothing is created', async ({ page, stack }) => {
    await signInThrough(page, 'linus@example.com');
    await expect(page.locator('workos-login').getByRole('alert')).toHaveText(DENIED);
    expect(page.url()).toContain(LOGIN);
    expect(await wpUser(stack, 'linus@example.com')).toBeNull();
    // The WorkOS session the password opened was ended too.
    const sessions = await fakeSessions(stack, 'user_01JWQY9SS0K3KXNQRG7XTK2ZXV');
    expect(sessions.length).toBeGreaterThan(0);
    expect(sessions.every((s) => s.status === 'revoked')).toBe(true);
  });

  test('an inactive member is denied', async ({ page, stack }) => {
    await signInThrough(page, 'ken@example.com');
    await expect(page.locator('workos-login').getByRole('alert')).toHaveText(DENIED);
    expect(await wpUser(stack, 'ken@example.com')).toBeNull();
  });

  test('the profile’s pinned organization is the one checked; no organization at all fails closed', async ({
    page,
    browser,
    stack,
  }) => {
    await setOptions(stack, { organization_id: '' });
    await saveProfiles(stack, { slug: 'members', organization_id: ORG });
    // No site organization: the default profile has nothing to check against.
    await signInThrough(page, 'ada@example.com');
    await expect(page.locator('workos-login').getByRole('alert')).toHaveText(DENIED);
    // The pinned profile checks its own organization.
    await signInThrough(page, 'linus@example.com', '/workos/login/members');
    await expect(page.locator('workos-login').getByRole('alert')).toHaveText(DENIED);
    const other = await browser.newContext({ baseURL: stack.wordpressUrl });
    const second = await other.newPage();
    await signInThrough(second, 'ada@example.com', '/workos/login/members');
    await second.waitForURL('**/wp-admin/**');
    await other.close();
  });

  test('fails closed when WorkOS cannot be reached', async ({ page, stack }) => {
    await page.goto(LOGIN);
    await stack.stopWorkOS();
    try {
      await signIn(page, 'ada@example.com', DEMO_PASSWORD);
      await expect(page.locator('workos-login').getByRole('alert')).toBeVisible();
      expect(await wpUser(stack, 'ada@example.com')).toBeNull();
    } finally {
      await stack.startWorkOS();
    }
  });
});

test.describe('matching and provisioning', () => {
  test('an existing account with an unverified WorkOS email is not linked', async ({ page, stack }) => {
    await stack.site.php(
      `wp_insert_user( array( 'user_login' => 'margaret', 'user_email' => 'margaret@example.com', 'user_pass' => wp_generate_password(), 'role' => 'editor' ) );`,
    );
    await signInThrough(page, 'margaret@example.com');
    await expect(page.locator('workos-login').getByRole('alert')).toHaveText(REFUSED);
    const user = await wpUser(stack, 'margaret@example.com');
    expect(user?.workos).toBe('');
    expect(user?.sessions).toHaveLength(0);
  });

  test('“link existing users only” refuses a new account and creates nothing', async ({ page, stack }) => {
    await setOptions(stack, { user_creation: 'link_only' });
    await signInThrough(page, 'grace@example.com');
    await expect(page.locator('workos-login').getByRole('alert')).toHaveText(REFUSED);
    expect(await wpUser(stack, 'grace@example.com')).toBeNull();
  });

  test('an existing account with a verified email is linked, and keeps its role', async ({ page, stack }) => {
    await stack.site.php(
      `wp_insert_user( array( 'user_login' => 'grace', 'user_email' => 'grace@example.com', 'user_pass' => wp_generate_password(), 'role' => 'editor' ) );`,
    );
    await signInThrough(page, 'grace@example.com');
    await page.waitForURL('**/wp-admin/**');
    const user = await wpUser(stack, 'grace@example.com');
    expect(user?.workos).toBe('user_01JWQY7Z60EAVEZMKZ3W0KQZGM');
    expect(user?.roles).toEqual(['editor']);
  });

  test('created users get the configured default role', async ({ page, stack }) => {
    await setOptions(stack, { default_role: 'contributor' });
    await signInThrough(page, 'grace@example.com');
    await page.waitForURL('**/wp-admin/**');
    expect((await wpUser(stack, 'grace@example.com'))?.roles).toEqual(['contributor']);
  });
});

test.describe('role sync', () => {
  test('a mapped WorkOS role is applied; an unmapped one changes nothing', async ({ page, browser, stack }) => {
    await setOptions(stack, { organization_id: ORG, role_map: { member: 'author' } });
    await signInThrough(page, 'grace@example.com'); // member → author
    await page.waitForURL('**/wp-admin/**');
    expect((await wpUser(stack, 'grace@example.com'))?.roles).toEqual(['author']);

    const other = await signedInBrowser(browser, stack, 'ada@example.com'); // admin: unmapped
    expect((await wpUser(stack, 'ada@example.com'))?.roles).toEqual(['subscriber']);
    await other.context.close();
  });

  test('the mapping follows WorkOS on the next sign-in', async ({ page, stack }) => {
    await setOptions(stack, { organization_id: ORG, role_map: { member: 'editor' } });
    await stack.site.php(
      `wp_insert_user( array( 'user_login' => 'grace', 'user_email' => 'grace@example.com', 'user_pass' => wp_generate_password(), 'role' => 'administrator' ) );`,
    );
    await signInThrough(page, 'grace@example.com');
    await page.waitForURL('**/wp-admin/**');
    expect((await wpUser(stack, 'grace@example.com'))?.roles).toEqual(['editor']);
  });
});

test.describe('suspended users', () => {
  test('are refused by the WorkOS form and by WordPress’s own form, and signed out', async ({
    page,
    browser,
    stack,
  }) => {
    const first = await signedInBrowser(browser, stack, 'grace@example.com');
    const user = await wpUser(stack, 'grace@example.com');
    await stack.site.php(`
      wp_set_password( 'Native-Pass-42', ${user!.id} );
      workos_login_set_suspended( get_user_by( 'id', ${user!.id} ), true, 'admin', 'test' );
    `);
    // The open session is gone.
    await first.page.goto('/wp-admin/profile.php');
    await first.page.waitForURL(/wp-login\.php|workos\/login/);
    await first.context.close();

    await signInThrough(page, 'grace@example.com');
    await expect(page.locator('workos-login').getByRole('alert')).toHaveText(REFUSED);

    await submitNativeLogin(
      page,
      await phpJsonOut<string>(stack, `echo wp_json_encode( get_user_by( 'id', ${user!.id} )->user_login );`),
      'Native-Pass-42',
    );
    await expect(page.locator('#login_error')).toContainText('can’t sign in');
    expect((await wpUser(stack, 'grace@example.com'))?.sessions).toHaveLength(0);
  });

  test('an administrator suspends a user on the user edit screen', async ({ page, browser, stack }) => {
    const grace = await signedInBrowser(browser, stack, 'grace@example.com');
    await grace.context.close();
    const user = await wpUser(stack, 'grace@example.com');
    await submitNativeLogin(page, 'admin', stack.adminPassword);
    await page.waitForURL('**/wp-admin/**');
    await page.goto(`/wp-admin/user-edit.php?user_id=${user!.id}`);
    await page.getByLabel('Suspend this user').check();
    await page.locator('#submit').click();
    await expect(page.locator('#message, .notice-success').first()).toBeVisible();
    expect((await wpUser(stack, 'grace@example.com'))?.suspended).toBe(true);

    await page.goto('/wp-admin/users.php');
    await expect(page.locator(`#user-${user!.id} .column-workos_login`)).toContainText('Suspended');
  });
});

test.describe('re-sync', () => {
  /** Sets a membership's status in the fake (test-only control endpoint). */
  async function setMembership(stack: Stack, email: string, status: 'active' | 'inactive') {
    const response = await fetch(`${stack.workosUrl}/_fake/memberships/status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, organization_id: ORG, status }),
    });
    expect(response.status).toBe(200);
  }

  test('a user the gate no longer admits is suspended by re-sync, and reinstated when admitted again', async ({
    page,
    browser,
    stack,
  }) => {
    await setOptions(stack, { organization_id: ORG, gate_enabled: true, role_map: { member: 'author' } });
    const grace = await signedInBrowser(browser, stack, 'grace@example.com');
    const user = await wpUser(stack, 'grace@example.com');
    await submitNativeLogin(page, 'admin', stack.adminPassword);
    await page.waitForURL('**/wp-admin/**');

    await setMembership(stack, 'grace@example.com', 'inactive');
    try {
      await page.goto('/wp-admin/users.php');
      const row = page.locator(`#user-${user!.id}`);
      await row.hover();
      await row.getByRole('link', { name: 'Re-sync from WorkOS' }).click();
      await expect(page.locator('.notice-warning')).toContainText('no longer passes the entitlement gate');
      expect((await wpUser(stack, 'grace@example.com'))?.suspended).toBe(true);
      // Her open session ended with the suspension.
      await grace.page.goto('/wp-admin/profile.php');
      await grace.page.waitForURL(/wp-login\.php|workos\/login/);
      const audit = await phpJsonOut<string[]>(
        stack,
        `global $wpdb; echo wp_json_encode( $wpdb->get_col( "SELECT event FROM {$wpdb->prefix}workos_login_audit WHERE user_id = ${user!.id} ORDER BY id" ) );`,
      );
      expect(audit).toContain('user_suspended');
    } finally {
      await setMembership(stack, 'grace@example.com', 'active');
    }

    await page.goto('/wp-admin/users.php');
    const row = page.locator(`#user-${user!.id}`);
    await row.hover();
    await row.getByRole('link', { name: 'Re-sync from WorkOS' }).click();
    await expect(page.locator('.notice-success')).toContainText('Re-synced from WorkOS');
    const after = await wpUser(stack, 'grace@example.com');
    expect(after?.suspended).toBe(false);
    expect(after?.roles).toEqual(['author']);
    await grace.context.close();
  });

  test('a suspension set by an administrator is not lifted by re-sync', async ({ browser, stack }) => {
    await setOptions(stack, { organization_id: ORG, gate_enabled: true });
    const grace = await signedInBrowser(browser, stack, 'grace@example.com');
    await grace.context.close();
    const user = await wpUser(stack, 'grace@example.com');
    await stack.site.php(`workos_login_set_suspended( get_user_by( 'id', ${user!.id} ), true, 'admin', 'test' );`);
    const result = await phpJsonOut<{ suspended: boolean }>(
      stack,
      `echo wp_json_encode( workos_login_resync_user( get_user_by( 'id', ${user!.id} ) ) );`,
    );
    expect(result.suspended).toBe(true);
  });
});

test.describe('redirects', () => {
  test('role-based login redirect applies below the profile’s own destination', async ({ page, stack }) => {
    await setOptions(stack, { login_redirects: { subscriber: '/?welcome=subscriber' } });
    await signInThrough(page, 'grace@example.com');
    await page.waitForURL('**/?welcome=subscriber');
  });
});

test.describe('logout', () => {
  test('logging out of one browser revokes only its WorkOS session', async ({ browser, stack }) => {
    const a = await signedInBrowser(browser, stack, 'ada@example.com');
    const b = await signedInBrowser(browser, stack, 'ada@example.com');
    const user = await wpUser(stack, 'ada@example.com');
    const ids = user!.sessions.map((s) => s.workos_session_id);
    expect(new Set(ids).size).toBe(2);

    // WordPress's own logout link (with its nonce), from the admin bar.
    await a.page.goto('/wp-admin/profile.php');
    await a.page.goto((await a.page.locator('#wp-admin-bar-logout a').getAttribute('href'))!);
    await a.page.waitForURL(/loggedout=true/);

    const after = await wpUser(stack, 'ada@example.com');
    expect(after!.sessions).toHaveLength(1);
    const kept = after!.sessions[0].workos_session_id;
    const ended = ids.find((id) => id !== kept);
    const sessions = await fakeSessions(stack, user!.workos);
    expect(sessions.find((s) => s.id === ended)?.status).toBe('revoked');
    expect(sessions.find((s) => s.id === kept)?.status).toBe('active');

    // The other browser is still signed in.
    await b.page.goto('/wp-admin/profile.php');
    await expect(b.page.locator('#wp-admin-bar-my-account')).toContainText('Ada');
    await a.context.close();
    await b.context.close();
  });

  test('other plugins’ wp_logout hooks still run, and the role-based logout redirect applies', async ({
    browser,
    stack,
  }) => {
    const probe = join(stack.site.docroot, 'wp-content/mu-plugins/e2e-logout-probe.php');
    mkdirSync(join(stack.site.docroot, 'wp-content/mu-plugins'), { recursive: true });
    writeFileSync(
      probe,
      `<?php add_action( 'wp_logout', function ( $user_id ) { update_option( 'e2e_logout_probe', (int) $user_id ); }, 99 );\n`,
    );
    try {
      await setOptions(stack, { logout_redirects: { subscriber: '/?bye=subscriber' } });
      const a = await signedInBrowser(browser, stack, 'grace@example.com');
      await a.page.goto('/wp-admin/profile.php');
      await a.page.goto((await a.page.locator('#wp-admin-bar-logout a').getAttribute('href'))!);
      await a.page.waitForURL('**/?bye=subscriber');
      const user = await wpUser(stack, 'grace@example.com');
      expect(await phpJsonOut<number>(stack, `echo wp_json_encode( (int) get_option( 'e2e_logout_probe' ) );`)).toBe(
        user!.id,
      );
      await a.context.close();
    } finally {
      rmSync(probe, { force: true });
    }
  });

  test('a revocation failure does not keep anyone signed in', async ({ browser, stack }) => {
    const a = await signedInBrowser(browser, stack, 'grace@example.com');
    await a.page.goto('/wp-admin/profile.php');
    const logout = (await a.page.locator('#wp-admin-bar-logout a').getAttribute('href'))!;
    await stack.stopServer();
    try {
      await a.page.goto(logout);
      await a.page.waitForURL(/loggedout=true/);
      expect((await wpUser(stack, 'grace@example.com'))?.sessions).toHaveLength(0);
    } finally {
      await stack.startServer();
    }
    await a.context.close();
  });

  test('hosted logout goes through WorkOS’s logout URL and comes back', async ({ browser, stack }) => {
    await setOptions(stack, { hosted_logout: true });
    const a = await signedInBrowser(browser, stack, 'grace@example.com');
    const user = await wpUser(stack, 'grace@example.com');
    const sid = user!.sessions[0].workos_session_id!;
    const visited: string[] = [];
    a.page.on('request', (request) => {
      if (request.isNavigationRequest()) visited.push(request.url());
    });
    await a.page.goto('/wp-admin/profile.php');
    await a.page.goto((await a.page.locator('#wp-admin-bar-logout a').getAttribute('href'))!);
    await a.page.waitForURL(/loggedout=true/);
    expect(visited.some((url) => url.startsWith(stack.workosUrl) && url.includes('logout'))).toBe(true);
    expect((await fakeSessions(stack, user!.workos)).find((s) => s.id === sid)?.status).toBe('revoked');
    await a.context.close();
  });
});
