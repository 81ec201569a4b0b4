/**
 * Runs a PHP snippet with a site's WordPress loaded, in a fresh `php` process (native only).
 * The snippet goes into a temporary file next to the site (not `php -r`: no quoting limits,
 * and fatal errors name real line numbers).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { mkdir, open, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { run } from './exec.ts';
import { phpLiteral } from './wp-config.ts';

export interface PhpContext {
  phpBinary: string;
  dir: string;
  docroot: string;
  port: number;
  debugLog: string;
}

export interface RunPhpOptions {
  /** Define WP_INSTALLING before loading WordPress (for wp_install()). */
  installing?: boolean;
  /** Extra environment, e.g. secrets the snippet reads with getenv() (never put them in code). */
  env?: Record<string, string>;
  timeoutMs?: number;
}

/**
 * Runs `code` (PHP, with or without a leading `<?php`) after `wp-load.php`; resolves with its
 * stdout. Throws with stderr and the new lines of the site's debug log when PHP exits non-zero.
 */
export async function runPhp(ctx: PhpContext, code: string, opts: RunPhpOptions = {}): Promise<string> {
  const tmpDir = join(ctx.dir, 'tmp');
  const opcacheDir = join(ctx.dir, 'opcache');
  await mkdir(tmpDir, { recursive: true });
  await mkdir(opcacheDir, { recursive: true });
  const file = join(tmpDir, `run-${randomBytes(6).toString('hex')}.php`);
  const body = code.trimStart().startsWith('<?php') ? code.trimStart().slice(5) : code;
  const prelude = [
    '<?php',
    // What a web request would have; WordPress reads these while loading.
    `$_SERVER['HTTP_HOST'] = ${phpLiteral(`localhost:${ctx.port}`)};`,
    "$_SERVER['SERVER_NAME'] = 'localhost';",
    `$_SERVER['SERVER_PORT'] = ${phpLiteral(String(ctx.port))};`,
    "$_SERVER['REQUEST_URI'] = '/';",
    "$_SERVER['REQUEST_METHOD'] = 'GET';",
    opts.installing ? "define( 'WP_INSTALLING', true );" : '',
    `require ${phpLiteral(join(ctx.docroot, 'wp-load.php'))};`,
    // WP_DEBUG_DISPLAY=false silenced errors; show the snippet's own on stderr.
    "ini_set( 'display_errors', 'stderr' );",
  ].join('\n');
  await writeFile(file, `${prelude}\n${body}\n`);
  const logStart = existsSync(ctx.debugLog) ? statSync(ctx.debugLog).size : 0;
  try {
    // Opcache's file cache carries compiled WordPress across runs: ~0.1 s instead of ~0.35 s.
    const opcache = ['opcache.enable_cli=1', `opcache.file_cache=${opcacheDir}`, 'opcache.file_cache_only=1'];
    const result = await run(ctx.phpBinary, [...opcache.flatMap((setting) => ['-d', setting]), file], {
      cwd: ctx.docroot,
      env: opts.env,
      timeoutMs: opts.timeoutMs ?? 60_000,
    });
    if (result.code === 0) return result.stdout;
    const log = await readFrom(ctx.debugLog, logStart);
    // On a fatal error WordPress prints its HTML "critical error" page: noise here.
    const stdout = /<html/i.test(result.stdout) ? '' : result.stdout.trim().slice(-2000);
    throw new Error(
      `PHP snippet failed (exit ${result.code}):\n${result.stderr.trim()}\n${stdout}`.trim() +
        (log ? `\n--- debug.log ---\n${log.slice(-4000)}` : ''),
    );
  } finally {
    await rm(file, { force: true });
  }
}

/** The part of `file` after byte `start` (what a run appended). */
export async function readFrom(file: string, start: number): Promise<string> {
  if (!existsSync(file)) return '';
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    if (size <= start) return '';
    const buffer = Buffer.alloc(size - start);
    await handle.read(buffer, 0, buffer.length, start);
    return buffer.toString('utf8').trim();
  } finally {
    await handle.close();
  }
}
