/**
 * The audit log (issue 5): rows written by real sign-ins, the WorkOS → Audit Log screen (filters,
 * search, pagination, CSV export, clearing), retention, failed writes in Site Health, and
 * forwarding to WorkOS Audit Logs through the login server (seen in the fake).
 */
import { DEFAULT_STRINGS } from '../../protocol/strings.ts';
import { DEMO_PASSWORD, expect, signIn, signInAsAdmin, test } from './fixtures.ts';
import { fakeSessions, loggedIn, wpUser } from './flows.ts';
import { phpJson, phpJsonOut, saveProfiles } from './profiles.ts';
import {
  LOGIN,
  AUDIT,
  DEMO_ORG,
  ADA,
  LOCAL_IP,
  auditRows,
  type FakeAuditEvent,
  record,
  screenRows,
  screenHeadings,
  exportCsv,
  csvCells,
  allScreenRows,
} from './audit.ts';

test('a password sign-in writes login_failed, then login, with the request’s facts', async ({ page, stack }) => {
  const agent = await page.evaluate(() => navigator.userAgent);
  await page.goto(LOGIN);
  await signIn(page, 'ada@example.com', 'not-the-password');
  await expect(page.locator('workos-login').getByRole('alert')).toBeVisible();
  // The form empties the password after a refusal: only then type the right one.
  await expect(page.locator('workos-login').getByLabel('Password')).toBeFocused();
  await expect(page.locator('workos-login').getByLabel('Password')).toHaveValue('');
  await signIn(page, 'ada@example.com', DEMO_PASSWORD);
  await page.waitForURL('**/wp-admin/**');

  const rows = await auditRows(stack);
  const failed = rows.find((r) => r.event === 'login_failed')!;
  expect(failed).toMatchObject({ email: 'ada@example.com', method: 'password', profile: 'default', user_agent: agent });
  expect(failed.ip).toMatch(LOCAL_IP);
  expect(JSON.parse(failed.detail)).toMatchObject({ code: 'invalid_credentials' });

  const login = rows.find((r) => r.event === 'login')!;
  const userId = await phpJsonOut<number>(stack, `echo get_user_by( 'email', 'ada@example.com' )->ID;`);
  expect(login).toMatchObject({
    user_id: String(userId),
    email: 'ada@example.com',
    workos_user_id: ADA,
    method: 'password',
    profile: 'default',
    user_agent: agent,
    forward_state: '',
  });
  expect(login.ip).toMatch(LOCAL_IP);
  expect(Math.abs(Date.parse(`${login.occurred_at.replace(' ', 'T')}Z`) - Date.now())).toBeLessThan(120_000);
  expect(rows.indexOf(failed)).toBeLessThan(rows.indexOf(login));
  // Unknown events are refused, not written.
  expect(await phpJsonOut(stack, `echo wp_json_encode( @workos_login_audit( 'made_up' ) );`)).toBe(false);
  // Switched off, the log records that last, then nothing.
  const off = await phpJsonOut(
    stack,
    `update_option( 'workos_login_audit_enabled', '0' ); echo wp_json_encode( workos_login_audit( 'logout', array( 'user_id' => 1 ) ) );`,
  );
  expect(off).toBe(false);
  const last = (await auditRows(stack)).at(-1)!;
  expect(last.event).toBe('settings_changed');
  expect(JSON.parse(last.detail)).toEqual({ setting: 'audit_enabled', old: true, new: false });
});

