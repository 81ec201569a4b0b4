/**
 * The audit log's hash chain (issue 13, item 9): rows written by real sign-ins and by parallel
 * requests verify; a row edited, removed or slipped in with SQL is named on WorkOS → Diagnostics;
 * rows from before the upgrade, retention and clearing never look like tampering; the CSV export
 * carries hashes that scripts/verify-audit-csv.ts checks offline.
 */
import { spawnSync } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Stack } from '../../scripts/stack.ts';
import { report } from '../../scripts/verify-audit-csv.ts';
import { AUDIT, auditRows, LOGIN, record } from './audit.ts';
import { DEMO_PASSWORD, expect, signIn, signInAsAdmin, test } from './fixtures.ts';
import { phpJsonOut } from './profiles.ts';

const DIAGNOSTICS = '/wp-admin/admin.php?page=workos-login-diagnostics';

interface Verdict {
  state: 'intact' | 'broken' | 'incomplete' | 'empty';
  verified: number;
  first_seq: number;
  last_seq: number;
  head: { seq: number; hash: string } | null;
  legacy: number;
  problems: number;
  break: { kind: string; id: number; seq: number; missing: number } | null;
}

const verify = (stack: Stack) =>
  phpJsonOut<Verdict>(stack, `echo wp_json_encode( workos_login_audit_chain_verify() );`);

/** Runs SQL on the audit table (`{t}`) as someone with database access would. */
const sql = (stack: Stack, query: string) =>
  stack.site.php(
    `global $wpdb; $wpdb->query( str_replace( '{t}', workos_login_audit_table(), ${JSON.stringify(query)} ) );`,
  );

/** A row's time as Diagnostics shows it (the site's time zone). */
const shownTime = (stack: Stack, id: string) =>
  phpJsonOut<string>(
    stack,
    `global $wpdb; $at = $wpdb->get_var( $wpdb->prepare( 'SELECT occurred_at FROM %i WHERE id = %d', workos_login_audit_table(), ${Number(id)} ) );
    echo wp_json_encode( wp_date( 'Y-m-d H:i:s', strtotime( $at . ' UTC' ) ) );`,
  );

const integrity = (page: Page) => page.locator('.workos-diagnostics-tests tr[data-test="audit_integrity"]');

test('a clean log verifies on Diagnostics; a row edited in the database is named there', async ({ page, stack }) => {
  await page.goto(LOGIN);
  await signIn(page, 'ada@example.com', DEMO_PASSWORD);
  await page.waitForURL('**/wp-admin/**');
  await page.context().clearCookies();
  await signInAsAdmin(page, stack);

  const rows = await auditRows(stack);
  const chained = rows.filter((r) => Number(r.chain_seq) > 0);
  expect(chained.length).toBeGreaterThanOrEqual(2);
  await page.goto(DIAGNOSTICS);
  await expect(integrity(page)).toHaveAttribute('data-status', 'good');
  await expect(integrity(page)).toContainText('The audit log is intact');
  await expect(integrity(page)).toContainText(`${chained.length} entries verified`);

  const login = rows.find((r) => r.event === 'login')!;
  await sql(stack, `UPDATE {t} SET email = 'mallory@example.com' WHERE id = ${login.id}`);
  await page.goto(DIAGNOSTICS);
  await expect(integrity(page)).toHaveAttribute('data-status', 'critical');
  await expect(integrity(page)).toContainText('The audit log was changed after it was written');
  await expect(integrity(page)).toContainText(
    `First broken entry: #${login.id} (${await shownTime(stack, login.id)}) was changed`,
  );
});

