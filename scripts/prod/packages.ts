/**
 * The production lane's programs, from Debian: MariaDB, PHP-FPM (+ mysqli and phpredis for FPM and
 * the CLI), nginx, Redis. Installed when missing (as root, through scripts/wp/apt.ts); otherwise
 * the answer says exactly what is missing and how to get it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { aptInstall, canUseApt } from '../wp/apt.ts';
import { ensurePhp } from '../wp/ensure-php.ts';
import { run, which } from '../wp/exec.ts';

export interface ProdBinaries {
  php: string;
  phpFpm: string;
  mariadbd: string;
  mariadbInstallDb: string;
  mariadb: string;
  nginx: string;
  redisServer: string;
}

export type ProdPackages = { ok: true; bins: ProdBinaries } | { ok: false; reason: string };

/** sbin folders are not on every user's PATH. */
async function find(name: string): Promise<string | null> {
  const onPath = await which(name);
  if (onPath) return onPath;
  for (const dir of ['/usr/sbin', '/usr/local/sbin', '/sbin']) if (existsSync(join(dir, name))) return join(dir, name);
  return null;
}

async function extensions(binary: string): Promise<Set<string>> {
  const out = await run(binary, ['-m'], { timeoutMs: 20_000 }).catch(() => null);
  return new Set((out?.stdout ?? '').split('\n').map((line) => line.trim().toLowerCase()));
}

async function probe(php: string): Promise<{ bins: Partial<ProdBinaries>; packages: string[] }> {
  const version = (await run(php, ['-r', 'echo PHP_MAJOR_VERSION, ".", PHP_MINOR_VERSION;'])).stdout.trim();
  const fpmName = `php-fpm${version}`;
  const bins: Partial<ProdBinaries> = {
    php,
    phpFpm: (await find(fpmName)) ?? undefined,
    mariadbd: (await find('mariadbd')) ?? undefined,
    mariadbInstallDb: (await find('mariadb-install-db')) ?? undefined,
    mariadb: (await find('mariadb')) ?? undefined,
    nginx: (await find('nginx')) ?? undefined,
    redisServer: (await find('redis-server')) ?? undefined,
  };
  const packages = new Set<string>();
  if (!bins.mariadbd || !bins.mariadbInstallDb || !bins.mariadb) packages.add('mariadb-server');
  if (!bins.phpFpm) packages.add(`php${version}-fpm`);
  if (!bins.nginx) packages.add('nginx');
  if (!bins.redisServer) packages.add('redis-server');
  const cli = await extensions(php);
  const fpm = bins.phpFpm ? await extensions(bins.phpFpm) : cli;
  if (!cli.has('mysqli') || !fpm.has('mysqli')) packages.add(`php${version}-mysql`);
  if (!cli.has('redis') || !fpm.has('redis')) packages.add(`php${version}-redis`);
  return { bins, packages: [...packages] };
}

let cached: Promise<ProdPackages> | undefined;

/** The binaries, installing what is missing when we may. Cached per process. */
export function ensureProdPackages(): Promise<ProdPackages> {
  cached ??= (async (): Promise<ProdPackages> => {
    const php = await ensurePhp();
    if (!php) return { ok: false, reason: 'no native PHP (the production lane runs PHP-FPM and the PHP CLI)' };
    let found = await probe(php.php);
    if (found.packages.length > 0 && canUseApt() && (await aptInstall(found.packages))) found = await probe(php.php);
    if (found.packages.length > 0) {
      const how = canUseApt() ? 'apt-get install failed' : 'not root or no apt-get, so not installed';
      return {
        ok: false,
        reason: `missing Debian packages ${found.packages.join(' ')} (${how}; run: sudo apt-get install ${found.packages.join(' ')})`,
      };
    }
    return { ok: true, bins: found.bins as ProdBinaries };
  })();
  return cached;
}

/**
 * Redis for the SQLite lane's object cache, started on demand: `redis-server` and phpredis in the
 * CLI PHP (`php -S` serves that lane). Answers redis-server's path, or throws saying what is missing.
 */
export async function ensureRedisPackages(): Promise<string> {
  const php = await ensurePhp();
  if (!php) throw new Error('an object cache needs native PHP with phpredis');
  const look = async () => ({
    server: await find('redis-server'),
    ext: (await extensions(php.php)).has('redis'),
  });
  let found = await look();
  const version = (await run(php.php, ['-r', 'echo PHP_MAJOR_VERSION, ".", PHP_MINOR_VERSION;'])).stdout.trim();
  const packages = [...(found.server ? [] : ['redis-server']), ...(found.ext ? [] : [`php${version}-redis`])];
  if (packages.length > 0 && (await aptInstall(packages))) found = await look();
  if (!found.server || !found.ext) {
    throw new Error(
      `an object cache needs Debian packages ${packages.join(' ')} (run: sudo apt-get install ${packages.join(' ')})`,
    );
  }
  return found.server;
}

/**
 * Environment that runs a process with its wall clock moved by `offset` (libfaketime: `+5m`,
 * `-90s`), installing Debian's `faketime` when missing. Monotonic clocks stay true, so timers work.
 */
export async function faketimeEnv(offset: string): Promise<Record<string, string>> {
  if (!/^[+-]\d+(\.\d+)?[smhdy]?$/.test(offset)) throw new Error(`faketime offset like +5m or -90s, not ${offset}`);
  const lib = await ensureFaketime();
  if (!lib) throw new Error('libfaketime is missing and could not be installed (Debian package faketime)');
  return { LD_PRELOAD: lib, FAKETIME: offset, FAKETIME_DONT_FAKE_MONOTONIC: '1', FAKETIME_NO_CACHE: '1' };
}

/** libfaketime's preload library, installing `faketime` when missing; null when impossible. */
export async function ensureFaketime(): Promise<string | null> {
  const locate = async () => {
    const out = await run('sh', [
      '-c',
      'ls /usr/lib/*/faketime/libfaketime.so.1 /usr/lib/faketime/libfaketime.so.1 2>/dev/null',
    ]);
    return (
      out.stdout
        .split('\n')
        .find((line) => line.trim() !== '')
        ?.trim() ?? null
    );
  };
  return (await locate()) ?? ((await aptInstall(['faketime'])) ? await locate() : null);
}
