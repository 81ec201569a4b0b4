import type { Page } from '@playwright/test';
import { restAs as rest, type Rest } from './admin.ts';
import { expect, signInAsAdmin, submitNativeLogin, test } from './fixtures.ts';
import { phpJson, phpJsonOut } from './profiles.ts';

const ADMIN = '/wp-json/workos/v1/admin/profiles';
const PUBLIC = '/wp-json/workos/v1/profiles';
const EXOTIC = '"quotes" \\backslashes\\ 😀 日本語 עברית <b>tags</b> it\'s';

async function asAdmin(page: Page, stack: Parameters<typeof signInAsAdmin>[1]): Promise<Rest> {
  await signInAsAdmin(page, stack);
  return rest(page);
}

test('an administrator lists, creates, reads, updates, duplicates and deletes profiles', async ({
  page,
  request,
  stack,
}) => {
  const api = await asAdmin(page, stack);

  const list = await api('GET', ADMIN);
  expect(list.status).toBe(200);
  expect(list.body.map((p: { slug: string }) => p.slug)).toEqual(['default']);
  expect(list.body[0]).toMatchObject({
    title: 'Default',
    methods: ['password'],
    organization_id: null,
    mode: 'custom',
  });

  const created = await api('POST', ADMIN, { slug: 'members', title: 'Members', methods: ['password', 'sso'] });
  expect(created.status).toBe(201);
  // Everything not sent comes from PROFILE_DEFAULTS, in LoginProfile order.
  expect(Object.keys(created.body)).toEqual(Object.keys(list.body[0]));
  expect(created.body).toMatchObject({ slug: 'members', methods: ['password', 'sso'], remember_me: 'ask' });
  expect((await api('GET', `${ADMIN}/members`)).body).toEqual(created.body);

  // PATCH semantics for PUT too: nested objects merge key by key.
  const updated = await api('PUT', `${ADMIN}/members`, {
    branding: { primary_color: '#1E73BE' },
    custom_path: '/Team/Login/',
    organization_id: 'org_01JDEMO0000000000000000000',
  });
  expect(updated.status).toBe(200);
  expect(updated.body.branding).toEqual({ ...created.body.branding, primary_color: '#1e73be' });
  expect(updated.body.custom_path).toBe('team/login');
  expect((await api('PATCH', `${ADMIN}/members`, { mfa: { enforce: 'always' } })).body.mfa).toEqual({
    enforce: 'always',
    factors: ['totp'],
  });

  // The saved custom path serves the profile to visitors at once: no manual permalink flush.
  const byPath = await request.get('/team/login/');
  expect(byPath.status()).toBe(200);
  expect(await byPath.text()).toContain('<workos-login');

  const copy = await api('POST', `${ADMIN}/members/duplicate`);
  expect(copy.status).toBe(201);
  expect(copy.body).toMatchObject({
    slug: 'members-copy',
    title: 'Members (copy)',
    custom_path: '',
    mfa: { enforce: 'always' },
  });
  expect((await api('POST', `${ADMIN}/members/duplicate`)).body.slug).toBe('members-copy-2');

  const renamed = await api('PUT', `${ADMIN}/members-copy`, { slug: 'staff' });
  expect(renamed.body.slug).toBe('staff');
  expect((await api('GET', `${ADMIN}/members-copy`)).status).toBe(404);

  const deleted = await api('DELETE', `${ADMIN}/staff`);
  expect(deleted.status).toBe(200);
  expect(deleted.body).toMatchObject({ deleted: true, previous: { slug: 'staff' } });
  expect((await api('GET', ADMIN)).body.map((p: { slug: string }) => p.slug)).toEqual([
    'default',
    'members',
    'members-copy-2',
  ]);
  for (const method of ['GET', 'PUT', 'DELETE']) expect((await api(method, `${ADMIN}/nope`, {})).status).toBe(404);
  expect((await api('POST', `${ADMIN}/nope/duplicate`)).status).toBe(404);
});