test('a removed row is named at the row after it, the newest removed against the head', async ({ stack }) => {
  await record(stack, ...Array.from({ length: 5 }, (_, i) => ({ event: 'logout', user_id: 1, detail: { i } })));
  const ids = (await auditRows(stack)).filter((r) => r.event === 'logout').map((r) => r.id);
  expect(await verify(stack)).toMatchObject({ state: 'intact', problems: 0 });

  await sql(stack, `DELETE FROM {t} WHERE id = ${ids[2]}`);
  expect(await verify(stack)).toMatchObject({
    state: 'broken',
    problems: 1,
    break: { kind: 'missing', id: Number(ids[3]), missing: 1 },
  });

  await sql(stack, `DELETE FROM {t} WHERE id = ${ids[4]}`);
  expect((await verify(stack)).problems).toBe(2);
  // Nothing left (as retention leaves a log nobody used for months): nothing to verify, and the
  // next row continues the chain.
  await sql(stack, `DELETE FROM {t} WHERE id < ${ids[4]}`);
  expect(await verify(stack)).toMatchObject({ state: 'empty', problems: 0 });
  await record(stack, { event: 'logout', user_id: 1 });
  expect(await verify(stack)).toMatchObject({ state: 'intact', verified: 1 });

  // A row inserted around the writer, and a row re-hashed after an edit, are seen too.
  await record(stack, { event: 'logout', user_id: 1 }, { event: 'logout', user_id: 1 });
  await stack.site.php(`global $wpdb;
    $t = workos_login_audit_table();
    $row = $wpdb->get_row( "SELECT * FROM $t ORDER BY id DESC LIMIT 1", ARRAY_A );
    unset( $row['id'] );
    $wpdb->insert( $t, array_merge( $row, array( 'uuid' => wp_generate_uuid4(), 'chain_seq' => 0, 'chain_prev' => '', 'chain_hash' => '' ) ) );`);
  expect(await verify(stack)).toMatchObject({ state: 'broken', break: { kind: 'outside' } });
});

test('rows from before the upgrade are not covered, never broken; retention and clearing keep it verifiable', async ({
  page,
  stack,
}) => {
  // The table as schema version 1 made it, with rows, then the upgrade.
  const upgraded = await phpJsonOut<{ legacy: number; version: number; head: unknown }>(
    stack,
    `global $wpdb;
    $wpdb->query( 'DROP TABLE ' . workos_login_audit_table() );
    $wpdb->query( 'DROP TABLE ' . workos_login_audit_chain_table() );
    require_once ABSPATH . 'wp-admin/includes/upgrade.php';
    dbDelta( preg_replace( array( '/,\\s*KEY chain_seq \\(chain_seq\\)/', '/^\\s*chain_.*\\n/m' ), '', workos_login_audit_schema()[0] ) );
    for ( $i = 0; $i < 3; $i++ ) {
      $wpdb->insert( workos_login_audit_table(), array( 'uuid' => wp_generate_uuid4(), 'occurred_at' => gmdate( 'Y-m-d H:i:s' ), 'event' => 'login', 'detail' => '{}' ) );
    }
    update_option( 'workos_login_audit_db_version', 1 );
    workos_login_audit_maybe_upgrade();
    echo wp_json_encode( array( 'legacy' => (int) $wpdb->get_var( 'SELECT COUNT(*) FROM ' . workos_login_audit_table() . ' WHERE chain_seq = 0' ), 'version' => (int) get_option( 'workos_login_audit_db_version' ), 'head' => workos_login_audit_chain_head() ) );`,
  );
  expect(upgraded).toEqual({ legacy: 3, version: 2, head: { seq: 0, hash: '' } });
  const day = 86_400;
  const now = Math.floor(Date.now() / 1000);
  // Chain order: old, new, old (recorded later than it happened), new.
  await record(
    stack,
    { event: 'logout', user_id: 1, occurred_at: now - 100 * day },
    { event: 'logout', user_id: 1 },
    { event: 'logout', user_id: 1, occurred_at: now - 100 * day },
    { event: 'logout', user_id: 1 },
  );
  expect(await verify(stack)).toMatchObject({ state: 'intact', verified: 4, legacy: 3, first_seq: 1, last_seq: 4 });

  // Retention removes the chain's oldest rows only: the old row written later waits.
  const purged = await phpJsonOut(stack, `echo wp_json_encode( workos_login_audit_purge( 5, 90 ) );`);
  expect(purged).toEqual({ deleted: 1, more: false });
  expect(await verify(stack)).toMatchObject({ state: 'intact', verified: 3, legacy: 3, first_seq: 2 });

  // Clearing on the screen: only its own record remains, and it verifies.
  await signInAsAdmin(page, stack);
  await page.goto(AUDIT);
  await page.getByRole('link', { name: 'Clear log' }).click();
  await page.getByRole('button', { name: 'Delete all entries' }).click();
  await expect(page.locator('.notice-success')).toContainText('The audit log was cleared');
  const cleared = await verify(stack);
  expect(cleared).toMatchObject({ state: 'intact', verified: 1, legacy: 0 });
  expect(cleared.first_seq).toBeGreaterThan(4);
  await page.goto(DIAGNOSTICS);
  await expect(integrity(page)).toHaveAttribute('data-status', 'good');
  await expect(integrity(page)).toContainText('1 entry verified');
});

