/**
 * `wp workos audit …`, `wp workos users resync`, `wp workos break-glass` and `wp help workos`, run
 * through real WP-CLI against the stack's site: the audit log's export, verification and purge, a
 * re-sync through the login server, and break-glass links under the new and the old name.
 */
import { readFile } from 'node:fs/promises';
import { DEMO_PASSWORD, expect, signIn, test } from './fixtures.ts';
import { nodeScript, useWpCli, wp, wpRefuses } from './wp-cli.ts';

useWpCli();

test('audit export writes a CSV that scripts/verify-audit-csv.ts verifies; audit verify agrees', async ({
  stack,
}, testInfo) => {
  for (const slug of ['one', 'two']) {
    expect((await wp(stack, 'workos', 'profiles', 'create', slug, `--title=${slug}`)).code).toBe(0);
  }
  const file = testInfo.outputPath('audit.csv');
  const exported = await wp(stack, 'workos', 'audit', 'export', `--file=${file}`);
  expect(exported.code, exported.stderr).toBe(0);
  expect(exported.stdout).toMatch(/Success: Exported \d+ entries to /);
  const csv = await readFile(file, 'utf8');
  expect(csv).toContain('profile_changed');
  expect(csv.split('\n')[0]).toContain('chain_hash');

  const checked = await nodeScript('scripts/verify-audit-csv.ts', file);
  expect(checked.code, checked.stdout + checked.stderr).toBe(0);
  expect(checked.stdout).toContain('intact');

  const filtered = await wp(stack, 'workos', 'audit', 'export', '--event=profile_changed', '--profile=two');
  expect(filtered.code, filtered.stderr).toBe(0);
  expect(filtered.stdout.trim().split('\n')).toHaveLength(2);
  await wpRefuses(stack, ['workos', 'audit', 'export', '--event=nope'], 'Error: Invalid --event: “nope”.');

  const verified = await wp(stack, 'workos', 'audit', 'verify');
  expect(verified.code, verified.stderr).toBe(0);
  expect(verified.stdout).toContain('Success: The audit log is intact');
});

test('audit verify exits 1 when an entry was changed afterwards', async ({ stack }) => {
  expect((await wp(stack, 'workos', 'profiles', 'create', 'one', '--title=One')).code).toBe(0);
  await stack.site.php(`
    global $wpdb;
    $wpdb->query( "UPDATE {$wpdb->prefix}workos_login_audit SET profile = 'edited' WHERE profile = 'one'" );
  `);
  const run = await wp(stack, 'workos', 'audit', 'verify');
  expect(run.code).toBe(1);
  expect(run.stderr).toContain('Error: The audit log was changed after it was written');
  expect(run.stderr).toContain('was changed: its contents no longer match its hash');
});

test('audit purge deletes entries older than the days given', async ({ stack }) => {
  for (const slug of ['one', 'two']) {
    expect((await wp(stack, 'workos', 'profiles', 'create', slug, `--title=${slug}`)).code).toBe(0);
  }
  const count = async () =>
    Number(
      (
        await stack.site.php(
          `global $wpdb; echo (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->prefix}workos_login_audit" );`,
        )
      ).trim(),
    );
  const rows = await count();
  expect(rows).toBeGreaterThanOrEqual(2);

  const none = await wp(stack, 'workos', 'audit', 'purge', '--older-than=30', '--yes');
  expect(none.code, none.stderr).toBe(0);
  expect(none.stdout).toContain('Success: Deleted 0 entries.');

  await stack.site.php(`
    global $wpdb;
    $wpdb->query( "UPDATE {$wpdb->prefix}workos_login_audit SET occurred_at = '2020-01-01 00:00:00'" );
  `);
  const purged = await wp(stack, 'workos', 'audit', 'purge', '--older-than=30', '--yes');
  expect(purged.code, purged.stderr).toBe(0);
  expect(purged.stdout).toContain(`Success: Deleted ${rows} entries.`);
  expect(await count()).toBe(0);

  await wpRefuses(
    stack,
    ['workos', 'audit', 'purge', '--older-than=soon', '--yes'],
    'Error: Give --older-than a whole number of days, 1 or more.',
  );
});

