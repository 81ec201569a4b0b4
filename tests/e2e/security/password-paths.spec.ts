/**
 * Every WordPress-password path (issue 13, item 2): with WorkOS sign-in working, XML-RPC,
 * application passwords (REST and XML-RPC), REST Basic Auth and other plugins' forms refuse a right
 * WordPress password unless the administrator opened that path for the user's roles; each use and
 * refusal is audited with its path; a wrong password gets WordPress's own answer (the policy runs
 * after the check). Headless forms check email and password against WorkOS and end in the same
 * completion; a second step such a form cannot show fails closed, pointing to the sign-in page.
 *
 * Other plugins are stood in for by a must-use plugin that does what they do: a front-end form
 * handler calling `wp_signon()` (WooCommerce's account page does the same) and a REST Basic Auth
 * handler calling `wp_authenticate()` on `determine_current_user` (the JSON Basic Auth plugin's way).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import type { Stack } from '../../../scripts/stack.ts';
import { auditRows, type AuditRow } from '../audit.ts';
import { DEMO_PASSWORD, expect, NATIVE_LOGIN, signInAsAdmin, test } from '../fixtures.ts';
import { phpJson, phpJsonOut } from '../profiles.ts';
import { ARG, tokenOf } from './break-glass-site.ts';

const PLUGIN = 'e2e-other-plugins.php';

test.beforeAll(({ stack }) => {
  const dir = join(stack.site.docroot, 'wp-content/mu-plugins');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, PLUGIN),
    `<?php
    add_action( 'init', function () {
      if ( ! isset( $_POST['e2e_other_form'] ) ) { return; }
      $user = wp_signon( array( 'user_login' => wp_unslash( $_POST['log'] ?? '' ), 'user_password' => wp_unslash( $_POST['pwd'] ?? '' ) ) );
      wp_send_json( is_wp_error( $user ) ? array( 'error' => $user->get_error_code(), 'message' => $user->get_error_message() ) : array( 'user' => $user->user_login ) );
    } );
    function e2e_basic_auth( $user ) {
      if ( $user || empty( $_SERVER['HTTP_X_E2E_BASIC'] ) ) { return $user; }
      $pair = explode( ':', (string) base64_decode( $_SERVER['HTTP_X_E2E_BASIC'] ), 2 );
      // As the JSON Basic Auth plugin does: not again while wp_authenticate() runs.
      remove_filter( 'determine_current_user', 'e2e_basic_auth', 30 );
      $result = wp_authenticate( $pair[0], $pair[1] ?? '' );
      add_filter( 'determine_current_user', 'e2e_basic_auth', 30 );
      return $result instanceof WP_User ? $result->ID : $user;
    }
    add_filter( 'determine_current_user', 'e2e_basic_auth', 30 );\n`,
  );
});
test.afterAll(({ stack }) => rmSync(join(stack.site.docroot, 'wp-content/mu-plugins', PLUGIN), { force: true }));

const openPaths = (stack: Stack, paths: Record<string, string[]>) =>
  stack.site.php(`update_option( 'workos_login_password_paths', ${phpJson(paths)} );`);

/** The audit rows of the policy: event and path. */
async function pathRows(stack: Stack): Promise<Array<{ event: string; path: string; method: string }>> {
  const rows: AuditRow[] = await auditRows(stack);
  return rows
    .filter((r) => r.event.startsWith('wp_password_'))
    .map((r) => ({ event: r.event, path: String(JSON.parse(r.detail || '{}').path ?? ''), method: r.method }));
}

function xmlrpc(request: APIRequestContext, user: string, password: string) {
  const param = (v: string) =>
    `<param><value><string>${v.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</string></value></param>`;
  return request.post('/xmlrpc.php', {
    headers: { 'Content-Type': 'text/xml' },
    data: `<?xml version="1.0"?><methodCall><methodName>wp.getUsersBlogs</methodName><params>${param(user)}${param(password)}</params></methodCall>`,
  });
}

const basic = (user: string, password: string) => Buffer.from(`${user}:${password}`).toString('base64');

async function applicationPassword(stack: Stack): Promise<string> {
  return phpJsonOut<string>(
    stack,
    `$made = WP_Application_Passwords::create_new_application_password( get_user_by( 'login', 'admin' )->ID, array( 'name' => 'e2e integration' ) );
    echo wp_json_encode( $made[0] );`,
  );
}

function otherForm(request: APIRequestContext, log: string, pwd: string) {
  return request.post('/', { form: { e2e_other_form: '1', log, pwd } });
}

