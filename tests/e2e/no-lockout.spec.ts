/**
 * Not configured means not taken over (ARCHITECTURE rule 10): on a site where the plugin is
 * active but not set up — or set up with a wrong secret — wp-login.php stays WordPress's own and
 * administrators are told exactly what is missing. Once a signed exchange with the login server
 * proved the configuration, wp-login.php is taken over, and an outage then fails closed.
 *
 * A second, unconfigured WordPress beside the e2e stack, using the stack's login server.
 */
import type { Page } from '@playwright/test';
import { createSite, serveSite, REPO_ROOT, type Server, type Site } from '../../scripts/wp/index.ts';
import { E2E_PORTS, expect, test } from './fixtures.ts';

const PORT = E2E_PORTS.wordpress + 20;
const ADMIN = { username: 'admin', password: 'unconfigured-admin-7', email: 'admin@localhost.test' };

let site: Site;
let server: Server;

test.describe.configure({ mode: 'serial', timeout: 240_000 });

test.beforeAll(async () => {
  site = await createSite({ name: 'e2e-unconfigured', port: PORT, pluginDir: REPO_ROOT, adminUser: ADMIN });
  server = await serveSite(site);
});
test.afterAll(async () => {
  await server?.stop();
});
test.beforeEach(async () => {
  await site.reset();
});

const url = (path: string) => `${site.url}${path}`;

async function nativeSignIn(page: Page): Promise<void> {
  await page.goto(url('/wp-login.php'));
  await expect(page.locator('#loginform')).toBeVisible();
  await expect(page.locator('workos-login')).toHaveCount(0);
  await page.locator('#user_login').fill(ADMIN.username);
  await page.locator('#user_pass').fill(ADMIN.password);
  await expect(page.locator('#user_pass')).toHaveValue(ADMIN.password);
  await page.locator('#wp-submit').click();
  await page.waitForURL('**/wp-admin/**');
}

const setOption = (name: string, value: string) =>
  site.php(`update_option( ${JSON.stringify(`workos_login_${name}`)}, ${JSON.stringify(value)} );`);

test('not configured: wp-login.php is WordPress’s own, and the notice says what is missing', async ({ page }) => {
  await nativeSignIn(page);
  const notice = page.locator('.notice-error', { hasText: 'WorkOS Login is not configured' });
  await expect(notice).toContainText('WORKOS_LOGIN_SERVER_URL is not set');
  await expect(notice).toContainText('WORKOS_LOGIN_SECRET is not set');
  await expect(notice).toContainText('wp-login.php stays WordPress’s own sign-in form');
});

test('configured with a wrong secret: still WordPress’s own form, and the notice says the exchange failed', async ({
  page,
  stack,
}) => {
  await setOption('server_url', stack.serverUrl);
  await setOption('secret', 'x'.repeat(64));
  await nativeSignIn(page);
  await expect(
    page.locator('.notice-error', { hasText: 'has not yet completed a signed exchange with the login server' }),
  ).toContainText(stack.serverUrl);
});

test('configured right: the first visit proves it and takes wp-login.php over; an outage then fails closed', async ({
  page,
  stack,
}) => {
  await setOption('server_url', stack.serverUrl);
  await setOption('secret', stack.secret);
  await page.goto(url('/wp-login.php'));
  await expect(page.locator('workos-login')).toBeVisible();
  await expect(page.locator('#loginform')).toHaveCount(0);

  await stack.stopServer();
  try {
    await page.goto(url('/wp-login.php'));
    await expect(page.locator('workos-login')).toBeVisible();
    // WordPress's own form stays refused: an outage is not a way around WorkOS.
    const post = await page.request.post(url('/wp-login.php'), {
      form: { log: ADMIN.username, pwd: ADMIN.password },
      maxRedirects: 0,
    });
    expect(post.status()).toBe(403);
  } finally {
    await stack.startServer();
  }
});
