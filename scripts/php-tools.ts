/**
 * The PHP linters, from Composer (composer.lock → vendor/): the WordPress coding standards
 * (`phpcs`, phpcs.xml.dist) and static analysis (`phpstan`, phpstan.neon.dist), both at zero
 * findings. `npm run lint:php` runs both; `npm test` runs each as a suite after php-lint.
 *
 *   node scripts/php-tools.ts [phpcs|phpstan]…     (no argument: both)
 *
 * vendor/ is installed first (`composer install`) when it is missing or older than composer.lock.
 * Without native PHP or without Composer on PATH the tools are skipped with a message saying what
 * is missing — a failure when CI is set, like the production-like lane.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureVendor, unavailable } from './composer.ts';
import { ensurePhp, REPO_ROOT } from './wp/index.ts';

const TOOLS = {
  // Quiet on success; on findings, each one and then the count per file.
  phpcs: ['vendor/bin/phpcs', '-q', '--report-full', '--report-summary'],
  phpstan: ['vendor/bin/phpstan', 'analyse', '--no-progress', '--memory-limit=1G'],
} as const;
type Tool = keyof typeof TOOLS;

const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !(name in TOOLS));
if (unknown.length > 0) {
  process.stderr.write(`php-tools: unknown tool ${unknown.join(', ')} (known: ${Object.keys(TOOLS).join(', ')})\n`);
  process.exit(2);
}
const tools = (requested.length > 0 ? requested : Object.keys(TOOLS)) as Tool[];

const found = await ensurePhp();
if (!found) unavailable(tools.join(', '), 'no native PHP');
const problem = ensureVendor(found.php);
if (problem) unavailable(tools.join(', '), problem);

let failed = 0;
for (const tool of tools) {
  const [script, ...args] = TOOLS[tool];
  const started = Date.now();
  const result = spawnSync(found.php, [join(REPO_ROOT, script), ...args], { cwd: REPO_ROOT, stdio: 'inherit' });
  const ok = result.status === 0;
  if (!ok) failed++;
  process.stdout.write(`${tool}: ${ok ? 'no findings' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
}
process.exit(failed === 0 ? 0 : 1);
