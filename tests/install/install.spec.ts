/**
 * The release installed the way a site owner installs it (playwright.install.config.ts): the
 * checksums verify, the login server from its package passes `--check` and serves this site,
 * WordPress takes the plugin zip on Plugins → Add New Plugin, activates it, and the plugin proves
 * its configuration against the packaged server. The site as this leaves it is the one the
 * journeys after it start from.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FAKE_API_KEY, FAKE_CLIENT_ID } from '../../scripts/stack.ts';
import { expect, signInAsAdmin, test } from '../e2e/fixtures.ts';
import { DIST_DIR, PLUGIN_ZIP, SERVER_BIN, SERVER_DIR, VERSION } from './release.ts';

test('the checksums verify, and the packaged login server checks its configuration against WorkOS', async ({
  stack,
}) => {
  expect(execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: DIST_DIR, encoding: 'utf8' })).toMatch(
    /^workos-login-[^:]+\.zip: OK\nworkos-login-server-[^:]+\.tgz: OK\n$/,
  );
  // An empty folder with the package in it, nothing installed beside it.
  expect(readdirSync(SERVER_DIR)).toEqual(['workos-login-server']);
  expect(existsSync(join(SERVER_DIR, 'workos-login-server/node_modules'))).toBe(false);

  const run = (args: string[], env: Record<string, string>) =>
    spawnSync(process.execPath, [SERVER_BIN, ...args], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', ...env },
    });
  expect(run(['--version'], {}).stdout).toBe(`${VERSION}\n`);
  const settings = {
    WORKOS_API_KEY: FAKE_API_KEY,
    WORKOS_CLIENT_ID: FAKE_CLIENT_ID,
    WORKOS_API_URL: stack.workosUrl,
    WORKOS_LOGIN_SECRET: stack.secret,
  };
  const check = run(['--check'], settings);
  expect(check.stdout).toContain('Configuration: valid');
  expect(check.stdout).toContain('the API key works');
  expect(check.status).toBe(0);
  const wrongKey = run(['--check'], { ...settings, WORKOS_API_KEY: 'sk_test_not_a_key_at_all' });
  expect(wrongKey.status).toBe(1);
  expect(wrongKey.stdout).toContain('WorkOS rejected the API key');
  const unset = run(['--check'], {});
  expect(unset.status).toBe(78);
  expect(unset.stderr).toContain('WORKOS_LOGIN_SECRET is not set');

  // The stack's login server is this package's (fixtures: E2E_RELEASE_SERVER_BIN).
  expect((await fetch(`${stack.serverUrl}/healthz`)).ok).toBe(true);
});

test('a site owner uploads the plugin zip, activates it, and it proves the packaged login server', async ({
  page,
  stack,
}) => {
  test.setTimeout(240_000);
  const pluginDir = join(stack.site.docroot, 'wp-content/plugins/workos-login');
  expect(existsSync(pluginDir), 'a WordPress that never had the plugin').toBe(false);

  // WordPress's own sign-in form: nothing of the plugin runs yet.
  await signInAsAdmin(page, stack);
  await page.goto('/wp-admin/plugin-install.php?tab=upload');
  await page.locator('#pluginzip').setInputFiles(PLUGIN_ZIP);
  await page.locator('#install-plugin-submit').click();
  await expect(page.getByText('Plugin installed successfully.')).toBeVisible({ timeout: 60_000 });
  await page.getByRole('link', { name: 'Activate Plugin' }).click();
  await expect(page.locator('#message')).toContainText('Plugin activated.');
  await expect(page.locator('tr[data-slug="workos-login"]')).toHaveClass(/\bactive\b/);
  await expect(page.locator('tr[data-slug="workos-login"]')).toContainText(`Version ${VERSION}`);

  // WordPress unpacked the zip into a folder of its own: the plugin and nothing of development.
  expect(lstatSync(pluginDir).isSymbolicLink()).toBe(false);
  expect(readdirSync(pluginDir).sort()).toEqual([
    'THIRD-PARTY-NOTICES.txt',
    'admin',
    'assets',
    'blocks',
    'build',
    'includes',
    'languages',
    'plugin.php',
    'readme.txt',
    'uninstall.php',
  ]);

  // A signed exchange with the packaged login server proves the configuration; from here on
  // wp-login.php is the plugin's.
  expect(await stack.site.php(`echo workos_login_config_ready() ? 'proven' : 'unproven';`)).toBe('proven');
  await page.goto('/wp-admin/admin.php?page=workos-login-diagnostics');
  for (const name of ['login_server', 'server_transport', 'secret', 'workos_credentials'])
    await expect(page.locator(`.workos-diagnostics-tests tr[data-test="${name}"]`), name).toHaveAttribute(
      'data-status',
      'good',
    );
  await page.context().clearCookies();
  await page.goto('/wp-login.php');
  await expect(page.locator('workos-login')).toBeVisible();

  // The journeys after this one start from this site.
  await stack.site.saveGolden();
});
