/**
 * wp-login.php taken over by the `default` profile: sign-in renders the element (or 302s to the
 * default profile's custom path), native sign-in POSTs are refused unless the emergency form is
 * on, and logout, post passwords, password reset and the wp-admin session-expired modal keep
 * working.
 */
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEMO_PASSWORD, NATIVE_LOGIN, expect, signIn, signInAsAdmin, submitNativeLogin, test } from './fixtures.ts';
import { publishPage, saveProfiles } from './profiles.ts';

test('wp-login.php renders the default profile', async ({ page }) => {
  for (const url of ['/wp-login.php', '/wp-login.php?action=login', '/wp-login.php?action=no-such-action']) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(200);
    await expect(page.locator('workos-login')).toHaveAttribute('profile', 'default');
    await expect(page.locator('#loginform')).toHaveCount(0);
  }
  await page.goto(`/wp-login.php?redirect_to=${encodeURIComponent('/sample-page/')}`);
  await signIn(page, 'ada@example.com', DEMO_PASSWORD);
  await page.waitForURL((url) => url.pathname === '/sample-page/');
});

test('with a custom path, wp-login.php 302s there with every query argument', async ({ page, stack }) => {
  await saveProfiles(stack, { slug: 'default', title: 'Default', custom_path: 'login' });
  const query = `redirect_to=${encodeURIComponent('/wp-admin/edit.php?x=1')}&reauth=1&wp_lang=en_US`;
  const response = await page.request.get(`/wp-login.php?${query}`, { maxRedirects: 0 });
  expect(response.status()).toBe(302);
  expect(response.headers().location).toBe(`${stack.wordpressUrl}/login/?${query}`);
  await page.goto(`/wp-login.php?${query}`);
  expect(new URL(page.url()).pathname).toBe('/login/');
  await expect(page.locator('workos-login')).toHaveAttribute('redirect-to', '/wp-admin/edit.php?x=1');
});

test('native sign-in POSTs are refused; the emergency form works and is reported', async ({ page, stack }) => {
  const refused = await page.request.post('/wp-login.php', {
    form: { log: 'admin', pwd: stack.adminPassword, testcookie: '1' },
    maxRedirects: 0,
  });
  expect(refused.status()).toBe(403);
  expect(refused.headers()['set-cookie'] ?? '').not.toContain('wordpress_logged_in');

  const probe = join(stack.site.docroot, 'wp-content/mu-plugins/e2e-native-probe.php');
  await writeFile(
    probe,
    `<?php add_action( 'workos_login_native_login_used', function ( $who ) {
      $log = get_option( 'e2e_native_used', array() );
      $log[] = $who instanceof WP_User ? 'user:' . $who->user_login : 'name:' . $who;
      update_option( 'e2e_native_used', $log );
    } );`,
  );
  try {
    await page.goto(NATIVE_LOGIN);
    await expect(page.locator('.message', { hasText: 'Emergency sign-in form' })).toBeVisible();
    await submitNativeLogin(page, 'admin', 'wrong-password');
    await expect(page.locator('#login_error')).toBeVisible();
    await signInAsAdmin(page, stack);
    const used = await stack.site.php(`echo wp_json_encode( get_option( 'e2e_native_used' ) );`);
    expect(JSON.parse(used.trim())).toEqual(['name:admin', 'user:admin']);
  } finally {
    await rm(probe, { force: true });
  }
});

test('logout from the admin bar still logs out, back to the sign-in page', async ({ page }) => {
  await page.goto('/workos/login/default');
  await signIn(page, 'ada@example.com', DEMO_PASSWORD);
  await page.waitForURL('**/wp-admin/profile.php');
  const logout = await page.locator('#wp-admin-bar-logout a').getAttribute('href');
  expect(logout).toContain('action=logout');
  expect(logout).toContain('_wpnonce=');
  await page.goto(logout!);
  await page.waitForURL((url) => url.pathname === '/wp-login.php' && url.searchParams.get('loggedout') === 'true');
  await expect(page.getByText('You are now logged out.')).toBeVisible();
  await expect(page.locator('workos-login')).toHaveCount(1);
  expect((await page.context().cookies()).some((c) => c.name.startsWith('wordpress_logged_in'))).toBe(false);
  // Signed out for real: wp-admin asks to sign in again.
  await page.goto('/wp-admin/profile.php');
  expect(new URL(page.url()).pathname).toBe('/wp-login.php');
});