test.describe('XML-RPC', () => {
  test('a right administrator password is refused and audited with its path', async ({ request, stack }) => {
    const answer = await xmlrpc(request, 'admin', stack.adminPassword);
    const text = await answer.text();
    expect(text).toContain('<name>faultCode</name>');
    expect(text).not.toContain('isAdmin');
    expect(await pathRows(stack)).toEqual([{ event: 'wp_password_refused', path: 'xmlrpc', method: 'native' }]);
  });

  test('a wrong password gets WordPress’s own answer and no policy row', async ({ request, stack }) => {
    const text = await (await xmlrpc(request, 'admin', 'not-the-password')).text();
    expect(text).toContain('<name>faultCode</name>');
    expect(await pathRows(stack)).toEqual([]);
  });

  test('opened for administrators, it signs in and is audited as a use', async ({ request, stack }) => {
    await openPaths(stack, { xmlrpc: ['administrator'] });
    const text = await (await xmlrpc(request, 'admin', stack.adminPassword)).text();
    expect(text).toContain('isAdmin');
    expect(await pathRows(stack)).toEqual([{ event: 'wp_password_used', path: 'xmlrpc', method: 'native' }]);
  });

  test('opened for another role only, an administrator is still refused', async ({ request, stack }) => {
    await openPaths(stack, { xmlrpc: ['editor'], other_forms: ['administrator'] });
    expect(await (await xmlrpc(request, 'admin', stack.adminPassword)).text()).not.toContain('isAdmin');
  });
});

test.describe('application passwords', () => {
  test('REST: refused by default, with the way to the sign-in page, audited once per window', async ({
    request,
    stack,
  }) => {
    const password = await applicationPassword(stack);
    const headers = { Authorization: `Basic ${basic('admin', password)}` };
    const first = await request.get('/wp-json/wp/v2/users/me?context=edit', { headers });
    expect(first.status()).toBe(401);
    expect((await first.json()).code).toBe('workos_password_refused');
    await request.get('/wp-json/wp/v2/users/me', { headers });
    expect(await pathRows(stack)).toEqual([
      { event: 'wp_password_refused', path: 'application_passwords', method: 'application_password' },
    ]);
  });

  test('REST: opened for administrators, it authenticates and is audited as a use', async ({ request, stack }) => {
    await openPaths(stack, { application_passwords: ['administrator'] });
    const password = await applicationPassword(stack);
    const me = await request.get('/wp-json/wp/v2/users/me', {
      headers: { Authorization: `Basic ${basic('admin', password)}` },
    });
    expect(me.status()).toBe(200);
    expect((await me.json()).slug).toBe('admin');
    expect(await pathRows(stack)).toEqual([
      { event: 'wp_password_used', path: 'application_passwords', method: 'application_password' },
    ]);
  });

  test('XML-RPC: an application password is refused like a password', async ({ request, stack }) => {
    const password = await applicationPassword(stack);
    expect(await (await xmlrpc(request, 'admin', password)).text()).not.toContain('isAdmin');
    expect((await pathRows(stack)).map((r) => r.path)).toEqual(['application_passwords']);
  });

  test('the profile screen offers none to a role they are closed for', async ({ page, stack }) => {
    await signInAsAdmin(page, stack);
    await page.goto('/wp-admin/profile.php');
    await expect(page.getByRole('heading', { name: 'Application Passwords' })).toHaveCount(0);
    await openPaths(stack, { application_passwords: ['administrator'] });
    await page.goto('/wp-admin/profile.php');
    await expect(page.getByRole('heading', { name: 'Application Passwords' })).toBeVisible();
  });
});

test.describe('REST Basic Auth (a plugin calling wp_authenticate)', () => {
  test('refused by default, opened per role', async ({ request, stack }) => {
    const headers = { 'X-E2E-Basic': basic('admin', stack.adminPassword) };
    expect((await request.get('/wp-json/wp/v2/users/me', { headers })).status()).toBe(401);
    await openPaths(stack, { rest_basic: ['administrator'] });
    expect((await request.get('/wp-json/wp/v2/users/me', { headers })).status()).toBe(200);
    expect(await pathRows(stack)).toEqual([
      { event: 'wp_password_refused', path: 'rest_basic', method: 'native' },
      { event: 'wp_password_used', path: 'rest_basic', method: 'native' },
    ]);
  });
});

test.describe('other plugins’ forms (wp_signon)', () => {
  test('a right password is refused with the way to the sign-in page; opened per role it signs in', async ({
    request,
    stack,
  }) => {
    const refused = await (await otherForm(request, 'admin', stack.adminPassword)).json();
    expect(refused.error).toBe('workos_password_refused');
    expect(refused.message).toContain('/wp-login.php');
    await openPaths(stack, { other_forms: ['administrator'] });
    expect(await (await otherForm(request, 'admin', stack.adminPassword)).json()).toEqual({ user: 'admin' });
    expect(await pathRows(stack)).toEqual([
      { event: 'wp_password_refused', path: 'other_forms', method: 'native' },
      { event: 'wp_password_used', path: 'other_forms', method: 'native' },
    ]);
  });
});

