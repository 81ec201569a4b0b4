import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './scripts/chromium.ts';
import { laneWordPressUrl } from './scripts/prod/env.ts';

/**
 * End-to-end journeys against a real WordPress + login server + WorkOS fake, started once per
 * worker by the `stack` fixture (tests/e2e/fixtures.ts) on ports of their own: by default the
 * SQLite lane on 8891/4201/4200 (E2E_WP_PORT, E2E_SERVER_PORT, E2E_WORKOS_PORT, E2E_SITE); with
 * E2E_LANE=prod the production-like stack (scripts/prod/env.ts).
 */
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './tests/e2e/global-setup.ts',
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Budgets for a busy machine (the suite shares two cores with other work): tests wait on states,
  // so a generous budget costs a passing test nothing and only bounds a failing one.
  timeout: 120_000,
  expect: { timeout: 20_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions(),
    baseURL: laneWordPressUrl(),
    trace: 'retain-on-failure',
  },
});