test('the screen lists, filters, searches and pages; the CSV export holds the same rows', async ({ page, stack }) => {
  await saveProfiles(stack, { slug: 'partners' });
  const common = { user_id: 1, profile: 'default', method: 'password' };
  await record(
    stack,
    { event: 'login', ...common, email: 'ada@example.com', workos_user_id: ADA, daysAgo: 10 },
    { event: 'login', ...common, email: 'ada@example.com', workos_user_id: ADA },
    {
      event: 'login_failed',
      profile: 'default',
      method: 'password',
      email: 'grace@example.com',
      detail: { code: 'invalid_credentials' },
    },
    {
      event: 'login_denied',
      profile: 'partners',
      method: 'magic_code',
      email: 'linus@example.com',
      detail: { reason: 'not_member' },
    },
    { event: 'login_failed', profile: 'default', method: 'password', email: '=HYPERLINK("http://evil.example")' },
  );
  await signInAsAdmin(page, stack); // + native_login_used
  await page.goto(AUDIT);

  const summary = page.getByRole('region', { name: 'Last 30 days' });
  for (const [term, value] of [
    ['Sign-ins', '2'],
    ['Failed sign-ins', '2'],
    ['Denied sign-ins', '1'],
    ['Unique users', '1'],
  ]) {
    await expect(summary.locator('dt', { hasText: new RegExp(`^${term}$`) }).locator('+ dd')).toHaveText(value);
  }
  await expect(summary.getByRole('img', { name: /Sign-ins per day/ })).toBeVisible();
  await expect(summary.locator('table.screen-reader-text tbody tr')).toHaveCount(30);

  const all = await screenRows(page);
  expect(all).toHaveLength(6);
  expect(all.map((r) => r[1])).toEqual([
    'native_login_used',
    'login_failed',
    'login_denied',
    'login_failed',
    'login',
    'login',
  ]);
  expect(all[0][2]).toBe('admin (#1)');

  // Filters go through the form; the URL keeps them (and loses WP_List_Table's nonce).
  await page.locator('#workos-audit-event').selectOption('login_failed');
  await page.locator('#workos-audit-filter').click();
  await page.waitForURL(/event=login_failed/);
  expect(page.url()).not.toContain('_wpnonce');
  const failed = await screenRows(page);
  expect(failed.map((r) => r[3])).toEqual(['=HYPERLINK("http://evil.example")', 'grace@example.com']);

  // CSV: the screen's columns and rows; a cell a spreadsheet would run starts with '.
  const csv = await exportCsv(page);
  expect(csv[0]).toEqual(await screenHeadings(page));
  expect(csv.slice(1)).toEqual(csvCells(failed));

  const filtered = async (query: string) => {
    await page.goto(`${AUDIT}&${query}`);
    return screenRows(page);
  };
  expect((await filtered('profile=partners')).map((r) => r[3])).toEqual(['linus@example.com']);
  expect((await filtered('method=magic_code')).map((r) => r[1])).toEqual(['login_denied']);
  expect(await filtered('user=ada%40example.com')).toHaveLength(2);
  expect(await filtered('user=admin')).toHaveLength(3);
  expect((await filtered('s=linus')).map((r) => r[3])).toEqual(['linus@example.com']);
  expect(await filtered('s=198.51.100.7')).toHaveLength(5);
  expect((await filtered(`s=${ADA}`)).map((r) => r[1])).toEqual(['login', 'login']);
  const tenDaysAgo = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);
  const old = await filtered(`from=${tenDaysAgo}&to=${tenDaysAgo}`);
  expect(old.map((r) => r[0].slice(0, 10))).toEqual([tenDaysAgo]);
  expect(await filtered(`to=${tenDaysAgo}&event=login_failed`)).toHaveLength(0);
  await expect(page.locator('tr.no-items')).toHaveText('No audit log entries match.');

  // Pages of 4: both pages together are the export.
  await stack.site.php(`update_user_meta( 1, 'workos_login_audit_per_page', 4 );`);
  await page.goto(AUDIT);
  await expect(page.locator('.tablenav.top .displaying-num')).toHaveText('6 items');
  const csvAll = await exportCsv(page);
  const paged = await allScreenRows(page);
  expect(paged).toHaveLength(6);
  expect(csvAll.slice(1)).toEqual(csvCells(paged));

  // The export checks its nonce.
  const forged = await page.request.get(
    '/wp-admin/admin-post.php?action=workos_login_audit_export&_wpnonce=0000000000',
  );
  expect(forged.status()).toBe(403);
});

test('clearing asks first, can be cancelled, and leaves a record of itself', async ({ page, stack }) => {
  await record(stack, { event: 'logout', user_id: 1 }, { event: 'login_failed', email: 'grace@example.com' });
  await signInAsAdmin(page, stack);
  await page.goto(AUDIT);
  expect(await screenRows(page)).toHaveLength(3);

  await page.getByRole('link', { name: 'Clear log' }).click();
  await expect(page.getByRole('heading', { name: 'Clear the audit log' })).toBeVisible();
  await expect(page.getByText('Delete all 3 entries of the audit log?')).toBeVisible();
  await page.getByRole('link', { name: 'Cancel' }).click();
  expect(await screenRows(page)).toHaveLength(3);

  await page.getByRole('link', { name: 'Clear log' }).click();
  await page.getByRole('button', { name: 'Delete all entries' }).click();
  await expect(page.locator('.notice-success')).toContainText('The audit log was cleared: 3 entries deleted.');
  const rows = await auditRows(stack);
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ event: 'settings_changed', user_id: '1' });
  expect(JSON.parse(rows[0].detail)).toEqual({ setting: 'audit_log', action: 'audit_cleared', rows: 3 });
  expect((await screenRows(page))[0][9]).toBe('setting: audit_log; action: audit_cleared; rows: 3');
});