test('users resync re-syncs a linked user through the login server and refuses an unlinked one', async ({
  page,
  stack,
}) => {
  await page.goto('/workos/login/default');
  await signIn(page, 'ada@example.com', DEMO_PASSWORD);
  await page.waitForURL('**/wp-admin/**');
  // A name changed in WordPress only: the re-sync brings WorkOS's back.
  await stack.site.php(`
    $user = get_user_by( 'email', 'ada@example.com' );
    update_user_meta( $user->ID, 'first_name', 'Changed' );
  `);

  const run = await wp(stack, 'workos', 'users', 'resync', 'ada@example.com');
  expect(run.code, run.stderr).toBe(0);
  expect(run.stdout).toMatch(/: Re-synced from WorkOS/);
  expect(run.stdout).toContain('Success: Re-synced 1 user.');
  const first = await stack.site.php(`echo get_user_by( 'email', 'ada@example.com' )->first_name;`);
  expect(first.trim()).toBe('Ada');

  const all = await wp(stack, 'workos', 'users', 'resync', '--all');
  expect(all.code, all.stderr).toBe(0);
  expect(all.stdout).toContain('Success: Re-synced 1 user.');

  await wpRefuses(stack, ['workos', 'users', 'resync', 'admin'], 'This user is not linked to a WorkOS user yet');
  const nobody = await wp(stack, 'workos', 'users', 'resync', 'nobody@example.com');
  expect(nobody.code).toBe(1);
  expect(nobody.stderr).toContain('Error: No user has the ID, username or email address “nobody@example.com”.');
  await wpRefuses(stack, ['workos', 'users', 'resync'], 'Error: Name the users to re-sync, or give --all (not both).');
});

test('users resync reports a login server that cannot be reached', async ({ page, stack }) => {
  await page.goto('/workos/login/default');
  await signIn(page, 'ada@example.com', DEMO_PASSWORD);
  await page.waitForURL('**/wp-admin/**');
  await stack.stopServer();
  try {
    const run = await wp(stack, 'workos', 'users', 'resync', 'ada@example.com');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('WorkOS could not be asked right now; nothing was changed.');
  } finally {
    await stack.startServer();
  }
});

test('break-glass issues a link under the new name, and under the old one with a warning', async ({ stack }) => {
  const run = await wp(stack, 'workos', 'break-glass', 'admin', '--ttl=10');
  expect(run.code, run.stderr).toBe(0);
  expect(run.stdout).toMatch(/^http:\/\/localhost:\d+\/wp-login\.php\?workos-break-glass=bg1\.\S+$/m);
  expect(run.stdout).toContain('Success: Single-use link for admin');
  expect(run.stderr).toBe('');

  const old = await wp(stack, 'workos-login', 'break-glass', 'admin');
  expect(old.code, old.stderr).toBe(0);
  expect(old.stderr).toContain('Warning: `wp workos-login break-glass` is deprecated; use `wp workos break-glass`.');
  expect(old.stdout).toContain('Success: Single-use link for admin');

  await wpRefuses(stack, ['workos', 'break-glass', 'admin', '--ttl=61'], 'Error: A link lasts from 1 to 60 minutes.');
  await wpRefuses(stack, ['workos', 'break-glass', 'nobody'], 'Error: No user has that username, email address or ID.');
});

test('wp help documents the commands', async ({ stack }) => {
  const help = await wp(stack, 'help', 'workos', 'profiles', 'create');
  expect(help.code, help.stderr).toBe(0);
  expect(help.stdout).toContain('--body=<json>');
  expect(help.stdout).toContain('EXAMPLES');
  const groups = await wp(stack, 'help', 'workos');
  expect(groups.stdout).toMatch(/^\s+profiles\s+Lists, shows, creates/m);
  expect(groups.stdout).toMatch(/^\s+audit\s+Exports, purges and verifies/m);
  const status = await wp(stack, 'help', 'workos', 'status');
  expect(status.stdout).toContain('0 when no test is critical, 1 when at least one is');
});
