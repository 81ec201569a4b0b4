/**
 * What every Playwright lane shares (playwright.config.ts and the oldest, install and prod
 * configs): one worker, no retries, busy-machine budgets, Chromium from this machine, the lane's
 * WordPress as baseURL, and — for a lane other than the default — results and report folders of
 * its own under .wp/, which the default lane's runs (test-results/, playwright-report/) never empty.
 * Call it after the config has set the lane's environment.
 */
import type { PlaywrightTestConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium.ts';
import { laneWordPressUrl } from './prod/env.ts';

export function laneSettings(lane: string | null = null): PlaywrightTestConfig {
  return {
    workers: 1,
    fullyParallel: false,
    forbidOnly: !!process.env.CI,
    retries: 0,
    // Budgets for a busy machine (the suite shares two cores with other work): tests wait on states,
    // so a generous budget costs a passing test nothing and only bounds a failing one.
    timeout: 120_000,
    expect: { timeout: 20_000 },
    ...(lane ? { outputDir: `.wp/test-results/${lane}` } : {}),
    reporter: process.env.CI
      ? [['list']]
      : [['list'], ['html', { open: 'never', ...(lane ? { outputFolder: `.wp/playwright-report/${lane}` } : {}) }]],
    use: {
      browserName: 'chromium',
      launchOptions: chromiumLaunchOptions(),
      baseURL: laneWordPressUrl(),
      trace: 'retain-on-failure',
    },
  };
}
