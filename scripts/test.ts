/**
 * `npm test`: every suite, in order of speed, each a separate process. Stops at nothing: all
 * suites run so one failure does not hide another; the exit code says whether all passed.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './stack.ts';
import { ensureChromium, ensurePhp } from './wp/index.ts';

const bin = (name: string) => join(ROOT, 'node_modules/.bin', name);

const php = await ensurePhp();
const chromium = await ensureChromium();
const env = { ...process.env, ...(chromium ? { CHROMIUM_PATH: chromium } : {}) };

function phpFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return phpFiles(path);
    return name.endsWith('.php') ? [path] : [];
  });
}

const suites: Array<[string, string, string[]]> = [
  ['typecheck', bin('tsc'), ['--noEmit', '-p', '.']],
  ['lint', bin('eslint'), ['--max-warnings', '0', '.']],
  ['format', bin('prettier'), ['--check', '--log-level', 'warn', '.']],
  [
    'php-lint',
    'sh',
    [
      '-c',
      `for f in "$@"; do php -l "$f" >/dev/null || exit 1; done`,
      'php-lint',
      join(ROOT, 'plugin.php'),
      join(ROOT, 'uninstall.php'),
      ...phpFiles(join(ROOT, 'includes')),
      ...phpFiles(join(ROOT, 'blocks')),
    ],
  ],
  // WordPress coding standards and PHPStan (scripts/php-tools.ts installs vendor/ from composer.lock
  // first); each says "skipped" without native PHP or Composer, and fails instead in CI.
  ['phpcs', process.execPath, [join(ROOT, 'scripts/php-tools.ts'), 'phpcs']],
  ['phpstan', process.execPath, [join(ROOT, 'scripts/php-tools.ts'), 'phpstan']],
  ['unit', bin('vitest'), ['run']],
  // PHPUnit (tests/php/) inside a WordPress site of its own; it says "skipped" without native PHP.
  ['phpunit', process.execPath, [join(ROOT, 'scripts/php-unit.ts')]],
  ['elements', bin('web-test-runner'), []],
  ['e2e', bin('playwright'), ['test']],
  // A smoke subset on the oldest WordPress the plugin supports (6.5; e2e ran the newest build),
  // on a site and ports of its own (playwright.oldest.config.ts). e2e built everything.
  ['oldest', bin('playwright'), ['test', '-c', 'playwright.oldest.config.ts']],
  // The release as a site owner installs it: the plugin only from the zip (uploaded and activated
  // in wp-admin), the login server only from its package; then a few journeys on that site
  // (playwright.install.config.ts). e2e built everything; this packs it.
  ['install', bin('playwright'), ['test', '-c', 'playwright.install.config.ts']],
  // The production-like lane (MariaDB, PHP-FPM ×2, nginx, Redis, login-server replicas); it says
  // "skipped" outside CI when its Debian packages cannot be installed. e2e built everything.
  ['prod', process.execPath, [join(ROOT, 'scripts/prod/test.ts')]],
];

const results: Array<[string, boolean, number]> = [];
for (const [name, command, args] of suites) {
  if (name === 'php-lint' && !php) {
    process.stdout.write('\n▶ php-lint: skipped (no native PHP)\n');
    continue;
  }
  process.stdout.write(`\n▶ ${name}\n`);
  const started = Date.now();
  const suiteEnv = ['prod', 'oldest', 'install'].includes(name) ? { ...env, E2E_SKIP_BUILD: '1' } : env;
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: suiteEnv });
  results.push([name, result.status === 0, Date.now() - started]);
}

process.stdout.write('\nSummary\n');
for (const [name, ok, ms] of results)
  process.stdout.write(`  ${ok ? 'ok  ' : 'FAIL'} ${name.padEnd(10)} ${(ms / 1000).toFixed(1)} s\n`);
const failed = results.filter(([, ok]) => !ok).length;
process.stdout.write(`suites: ${results.length - failed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);