test('the CSV export carries hashes scripts/verify-audit-csv.ts checks offline', async ({ page, stack }, testInfo) => {
  // Values a spreadsheet or a CSV parser could bend: formulas, quotes, commas, backslashes, emoji.
  await stack.site.php(`
    $_SERVER['HTTP_USER_AGENT'] = 'Agent "quoted", with \\\\ backslash – ünï 🙂';
    workos_login_audit( 'login_failed', array( 'email' => "'=1+2@example.com", 'detail' => array( 'note' => "a \\"b\\"\\nc" ) ) );
    workos_login_audit( 'login_failed', array( 'email' => '-@example.com', 'method' => 'password' ) );`);
  await signInAsAdmin(page, stack);
  await page.goto(AUDIT);
  const href = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
  const bytes = (await (await page.request.get(href!)).body()).toString('latin1');

  const rows = (await auditRows(stack)).filter((r) => Number(r.chain_seq) > 0);
  const clean = report(bytes, {});
  expect(clean.lines).toContain('intact');
  expect(clean.lines[0]).toContain(`${rows.length} chained rows`);
  expect(clean.code).toBe(0);
  // The site's head is the file's last hash: Diagnostics' anchor checks against it.
  const head = (await verify(stack)).head!;
  expect(clean.lines.join('\n')).toContain(head.hash);
  expect(report(bytes, { anchor: head }).code).toBe(0);

  const file = testInfo.outputPath('audit.csv');
  const run = async (csv: string, ...args: string[]) => {
    await writeFile(file, Buffer.from(csv, 'latin1'));
    const cli = spawnSync(process.execPath, [join('scripts', 'verify-audit-csv.ts'), file, ...args], {
      encoding: 'utf8',
    });
    return { code: cli.status, out: cli.stdout + cli.stderr };
  };
  expect(await run(bytes)).toMatchObject({ code: 0, out: expect.stringContaining('intact') });
  const edited = await run(bytes.replaceAll('-@example.com', '-@example.org'));
  expect(edited.code).toBe(1);
  const changed = rows.find((r) => r.email === '-@example.com')!;
  expect(edited.out).toContain(`BROKEN: row id ${changed.id} (position ${changed.chain_seq}) was changed`);
  // A middle row taken out of the file.
  const withoutOne = bytes
    .split('\n')
    .filter((line) => !line.includes('-@example.com'))
    .join('\n');
  expect((await run(withoutOne)).code).toBe(1);
  expect((await run(withoutOne, '--filtered')).code).toBe(0);
  await rm(file, { force: true });
});

test('parallel writers on every PHP worker and the command line never share a predecessor', async ({ stack }) => {
  test.setTimeout(240_000);
  const probe = join(stack.site.docroot, 'wp-content/mu-plugins/workos-test-audit-burst.php');
  await writeFile(
    probe,
    `<?php
add_action( 'rest_api_init', static function () {
	register_rest_route( 'workos-test/v1', '/audit', array(
		'methods'             => 'POST',
		'permission_callback' => '__return_true',
		'callback'            => static fn () => array( 'written' => workos_login_audit( 'logout', array( 'user_id' => 1 ) ) && workos_login_audit( 'logout', array( 'user_id' => 2 ) ) ),
	) );
} );
`,
  );
  try {
    // Node's fetch opens a connection per request (Playwright's request context queued them).
    const burst = Promise.all(
      Array.from({ length: 40 }, () =>
        fetch(`${stack.wordpressUrl}/wp-json/workos-test/v1/audit`, { method: 'POST' }).then((r) => r.json()),
      ),
    );
    const cli = Promise.all(
      Array.from({ length: 3 }, () =>
        stack.site.php(
          `for ( $i = 0; $i < 20; $i++ ) { echo workos_login_audit( 'logout', array( 'user_id' => 3 ) ) ? '' : 'x'; }`,
        ),
      ),
    );
    expect(await burst).toEqual(Array.from({ length: 40 }, () => ({ written: true })));
    expect(await cli).toEqual(['', '', '']);
  } finally {
    await rm(probe, { force: true });
  }
  const seqs = (await auditRows(stack)).map((r) => Number(r.chain_seq)).filter((s) => s > 0);
  expect(seqs.length).toBeGreaterThanOrEqual(140);
  expect(new Set(seqs).size).toBe(seqs.length);
  expect(await verify(stack)).toMatchObject({ state: 'intact', problems: 0, verified: seqs.length });
});
