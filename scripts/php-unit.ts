/**
 * `npm run test:php` (and the `phpunit` suite of `npm test`): the PHPUnit tests of the plugin's PHP
 * logic (tests/php/), run inside real WordPress on SQLite with the plugin active.
 *
 * The site is `.wp/sites/phpunit/`, made by the same code as every other site (scripts/wp/site.ts:
 * core from the npm builds, the SQLite integration, wp_install(), the plugin activated); a later run
 * with the same configuration reuses it and only restores its database (milliseconds). Nothing
 * serves it: tests/php/bootstrap.php loads its wp-load.php in the PHPUnit process. PHPUnit is
 * Composer's (vendor/bin/phpunit, composer.lock), not whatever a machine has on its PATH.
 *
 *   node scripts/php-unit.ts [phpunit arguments…]     e.g. --filter Redirect
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureVendor, unavailable } from './composer.ts';
import { createSite, ensurePhp, REPO_ROOT } from './wp/index.ts';

/** Never served: the port only shapes the site's URL (WP_HOME). */
const PORT = 5897;

const started = performance.now();
const php = await ensurePhp();
if (!php) {
  process.stdout.write('phpunit: skipped (no native PHP)\n');
  process.exit(0);
}
const problem = ensureVendor(php.php);
if (problem) unavailable('phpunit', problem);
const phpunit = join(REPO_ROOT, 'vendor/bin/phpunit');
const site = await createSite({ name: 'phpunit', port: PORT, pluginDir: REPO_ROOT });
if (!site.pluginActive) {
  process.stderr.write('phpunit: the plugin could not be activated on the test site\n');
  process.exit(1);
}
process.stdout.write(
  `phpunit: site ${site.freshInstall ? 'installed' : 'reused'} in ${Math.round(performance.now() - started)} ms\n`,
);
// As scripts/wp/php-runner.ts: opcache's file cache keeps WordPress compiled between runs.
const opcacheDir = join(site.dir, 'opcache');
mkdirSync(opcacheDir, { recursive: true });
const opcache = ['opcache.enable_cli=1', `opcache.file_cache=${opcacheDir}`, 'opcache.file_cache_only=1'];
const args = [...opcache.flatMap((setting) => ['-d', setting]), phpunit, '-c', join(REPO_ROOT, 'phpunit.xml.dist')];
const result = spawnSync(php.php, [...args, ...process.argv.slice(2)], {
  cwd: REPO_ROOT,
  stdio: 'inherit',
  env: { ...process.env, WORKOS_PHPUNIT_DOCROOT: site.docroot, WORKOS_PHPUNIT_PORT: String(PORT) },
});
process.exit(result.status ?? 1);
