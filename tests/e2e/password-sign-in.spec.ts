import { DEMO_PASSWORD, expect, signIn, signInAsAdmin, test } from './fixtures.ts';

const LOGIN = '/workos/login/default';
const MISMATCH = 'That email and password don’t match. Check them and try again.';

/** WordPress's own record of a user, read with PHP inside the site. */
async function wpUser(stack: { site: { php(code: string): Promise<string> } }, email: string) {
  const out = await stack.site.php(`
    $u = get_user_by( 'email', ${JSON.stringify(email)} );
    echo wp_json_encode( $u ? [
      'id' => $u->ID,
      'login' => $u->user_login,
      'first' => $u->first_name,
      'workos' => get_user_meta( $u->ID, '_workos_user_id', true ),
      'sessions' => array_values( WP_Session_Tokens::get_instance( $u->ID )->get_all() ),
      'count' => count( get_users( [ 'search' => ${JSON.stringify(email)}, 'search_columns' => [ 'user_email' ] ] ) ),
    ] : null );
  `);
  return JSON.parse(out.trim().split('\n').pop() ?? 'null');
}

test('the sign-in page hosts <workos-login>, minimal and not indexed', async ({ page }) => {
  const response = await page.goto(LOGIN);
  expect(response?.status()).toBe(200);
  expect(response?.headers()['cache-control']).toContain('no-cache');
  await expect(page).toHaveTitle(/Sign in/);
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  const login = page.locator('workos-login');
  await expect(login.getByLabel('Email')).toHaveAttribute('autocomplete', 'username');
  await expect(login.getByLabel('Password')).toHaveAttribute('autocomplete', 'current-password');
});

test('an unknown profile slug is a 404', async ({ page }) => {
  const response = await page.goto('/workos/login/no-such-profile');
  expect(response?.status()).toBe(404);
});

test('a new user signs in, is created in WordPress and lands in wp-admin', async ({ page, stack }) => {
  expect(await wpUser(stack, 'grace@example.com')).toBeNull();
  await page.goto(LOGIN);
  await signIn(page, 'grace@example.com', DEMO_PASSWORD);
  // Subscribers cannot edit posts, so wp-login.php's rule sends them to their profile.
  await page.waitForURL('**/wp-admin/profile.php');
  await expect(page.locator('#wp-admin-bar-my-account')).toContainText('Grace');

  const user = await wpUser(stack, 'grace@example.com');
  expect(user.workos).toMatch(/^user_/);
  expect(user.first).toBe('Grace');
  expect(user.sessions).toHaveLength(1);
  expect(user.sessions[0].workos_session_id).toMatch(/^session_/);
});

test('a returning user signs in as the same WordPress user', async ({ page, browser, stack }) => {
  await page.goto(LOGIN);
  await signIn(page, 'ada@example.com', DEMO_PASSWORD);
  await page.waitForURL('**/wp-admin/**');
  const first = await wpUser(stack, 'ada@example.com');

  const other = await browser.newContext();
  const second = await other.newPage();
  await second.goto(LOGIN);
  await signIn(second, 'ada@example.com', DEMO_PASSWORD);
  await second.waitForURL('**/wp-admin/**');
  await other.close();

  const after = await wpUser(stack, 'ada@example.com');
  expect(after.id).toBe(first.id);
  expect(after.count).toBe(1);
  // One WordPress session per device, each with its own WorkOS session.
  expect(after.sessions).toHaveLength(2);
  expect(after.sessions[0].workos_session_id).not.toBe(after.sessions[1].workos_session_id);
});

test('a validated redirect_to is honoured, a foreign one is not', async ({ page, browser }) => {
  await page.goto(`${LOGIN}?redirect_to=${encodeURIComponent('/sample-page/')}`);
  await signIn(page, 'ada@example.com', DEMO_PASSWORD);
  await page.waitForURL((url) => url.pathname === '/sample-page/');
  await expect(page.locator('#wpadminbar')).toBeVisible();

  const other = await browser.newContext();
  const evil = await other.newPage();
  await evil.goto(`${LOGIN}?redirect_to=${encodeURIComponent('https://evil.example/steal')}`);
  await signIn(evil, 'ada@example.com', DEMO_PASSWORD);
  await evil.waitForURL('**/wp-admin/**');
  await other.close();
});

test('a wrong password and an unknown email get the same message', async ({ page, stack }) => {
  await page.goto(LOGIN);
  const login = page.locator('workos-login');
  const alert = login.getByRole('alert');

  await signIn(page, 'ada@example.com', 'not-the-password');
  await expect(alert).toHaveText(MISMATCH);
  await expect(login.getByLabel('Password')).toBeFocused();
  await expect(login.getByLabel('Password')).toHaveValue('');

  await signIn(page, 'nobody@example.com', 'whatever-password');
  await expect(alert).toHaveText(MISMATCH);

  expect(page.url()).toContain(LOGIN);
  expect((await page.context().cookies()).some((c) => c.name.startsWith('wordpress_logged_in'))).toBe(false);
  expect(await wpUser(stack, 'nobody@example.com')).toBeNull();
});

test('empty and malformed fields are caught before any request', async ({ page }) => {
  let requests = 0;
  page.on('request', (request) => {
    if (request.url().includes('/workos/v1/auth/')) requests++;
  });
  await page.goto(LOGIN);
  const login = page.locator('workos-login');
  await login.getByRole('button', { name: 'Sign in' }).click();
  await expect(login.getByLabel('Email')).toBeFocused();
  await expect(login.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');

  await login.getByLabel('Email').fill('not-an-email');
  await login.getByLabel('Password').fill('x');
  await login.getByRole('button', { name: 'Sign in' }).click();
  await expect(login.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  expect(requests).toBe(0);
});

test('when the login server is down the visitor gets a clear message', async ({ page, stack }) => {
  await page.goto(LOGIN);
  await stack.stopServer();
  try {
    await signIn(page, 'ada@example.com', DEMO_PASSWORD);
    await expect(page.locator('workos-login').getByRole('alert')).toHaveText(
      'Sign-in is unavailable right now. Try again in a few minutes.',
    );
  } finally {
    await stack.startServer();
  }
  // And it recovers without a restart of WordPress.
  await signIn(page, 'ada@example.com', DEMO_PASSWORD);
  await page.waitForURL('**/wp-admin/**');
});

test('administrators are told when the login server is unreachable, until it answers again', async ({
  page,
  browser,
  stack,
}) => {
  await page.goto(LOGIN);
  await stack.stopServer();
  try {
    await signIn(page, 'grace@example.com', DEMO_PASSWORD);
    await expect(page.locator('workos-login').getByRole('alert')).toBeVisible();
  } finally {
    await stack.startServer();
  }

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signInAsAdmin(admin, stack);
  const notice = admin.locator('.notice-warning', { hasText: 'The WorkOS login server at' });
  await expect(notice).toBeVisible();
  await expect(notice).not.toContainText(stack.secret);

  await signIn(page, 'grace@example.com', DEMO_PASSWORD);
  await page.waitForURL('**/wp-admin/**');
  await admin.reload();
  await expect(notice).toHaveCount(0);
  await adminContext.close();
});
