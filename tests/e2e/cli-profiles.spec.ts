/**
 * `wp workos status` and `wp workos profiles …`, run through real WP-CLI against the stack's site:
 * status and its exit code, Login Profiles with the REST routes' checks and words.
 */
import { restAs } from './admin.ts';
import { expect, signInAsAdmin, test } from './fixtures.ts';
import { useWpCli, wp, wpAnswering, wpRefuses } from './wp-cli.ts';

const PROFILES = '/wp-json/workos/v1/admin/profiles';

useWpCli();

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

  await wpRefuses(
    stack,
    ['workos', 'profiles', 'update', 'members', '--invitations=maybe'],
    'Error: invitations: Must be true or false.',
  );
  await wpRefuses(
    stack,
    ['workos', 'profiles', 'update', 'default', '--slug=main'],
    'The default Login Profile cannot be renamed.',
  );
  const json = await wp(stack, 'workos', 'profiles', 'update', 'members', '--json={"title":"X"}');
  expect(json.code).toBe(1);
  expect(json.stderr).toContain('--body=<json>');

  await wpRefuses(stack, ['workos', 'profiles', 'get', 'nope'], 'Error: No Login Profile has this slug.');
});

test('profiles delete refuses the default profile and deletes another with --yes', async ({ stack }) => {
  await wpRefuses(
    stack,
    ['workos', 'profiles', 'delete', 'default', '--yes'],
    'The default Login Profile cannot be deleted.',
  );

  expect((await wp(stack, 'workos', 'profiles', 'create', 'members', '--title=Members')).code).toBe(0);
  const declined = await wpAnswering(stack, 'n\n', 'workos', 'profiles', 'delete', 'members');
  expect(declined.stdout).toContain('Delete the Login Profile “members”? [y/n]');
  expect((await wp(stack, 'workos', 'profiles', 'get', 'members')).code).toBe(0);
  const deleted = await wp(stack, 'workos', 'profiles', 'delete', 'members', '--yes');
  expect(deleted.code, deleted.stderr).toBe(0);
  expect(deleted.stdout).toContain('Success: Deleted the Login Profile “members”.');
  await wpRefuses(stack, ['workos', 'profiles', 'delete', 'members', '--yes'], 'No Login Profile has this slug.');
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

  await wpRefuses(
    stack,
    ['workos', 'profiles', 'duplicate', 'default', 'partners'],
    'A Login Profile with the slug “partners” already exists.',
  );
  const slugs = (JSON.parse((await wp(stack, 'workos', 'profiles', 'list', '--format=json')).stdout) as Profile[]).map(
    (p) => p.slug,
  );
  expect(slugs).toEqual(['default', 'default-copy', 'default-copy-2', 'partners']);
});
