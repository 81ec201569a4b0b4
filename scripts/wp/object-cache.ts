/**
 * The project's test object caches (tests/prod/drop-ins/) on a site: a three-line
 * wp-content/object-cache.php that loads one of them, swapped while the site runs.
 *
 *   none   no drop-in: WordPress's per-request cache
 *   redis  a correct Redis cache (atomic add, INCRBY keeping the TTL)
 *   weak   the popular drop-ins' bugs: add is get-then-set, incr answers true and drops the TTL
 *
 * Configured by wp-config constants, named like the widely used Redis drop-ins'.
 */
import { existsSync, readFileSync } from 'node:fs';
import { rename, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REPO_ROOT } from './paths.ts';
import { redisCommand } from './redis-client.ts';
import { phpLiteral, type ConstantValue } from './wp-config.ts';

export type ObjectCacheMode = 'none' | 'redis' | 'weak';
export const OBJECT_CACHE_MODES: readonly ObjectCacheMode[] = ['none', 'redis', 'weak'];

export interface RedisConfig {
  host: string;
  port: number;
  /** Redis database index. */
  database: number;
  /** Every key of the site starts with `<prefix>:`; flushing deletes exactly those. */
  prefix: string;
}

export const DROP_INS_DIR = join(REPO_ROOT, 'tests/prod/drop-ins');

export function redisConstants(redis: RedisConfig): Record<string, ConstantValue> {
  return {
    WP_REDIS_HOST: redis.host,
    WP_REDIS_PORT: redis.port,
    WP_REDIS_DATABASE: redis.database,
    WP_REDIS_PREFIX: redis.prefix,
  };
}

const dropInFile = (docroot: string) => join(docroot, 'wp-content/object-cache.php');

/** The mode the site's drop-in is in now. */
export function currentObjectCache(docroot: string): ObjectCacheMode {
  const file = dropInFile(docroot);
  if (!existsSync(file)) return 'none';
  const mode = /@workos-test-object-cache (\w+)/.exec(readFileSync(file, 'utf8'))?.[1];
  return OBJECT_CACHE_MODES.includes(mode as ObjectCacheMode) ? (mode as ObjectCacheMode) : 'none';
}

let lastMtime = 0;

/**
 * Writes (or removes, for `none`) the drop-in. Atomic (rename), so a running request loads the old
 * file or the new one. Each write gets a newer mtime than the last: opcache notices a changed file
 * by its mtime in whole seconds, and two swaps within one second would otherwise look unchanged.
 */
export async function writeObjectCache(docroot: string, mode: ObjectCacheMode): Promise<void> {
  const file = dropInFile(docroot);
  if (mode === 'none') {
    await rm(file, { force: true });
    return;
  }
  const source = join(DROP_INS_DIR, `${mode}.php`);
  if (!existsSync(source)) throw new Error(`no object-cache drop-in at ${source}`);
  const loader = [
    '<?php',
    '/**',
    ` * @workos-test-object-cache ${mode}`,
    ' * Written by scripts/wp/object-cache.ts (stack.setObjectCache); do not edit.',
    ' *',
    ' * @package workos-login',
    ' */',
    '',
    `require ${phpLiteral(source)};`,
    '',
  ].join('\n');
  const tmp = `${file}.tmp-${process.pid}`;
  await writeFile(tmp, loader);
  lastMtime = Math.max(Math.floor(Date.now() / 1000), lastMtime + 1);
  await utimes(tmp, lastMtime, lastMtime);
  await rename(tmp, file);
}

const FLUSH_PREFIX = `
redis.call('select', ARGV[1])
local n = 0
for _, key in ipairs(redis.call('keys', ARGV[2])) do
  redis.call('del', key)
  n = n + 1
end
return n`;

/** Deletes every key of the site (its prefix, its database); answers how many. */
export async function flushObjectCache(redis: RedisConfig): Promise<number> {
  const pattern = `${redis.prefix.replace(/[*?[\]\\]/g, '\\$&')}:*`;
  return Number(await redisCommand(redis, ['EVAL', FLUSH_PREFIX, 0, redis.database, pattern]));
}
