/**
 * The shortcode `[workos:login]` (alias `[workos_login]`) and the theme API
 * `workos_login_element()`.
 */
import { DEMO_PASSWORD, expect, signIn, signInAsAdmin, test } from './fixtures.ts';
import { phpJson, phpJsonOut, publishPage, saveProfiles } from './profiles.ts';

const TWO_FORMS = [
  '<!-- wp:shortcode -->[workos:login]<!-- /wp:shortcode -->',
  '<!-- wp:paragraph --><p>Between the forms.</p><!-- /wp:paragraph -->',
  '<!-- wp:shortcode -->[workos_login profile="members" redirect_to="/sample-page/"]<!-- /wp:shortcode -->',
].join('\n');

test('a page with two instances: both render, each signs in on its own', async ({ page, stack }) => {
  await saveProfiles(stack, { slug: 'members', branding: { heading: 'Members only' } });
  const path = await publishPage(stack, 'two-forms', TWO_FORMS);
  await page.goto(path);

  const forms = page.locator('workos-login');
  await expect(forms).toHaveCount(2);
  const [first, second] = [forms.nth(0), forms.nth(1)];
  await expect(first).toHaveAttribute('profile', 'default');
  await expect(second).toHaveAttribute('profile', 'members');
  await expect(first.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(second.getByRole('heading', { name: 'Members only' })).toBeVisible();
  // The script module loads once.
  await expect(page.locator('script[type="module"][src*="workos-login.js"]')).toHaveCount(1);

  // Each form is its own: typing and errors in one leave the other alone.
  await first.getByLabel('Email').fill('first@example.com');
  await second.getByRole('button', { name: 'Sign in' }).click();
  await expect(second.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  await expect(first.getByLabel('Email')).toHaveAttribute('aria-invalid', 'false');
  await expect(second.getByLabel('Email')).toHaveValue('');

  await second.getByLabel('Email').fill('ada@example.com');
  await second.getByLabel('Password').fill(DEMO_PASSWORD);
  await second.getByLabel('Password').press('Enter');
  await page.waitForURL((url) => url.pathname === '/sample-page/');
});

test('a signed-in visitor sees "Signed in as … · Continue · Log out"', async ({ page, stack }) => {
  const path = await publishPage(stack, 'one-form', '[workos:login redirect_to="/sample-page/"]');
  await page.goto('/workos/login/default');
  await signIn(page, 'ada@example.com', DEMO_PASSWORD);
  await page.waitForURL('**/wp-admin/**');

  await page.goto(path);
  await expect(page.locator('workos-login')).toHaveCount(0);
  const notice = page.locator('.workos-login-signed-in');
  await expect(notice).toHaveText('Signed in as Ada Lovelace · Continue · Log out');
  await expect(notice.getByRole('link', { name: 'Continue' })).toHaveAttribute('href', '/sample-page/');

  await notice.getByRole('link', { name: 'Log out' }).click();
  await page.waitForURL((url) => url.pathname === path);
  await expect(page.locator('workos-login')).toHaveCount(1);
  expect((await page.context().cookies()).some((c) => c.name.startsWith('wordpress_logged_in'))).toBe(false);
});

test('an unknown profile: editors see a notice, visitors nothing', async ({ page, browser, stack }) => {
  const path = await publishPage(stack, 'typo', '<p>Before</p>[workos:login profile="nope"]<p>After</p>');
  await page.goto(path);
  await expect(page.getByText('After')).toBeVisible();
  await expect(page.locator('.workos-login-notice')).toHaveCount(0);
  await expect(page.locator('workos-login')).toHaveCount(0);

  const context = await browser.newContext();
  const admin = await context.newPage();
  await signInAsAdmin(admin, stack);
  await admin.goto(path);
  await expect(admin.locator('.workos-login-notice')).toContainText('no Login Profile “nope”');
  await context.close();
});

test('workos_login_element() prints the branded element, escaped exactly', async ({ stack }) => {
  await saveProfiles(stack, {
    slug: 'brand',
    branding: { heading: 'A "quoted" & <tagged> heading', subheading: 'שלום', primary_color: '#FFCC00' },
  });
  const out = await phpJsonOut<{ html: string; unknown: string; enqueued: boolean }>(
    stack,
    `
    $html = workos_login_element( 'brand', ${phpJson({ redirect_to: '//evil.example', class: 'mine', id: 'login-1' })} );
    $unknown = workos_login_element( 'nope' );
    ob_start();
    wp_script_modules()->print_enqueued_script_modules();
    echo wp_json_encode( array( 'html' => $html, 'unknown' => $unknown, 'enqueued' => str_contains( ob_get_clean(), 'workos-login.js' ) ) );
  `,
  );
  expect(out.unknown).toBe('');
  expect(out.enqueued).toBe(true);
  expect(out.html).toContain('<workos-login id="login-1" class="workos-login mine" profile="brand"');
  expect(out.html).toContain('heading="A &quot;quoted&quot; &amp; &lt;tagged&gt; heading"');
  expect(out.html).toContain('subheading="שלום"');
  expect(out.html).toContain('style="--workos-login-primary: #ffcc00; --workos-login-primary-text: #000000"');
  expect(out.html).not.toContain('redirect-to=');
  expect(out.html).not.toContain('evil');
});
