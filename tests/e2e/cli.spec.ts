/**
 * The `wp workos …` commands, run through real WP-CLI (vendor/wp-cli/wp-cli, a Composer dev
 * dependency) against the stack's site: status and its exit code, Login Profiles with the REST
 * routes' checks and words, the audit log's export, verification and purge, a re-sync through the
 * login server, and break-glass links under the new and the old name.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ensureVendor } from '../../scripts/composer.ts';
import type { Stack } from '../../scripts/stack.ts';
import { REPO_ROOT } from '../../scripts/wp/index.ts';
import { restAs } from './admin.ts';
import { DEMO_PASSWORD, expect, signIn, signInAsAdmin, test } from './fixtures.ts';

const WP_CLI = join(REPO_ROOT, 'vendor/wp-cli/wp-cli/php/boot-fs.php');
const PROFILES = '/wp-json/workos/v1/admin/profiles';
/**
 * mustache/mustache 2.13.0 (installed as 2.14.1, composer.json) calls trim(null) on PHP 8.1+;
 * WP-CLI shows that deprecation on every command while the site has WP_DEBUG on, as this one has.
 */
const MUSTACHE_DEPRECATION = /^.*Deprecated: trim\(\).*vendor\/mustache\/mustache\/.*$\n?/gm;
/** Anything PHP itself printed: a command must answer bad input with its own error. */
const PHP_MESSAGE = /(Notice|Warning|Deprecated|Fatal error): .* on line \d+/;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs WP-CLI on the stack's site, as root is allowed to here. */
async function wp(stack: Stack, ...args: string[]): Promise<Run> {
  return wpAnswering(stack, null, ...args);
}

