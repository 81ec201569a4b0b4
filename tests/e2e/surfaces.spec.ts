/**
 * Surfaces of a Login Profile: the route `/workos/login/<slug>`, custom paths, branding,
 * redirects (profile destination, marketing arguments, open-redirect attempts) and escaping.
 */
import { DEMO_PASSWORD, E2E_SITE_URL, expect, signIn, test } from './fixtures.ts';
import { phpJson, phpJsonOut, saveProfiles } from './profiles.ts';

const MEMBERS = {
  slug: 'members',
  title: 'Members',
  custom_path: 'members-area',
  post_login_redirect: '/sample-page/',
  branding: { heading: 'Members only', subheading: 'Welcome back, friend', primary_color: '#0b6e4f' },
};

test('a profile with a custom path: the route 301s there, branded, and a visitor signs in', async ({ page, stack }) => {
  await saveProfiles(stack, MEMBERS);

  const redirect = await page.request.get('/workos/login/members?utm_source=news&x=1', { maxRedirects: 0 });
  expect(redirect.status()).toBe(301);
  expect(redirect.headers().location).toBe(`${stack.wordpressUrl}/members-area/?utm_source=news&x=1`);

  const response = await page.goto('/workos/login/members');
  expect(response?.status()).toBe(200);
  expect(new URL(page.url()).pathname).toBe('/members-area/');
  expect(response?.headers()['x-robots-tag']).toContain('noindex');
  expect(response?.headers()['cache-control']).toContain('no-cache');
  await expect(page.locator('meta[name="color-scheme"]')).toHaveAttribute('content', 'light dark');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-US');

  const login = page.locator('workos-login');
  await expect(login).toHaveAttribute('profile', 'members');
  await expect(login.getByRole('heading', { name: 'Members only' })).toBeVisible();
  await expect(login).toHaveAttribute('subheading', 'Welcome back, friend');
  await expect(login.getByText('Welcome back, friend')).toBeVisible();
  const background = await login
    .getByRole('button', { name: 'Sign in' })
    .evaluate((b) => getComputedStyle(b).backgroundColor);
  expect(background).toBe('rgb(11, 110, 79)');

  await signIn(page, 'ada@example.com', DEMO_PASSWORD);
  // The profile's post_login_redirect, as no redirect_to was asked for.
  await page.waitForURL((url) => url.pathname === '/sample-page/');
  await expect(page.locator('#wpadminbar')).toBeVisible();
});

test('a newly saved custom path answers on the next request, without a permalink flush', async ({ page, stack }) => {
  expect((await page.request.get('/team/login/', { maxRedirects: 0 })).status()).toBe(404);
  await saveProfiles(stack, { slug: 'team', custom_path: 'team/login' });
  const response = await page.goto('/team/login/');
  expect(response?.status()).toBe(200);
  await expect(page.locator('workos-login')).toHaveAttribute('profile', 'team');
  // And it goes away with the profile's path.
  await saveProfiles(stack, { slug: 'team', custom_path: '' });
  expect((await page.request.get('/team/login/', { maxRedirects: 0 })).status()).toBe(404);
  expect((await page.request.get('/workos/login/team', { maxRedirects: 0 })).status()).toBe(200);
});

test('reserved and taken custom paths are refused', async ({ stack }) => {
  await saveProfiles(stack, MEMBERS);
  const results = await phpJsonOut<Record<string, string | true>>(
    stack,
    `
    $out = array();
    foreach ( ${phpJson(['wp-admin', 'wp-json', 'workos', 'wp-login.php', 'feed', 'sample-page', 'members-area', 'club'])} as $path ) {
      $valid = workos_login_validate_custom_path( $path, 'other' );
      $out[ $path ] = is_wp_error( $valid ) ? $valid->get_error_message() : true;
    }
    $out['own'] = workos_login_validate_custom_path( 'members-area', 'members' );
    echo wp_json_encode( $out );
  `,
  );
  for (const path of ['wp-admin', 'wp-json', 'workos', 'wp-login.php', 'feed', 'sample-page', 'members-area']) {
    expect(results[path], path).toEqual(expect.any(String));
    expect((results[path] as string).length, path).toBeGreaterThan(10);
  }
  expect(results.club).toBe(true);
  expect(results.own).toBe(true);
});