test('unknown fields and every mistyped field are refused, naming the field', async ({ page, stack }) => {
  const api = await asAdmin(page, stack);
  const cases: Array<[Record<string, unknown>, string]> = [
    [{ bogus: 1 }, 'bogus'],
    [{ branding: { colour: 'red' } }, 'branding.colour'],
    [{ slug: 'Not A Slug' }, 'slug'],
    [{ title: 5 }, 'title'],
    [{ title: '   ' }, 'title'],
    [{ title: 'x'.repeat(201) }, 'title'],
    [{ methods: [] }, 'methods'],
    [{ methods: [1] }, 'methods'],
    [{ methods: ['password', 'password'] }, 'methods'],
    [{ methods: ['telepathy'] }, 'methods'],
    [{ organization_id: 'acme' }, 'organization_id'],
    [{ signup: 'yes' }, 'signup'],
    [{ signup: { enabled: 'maybe' } }, 'signup.enabled'],
    [{ signup: { require_invitation: 2 } }, 'signup.require_invitation'],
    [{ invitations: 'maybe' }, 'invitations'],
    [{ password_reset: null }, 'password_reset'],
    [{ auto_sign_in_after_reset: [] }, 'auto_sign_in_after_reset'],
    [{ mfa: { enforce: 'sometimes' } }, 'mfa.enforce'],
    [{ mfa: { factors: ['email'] } }, 'mfa.factors'],
    [{ branding: { heading: 7 } }, 'branding.heading'],
    [{ branding: { subheading: 'x'.repeat(501) } }, 'branding.subheading'],
    [{ branding: { primary_color: 'red' } }, 'branding.primary_color'],
    [{ branding: { logo_mode: 'huge' } }, 'branding.logo_mode'],
    [{ branding: { logo_attachment_id: -1 } }, 'branding.logo_attachment_id'],
    [{ branding: { logo_mode: 'custom', logo_attachment_id: 999999 } }, 'branding.logo_attachment_id'],
    [{ custom_path: 'Not Valid!' }, 'custom_path'],
    [{ custom_path: 'a/b/c/d' }, 'custom_path'],
    [{ post_login_redirect: 'https://evil.example/' }, 'post_login_redirect'],
    [{ post_login_redirect: '//evil.example' }, 'post_login_redirect'],
    [{ post_login_redirect: 'javascript:alert(1)' }, 'post_login_redirect'],
    [{ forward_query_args: 'maybe' }, 'forward_query_args'],
    [{ remember_me: 'sometimes' }, 'remember_me'],
    [{ mode: 'hosted' }, 'mode'],
  ];
  for (const [fields, field] of cases) {
    const res = await api('POST', ADMIN, { slug: 'bad', title: 'Bad', ...fields });
    expect.soft(res.status, JSON.stringify(fields)).toBe(400);
    expect.soft(res.body.code, JSON.stringify(fields)).toBe('workos_login_invalid_profile');
    expect.soft(res.body.data?.field, JSON.stringify(fields)).toBe(field);
  }
  expect((await api('POST', ADMIN, { slug: 'bad', title: 'Bad', bogus: 1 })).body.message).toContain('bogus');
  expect((await api('POST', ADMIN, { title: 'No slug' })).body.data.field).toBe('slug');
  expect((await api('POST', ADMIN, { slug: 'no-title' })).body.data.field).toBe('title');
  // The same checks guard updates, and nothing was stored by the refused requests.
  expect((await api('PATCH', `${ADMIN}/default`, { branding: { primary_color: 'blue' } })).body.data.field).toBe(
    'branding.primary_color',
  );
  expect((await api('GET', ADMIN)).body).toHaveLength(1);
});