test('other wp-login.php actions stay WordPress’s: lost password, post passwords', async ({ page, stack }) => {
  await page.goto('/wp-login.php?action=lostpassword');
  await expect(page.locator('#lostpasswordform')).toBeVisible();

  const path = await publishPage(stack, 'secret', '<p>The hidden words.</p>', { post_password: 'open-sesame' });
  await page.goto(path);
  await page.locator('input[name="post_password"]').fill('open-sesame');
  await page.locator('input[name="post_password"]').press('Enter');
  await expect(page.getByText('The hidden words.')).toBeVisible();
});

test('a signed-in visitor is sent on, except with reauth (signed out, form shown)', async ({ page, stack }) => {
  await page.goto('/workos/login/default');
  await signIn(page, 'grace@example.com', DEMO_PASSWORD);
  await page.waitForURL('**/wp-admin/profile.php');
  const sent = await page.request.get('/wp-login.php', { maxRedirects: 0 });
  expect(sent.status()).toBe(302);
  expect(sent.headers().location).toBe(`${stack.wordpressUrl}/wp-admin/profile.php`);

  await page.goto('/wp-login.php?reauth=1');
  await expect(page.locator('workos-login')).toHaveCount(1);
  expect((await page.context().cookies()).some((c) => c.name.startsWith('wordpress_logged_in'))).toBe(false);
  // Its nonce is the signed-out visitor's: signing in works at once.
  await signIn(page, 'grace@example.com', DEMO_PASSWORD);
  await page.waitForURL('**/wp-admin/profile.php');
});

test('the wp-admin session-expired modal signs in with the element and closes', async ({ page, stack }) => {
  await page.goto('/workos/login/default');
  await signIn(page, 'ada@example.com', DEMO_PASSWORD);
  await page.waitForURL('**/wp-admin/profile.php');

  // The session ends behind the page's back; the next heartbeat notices.
  await stack.site.php(`
    $user = get_user_by( 'email', 'ada@example.com' );
    WP_Session_Tokens::get_instance( $user->ID )->destroy_all();
  `);
  await page.evaluate(() =>
    (window as unknown as { wp: { heartbeat: { connectNow(): void } } }).wp.heartbeat.connectNow(),
  );
  // The wrapper has no box of its own (its children are fixed): watch the dialog.
  const modal = page.locator('#wp-auth-check');
  await expect(modal).toBeVisible();

  const frame = page.frameLocator('#wp-auth-check-frame');
  await expect(frame.getByText('Your session has expired.')).toBeVisible();
  const login = frame.locator('workos-login');
  await login.getByLabel('Email').fill('ada@example.com');
  await login.getByLabel('Password').fill(DEMO_PASSWORD);
  await login.getByLabel('Password').press('Enter');

  await expect(modal).toBeHidden();
  expect(new URL(page.url()).pathname).toBe('/wp-admin/profile.php');
  await page.reload();
  expect(new URL(page.url()).pathname).toBe('/wp-admin/profile.php');
});

test('interim login on its own: success page once signed in', async ({ page }) => {
  await page.goto('/wp-login.php?interim-login=1');
  await expect(page.locator('body')).toHaveClass(/interim-login/);
  await expect(page.locator('.workos-login-site')).toHaveCount(0);
  await signIn(page, 'grace@example.com', DEMO_PASSWORD);
  await expect(page.locator('body')).toHaveClass(/interim-login-success/);
  await expect(page.locator('p.message')).toHaveText('You have logged in successfully.');
});
