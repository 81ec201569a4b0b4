/**
 * Helpers of the fault suite (faults-*.spec.ts): faults injected into real parts — the WorkOS
 * fake's `/_fake/faults`, stopped or frozen login servers, a locked or read-only database —
 * and the test hooks a site needs to meet them in seconds instead of minutes.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import type { Stack } from '../../scripts/stack.ts';
import { DEMO_PASSWORD } from './fixtures.ts';

/** A WorkOS fault rule (server/workos-fake/faults.ts). */
export interface FaultRule {
  match?: string;
  method?: string;
  action: 'delay' | 'status' | 'reset' | 'hang';
  delay_ms?: number;
  status?: number;
  retry_after?: number;
  times?: number;
}

export async function injectWorkOSFaults(stack: Stack, rules: FaultRule[]): Promise<void> {
  const answer = await fetch(`${stack.workosUrl}/_fake/faults`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ rules }),
  });
  if (!answer.ok) throw new Error(`/_fake/faults answered ${answer.status}: ${await answer.text()}`);
}

export async function clearWorkOSFaults(stack: Stack): Promise<void> {
  await fetch(`${stack.workosUrl}/_fake/faults`, { method: 'DELETE' }).catch(() => undefined);
}

/**
 * Test hooks, as a must-use plugin the suite installs: shorter timeouts and breaker window
 * (options), and a switch that makes SQLite refuse writes (`PRAGMA query_only`) while a flag
 * file exists — the database itself refuses, as a read-only one does.
 */
const HOOKS = `<?php
add_filter( 'workos_login_server_timeout', static fn ( $s ) => (int) get_option( 'workos_test_server_timeout', $s ) );
add_filter( 'workos_login_breaker_open_seconds', static fn ( $s ) => (int) get_option( 'workos_test_breaker_open', $s ) );
if ( file_exists( WP_CONTENT_DIR . '/workos-test-read-only' ) && isset( $GLOBALS['@pdo'] ) ) {
	$GLOBALS['@pdo']->exec( 'PRAGMA query_only = ON' );
}
`;

export async function installTestHooks(stack: Stack, options: Record<string, number> = {}): Promise<void> {
  await writeFile(hooksFile(stack), HOOKS);
  await stack.site.php(
    Object.entries(options)
      .map(([name, value]) => `update_option( ${JSON.stringify(`workos_test_${name}`)}, ${value} );`)
      .join('\n') || 'echo 1;',
  );
}

export async function removeTestHooks(stack: Stack): Promise<void> {
  await rm(hooksFile(stack), { force: true });
  await rm(readOnlyFlag(stack), { force: true });
}

const hooksFile = (stack: Stack) => join(stack.site.docroot, 'wp-content/mu-plugins/workos-test-faults.php');
const readOnlyFlag = (stack: Stack) => join(stack.site.docroot, 'wp-content/workos-test-read-only');

/**
 * Makes the database refuse writes: MariaDB in read-only mode (the site's user has no right
 * to write then); SQLite through the hook above. Returns the undo.
 */
export async function databaseReadOnly(stack: Stack): Promise<() => Promise<void>> {
  if (stack.db.driver === 'mysql') {
    const db = stack.db;
    await db.query('SET GLOBAL read_only = 1');
    return async () => void (await db.query('SET GLOBAL read_only = 0'));
  }
  await writeFile(readOnlyFlag(stack), '1');
  return () => rm(readOnlyFlag(stack), { force: true });
}

/**
 * Another client holds the database's write lock, as a long migration or import would: a second
 * process's write transaction on SQLite (readers go on, writers wait); on MariaDB a transaction
 * holding every row (and gap) of the plugin's counters table. Returns the release.
 */
export async function databaseLocked(stack: Stack): Promise<() => Promise<void>> {
  if (stack.db.driver === 'mysql') {
    const held = await stack.db.hold(
      `START TRANSACTION; SELECT COUNT(*) FROM \`${stack.db.name}\`.wp_workos_login_limits FOR UPDATE;`,
    );
    return () => held.release();
  }
  const php = stack.site.phpBinary;
  const file = stack.site.dbFile;
  if (!php || !file) throw new Error('locking SQLite needs native PHP and the database file');
  const release = `${file}.release-lock`;
  const ready = `${file}.locked`;
  await rm(release, { force: true });
  await rm(ready, { force: true });
  const holder = spawn(
    php,
    [
      '-r',
      `$pdo = new PDO( 'sqlite:' . $argv[1] ); $pdo->exec( 'BEGIN IMMEDIATE' ); touch( $argv[3] );
       while ( ! file_exists( $argv[2] ) ) { usleep( 50000 ); } $pdo->exec( 'ROLLBACK' );`,
      file,
      release,
      ready,
    ],
    { stdio: 'ignore' },
  );
  const exited = new Promise<void>((resolve) => holder.once('exit', () => resolve()));
  while (!existsSync(ready)) {
    if (holder.exitCode !== null) throw new Error('the SQLite lock holder exited');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return async () => {
    await writeFile(release, '1');
    await exited;
    await rm(release, { force: true });
    await rm(ready, { force: true });
  };
}

/** The nonce the element would fetch (`GET nonce`). */
export async function nonceFor(api: APIRequestContext): Promise<string> {
  return ((await (await api.get('/wp-json/workos/v1/nonce')).json()) as { nonce: string }).nonce;
}

/** One password sign-in over REST, as the element sends it; its status, body and Retry-After. */
export async function restSignIn(
  api: APIRequestContext,
  email: string,
  password = DEMO_PASSWORD,
): Promise<{ status: number; body: { type: string; code?: string; retry_after?: number }; retryAfter: string | null }> {
  const answer = await api.post('/wp-json/workos/v1/auth/password', {
    headers: { 'X-WorkOS-Nonce': await nonceFor(api) },
    data: { profile: 'default', email, password },
  });
  return {
    status: answer.status(),
    body: (await answer.json()) as { type: string; code?: string },
    retryAfter: answer.headers()['retry-after'] ?? null,
  };
}

/** Lines of the site's PHP error log written after `from` (a length read earlier). */
export function debugLogSince(stack: Stack, from: number): string[] {
  const log = existsSync(stack.site.debugLog) ? readFileSync(stack.site.debugLog, 'utf8') : '';
  return log.slice(from).split('\n').filter(Boolean);
}

export const debugLogLength = (stack: Stack) =>
  existsSync(stack.site.debugLog) ? readFileSync(stack.site.debugLog, 'utf8').length : 0;

/** Site Health results of the plugin's tests, by name (run in PHP, as the Site Health screen does). */
export async function healthStatus(stack: Stack, name: string): Promise<{ status: string; label: string }> {
  const out = await stack.site.php(
    `$r = workos_login_run_health_test( ${JSON.stringify(name)} ); echo wp_json_encode( array( 'status' => $r['status'], 'label' => $r['label'] ) );`,
  );
  return JSON.parse(out) as { status: string; label: string };
}