test('custom paths: reserved, taken by a page or by another profile are refused', async ({ page, stack }) => {
  const api = await asAdmin(page, stack);
  expect((await api('POST', ADMIN, { slug: 'members', title: 'Members', custom_path: 'members' })).status).toBe(201);
  for (const [path, says] of [
    ['wp-admin', 'reserved'],
    ['wp-json/x', 'reserved'],
    ['workos/login', 'reserved'],
    ['Feed', 'reserved'],
    ['sample-page', 'Sample Page'],
    ['hello-world', 'Hello world!'],
    ['/members/', 'Members'],
  ]) {
    const res = await api('POST', ADMIN, { slug: 'other', title: 'Other', custom_path: path });
    expect(res.status, path).toBe(400);
    expect(res.body.data.field, path).toBe('custom_path');
    expect(res.body.message, path).toContain(says);
  }
  // A profile keeps its own path when saved again.
  expect((await api('PUT', `${ADMIN}/members`, { title: 'Members!', custom_path: 'members' })).status).toBe(200);
});

test('slugs are unique and the default profile cannot be deleted or renamed', async ({ page, stack }) => {
  const api = await asAdmin(page, stack);
  const taken = await api('POST', ADMIN, { slug: 'default', title: 'Again' });
  expect(taken.status).toBe(409);
  expect(taken.body.code).toBe('workos_login_profile_exists');
  await api('POST', ADMIN, { slug: 'a', title: 'A' });
  await api('POST', ADMIN, { slug: 'b', title: 'B' });
  expect((await api('POST', ADMIN, { slug: 'a', title: 'A again' })).status).toBe(409);
  expect((await api('PUT', `${ADMIN}/b`, { slug: 'a' })).status).toBe(409);

  const del = await api('DELETE', `${ADMIN}/default`);
  expect(del.status).toBe(400);
  expect(del.body.data.field).toBe('slug');
  const rename = await api('PUT', `${ADMIN}/default`, { slug: 'main' });
  expect(rename.status).toBe(400);
  expect(rename.body.data.field).toBe('slug');
  // Editing the default stores it; it stays first and keeps its slug.
  expect((await api('PATCH', `${ADMIN}/default`, { title: 'Everyone' })).body).toMatchObject({ slug: 'default' });
  expect((await api('GET', ADMIN)).body.map((p: { slug: string }) => p.slug)).toEqual(['default', 'a', 'b']);
});

test('only administrators reach the admin API: visitors get 401, subscribers 403', async ({ page, request, stack }) => {
  for (const [method, path] of [
    ['GET', ADMIN],
    ['POST', ADMIN],
    ['GET', `${ADMIN}/default`],
    ['PUT', `${ADMIN}/default`],
    ['DELETE', `${ADMIN}/default`],
    ['POST', `${ADMIN}/default/duplicate`],
  ]) {
    const data = method === 'GET' ? undefined : {};
    expect((await request.fetch(path, { method, data })).status(), `${method} ${path}`).toBe(401);
  }

  await stack.site.php(
    `wp_insert_user( array( 'user_login' => 'sub', 'user_pass' => 'Sub-Password-1', 'role' => 'subscriber', 'user_email' => 'sub@example.org' ) );`,
  );
  await submitNativeLogin(page, 'sub', 'Sub-Password-1');
  await page.waitForURL('**/wp-admin/profile.php');
  const api = await rest(page);
  expect((await api('GET', ADMIN)).status).toBe(403);
  expect((await api('POST', ADMIN, { slug: 'x', title: 'X' })).status).toBe(403);
  expect((await api('DELETE', `${ADMIN}/default`)).status).toBe(403);
});