test('retention purges only expired rows, in bounded batches, from a daily job', async ({ stack }) => {
  const result = await phpJsonOut<{
    scheduled: boolean;
    first: unknown;
    left: number[];
    bulk: unknown[];
    off: unknown;
  }>(
    stack,
    `global $wpdb;
    workos_login_audit_maybe_upgrade();
    $t = workos_login_audit_table();
    $add = function ( $days, $n = 1 ) use ( $wpdb, $t ) {
      for ( $i = 0; $i < $n; $i++ ) {
        $wpdb->insert( $t, array( 'uuid' => wp_generate_uuid4(), 'occurred_at' => gmdate( 'Y-m-d H:i:s', time() - $days * DAY_IN_SECONDS ), 'event' => 'login', 'detail' => '{}' ) );
      }
    };
    foreach ( array( 1, 89, 91, 100, 400 ) as $days ) { $add( $days ); }
    update_option( 'workos_login_audit_retention_days', 90 );
    $first = workos_login_audit_purge();
    $left = array_map( function ( $at ) { return (int) round( ( time() - strtotime( $at . ' UTC' ) ) / DAY_IN_SECONDS ); }, $wpdb->get_col( "SELECT occurred_at FROM $t WHERE event = 'login' ORDER BY occurred_at DESC" ) );
    $wpdb->query( 'START TRANSACTION' );
    $add( 200, 1005 );
    $wpdb->query( 'COMMIT' );
    $bulk = array( workos_login_audit_purge( 1 ), workos_login_audit_purge( 1 ) );
    $add( 500 );
    $off = workos_login_audit_purge( 5, 0 ); // 0 days (possible through the constant only): keep everything.
    echo wp_json_encode( array( 'scheduled' => false !== wp_next_scheduled( 'workos_login_audit_purge' ) && has_action( 'workos_login_audit_purge' ), 'first' => $first, 'left' => $left, 'bulk' => $bulk, 'off' => $off ) );`,
  );
  expect(result.scheduled).toBe(true);
  expect(result.first).toEqual({ deleted: 3, more: false });
  expect(result.left).toEqual([1, 89]);
  expect(result.bulk).toEqual([
    { deleted: 1000, more: true },
    { deleted: 5, more: false },
  ]);
  expect(result.off).toEqual({ deleted: 0, more: false });
});

test('a sign-in whose audit row cannot be written is refused with “try again”, leaves nothing behind, and is reported', async ({
  page,
  browser,
  stack,
}) => {
  test.setTimeout(180_000);
  await page.goto(LOGIN);
  await signIn(page, 'ada@example.com', DEMO_PASSWORD);
  await page.waitForURL('**/wp-admin/**');
  const before = await fakeSessions(stack, ADA);
  // The table disappears (the SQLite driver cannot rename tables: dropping it is as broken).
  await stack.site.php(`global $wpdb; $wpdb->query( 'DROP TABLE ' . workos_login_audit_table() );`);

  // Never answered `signed_in` without its row (ARCHITECTURE rule 7): the visitor is asked to try again…
  const other = await browser.newContext();
  const second = await other.newPage();
  await second.goto(LOGIN);
  await signIn(second, 'ada@example.com', DEMO_PASSWORD);
  await expect(second.locator('workos-login').getByRole('alert')).toHaveText(
    DEFAULT_STRINGS.error_database_unavailable,
  );
  // …and nothing is half-done: no WordPress session, the WorkOS session it got is revoked.
  expect(await loggedIn(second)).toBe(false);
  expect((await wpUser(stack, 'ada@example.com'))!.sessions).toBe(1);
  const after = await fakeSessions(stack, ADA);
  expect(after).toHaveLength(before.length + 1);
  expect(after.at(-1)!.status).toBe('revoked');

  // The next write recreates the table: trying again signs in.
  await signIn(second, 'ada@example.com', DEMO_PASSWORD);
  await second.waitForURL('**/wp-admin/**');
  await other.close();

  // Administrators learn of it: Site Health, and the audit log says which sign-in was refused.
  const health = await phpJsonOut<{ status: string; failures: { count: number } }>(
    stack,
    `echo wp_json_encode( workos_login_audit_health_test() + array( 'failures' => workos_login_audit_failures() ) );`,
  );
  expect(health.failures.count).toBeGreaterThanOrEqual(1);
  expect(health.status).not.toBe('good');
  await signInAsAdmin(page, stack);
  await page.goto('/wp-admin/site-health.php');
  await expect(
    page.getByText(/Some WorkOS Login audit log writes failed recently|WorkOS Login audit log writes are failing/),
  ).toBeVisible({ timeout: 45_000 });
  await expect(page.getByText('The database refused WorkOS Login’s writes recently')).toBeVisible();
  const refused = (await auditRows(stack)).filter((r) => r.event === 'storage_failure');
  expect(refused).toHaveLength(1);
  expect(refused[0]).toMatchObject({ workos_user_id: ADA, method: 'password', profile: 'default' });
  expect(JSON.parse(refused[0].detail)).toEqual({ kind: 'audit', event: 'login' });
});

