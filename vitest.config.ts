import { defineConfig } from 'vitest/config';

/** Node-side unit tests. Element tests run in Chromium (web-test-runner), journeys in Playwright. */
export default defineConfig({
  test: {
    include: [
      'server/**/*.test.ts',
      'protocol/**/*.test.ts',
      'scripts/**/*.test.ts',
      'blocks/**/*.test.ts',
      'admin/**/*.test.ts',
    ],
    environment: 'node',
  },
});
