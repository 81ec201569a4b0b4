import { defineConfig } from '@playwright/test';
import { laneSettings } from './scripts/playwright-lane.ts';
import { smokeSelection } from './scripts/e2e-smoke.ts';
import { SERVER_BIN } from './tests/install/release.ts';

/**
 * The install lane (`npm run test:install`): the release as a site owner gets it. A WordPress that
 * never had the plugin gets it only from the zip — uploaded on Plugins → Add New Plugin and
 * activated there (tests/install/) — and the login server runs only from its package, unpacked
 * into an empty folder (.wp/release/server/). Then a few journeys of tests/e2e run unchanged on
 * that site: a password sign-in, a page with the block, a profile saved in the admin screen.
 * The SQLite lane's stack on a site and ports of its own:
 *
 *   INSTALL_SITE         e2e-install  .wp/sites/<name>, removed at every start
 *   INSTALL_WP_PORT      8896         php -S
 *   INSTALL_WORKOS_PORT  4340         WorkOS fake
 *   INSTALL_SERVER_PORT  4341         the packaged login server
 *   INSTALL_REDIS_PORT   6383         Redis, started on demand
 */
const env = process.env;
Object.assign(env, {
  E2E_LANE: 'sqlite',
  E2E_SITE: env.INSTALL_SITE || 'e2e-install',
  E2E_WP_PORT: env.INSTALL_WP_PORT || '8896',
  E2E_WORKOS_PORT: env.INSTALL_WORKOS_PORT || '4340',
  E2E_SERVER_PORT: env.INSTALL_SERVER_PORT || '4341',
  E2E_REDIS_PORT: env.INSTALL_REDIS_PORT || '6383',
  E2E_RELEASE_SERVER_BIN: SERVER_BIN,
});

const smoke = smokeSelection('playwright.install.config.ts', {
  'password-sign-in': ['a new user signs in, is created in WordPress and lands in wp-admin'],
  blocks: ['an editor inserts the login block, picks a profile, sees the branded preview; a visitor signs in there'],
  'admin-profiles': ['an administrator creates a branded profile with a custom path'],
  'wp-login': ['wp-login.php renders the default profile'],
});

export default defineConfig({
  globalSetup: './tests/install/global-setup.ts',
  ...laneSettings('install'),
  projects: [
    // First: the plugin installed from the zip; its site becomes the one every later test resets to.
    { name: 'install', testDir: 'tests/install', testMatch: /\.spec\.ts$/ },
    { name: 'journeys', testDir: 'tests/e2e', ...smoke, dependencies: ['install'] },
  ],
});
