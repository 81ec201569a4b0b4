/**
 * The PHP tools' packages (composer.json, development only): vendor/ installed from composer.lock.
 * Used by scripts/php-tools.ts (PHPCS, PHPStan) and scripts/php-unit.ts (PHPUnit).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync, utimesSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from './wp/index.ts';

/**
 * Makes vendor/ match composer.lock: `composer install` when vendor/autoload.php is missing or
 * older than the lock file. Returns why it could not, or null.
 */
export function ensureVendor(php: string): string | null {
  const autoload = join(REPO_ROOT, 'vendor/autoload.php');
  const lock = join(REPO_ROOT, 'composer.lock');
  if (existsSync(autoload) && statSync(autoload).mtimeMs >= statSync(lock).mtimeMs) return null;
  const composer = spawnSync('composer', ['--version'], { cwd: REPO_ROOT, stdio: 'ignore' });
  if (composer.error || composer.status !== 0)
    return 'Composer is not on PATH: install it (Debian: apt-get install composer) and run composer install';
  process.stdout.write('composer install (vendor/ is missing or older than composer.lock)\n');
  const installed = spawnSync('composer', ['install', '--no-interaction', '--no-progress'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
    // Composer runs on the PHP the suite found, whatever `php` is first on PATH.
    env: php.includes('/') ? { ...process.env, PATH: `${dirname(php)}:${process.env.PATH ?? ''}` } : process.env,
  });
  if (installed.status !== 0) return 'composer install failed';
  // Composer leaves an unchanged autoload.php as it was: mark vendor/ as matching this lock.
  const now = new Date();
  utimesSync(autoload, now, now);
  return null;
}

/** Why a PHP tool cannot run (no native PHP, no Composer): a skip outside CI, a failure in it. */
export function unavailable(names: string, reason: string): never {
  const failing = Boolean(process.env.CI);
  process.stdout.write(`${names}: ${failing ? 'FAILED' : 'skipped'} (${reason})\n`);
  process.exit(failing ? 1 : 0);
}
