/**
 * The admin REST routes behind the Login Profiles screen: organizations through the login server
 * (cached, refreshable, 503 when the server is down) and wp-login.php routing rules (CRUD,
 * validation, and their effect on which profile wp-login.php shows).
 */
import type { Page } from '@playwright/test';
import { ADMIN_LIMITS, type RoutingRule } from '../../protocol/admin.ts';
import { DEFAULT_STRINGS } from '../../protocol/strings.ts';
import seed from '../../server/workos-fake/seed.json' with { type: 'json' };
import { restAs as rest } from './admin.ts';
import { expect, signInAsAdmin, submitNativeLogin, test } from './fixtures.ts';
import { phpJson, saveProfiles } from './profiles.ts';

const ORGANIZATIONS = '/wp-json/workos/v1/admin/organizations';
const RULES = '/wp-json/workos/v1/admin/routing-rules';
const DEMO = { id: seed.organizations[0].id, name: 'Demo Organization' };

/** Signs a new editor (no `manage_options`) in through the emergency native form. */
async function signInAsEditor(page: Page, stack: Parameters<typeof signInAsAdmin>[1]): Promise<void> {
  await stack.site.php(
    `wp_insert_user( array( 'user_login' => 'edna', 'user_pass' => 'Editor-Pass-42', 'user_email' => 'edna@example.com', 'role' => 'editor' ) );`,
  );
  await submitNativeLogin(page, 'edna', 'Editor-Pass-42');
  await page.waitForURL('**/wp-admin/**');
}