test('forwarding sends each event to WorkOS Audit Logs off the request, and retries', async ({ page, stack }) => {
  test.setTimeout(180_000);
  await stack.site.php(
    `update_option( 'workos_login_audit_forward', '1' ); update_option( 'workos_login_organization_id', ${phpJson(DEMO_ORG)} );`,
  );
  await page.goto(LOGIN);
  await signIn(page, 'ada@example.com', DEMO_PASSWORD);
  await page.waitForURL('**/wp-admin/**');

  const login = (await auditRows(stack)).find((r) => r.event === 'login')!;
  expect(login.forward_state).toBe('pending');
  const job = `echo wp_json_encode( array( 'scheduled' => false !== wp_next_scheduled( 'workos_login_audit_forward' ), 'sweep' => false !== wp_next_scheduled( 'workos_login_audit_forward_sweep' ), 'counts' => workos_login_audit_forward_due() ) );`;
  const first = await phpJsonOut<{ scheduled: boolean; sweep: boolean; counts: { sent: number; failed: number } }>(
    stack,
    job,
  );
  expect(first.scheduled && first.sweep).toBe(true);
  expect(first.counts.sent).toBeGreaterThanOrEqual(1);
  expect((await auditRows(stack)).find((r) => r.id === login.id)!.forward_state).toBe('sent');

  const events = async () =>
    ((await (await fetch(`${stack.workosUrl}/_fake/audit-events`)).json()) as { data: FakeAuditEvent[] }).data;
  const sent = (await events()).find((e) => e.idempotency_key === `wp-audit-${login.uuid}`)!;
  expect(sent).toMatchObject({
    organization_id: DEMO_ORG,
    event: { action: 'wordpress.login', actor: { id: ADA, type: 'user' }, context: { location: login.ip } },
  });

  // The login server is down: the row waits with its error, and the last allowed attempt gives up.
  await stack.stopServer();
  try {
    await record(
      stack,
      { event: 'logout', user_id: 1 },
      { event: 'settings_changed', user_id: 1, detail: { setting: 'x' } },
    );
    await stack.site.php(
      `global $wpdb; $wpdb->query( $wpdb->prepare( "UPDATE %i SET forward_attempts = 7 WHERE event = 'settings_changed'", workos_login_audit_table() ) );`,
    );
    const down = await phpJsonOut<{ counts: { sent: number; retrying: number; failed: number } }>(stack, job);
    expect(down.counts).toEqual({ sent: 0, retrying: 1, failed: 1 });
  } finally {
    await stack.startServer();
  }
  const waiting = (await auditRows(stack)).find((r) => r.event === 'logout')!;
  expect(waiting).toMatchObject({
    forward_state: 'pending',
    forward_attempts: '1',
    forward_error: 'server_unavailable',
  });

  await signInAsAdmin(page, stack);
  await page.goto(`${AUDIT}&event=settings_changed`);
  expect((await screenRows(page))[0].at(-1)).toBe('failed (8 attempts: server_unavailable)');

  // Its retry time comes; the sweep sends it.
  await stack.site.php(
    `global $wpdb; $wpdb->update( workos_login_audit_table(), array( 'forward_after' => 0 ), array( 'id' => ${Number(waiting.id)} ) );`,
  );
  const again = await phpJsonOut<{ counts: { sent: number } }>(stack, job);
  expect(again.counts.sent).toBeGreaterThanOrEqual(1);
  expect(
    (await events()).some(
      (e) => e.idempotency_key === `wp-audit-${waiting.uuid}` && e.event.action === 'wordpress.logout',
    ),
  ).toBe(true);
});