test('the public endpoint shows only what a visitor needs', async ({ page, request, stack }) => {
  const api = await asAdmin(page, stack);
  await api('POST', ADMIN, {
    slug: 'staff',
    title: 'Staff',
    organization_id: 'org_01JDEMO0000000000000000000',
    post_login_redirect: '/secret-area/',
    custom_path: 'staff',
    signup: { enabled: true, require_invitation: true },
    branding: { heading: 'Hello', primary_color: '#112233', logo_mode: 'none' },
  });
  const res = await request.get(`${PUBLIC}/staff`);
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(Object.keys(body).sort()).toEqual(
    ['branding', 'methods', 'mode', 'password_reset', 'remember_me', 'signup_enabled', 'slug', 'title'].sort(),
  );
  expect(Object.keys(body.branding).sort()).toEqual(['heading', 'logo_url', 'primary_color', 'subheading']);
  expect(body).toEqual({
    slug: 'staff',
    title: 'Staff',
    methods: ['password'],
    signup_enabled: true,
    password_reset: true,
    remember_me: 'ask',
    mode: 'custom',
    branding: { heading: 'Hello', subheading: '', primary_color: '#112233', logo_url: '' },
  });
  expect(JSON.stringify(body)).not.toMatch(/org_|secret-area/);

  // The login server gets its own narrow view (protocol `ResolvedProfile`), nothing more.
  const resolved = await phpJsonOut(
    stack,
    `echo wp_json_encode( workos_login_resolved_profile( workos_login_get_profile( 'staff' ) ) );`,
  );
  expect(resolved).toEqual({
    slug: 'staff',
    methods: ['password'],
    organization_id: 'org_01JDEMO0000000000000000000',
    organization_pinned: true,
    signup: { enabled: true, require_invitation: true },
    invitations: true,
    password_reset: true,
    auto_sign_in_after_reset: false,
    mfa: { enforce: 'if_required', factors: ['totp'] },
  });

  // The default logo is the Site Icon when there is one, else the bundled mark.
  const mark = (await (await request.get(`${PUBLIC}/default`)).json()).branding.logo_url;
  expect(mark).toMatch(/\/assets\/logo\.svg$/);
  const svg = await request.get(mark);
  expect(svg.headers()['content-type']).toContain('image/svg+xml');
  expect((await svg.body()).length).toBeLessThan(1024);

  expect((await request.get(`${PUBLIC}/no-such-profile`)).status()).toBe(404);
});

test('profile text round-trips byte for byte: quotes, backslashes, emoji, RTL, tags', async ({
  page,
  request,
  stack,
}) => {
  const api = await asAdmin(page, stack);
  const text = { title: EXOTIC, branding: { heading: EXOTIC, subheading: `${EXOTIC}\n${EXOTIC}` } };
  const created = await api('POST', ADMIN, { slug: 'exotic', ...text });
  expect(created.status).toBe(201);
  expect(created.body).toMatchObject(text);
  expect((await api('GET', `${ADMIN}/exotic`)).body).toMatchObject(text);
  expect((await (await request.get(`${PUBLIC}/exotic`)).json()).branding.subheading).toBe(text.branding.subheading);

  // Straight from the option, as bytes (base64: nothing on the way can re-encode them).
  const stored = await phpJsonOut<string[]>(
    stack,
    `$p = get_option( 'workos_login_profiles' )['exotic'];
     echo wp_json_encode( array_map( 'base64_encode', array( $p['title'], $p['branding']['heading'], $p['branding']['subheading'] ) ) );`,
  );
  const bytes = (s: string) => Buffer.from(s, 'utf8').toString('base64');
  expect(stored).toEqual([bytes(EXOTIC), bytes(EXOTIC), bytes(text.branding.subheading)]);

  // Saved again unchanged (the admin UI PUTs what it GETs), it still does not drift.
  const again = await api('PUT', `${ADMIN}/exotic`, created.body);
  expect(again.body).toEqual(created.body);
  const viaPhp = await phpJsonOut<string>(
    stack,
    `echo wp_json_encode( base64_encode( workos_login_save_profile( ${phpJson({ slug: 'exotic', title: EXOTIC })} )['title'] ) );`,
  );
  expect(viaPhp).toBe(bytes(EXOTIC));
});
