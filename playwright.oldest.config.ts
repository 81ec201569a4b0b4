import { defineConfig } from '@playwright/test';
import { laneSettings } from './scripts/playwright-lane.ts';
import { smokeSelection } from './scripts/e2e-smoke.ts';
import { OLDEST_WP_VERSION } from './scripts/wp/paths.ts';

/**
 * The oldest-WordPress smoke lane (`npm run test:oldest`): a few core journeys of tests/e2e,
 * unchanged, on the oldest core the plugin supports (plugin.php `Requires at least`, WordPress
 * 6.5.5), while the default lane runs the whole suite on the newest build (paths.ts). It is the
 * SQLite lane on a site and ports of its own, so it never rebuilds the default lane's site:
 *
 *   OLDEST_SITE         e2e-oldest   .wp/sites/<name>
 *   OLDEST_WP_PORT      8894         php -S
 *   OLDEST_WORKOS_PORT  4320         WorkOS fake
 *   OLDEST_SERVER_PORT  4321         login server
 *   OLDEST_REDIS_PORT   6382         Redis, started on demand
 *   OLDEST_WP_VERSION   6.5          any WORKOS_WP_VERSION build (paths.ts), to smoke another one
 *
 * The fixture reads the E2E_* names; they are set here (workers inherit them) and any E2E_* given
 * for the default lane is overridden.
 */
const env = process.env;
Object.assign(env, {
  E2E_LANE: 'sqlite',
  E2E_SITE: env.OLDEST_SITE || 'e2e-oldest',
  E2E_WP_PORT: env.OLDEST_WP_PORT || '8894',
  E2E_WORKOS_PORT: env.OLDEST_WORKOS_PORT || '4320',
  E2E_SERVER_PORT: env.OLDEST_SERVER_PORT || '4321',
  E2E_REDIS_PORT: env.OLDEST_REDIS_PORT || '6382',
  WORKOS_WP_VERSION: env.OLDEST_WP_VERSION || OLDEST_WP_VERSION,
});

/**
 * spec file → the starts of the test titles that run here: what differs between WordPress
 * versions (block editor, wp-admin screens and their components, wp-login.php, the profile
 * screen's script modules) and one journey per sign-in method. A few minutes in all.
 */
const SMOKE: Record<string, string[]> = {
  'password-sign-in': ['a new user signs in, is created in WordPress and lands in wp-admin'],
  'magic-code': ['an emailed code signs an existing user in'],
  'passkey-sign-in': ['after a password sign-in, “Sign in faster next time?” creates a passkey'],
  'passkey-manage': ['the profile screen adds, lists, renames and deletes a passkey'],
  blocks: [
    'an editor inserts the login block, picks a profile, sees the branded preview',
    'the editor shows the login button as it will look',
  ],
  'admin-profiles': ['an administrator creates a branded profile with a custom path'],
  settings: ['the administrator saves settings through the screen, and they stick'],
  'wp-login': [
    'wp-login.php renders the default profile',
    'native sign-in POSTs are refused; the emergency form works',
    'the wp-admin session-expired modal signs in with the element and closes',
  ],
  shortcode: ['a page with two instances: both render, each signs in on its own'],
};

const { testMatch, grep } = smokeSelection('playwright.oldest.config.ts', SMOKE);

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch,
  grep,
  globalSetup: './tests/e2e/global-setup.ts',
  ...laneSettings('oldest'),
});
