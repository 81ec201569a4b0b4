/**
 * Running real WP-CLI (vendor/wp-cli/wp-cli, a Composer dev dependency) on the stack's site, for
 * the `wp workos …` specs (cli-*.spec.ts).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ensureVendor } from '../../scripts/composer.ts';
import type { Stack } from '../../scripts/stack.ts';
import { REPO_ROOT } from '../../scripts/wp/index.ts';
import { expect, test } from './fixtures.ts';

export const WP_CLI = join(REPO_ROOT, 'vendor/wp-cli/wp-cli/php/boot-fs.php');
/**
 * mustache/mustache 2.13.0 (installed as 2.14.1, composer.json) calls trim(null) on PHP 8.1+;
 * WP-CLI shows that deprecation on every command while the site has WP_DEBUG on, as this one has.
 */
const MUSTACHE_DEPRECATION = /^.*Deprecated: trim\(\).*vendor\/mustache\/mustache\/.*$\n?/gm;
/** Anything PHP itself printed: a command must answer bad input with its own error. */
const PHP_MESSAGE = /(Notice|Warning|Deprecated|Fatal error): .* on line \d+/;

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs WP-CLI on the stack's site, as root is allowed to here. */
export async function wp(stack: Stack, ...args: string[]): Promise<Run> {
  return wpAnswering(stack, null, ...args);
}

/** Runs WP-CLI and expects it to refuse: exit 1, `message` on standard error. */
export async function wpRefuses(stack: Stack, args: string[], message: string): Promise<void> {
  const run = await wp(stack, ...args);
  expect(run.code, `wp ${args.join(' ')}`).toBe(1);
  expect(run.stderr).toContain(message);
}

/** Runs WP-CLI with `input` on its standard input (null: an empty one). */
export async function wpAnswering(stack: Stack, input: string | null, ...args: string[]): Promise<Run> {
  const child = spawn(
    stack.site.phpBinary ?? 'php',
    [WP_CLI, `--path=${stack.site.docroot}`, '--allow-root', ...args],
    { stdio: 'pipe' },
  );
  child.stdin.end(input ?? '');
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  stderr = stderr.replace(MUSTACHE_DEPRECATION, '');
  expect(`${stdout}\n${stderr}`, `wp ${args.join(' ')}`).not.toMatch(PHP_MESSAGE);
  return { code, stdout, stderr };
}

/** Runs node on one of the repository's TypeScript scripts (tsx where node cannot strip types). */
export async function nodeScript(script: string, ...args: string[]): Promise<Run> {
  const [major, minor] = process.versions.node.split('.').map(Number);
  const strips = major > 22 || (major === 22 && minor >= 18);
  const child = spawn(process.execPath, [...(strips ? [] : ['--import', 'tsx']), join(REPO_ROOT, script), ...args], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, stdout, stderr };
}

/**
 * Skips the spec where the stack has no native PHP, and makes sure vendor/ is as composer.lock has
 * it: `npm test` installs it before the end-to-end suites; `npm run test:e2e` alone may be first.
 */
export function useWpCli(): void {
  test.beforeAll(({ stack }) => {
    const php = stack.site.phpBinary;
    test.skip(!php, 'WP-CLI runs on native PHP; this stack serves WordPress with Playground');
    const problem = ensureVendor(php!);
    if (problem) throw new Error(`WP-CLI comes from Composer (composer.json): ${problem}`);
  });
}
