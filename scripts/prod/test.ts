/**
 * `npm run test:prod`: the production-like lane's journeys (playwright.prod.config.ts). First makes
 * sure its Debian packages are there (installing them as root). When they cannot be had, it says
 * why and — outside CI only — exits 0 with "skipped"; in CI (`CI` set) a missing stack fails.
 * Extra arguments go to Playwright (`npm run test:prod -- -g "nodes"`).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../stack.ts';
import { ensureChromium } from '../wp/index.ts';
import { ensureProdPackages } from './packages.ts';

const packages = await ensureProdPackages();
if (!packages.ok) {
  if (process.env.CI) {
    process.stderr.write(`test:prod: the production-like lane cannot run: ${packages.reason}\n`);
    process.exit(1);
  }
  process.stdout.write(`test:prod skipped: ${packages.reason}\n`);
  process.exit(0);
}
const chromium = await ensureChromium();

const result = spawnSync(
  join(ROOT, 'node_modules/.bin/playwright'),
  ['test', '-c', join(ROOT, 'playwright.prod.config.ts'), ...process.argv.slice(2)],
  {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, E2E_LANE: 'prod', ...(chromium ? { CHROMIUM_PATH: chromium } : {}) },
  },
);
process.exit(result.status ?? 1);
