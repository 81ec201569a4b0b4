/**
 * Fault suite, database side (issue 12): locked by another client, read-only, and refusing
 * only the session table's writes in the middle of a sign-in. For each: the visitor is asked to
 * try again and nothing is half-done (no WordPress session, the WorkOS session revoked); the
 * incident is kept where a refusing database cannot lose it and reaches the administrators
 * (notice, Site Health, audit log) once the database takes writes again.
 */
import { DEFAULT_STRINGS } from '../../protocol/strings.ts';
import type { Stack } from '../../scripts/stack.ts';
import { expect, signIn, signInAsAdmin, test } from './fixtures.ts';
import { fakeSessions, loggedIn, loginOf, userId, wpUser } from './flows.ts';
import { databaseLocked, databaseReadOnly, healthStatus, installTestHooks, removeTestHooks } from './faults.ts';
import { auditRows } from './audit.ts';

const LOGIN = '/workos/login/default';
const TRY_AGAIN = DEFAULT_STRINGS.error_database_unavailable;
const REFUSED_RECENTLY = 'The database refused WorkOS Login’s writes recently';

test.describe.configure({ timeout: 240_000 });

test.afterEach(async ({ stack }) => {
  await removeTestHooks(stack);
  await refuseSessionWrites(stack, false);
});

/** What the administrator sees once writes work again (the first admin screen moves the record in). */
async function administratorIsTold(stack: Stack, page: import('@playwright/test').Page, kind: string) {
  await signInAsAdmin(page, stack);
  await expect(page.locator('.notice', { hasText: 'the database refused writes' })).toBeVisible();
  expect(await healthStatus(stack, 'database_writes')).toEqual({ status: 'recommended', label: REFUSED_RECENTLY });
  const rows = (await auditRows(stack)).filter((r) => r.event === 'storage_failure');
  expect(rows.length).toBeGreaterThanOrEqual(1);
  expect(rows.map((r) => JSON.parse(r.detail).kind)).toContain(kind);
}

for (const [name, fault, kind] of [
  ['read-only', databaseReadOnly, 'limits'],
  ['locked by another client', databaseLocked, 'limits'],
] as const) {
  test(`database ${name}: “try again”, nothing half-done, administrators told after recovery`, async ({
    page,
    browser,
    stack,
  }) => {
    await installTestHooks(stack);
    await page.goto(LOGIN);
    // The fake keeps its sessions from test to test: only this test's count.
    const before = (await fakeSessions(stack, userId('grace@example.com'))).length;
    const undo = await fault(stack);
    try {
      await signIn(page, 'grace@example.com', 'Correct-Horse-7');
      await expect(loginOf(page).getByRole('alert')).toHaveText(TRY_AGAIN, { timeout: 45_000 });
      expect(await loggedIn(page)).toBe(false);
      // Refused before WorkOS was asked: no session anywhere.
      expect(await fakeSessions(stack, userId('grace@example.com'))).toHaveLength(before);
    } finally {
      await undo();
    }
    expect(await wpUser(stack, 'grace@example.com')).toBeNull();

    const admin = await (await browser.newContext()).newPage();
    await administratorIsTold(stack, admin, kind);

    await signIn(page, 'grace@example.com', 'Correct-Horse-7');
    await page.waitForURL('**/wp-admin/**');
  });
}

/** A trigger makes the database refuse inserts into the sessions table only. */
async function refuseSessionWrites(stack: Stack, refuse: boolean): Promise<void> {
  if (stack.db.driver === 'mysql') {
    const table = `\`${stack.db.name}\`.wp_workos_login_sessions`;
    await stack.db.query(`DROP TRIGGER IF EXISTS \`${stack.db.name}\`.workos_test_refuse`);
    if (refuse) {
      await stack.db.query(
        `CREATE TRIGGER \`${stack.db.name}\`.workos_test_refuse BEFORE INSERT ON ${table} FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'refused'`,
      );
    }
    return;
  }
  await stack.site.php(`
    $pdo = $GLOBALS['@pdo'];
    $pdo->exec( 'DROP TRIGGER IF EXISTS workos_test_refuse' );
    ${refuse ? '$pdo->exec( "CREATE TRIGGER workos_test_refuse BEFORE INSERT ON wp_workos_login_sessions BEGIN SELECT RAISE(ABORT, \'refused\'); END" );' : ''}
  `);
}

test('the session cannot be stored mid-sign-in: “try again”, the WorkOS session revoked, no cookie', async ({
  page,
  browser,
  stack,
}) => {
  // Grace has signed in before (an account exists), so only the session write is refused.
  await page.goto(LOGIN);
  await signIn(page, 'grace@example.com', 'Correct-Horse-7');
  await page.waitForURL('**/wp-admin/**');
  await page.context().clearCookies();
  await refuseSessionWrites(stack, true);
  const before = (await fakeSessions(stack, userId('grace@example.com'))).length;

  await page.goto(LOGIN);
  await signIn(page, 'grace@example.com', 'Correct-Horse-7');
  await expect(loginOf(page).getByRole('alert')).toHaveText(TRY_AGAIN);
  expect(await loggedIn(page)).toBe(false);
  const sessions = await fakeSessions(stack, userId('grace@example.com'));
  expect(sessions.slice(before).map((s) => s.status)).toEqual(['revoked']);
  expect((await wpUser(stack, 'grace@example.com'))!.sessions).toBe(1);

  await refuseSessionWrites(stack, false);
  const admin = await (await browser.newContext()).newPage();
  await administratorIsTold(stack, admin, 'session');
  const refused = (await auditRows(stack)).find((r) => r.event === 'storage_failure')!;
  expect(refused).toMatchObject({ workos_user_id: userId('grace@example.com'), method: 'password' });

  await signIn(page, 'grace@example.com', 'Correct-Horse-7');
  await page.waitForURL('**/wp-admin/**');
});
