/**
 * Diagnostics: the health tests through their REST route and Tools → Site Health (whose script
 * runs the async ones), the WorkOS → Diagnostics screen (results, settings with their sources,
 * the API key as its last 4 characters, never the secret), and who may see them.
 */
import type { Page } from '@playwright/test';
import seed from '../../server/workos-fake/seed.json' with { type: 'json' };
import { FAKE_API_KEY, FAKE_CLIENT_ID, type Stack } from '../../scripts/stack.ts';
import { restAs, type Rest } from './admin.ts';
import { E2E_PORTS, expect, signInAsAdmin, submitNativeLogin, test } from './fixtures.ts';
import { phpJsonOut } from './profiles.ts';

const ROUTE = '/wp-json/workos/v1/site-health';
const DIAGNOSTICS = '/wp-admin/admin.php?page=workos-login-diagnostics';
const DEMO_ORG = seed.organizations[0];
/** The tests that ask the login server (async in Site Health), then those WordPress answers alone. */
const SERVER_TESTS = ['login_server', 'workos_credentials', 'organization', 'clock'];
const SITE_TESTS = ['server_transport', 'secret', 'rewrite_rules', 'https'];

interface HealthResult {
  status: 'good' | 'recommended' | 'critical';
  label: string;
  description: string;
  badge: { label: string; color: string };
  test: string;
}

async function runTest(api: Rest, name: string): Promise<HealthResult> {
  const res = await api('GET', `${ROUTE}/${name}`);
  expect(res.status, `${name}: ${JSON.stringify(res.body)}`).toBe(200);
  return res.body as HealthResult;
}

/** Sets the site organization to the fake's demo organization (stored option). */
async function useDemoOrganization(stack: Stack): Promise<void> {
  await stack.site.php(`update_option( 'workos_login_organization_id', '${DEMO_ORG.id}' );`);
}

/** Opens Tools → Site Health and waits until its script has run every async test. */
async function openSiteHealth(page: Page): Promise<void> {
  await page.goto('/wp-admin/site-health.php');
  await expect(page.locator('.site-health-progress-wrapper')).not.toHaveClass(/loading/, { timeout: 45_000 });
}

/** Site Health's list of issues of one status. */
const issues = (page: Page, status: HealthResult['status']) => page.locator(`#health-check-issues-${status} .issues`);

test('every test is good on the healthy stack, through REST and on Site Health', async ({ page, stack }) => {
  test.setTimeout(180_000);
  await useDemoOrganization(stack);
  await signInAsAdmin(page, stack);
  const api = await restAs(page);

  for (const name of [...SERVER_TESTS, ...SITE_TESTS]) {
    const result = await runTest(api, name);
    expect(result.status, `${name}: ${result.label} — ${result.description}`).toBe('good');
    expect(result.badge.label).toBe('WorkOS Login');
    expect(result.test).toBe(`workos_login_${name}`);
    expect(result.description).not.toContain(stack.secret);
  }
  expect((await runTest(api, 'organization')).description).toContain(DEMO_ORG.name);
  expect((await runTest(api, 'workos_credentials')).description).toContain(FAKE_API_KEY.slice(-4));
  expect((await api('GET', `${ROUTE}/no_such_test`)).status).toBe(404);

  await openSiteHealth(page);
  await expect(issues(page, 'good')).toContainText('The WorkOS login server answers and accepts this site’s signature');
  await expect(issues(page, 'good')).toContainText('WorkOS accepts the login server’s credentials');
  await expect(issues(page, 'good')).toContainText('The WorkOS site organization exists');
  await expect(issues(page, 'good')).toContainText('The clocks of WordPress and the WorkOS login server agree');
  await expect(issues(page, 'good')).toContainText('The WorkOS Login shared secret is set and long enough');
  // Nothing of ours (the audit log's test included) needs attention.
  await expect(issues(page, 'critical')).not.toContainText('WorkOS Login');
  await expect(issues(page, 'recommended')).not.toContainText('WorkOS Login');
});