/** Runs WP-CLI with `input` on its standard input (null: an empty one). */
async function wpAnswering(stack: Stack, input: string | null, ...args: string[]): Promise<Run> {
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
async function nodeScript(script: string, ...args: string[]): Promise<Run> {
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

// WP-CLI is a Composer dev dependency: vendor/ as composer.lock has it (`npm test` installs it
// before this suite; `npm run test:e2e` alone may be the first to need it).
test.beforeAll(({ stack }) => {
  const php = stack.site.phpBinary;
  test.skip(!php, 'WP-CLI runs on native PHP; this stack serves WordPress with Playground');
  const problem = ensureVendor(php!);
  if (problem) throw new Error(`WP-CLI comes from Composer (composer.json): ${problem}`);
});

interface Status {
  settings: Array<{ setting: string; value: string; source: string; where: string }>;
  tests: Array<{ test: string; status: string; label: string; description: string }>;
  critical: number;
}

interface Profile {
  slug: string;
  title: string;
  methods: string[];
  invitations: boolean;
  custom_path: string;
  branding: { heading: string; primary_color: string };
}

test('status prints every setting with its source and every test, and exits 0 when none is critical', async ({
  stack,
}) => {
  const run = await wp(stack, 'workos', 'status');
  expect(run.code, run.stderr).toBe(0);
  expect(run.stdout).toContain('Configuration');
  expect(run.stdout).toMatch(/^server_url\s+http:\/\/127\.0\.0\.1:\d+\s+constant\s+WORKOS_LOGIN_SERVER_URL$/m);
  expect(run.stdout).toMatch(/^secret\s+set \(\d+ characters\)\s+constant\s+WORKOS_LOGIN_SECRET$/m);
  expect(run.stdout).toMatch(/^audit_retention_days\s+90\s+default\s*$/m);
  expect(run.stdout).toMatch(/^login_server\s+good\s+The WorkOS login server answers/m);
  expect(run.stdout).not.toContain(stack.secret);
  expect(run.stdout).not.toContain('<p>');
});

test('status --format=json holds the same settings and tests, secrets only as their length', async ({ stack }) => {
  await stack.site.php(`update_option( 'workos_login_audit_retention_days', 30 );`);
  const run = await wp(stack, 'workos', 'status', '--format=json');
  expect(run.code, run.stderr).toBe(0);
  const status = JSON.parse(run.stdout) as Status;
  expect(status.critical).toBe(0);
  expect(status.settings.find((s) => s.setting === 'secret')).toMatchObject({
    value: `set (${stack.secret.length} characters)`,
    source: 'constant',
  });
  expect(status.settings.find((s) => s.setting === 'audit_retention_days')).toMatchObject({
    value: '30',
    source: 'database',
    where: 'workos_login_audit_retention_days',
  });
  const names = status.tests.map((t) => t.test);
  expect(names).toEqual(expect.arrayContaining(['login_server', 'secret', 'clock', 'audit_integrity']));
  for (const result of status.tests) {
    expect(['good', 'recommended']).toContain(result.status);
    expect(result.description).not.toMatch(/<\/?p>/);
  }
  expect(run.stdout).not.toContain(stack.secret);
});

test('status exits 1 when a test is critical: the login server is down', async ({ stack }) => {
  await stack.stopServer();
  try {
    const run = await wp(stack, 'workos', 'status', '--format=json');
    expect(run.code).toBe(1);
    const status = JSON.parse(run.stdout) as Status;
    expect(status.critical).toBeGreaterThan(0);
    expect(status.tests.find((t) => t.test === 'login_server')?.status).toBe('critical');
  } finally {
    await stack.startServer();
  }
});

test('status refuses an unknown format', async ({ stack }) => {
  const run = await wp(stack, 'workos', 'status', '--format=xml');
  expect(run.code).toBe(1);
  expect(run.stderr).toContain('Error:');
});

test('profiles create checks fields with the REST route’s words', async ({ stack }) => {
  const color = await wp(
    stack,
    'workos',
    'profiles',
    'create',
    'members',
    '--title=Members',
    '--branding.primary_color=red',
  );
  expect(color.code).toBe(1);
  expect(color.stderr).toContain(
    'Error: branding.primary_color: Must be a color like #1e73be, or empty for the default.',
  );

  const unknown = await wp(stack, 'workos', 'profiles', 'create', 'members', '--title=Members', '--colour=red');
  expect(unknown.code).toBe(1);
  expect(unknown.stderr).toContain('Error: Unknown field: colour.');

  const methods = await wp(
    stack,
    'workos',
    'profiles',
    'create',
    'members',
    '--title=Members',
    '--methods=password,fax',
  );
  expect(methods.code).toBe(1);
  expect(methods.stderr).toContain('Error: methods: Must be a list of: password, magic_code,');

  const slug = await wp(stack, 'workos', 'profiles', 'create', 'Members!', '--title=Members');
  expect(slug.code).toBe(1);
  // The route's schema check answers first, as it does for POST /workos/v1/admin/profiles.
  expect(slug.stderr).toContain('Error: slug: Must be text.');

  const body = await wp(stack, 'workos', 'profiles', 'create', 'members', '--body=[1]');
  expect(body.code).toBe(1);
  expect(body.stderr).toContain('Error: The request body must be a JSON object.');

  const taken = await wp(stack, 'workos', 'profiles', 'create', 'default', '--title=Again');
  expect(taken.code).toBe(1);
  expect(taken.stderr).toContain('A Login Profile with the slug “default” already exists.');

  const list = JSON.parse((await wp(stack, 'workos', 'profiles', 'list', '--format=json')).stdout) as Profile[];
  expect(list.map((p) => p.slug)).toEqual(['default']);
});

test('profiles create and update refuse what the admin REST route refuses, in its words', async ({ page, stack }) => {
  await signInAsAdmin(page, stack);
  const api = await restAs(page);
  const cases: Array<{ cli: string[]; method: string; path: string; data: unknown }> = [
    {
      cli: ['create', 'members', '--title=Members', '--branding.primary_color=red'],
      method: 'POST',
      path: PROFILES,
      data: { slug: 'members', title: 'Members', branding: { primary_color: 'red' } },
    },
    {
      cli: ['create', 'members', '--title=Members', '--mode=popup'],
      method: 'POST',
      path: PROFILES,
      data: { slug: 'members', title: 'Members', mode: 'popup' },
    },
    {
      cli: ['create', 'members', '--title=  '],
      method: 'POST',
      path: PROFILES,
      data: { slug: 'members', title: '  ' },
    },
    {
      cli: ['update', 'default', '--post_login_redirect=https://elsewhere.example/'],
      method: 'PATCH',
      path: `${PROFILES}/default`,
      data: { post_login_redirect: 'https://elsewhere.example/' },
    },
    {
      cli: ['update', 'default', '--mfa.factors=totp,totp'],
      method: 'PATCH',
      path: `${PROFILES}/default`,
      data: { mfa: { factors: ['totp', 'totp'] } },
    },
  ];
  for (const { cli, method, path, data } of cases) {
    const rest = await api(method, path, data);
    expect(rest.status, JSON.stringify(rest.body)).toBe(400);
    const { message, data: details } = rest.body as { message: string; data: { field: string } };
    const run = await wp(stack, 'workos', 'profiles', ...cli);
    expect(run.code, cli.join(' ')).toBe(1);
    const named = message.includes(details.field) ? message : `${details.field}: ${message}`;
    expect(run.stderr).toContain(`Error: ${named}`);
  }
});

test('profiles create, get and list as JSON, then update merges and checks', async ({ stack }) => {
  const made = await wp(
    stack,
    'workos',
    'profiles',
    'create',
    'members',
    '--body={"title":"Members","branding":{"heading":"Welcome"}}',
    '--methods=password,magic_code',
    '--no-invitations',
  );
  expect(made.code, made.stderr).toBe(0);
  expect(made.stdout).toContain('Success: Created the Login Profile “members”.');

  const got = await wp(stack, 'workos', 'profiles', 'get', 'members', '--format=json');
  expect(got.code, got.stderr).toBe(0);
  expect(JSON.parse(got.stdout)).toMatchObject({
    slug: 'members',
    title: 'Members',
    methods: ['password', 'magic_code'],
    invitations: false,
    branding: { heading: 'Welcome' },
  });
  const table = await wp(stack, 'workos', 'profiles', 'get', 'members');
  expect(table.stdout).toMatch(/^branding\.heading\s+Welcome$/m);

  const list = await wp(stack, 'workos', 'profiles', 'list', '--format=json');
  expect((JSON.parse(list.stdout) as Profile[]).map((p) => p.slug)).toEqual(['default', 'members']);

  const updated = await wp(stack, 'workos', 'profiles', 'update', 'members', '--branding.primary_color=#1E73BE');
  expect(updated.code, updated.stderr).toBe(0);
  const after = JSON.parse(
    (await wp(stack, 'workos', 'profiles', 'get', 'members', '--format=json')).stdout,
  ) as Profile;
  // Merged onto the stored profile, normalized as the route normalizes it.
  expect(after.branding).toMatchObject({ heading: 'Welcome', primary_color: '#1e73be' });

  const bad = await wp(stack, 'workos', 'profiles', 'update', 'members', '--invitations=maybe');
  expect(bad.code).toBe(1);
  expect(bad.stderr).toContain('Error: invitations: Must be true or false.');
  const rename = await wp(stack, 'workos', 'profiles', 'update', 'default', '--slug=main');
  expect(rename.code).toBe(1);
  expect(rename.stderr).toContain('The default Login Profile cannot be renamed.');
  const json = await wp(stack, 'workos', 'profiles', 'update', 'members', '--json={"title":"X"}');
  expect(json.code).toBe(1);
  expect(json.stderr).toContain('--body=<json>');

  const missing = await wp(stack, 'workos', 'profiles', 'get', 'nope');
  expect(missing.code).toBe(1);
  expect(missing.stderr).toContain('Error: No Login Profile has this slug.');
});

test('profiles delete refuses the default profile and deletes another with --yes', async ({ stack }) => {
  const refused = await wp(stack, 'workos', 'profiles', 'delete', 'default', '--yes');
  expect(refused.code).toBe(1);
  expect(refused.stderr).toContain('The default Login Profile cannot be deleted.');

  expect((await wp(stack, 'workos', 'profiles', 'create', 'members', '--title=Members')).code).toBe(0);
  const declined = await wpAnswering(stack, 'n\n', 'workos', 'profiles', 'delete', 'members');
  expect(declined.stdout).toContain('Delete the Login Profile “members”? [y/n]');
  expect((await wp(stack, 'workos', 'profiles', 'get', 'members')).code).toBe(0);
  const deleted = await wp(stack, 'workos', 'profiles', 'delete', 'members', '--yes');
  expect(deleted.code, deleted.stderr).toBe(0);
  expect(deleted.stdout).toContain('Success: Deleted the Login Profile “members”.');
  const again = await wp(stack, 'workos', 'profiles', 'delete', 'members', '--yes');
  expect(again.code).toBe(1);
  expect(again.stderr).toContain('No Login Profile has this slug.');
});

test('profiles duplicate copies under the next free slug or the one given', async ({ stack }) => {
  const first = await wp(stack, 'workos', 'profiles', 'duplicate', 'default', '--porcelain');
  expect(first.code, first.stderr).toBe(0);
  expect(first.stdout.trim()).toBe('default-copy');
  const second = await wp(stack, 'workos', 'profiles', 'duplicate', 'default');
  expect(second.stdout).toContain('“default-copy-2”');
  const named = await wp(stack, 'workos', 'profiles', 'duplicate', 'default', 'partners');
  expect(named.code, named.stderr).toBe(0);
  const partners = JSON.parse(
    (await wp(stack, 'workos', 'profiles', 'get', 'partners', '--format=json')).stdout,
  ) as Profile;
  expect(partners.title).toBe('Default (copy)');

  const taken = await wp(stack, 'workos', 'profiles', 'duplicate', 'default', 'partners');
  expect(taken.code).toBe(1);
  expect(taken.stderr).toContain('A Login Profile with the slug “partners” already exists.');
  const slugs = (JSON.parse((await wp(stack, 'workos', 'profiles', 'list', '--format=json')).stdout) as Profile[]).map(
    (p) => p.slug,
  );
  expect(slugs).toEqual(['default', 'default-copy', 'default-copy-2', 'partners']);
});

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
  const badFilter = await wp(stack, 'workos', 'audit', 'export', '--event=nope');
  expect(badFilter.code).toBe(1);
  expect(badFilter.stderr).toContain('Error: Invalid --event: “nope”.');

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

  const bad = await wp(stack, 'workos', 'audit', 'purge', '--older-than=soon', '--yes');
  expect(bad.code).toBe(1);
  expect(bad.stderr).toContain('Error: Give --older-than a whole number of days, 1 or more.');
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

  const unlinked = await wp(stack, 'workos', 'users', 'resync', 'admin');
  expect(unlinked.code).toBe(1);
  expect(unlinked.stderr).toContain('This user is not linked to a WorkOS user yet');
  const nobody = await wp(stack, 'workos', 'users', 'resync', 'nobody@example.com');
  expect(nobody.code).toBe(1);
  expect(nobody.stderr).toContain('Error: No user has the ID, username or email address “nobody@example.com”.');
  const neither = await wp(stack, 'workos', 'users', 'resync');
  expect(neither.code).toBe(1);
  expect(neither.stderr).toContain('Error: Name the users to re-sync, or give --all (not both).');
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

  const ttl = await wp(stack, 'workos', 'break-glass', 'admin', '--ttl=61');
  expect(ttl.code).toBe(1);
  expect(ttl.stderr).toContain('Error: A link lasts from 1 to 60 minutes.');
  const nobody = await wp(stack, 'workos', 'break-glass', 'nobody');
  expect(nobody.code).toBe(1);
  expect(nobody.stderr).toContain('Error: No user has that username, email address or ID.');
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
