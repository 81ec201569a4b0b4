import { defineConfig } from '@playwright/test';
import { laneSettings } from './scripts/playwright-lane.ts';

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
  ...laneSettings(),
});