test('Site Health reports a login server that cannot be reached', async ({ page, stack }) => {
  test.setTimeout(180_000);
  await useDemoOrganization(stack);
  await signInAsAdmin(page, stack);
  const api = await restAs(page);
  await stack.stopServer();
  try {
    const server = await runTest(api, 'login_server');
    expect(server.status).toBe('critical');
    expect(server.label).toBe('The WorkOS login server cannot be reached');
    expect(server.description).toContain(stack.serverUrl);
    // What depends on the server says it could not be checked, without piling on criticals.
    for (const name of ['workos_credentials', 'organization', 'clock']) {
      expect((await runTest(api, name)).status, name).toBe('recommended');
    }
    expect((await runTest(api, 'secret')).status).toBe('good');

    await openSiteHealth(page);
    await expect(issues(page, 'critical')).toContainText('The WorkOS login server cannot be reached');

    await page.goto(DIAGNOSTICS);
    await expect(page.locator('tr[data-test="login_server"]')).toHaveAttribute('data-status', 'critical');
    await expect(page.locator('.workos-diagnostics-workos')).toContainText('the login server did not report it');
  } finally {
    await stack.startServer();
  }
});

test('Site Health reports an API key WorkOS refuses', async ({ page, stack }) => {
  test.setTimeout(180_000);
  await useDemoOrganization(stack);
  await signInAsAdmin(page, stack);
  const api = await restAs(page);
  await stack.stopServer();
  try {
    await stack.startServer({ WORKOS_API_KEY: 'sk_test_wrong' });
    expect((await runTest(api, 'login_server')).status).toBe('good');
    const workos = await runTest(api, 'workos_credentials');
    expect(workos.status).toBe('critical');
    expect(workos.label).toBe('The login server’s call to WorkOS failed');
    expect(workos.description).toContain('rejected the API key');
    // An organization looked up with a refused key proves nothing.
    expect((await runTest(api, 'organization')).status).toBe('recommended');

    await openSiteHealth(page);
    await expect(issues(page, 'critical')).toContainText('The login server’s call to WorkOS failed');

    await page.goto(DIAGNOSTICS);
    await expect(page.locator('tr[data-test="workos_credentials"]')).toHaveAttribute('data-status', 'critical');
    await expect(page.locator('.workos-diagnostics-workos')).toContainText('…rong');
  } finally {
    await stack.stopServer();
    await stack.startServer();
  }
});

test('Site Health reports WorkOS unreachable from the login server', async ({ page, stack }) => {
  await useDemoOrganization(stack);
  await signInAsAdmin(page, stack);
  const api = await restAs(page);
  await stack.stopWorkOS();
  try {
    expect((await runTest(api, 'login_server')).status).toBe('good');
    const workos = await runTest(api, 'workos_credentials');
    expect(workos.status).toBe('critical');
    expect(workos.description).toContain('could not be reached');
    expect((await runTest(api, 'organization')).status).toBe('recommended');
    expect((await runTest(api, 'clock')).status).toBe('good');
  } finally {
    await stack.startWorkOS();
  }
});

test('the Diagnostics screen shows results and settings with their sources, never the secret', async ({
  page,
  stack,
}) => {
  await useDemoOrganization(stack);
  await signInAsAdmin(page, stack);
  const response = await page.goto(DIAGNOSTICS);
  expect(response?.status()).toBe(200);
  const source = (await response?.text()) ?? '';

  const tests = page.locator('.workos-diagnostics-tests tr[data-test]');
  expect(await tests.count()).toBeGreaterThanOrEqual(SERVER_TESTS.length + SITE_TESTS.length);
  for (const name of [...SERVER_TESTS, ...SITE_TESTS]) {
    await expect(page.locator(`tr[data-test="${name}"]`), name).toHaveAttribute('data-status', 'good');
  }

  const setting = (name: string) => page.locator(`.workos-diagnostics-settings tr[data-setting="${name}"]`);
  await expect(setting('server_url')).toHaveAttribute('data-source', 'constant');
  await expect(setting('server_url')).toContainText(stack.serverUrl);
  await expect(setting('server_url')).toContainText('WORKOS_LOGIN_SERVER_URL');
  await expect(setting('secret')).toHaveAttribute('data-source', 'constant');
  await expect(setting('secret')).toContainText(`set (${stack.secret.length} characters)`);
  await expect(setting('organization_id')).toHaveAttribute('data-source', 'database');
  await expect(setting('organization_id')).toContainText(DEMO_ORG.id);
  await expect(setting('gate_enabled')).toHaveAttribute('data-source', 'default');
  await expect(setting('gate_enabled')).toContainText('off');

  const workos = page.locator('.workos-diagnostics-workos');
  await expect(workos).toContainText(`…${FAKE_API_KEY.slice(-4)}`);
  await expect(workos).toContainText(FAKE_CLIENT_ID);
  await expect(workos).toContainText(`127.0.0.1:${E2E_PORTS.workos}`);
  await expect(page.locator('.workos-diagnostics-software')).toContainText('/%postname%/');

  expect(source).not.toContain(stack.secret);
  expect(source).not.toContain(FAKE_API_KEY);
  expect(await page.content()).not.toContain(stack.secret);

  await page.getByRole('link', { name: 'Run again' }).click();
  await expect(page).toHaveURL(/page=workos-login-diagnostics/);
  await expect(page.locator('tr[data-test="login_server"]')).toHaveAttribute('data-status', 'good');
});