test.describe('headless forms (checked against WorkOS)', () => {
  test.beforeEach(({ stack }) => stack.site.php(`update_option( 'workos_login_headless_forms', true );`));

  test('a WorkOS email and password sign in through the same completion, audited as a sign-in', async ({
    request,
    stack,
  }) => {
    expect(await (await otherForm(request, 'ada@example.com', DEMO_PASSWORD)).json()).toEqual({
      user: expect.any(String),
    });
    const me = await request.get('/wp-admin/profile.php', { maxRedirects: 0 });
    expect(me.status()).toBe(200);
    const rows = await auditRows(stack);
    expect(rows.filter((r) => r.event === 'login').map((r) => [r.email, r.method, JSON.parse(r.detail).via])).toEqual([
      ['ada@example.com', 'password', 'headless_form'],
    ]);
    // The session carries the WorkOS session id, so logout can revoke it.
    const sessions = await phpJsonOut<Array<Record<string, unknown>>>(
      stack,
      `echo wp_json_encode( array_values( WP_Session_Tokens::get_instance( get_user_by( 'email', 'ada@example.com' )->ID )->get_all() ) );`,
    );
    expect(sessions).toHaveLength(1);
    expect(sessions[0].workos_session_id).toEqual(expect.stringMatching(/^session_/));
  });

  test('a wrong password is refused with the sign-in page’s words, and WordPress’s password does not count', async ({
    request,
    stack,
  }) => {
    const wrong = await (await otherForm(request, 'ada@example.com', 'not-the-password')).json();
    expect(wrong.error).toBe('invalid_credentials');
    // The WordPress administrator's own password is not a WorkOS password.
    const admin = await (await otherForm(request, 'admin', stack.adminPassword)).json();
    expect(admin.error).toBeDefined();
    expect((await auditRows(stack)).filter((r) => r.event === 'login')).toEqual([]);
  });

  test('an account with a second factor is sent to the sign-in page, signed in nowhere', async ({ request, stack }) => {
    const answer = await (await otherForm(request, 'mia@example.com', DEMO_PASSWORD)).json();
    expect(answer.error).toBe('workos_sign_in_page_required');
    expect(answer.message).toContain('/wp-login.php');
    expect((await request.get('/wp-admin/profile.php', { maxRedirects: 0 })).status()).toBe(302);
    expect((await auditRows(stack)).filter((r) => r.event === 'login')).toEqual([]);
  });
});

test('the settings screen shows every path closed by default', async ({ page, stack }) => {
  await signInAsAdmin(page, stack);
  await page.goto('/wp-admin/admin.php?page=workos-login-settings');
  const table = page.locator('table.workos-login-password-paths');
  await expect(table.getByRole('rowheader')).toHaveCount(4);
  await expect(table.getByRole('checkbox', { checked: true })).toHaveCount(0);
  await table.getByRole('group', { name: 'XML-RPC' }).getByRole('checkbox', { name: 'Editor' }).check();
  await page.getByRole('button', { name: 'Save Changes' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  expect(await phpJsonOut(stack, `echo wp_json_encode( get_option( 'workos_login_password_paths' ) );`)).toEqual({
    xmlrpc: ['editor'],
  });
});

test('the password policy is told which emergency path a request is (WORKOS_LOGIN_ALLOW_NATIVE_LOGIN on)', async ({
  page,
  stack,
}) => {
  // On the e2e site, where the constant is defined: a probe records the path at authentication.
  const probe = join(stack.site.docroot, 'wp-content/mu-plugins/e2e-emergency-path-probe.php');
  writeFileSync(
    probe,
    `<?php add_filter( 'authenticate', function ( $user ) {
      $seen = get_option( 'e2e_emergency_paths', array() );
      $seen[] = workos_login_emergency_form_path();
      update_option( 'e2e_emergency_paths', $seen );
      return $user;
    }, 1 );`,
  );
  try {
    const url = await stack.site.php(`
      $issued = workos_login_break_glass_issue( get_user_by( 'login', 'admin' ), 15, 'cli', 0 );
      echo $issued['url'];`);
    const token = tokenOf(url.trim());
    const form = { log: 'admin', pwd: stack.adminPassword };
    expect((await page.request.post(NATIVE_LOGIN, { form, maxRedirects: 0 })).status()).toBe(302);
    await page.context().clearCookies();
    expect(
      (await page.request.post('/wp-login.php', { form: { ...form, [ARG]: token }, maxRedirects: 0 })).status(),
    ).toBe(302);
    await page.context().clearCookies();
    // XML-RPC authenticates with WordPress passwords too: never an emergency path, whatever it carries.
    await page.request.post(`/xmlrpc.php?workos-native=1&${ARG}=${encodeURIComponent(token)}`, {
      headers: { 'content-type': 'text/xml' },
      data: `<?xml version="1.0"?><methodCall><methodName>wp.getUsersBlogs</methodName><params><param><value>admin</value></param><param><value>${stack.adminPassword}</value></param></params></methodCall>`,
    });
    const seen = await stack.site.php(`echo wp_json_encode( get_option( 'e2e_emergency_paths' ) );`);
    expect(JSON.parse(seen.trim())).toEqual(['native_constant', 'break_glass', '']);
  } finally {
    rmSync(probe, { force: true });
  }
});
