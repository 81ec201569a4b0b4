// @ts-check
/**
 * Element tests in Debian's Chromium (Playwright cannot download browsers here).
 * Run: `npx web-test-runner` (or `npm run test:elements`).
 */
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { chromiumLaunchOptions } from './scripts/chromium.ts';

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: 'elements/**/*.test.ts',
  nodeResolve: true,
  concurrency: 1,
  // Generous: on a busy machine the first test of a file waits for its modules to be transformed.
  // Tests wait on states (and a fake clock for countdowns), never on this budget.
  testFramework: { config: { timeout: 20_000 } },
  plugins: [
    esbuildPlugin({
      ts: true,
      // esnext keeps `with { type: 'json' }` on fixture imports (es2022 would strip it).
      target: 'esnext',
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    }),
  ],
  middleware: [
    // A header-delivered CSP makes Chromium hide `nonce` attributes, as on real sites that send
    // one; the element must still find its nonce. The policy itself restricts nothing we use.
    function cspHeader(context, next) {
      context.set('Content-Security-Policy', "object-src 'none'");
      return next();
    },
  ],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: chromiumLaunchOptions(),
    }),
  ],
};