test('missing rewrite rules are critical; plain permalinks are explained', async ({ page, stack }) => {
  await signInAsAdmin(page, stack);
  const api = await restAs(page);
  expect((await runTest(api, 'organization')).status).toBe('recommended'); // none configured here

  await stack.site.php(`
    $rules = get_option( 'rewrite_rules' );
    unset( $rules[ WORKOS_LOGIN_ROUTE_REGEX ] );
    update_option( 'rewrite_rules', $rules );
  `);
  const missing = await runTest(api, 'rewrite_rules');
  expect(missing.status).toBe('critical');
  expect(missing.description).toContain('/workos/login/&lt;profile&gt;');
  expect(missing.description).toContain('Settings → Permalinks');

  await stack.site.php(`update_option( 'permalink_structure', '' );`);
  const plain = await runTest(api, 'rewrite_rules');
  expect(plain.status).toBe('recommended');
  expect(plain.description).toContain('?workos_login_profile=');
});

test('the clock difference allows for the round trip and the Date header’s whole seconds', async ({ stack }) => {
  const skews = await phpJsonOut<Array<{ skew: number; uncertainty: number } | null>>(
    stack,
    `echo wp_json_encode( array(
      workos_login_diagnostics_clock_skew( array( 'health' => array( 'server_time' => 1000045000 ), 'started' => 1000000.0, 'finished' => 1000000.2, 'server_date' => null ) ),
      workos_login_diagnostics_clock_skew( array( 'health' => null, 'started' => 1000000.0, 'finished' => 1000000.2, 'server_date' => 999800 ) ),
      workos_login_diagnostics_clock_skew( array( 'health' => null, 'started' => 1.0, 'finished' => 2.0, 'server_date' => null ) ),
    ) );`,
  );
  expect(skews[0]!.skew).toBeCloseTo(44.9, 3);
  expect(skews[0]!.uncertainty).toBeCloseTo(0.1, 3);
  expect(skews[1]!.skew).toBeCloseTo(-199.6, 3);
  expect(skews[1]!.uncertainty).toBeCloseTo(0.6, 3);
  expect(skews[2]).toBeNull();
});

test('only administrators see diagnostics: visitors get 401, editors 403', async ({ page, request, stack }) => {
  expect((await request.get(`${ROUTE}/login_server`)).status()).toBe(401);

  await stack.site.php(
    `wp_insert_user( array( 'user_login' => 'edna', 'user_pass' => 'Editor-Pass-42', 'user_email' => 'edna@example.com', 'role' => 'editor' ) );`,
  );
  await submitNativeLogin(page, 'edna', 'Editor-Pass-42');
  await page.waitForURL('**/wp-admin/**');
  const api = await restAs(page);
  expect((await api('GET', `${ROUTE}/login_server`)).status).toBe(403);
  const screen = await page.goto(DIAGNOSTICS);
  expect(screen?.status()).toBe(403);
  expect(await page.content()).not.toContain(stack.secret);
});