test('organizations come from the login server, cached until a refresh', async ({ page, stack }) => {
  await signInAsAdmin(page, stack);
  const api = await rest(page);

  const first = await api('GET', ORGANIZATIONS);
  expect(first.status).toBe(200);
  expect(Object.keys(first.body).sort()).toEqual(['fetched_at', 'organizations']);
  expect(first.body.organizations).toContainEqual(DEMO);
  expect(first.body.fetched_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  expect(Math.abs(Date.parse(first.body.fetched_at) - Date.now())).toBeLessThan(60_000);

  const cached = await api('GET', ORGANIZATIONS);
  expect(cached.body).toEqual(first.body);
  const refreshed = await api('GET', `${ORGANIZATIONS}?refresh=1`);
  expect(refreshed.status).toBe(200);
  expect(refreshed.body.organizations).toEqual(first.body.organizations);
  expect(Date.parse(refreshed.body.fetched_at)).toBeGreaterThan(Date.parse(first.body.fetched_at));
  expect((await api('GET', ORGANIZATIONS)).body.fetched_at).toBe(refreshed.body.fetched_at);

  // Search is WorkOS's (names), each search cached on its own.
  expect((await api('GET', `${ORGANIZATIONS}?search=demo`)).body.organizations).toEqual([DEMO]);
  expect((await api('GET', `${ORGANIZATIONS}?search=no-such-organization`)).body.organizations).toEqual([]);
  const tooLong = await api('GET', `${ORGANIZATIONS}?search=${'x'.repeat(101)}`);
  expect(tooLong.status).toBe(400);
  expect((await api('GET', `${ORGANIZATIONS}?refresh=maybe`)).status).toBe(400);
});

test('without the login server: the cache still answers, a refresh is a 503 with the site’s text', async ({
  page,
  stack,
}) => {
  await signInAsAdmin(page, stack);
  const api = await rest(page);
  const before = await api('GET', ORGANIZATIONS);
  expect(before.status).toBe(200);

  await stack.stopServer();
  try {
    expect((await api('GET', ORGANIZATIONS)).body).toEqual(before.body);
    for (const path of [`${ORGANIZATIONS}?refresh=1`, `${ORGANIZATIONS}?search=demo`]) {
      const down = await api('GET', path);
      expect(down.status, path).toBe(503);
      expect(down.body).toMatchObject({
        code: 'server_unavailable',
        message: DEFAULT_STRINGS.error_server_unavailable,
        data: { status: 503 },
      });
    }
  } finally {
    await stack.startServer();
  }
  expect((await api('GET', `${ORGANIZATIONS}?refresh=1`)).status).toBe(200);
});

test('only administrators reach the admin routes', async ({ page, request, stack }) => {
  for (const path of [ORGANIZATIONS, RULES]) {
    expect((await request.get(path)).status(), path).toBe(401);
  }
  await signInAsEditor(page, stack);
  const api = await rest(page);
  for (const [method, path] of [
    ['GET', ORGANIZATIONS],
    ['GET', RULES],
    ['PUT', RULES],
  ] as const) {
    const res = await api(method, path, method === 'PUT' ? { rules: [] } : undefined);
    expect(res.status, `${method} ${path}`).toBe(403);
    expect(res.body.code).toBe('rest_forbidden');
  }
});

test('routing rules: read, replace, and refuse invalid lists naming the field', async ({ page, stack }) => {
  await saveProfiles(stack, { slug: 'customers', title: 'Customers' });
  await signInAsAdmin(page, stack);
  const api = await rest(page);

  expect(await api('GET', RULES)).toEqual({ status: 200, body: { rules: [] } });

  const rules: RoutingRule[] = [
    { match: 'redirect_to', pattern: '/shop/*', profile: 'customers' },
    { match: 'referrer_host', pattern: '*.Partner.Example', profile: 'default' },
  ];
  const saved = await api('PUT', RULES, { rules });
  expect(saved.status).toBe(200);
  const stored = [rules[0], { ...rules[1], pattern: '*.partner.example' }];
  expect(saved.body).toEqual({ rules: stored });
  expect((await api('GET', RULES)).body).toEqual({ rules: stored });

  const rule = (over: object) => ({ ...rules[0], ...over });
  const cases: Array<[unknown, string]> = [
    [{ rules: 'all' }, 'rules'],
    [{ rules: Array.from({ length: 51 }, () => rules[0]) }, 'rules'],
    [{}, 'rules'],
    [{ rules: [], extra: 1 }, 'extra'],
    [{ rules: [rules[0], 'x'] }, 'rules[1]'],
    [{ rules: [rules[0], rule({ pattern: '' })] }, 'rules[1].pattern'],
    [{ rules: [rule({ pattern: 'shop/*' })] }, 'rules[0].pattern'],
    [{ rules: [rule({ pattern: '/shop/?' })] }, 'rules[0].pattern'],
    [{ rules: [rule({ pattern: '/shop/[a-z]' })] }, 'rules[0].pattern'],
    [{ rules: [rule({ pattern: `/${'a'.repeat(200)}` })] }, 'rules[0].pattern'],
    [{ rules: [rule({ match: 'referrer_host', pattern: 'shop.*.example' })] }, 'rules[0].pattern'],
    [{ rules: [rule({ match: 'referrer_host', pattern: 'https://shop.example' })] }, 'rules[0].pattern'],
    [{ rules: [rule({ match: 'cookie' })] }, 'rules[0].match'],
    [{ rules: [rule({ profile: 'no-such-profile' })] }, 'rules[0].profile'],
    [{ rules: [rule({ profile: 7 })] }, 'rules[0].profile'],
    [{ rules: [{ match: 'redirect_to', pattern: '/x' }] }, 'rules[0].profile'],
    [{ rules: [rule({ colour: 'red' })] }, 'rules[0].colour'],
  ];
  for (const [body, field] of cases) {
    const res = await api('PUT', RULES, body);
    expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
    expect(res.body, JSON.stringify(body).slice(0, 80)).toMatchObject({
      code: 'workos_login_invalid_routing_rules',
      data: { status: 400, field },
    });
    expect(res.body.message).not.toBe('');
  }
  expect((await api('GET', RULES)).body).toEqual({ rules: stored });

  expect((await api('PUT', RULES, { rules: [] })).body).toEqual({ rules: [] });
  expect((await api('GET', RULES)).body).toEqual({ rules: [] });
});

test('a redirect_to rule sends wp-login.php visits bound for /shop/* to the customers profile', async ({
  page,
  stack,
}) => {
  await saveProfiles(stack, { slug: 'customers', title: 'Customers', branding: { heading: 'Customer sign-in' } });
  await stack.site.php(
    `update_option( 'workos_login_routing_rules', array( array( 'match' => 'redirect_to', 'pattern' => '/shop/*', 'profile' => 'customers' ) ) );`,
  );
  const login = page.locator('workos-login');

  await page.goto(`/wp-login.php?redirect_to=${encodeURIComponent('/shop/cart/')}`);
  await expect(login).toHaveAttribute('profile', 'customers');
  await expect(login.getByRole('heading')).toHaveText('Customer sign-in');
  await expect(login).toHaveAttribute('redirect-to', '/shop/cart/');

  for (const url of [
    '/wp-login.php',
    `/wp-login.php?redirect_to=${encodeURIComponent('/shopping/')}`,
    `/wp-login.php?redirect_to=${encodeURIComponent('//evil.example/shop/')}`,
    `/wp-login.php?redirect_to=${encodeURIComponent('/shop/cart/')}&interim-login=1`,
  ]) {
    await page.goto(url);
    await expect(login, url).toHaveAttribute('profile', 'default');
  }
  await page.goto(`/wp-login.php?redirect_to=${encodeURIComponent(`${stack.wordpressUrl}/shop`)}`);
  await expect(login).toHaveAttribute('profile', 'customers');

  // A routed profile with a custom path gets the visit there, every query argument kept.
  await saveProfiles(stack, { slug: 'customers', title: 'Customers', custom_path: 'shop-login' });
  const query = `redirect_to=${encodeURIComponent('/shop/cart/')}&utm_source=mail`;
  const moved = await page.request.get(`/wp-login.php?${query}`, { maxRedirects: 0 });
  expect(moved.status()).toBe(302);
  expect(moved.headers().location).toBe(`${stack.wordpressUrl}/shop-login/?${query}`);

  // A rule whose profile is gone is skipped.
  await stack.site.php(`
    $profiles = get_option( 'workos_login_profiles' );
    unset( $profiles['customers'] );
    update_option( 'workos_login_profiles', $profiles );
  `);
  await page.goto(`/wp-login.php?redirect_to=${encodeURIComponent('/shop/cart/')}`);
  await expect(login).toHaveAttribute('profile', 'default');
});

test('a referrer_host rule sends visitors from partner sites to the partners profile', async ({ page, stack }) => {
  await saveProfiles(stack, { slug: 'partners', title: 'Partners', branding: { heading: 'Partner sign-in' } });
  await stack.site.php(
    `update_option( 'workos_login_routing_rules', array( array( 'match' => 'referrer_host', 'pattern' => '*.partner.example', 'profile' => 'partners' ) ) );`,
  );
  const login = page.locator('workos-login');

  await page.goto('/wp-login.php', { referer: 'http://shop.partner.example/account' });
  await expect(login).toHaveAttribute('profile', 'partners');
  await expect(login.getByRole('heading')).toHaveText('Partner sign-in');

  for (const referer of ['http://partner.example/', 'http://shop.partner.example.evil.test/', undefined]) {
    await page.goto('/wp-login.php', referer ? { referer } : {});
    await expect(login, String(referer)).toHaveAttribute('profile', 'default');
  }

  const html = await (
    await page.request.get('/wp-login.php', { headers: { Referer: 'http://a.b.partner.example:8080/x' } })
  ).text();
  expect(html).toMatch(/<workos-login[^>]*profile="partners"/);
});

test('routing patterns: path globs and host wildcards match as documented', async ({ stack }) => {
  const cases: Array<[RoutingRule['match'], string, string, boolean]> = [
    ['redirect_to', '/shop/*', '/shop/cart/', true],
    ['redirect_to', '/shop/*', '/shop/', true],
    ['redirect_to', '/shop/*', '/shop', true],
    ['redirect_to', '/shop/*', '/shopping/', false],
    ['redirect_to', '/SHOP/*', '/shop/Cart', true],
    ['redirect_to', '/*/cart/', '/a/b/cart/', true],
    ['redirect_to', '/shop', '/shop/', false],
    ['redirect_to', '/shop.php', '/shopxphp', false],
    ['referrer_host', '*.example.com', 'a.example.com', true],
    ['referrer_host', '*.example.com', 'a.b.example.com', true],
    ['referrer_host', '*.example.com', 'example.com', false],
    ['referrer_host', '*.example.com', 'badexample.com', false],
    ['referrer_host', 'example.com', 'example.com', true],
    ['referrer_host', 'example.com', 'a.example.com', false],
  ];
  const out = await stack.site.php(`
    $results = array();
    foreach ( ${phpJson(cases)} as $case ) {
      $results[] = workos_login_routing_rule_matches( array( 'match' => $case[0], 'pattern' => $case[1], 'profile' => 'default' ), $case[2] );
    }
    echo wp_json_encode( $results );
  `);
  expect(JSON.parse(out.trim().split('\n').pop()!)).toEqual(cases.map((c) => c[3]));

  // The PHP limits mirror protocol/admin.ts.
  const limits = await stack.site.php(
    `echo wp_json_encode( array( WORKOS_LOGIN_ROUTING_PATTERNS, WORKOS_LOGIN_ROUTING_RULES_MAX, WORKOS_LOGIN_ROUTING_PATTERN_MAX ) );`,
  );
  expect(JSON.parse(limits.trim().split('\n').pop()!)).toEqual([
    { redirect_to: `#${ADMIN_LIMITS.routingPathPattern}#`, referrer_host: `#${ADMIN_LIMITS.routingHostPattern}#` },
    ADMIN_LIMITS.routingRulesMax,
    ADMIN_LIMITS.routingPatternMax,
  ]);
});
