import { defineConfig } from '@playwright/test';
import { laneSettings } from './scripts/playwright-lane.ts';

/**
 * The production-like lane (`npm run test:prod`): the core journeys of tests/e2e, unchanged, plus
 * tests/prod/*.spec.ts, against nginx + two PHP-FPM nodes + MariaDB + Redis + two login-server
 * replicas (scripts/prod/). The `stack` fixture reads E2E_LANE; this config sets it to `prod`
 * unless given (E2E_LANE=sqlite runs the same selection on the SQLite lane).
 */
process.env.E2E_LANE ??= 'prod';

/** tests/e2e journeys that run here: sign-in methods, MFA, organizations, passkeys, audit. */
const JOURNEYS = [
  'password-sign-in',
  'magic-code',
  'social-sso',
  'mfa',
  'org-choice',
  'passkey-sign-in',
  'identity',
  'audit-log',
  // What MariaDB, the object caches, the two nodes and the balancer change.
  'limits-races',
  'sessions',
  'faults-database',
  'faults-server',
];

/**
 * Admin-screen journeys of those files that nothing in this stack changes (list tables, CSV,
 * dialogs, the forwarding queue's schedule); the SQLite lane runs them. Keeps this lane a few minutes.
 */
const SCREEN_ONLY = [
  'the screen lists, filters, searches and pages',
  'clearing asks first, can be cancelled',
  'forwarding sends each event to WorkOS Audit Logs',
];

export default defineConfig({
  testDir: 'tests',
  testMatch: new RegExp(`tests/(e2e/(${JOURNEYS.join('|')})|prod/[^/]+)\\.spec\\.ts$`),
  // identity.spec.ts: its logout journeys (WorkOS session revocation) only.
  grep: [/^(?!.*identity\.spec\.ts)/, /identity\.spec\.ts.* logout /],
  grepInvert: new RegExp(SCREEN_ONLY.join('|')),
  globalSetup: './tests/e2e/global-setup.ts',
  ...laneSettings('prod'),
});