test('profile text with quotes, ampersands, emoji and RTL renders exactly', async ({ page, stack }) => {
  const heading = `She said "hi" & 'bye' <b>not bold</b> &amp; 🎉`;
  const subheading = 'مرحبا بكم — שלום עולם ✨';
  await saveProfiles(stack, { slug: 'texty', branding: { heading, subheading } });
  await page.goto('/workos/login/texty');
  const login = page.locator('workos-login');
  await expect(login).toHaveAttribute('heading', heading);
  await expect(login).toHaveAttribute('subheading', subheading);
  await expect(login.getByRole('heading')).toHaveText(heading);
  await expect(login.getByText(subheading)).toBeVisible();
  await expect(page.locator('b')).toHaveCount(0);
});

test('a visitor who is already signed in is sent on from the route (302)', async ({ page, stack }) => {
  await saveProfiles(stack, MEMBERS);
  await page.goto('/workos/login/default');
  await signIn(page, 'grace@example.com', DEMO_PASSWORD);
  await page.waitForURL('**/wp-admin/profile.php');

  const plain = await page.request.get('/workos/login/default', { maxRedirects: 0 });
  expect(plain.status()).toBe(302);
  expect(plain.headers().location).toBe(`${stack.wordpressUrl}/wp-admin/profile.php`);
  const asked = await page.request.get(`/workos/login/default?redirect_to=${encodeURIComponent('/sample-page/')}`, {
    maxRedirects: 0,
  });
  expect(new URL(asked.headers().location, stack.wordpressUrl).href).toBe(`${stack.wordpressUrl}/sample-page/`);
  // The profile's own destination, and the custom path.
  const custom = await page.request.get('/members-area/', { maxRedirects: 0 });
  expect(custom.status()).toBe(302);
  expect(new URL(custom.headers().location, stack.wordpressUrl).href).toBe(`${stack.wordpressUrl}/sample-page/`);
});

const EVIL = [
  '//evil.example',
  'https:evil.example',
  '/\\evil.example',
  '%2F%2Fevil.example',
  `${E2E_SITE_URL}@evil.example`,
  '/\t/evil.example',
  'https://evil.example/steal',
];

test('open-redirect attempts land on the safe default', async ({ page, browser }) => {
  for (const target of EVIL) {
    // Raw in the query string ('%2F%2F…' arrives decoded as '//…') and encoded once more.
    for (const query of [target, encodeURIComponent(target)]) {
      await page.goto(`/workos/login/default?redirect_to=${query}`);
      const attribute = await page.locator('workos-login').getAttribute('redirect-to');
      expect(attribute ?? '', `${query} → ${attribute}`).not.toMatch(/evil/);
    }
  }
  await page.goto(`/workos/login/default?redirect_to=${encodeURIComponent('//evil.example')}`);
  await signIn(page, 'grace@example.com', DEMO_PASSWORD);
  await page.waitForURL('**/wp-admin/profile.php');

  for (const target of EVIL) {
    const response = await page.request.get(`/workos/login/default?redirect_to=${encodeURIComponent(target)}`, {
      maxRedirects: 0,
    });
    expect(response.headers().location, target).toBe(`${E2E_SITE_URL}/wp-admin/profile.php`);
  }
  // And at the REST endpoint itself (the element only relays what the page gave it).
  const context = await browser.newContext();
  const visitor = await context.newPage();
  await visitor.goto('/workos/login/default');
  await visitor
    .locator('workos-login')
    .evaluate((el, site) => el.setAttribute('redirect-to', `${site}@evil.example/`), E2E_SITE_URL);
  await signIn(visitor, 'grace@example.com', DEMO_PASSWORD);
  await visitor.waitForURL('**/wp-admin/profile.php');
  await context.close();
});

test('forward_query_args passes marketing arguments on, never internals', async ({ page, stack }) => {
  await saveProfiles(stack, { ...MEMBERS, forward_query_args: true });
  const query =
    'utm_source=news&utm_campaign=spring%20sale&ref=abc&gclid=g1&wp_lang=de_DE&workos_x=1&_hidden=1&action=login&reauth=0&other=1';
  await page.goto(`/members-area/?${query}`);
  await expect(page.locator('workos-login')).toHaveAttribute(
    'redirect-to',
    '/sample-page/?utm_source=news&utm_campaign=spring%20sale&ref=abc&gclid=g1',
  );
  await signIn(page, 'ada@example.com', DEMO_PASSWORD);
  await page.waitForURL((url) => url.pathname === '/sample-page/');
  const landed = new URL(page.url());
  expect([...landed.searchParams.keys()].sort()).toEqual(['gclid', 'ref', 'utm_campaign', 'utm_source']);
  expect(landed.searchParams.get('utm_campaign')).toBe('spring sale');
});

test('an unknown profile is a 404 on the route', async ({ page }) => {
  expect((await page.goto('/workos/login/nobody-here'))?.status()).toBe(404);
});
