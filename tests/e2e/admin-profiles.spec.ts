/**
 * WorkOS → Login Profiles: the admin screen (admin/profiles/), driven like an administrator does.
 */
import type { ConsoleMessage, Page } from '@playwright/test';
import { join } from 'node:path';
import type { LoginProfile } from '../../protocol/profile.ts';
import { expect, signInAsAdmin, test } from './fixtures.ts';
import { saveProfiles } from './profiles.ts';

const SCREEN = '/wp-admin/admin.php?page=workos-login';
const HEADING = 'Members’ “VIP” area 🎟';
const GREEN = 'rgb(11, 110, 79)';

/**
 * Console errors and uncaught exceptions of a page. `expected` lists HTTP statuses a test causes
 * on purpose (Chromium logs every 4xx/5xx answer as a console error).
 */
function collectErrors(page: Page, expected: number[] = []): string[] {
  const errors: string[] = [];
  const allowed = (message: ConsoleMessage) =>
    expected.some((status) => message.text().includes(`the server responded with a status of ${status}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !allowed(message)) errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** The site's profiles, read through the admin REST API as the signed-in administrator. */
function storedProfiles(page: Page): Promise<LoginProfile[]> {
  return page.evaluate(() =>
    (window as unknown as { wp: { apiFetch<T>(options: { path: string }): Promise<T> } }).wp.apiFetch<LoginProfile[]>({
      path: '/workos/v1/admin/profiles',
    }),
  );
}

/** WCAG 2 A/AA violations axe finds in the screen's app (its current state). */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: join(import.meta.dirname, '../../node_modules/axe-core/axe.min.js') });
  return page.evaluate(async () => {
    interface Result {
      violations: Array<{ id: string; nodes: Array<{ target: string[] }> }>;
    }
    const { axe } = window as unknown as { axe: { run(context: string, options: object): Promise<Result> } };
    const result = await axe.run('#workos-login-profiles-root', { runOnly: ['wcag2a', 'wcag2aa'] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  });
}

const field = (page: Page, name: string) => page.locator(`[data-field="${name}"]`);

test('an administrator creates a branded profile with a custom path: live preview, errors, embed, public page', async ({
  page,
  browser,
  stack,
}) => {
  const errors = collectErrors(page, [400]);
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await signInAsAdmin(page, stack);
  await page.locator('#adminmenu').getByRole('link', { name: 'WorkOS' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Login Profiles' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'default' })).toBeVisible();

  await page.getByRole('button', { name: 'Add profile' }).click();
  await expect(page.getByRole('heading', { name: 'Add Login Profile' })).toBeVisible();
  await page.getByLabel('Title', { exact: true }).fill('Members');
  await expect(page.getByLabel('Slug', { exact: true })).toHaveValue('members');

  // The preview is the real element, and follows the draft as it is typed.
  const preview = page.locator('workos-login');
  await expect(preview).toHaveAttribute('preview', '');
  await expect(preview.getByRole('heading')).toHaveText('Sign in');
  await page.getByLabel('Heading', { exact: true }).fill('Members’');
  await expect(preview.getByRole('heading')).toHaveText('Members’');
  await page.getByLabel('Heading', { exact: true }).fill(HEADING);
  await expect(preview.getByRole('heading')).toHaveText(HEADING);
  await page.getByLabel('Subheading', { exact: true }).fill('Use your club email');
  await expect(preview.getByText('Use your club email')).toBeVisible();
  await page.getByLabel('Primary color (hex)').fill('#0B6E4F');
  await expect(preview.getByRole('button', { name: 'Sign in' })).toHaveCSS('background-color', GREEN);
  await expect(page.locator('.workos-profiles-contrast')).toContainText('6.25:1');
  await expect(page.locator('.workos-profiles-contrast-warning')).toHaveCount(0);

  // A light color fails WCAG AA against white: the warning says so.
  await page.getByLabel('Primary color (hex)').fill('#ffd60a');
  await expect(page.locator('.workos-profiles-contrast-warning').first()).toContainText('WCAG AA');
  await page.getByLabel('Primary color (hex)').fill('#0b6e4f');

  // A reserved custom path: the server's error shows next to the field, focus goes there, nothing is saved.
  await page.getByLabel('Custom path', { exact: true }).fill('wp-admin');
  await expect(page.locator('.workos-profiles-url')).toHaveText(`Address: ${stack.wordpressUrl}/wp-admin/`);
  await page.getByRole('button', { name: 'Create profile' }).first().click();
  await expect(field(page, 'custom_path').locator('.workos-profiles-field-error')).toContainText('reserved');
  await expect(page.getByLabel('Custom path', { exact: true })).toBeFocused();
  await expect(page.getByLabel('Custom path', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  expect((await storedProfiles(page)).map((profile) => profile.slug)).toEqual(['default']);
  expect(await axeViolations(page)).toEqual([]);

  // Fixed: saved, and the error is gone.
  await page.getByLabel('Custom path', { exact: true }).fill('members');
  await expect(field(page, 'custom_path').locator('.workos-profiles-field-error')).toHaveCount(0);
  await page.getByRole('button', { name: 'Create profile' }).first().click();
  await expect(page.locator('.workos-profiles-notice')).toContainText('Profile saved.');
  await expect(page.getByRole('heading', { name: 'Edit “Members”' })).toBeVisible();
  expect(new URL(page.url()).searchParams.get('profile')).toBe('members');
  const stored = (await storedProfiles(page)).find((profile) => profile.slug === 'members');
  expect(stored?.branding).toMatchObject({ heading: HEADING, primary_color: '#0b6e4f' });
  expect(stored?.custom_path).toBe('members');

  // Embed panel: the addresses, the shortcode, the block; Copy puts them on the clipboard.
  await expect(page.getByLabel('Sign-in page')).toHaveValue(`${stack.wordpressUrl}/workos/login/members/`);
  await expect(page.getByLabel('Custom path address')).toHaveValue(`${stack.wordpressUrl}/members/`);
  await expect(page.getByLabel('Shortcode')).toHaveValue('[workos:login profile="members"]');
  await expect(page.locator('.workos-profiles-block-help')).toContainText('“WorkOS Login” block and choose “Members”');
  await page.locator('.workos-profiles-copy').filter({ hasText: 'Shortcode' }).getByRole('button').click();
  await expect(page.locator('.workos-profiles-copy').filter({ hasText: 'Shortcode' })).toContainText('Copied.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('[workos:login profile="members"]');

  // Form and preview side by side, at the branding fields (a full-page shot smears the sticky parts).
  await page.getByLabel('Heading', { exact: true }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('admin-profiles-editor.png') });

  // Unsaved changes: leaving asks first.
  await page.getByLabel('Heading', { exact: true }).fill('Changed');
  await expect(page.getByText('Unsaved changes')).toBeVisible();
  await page.getByRole('button', { name: '← All profiles' }).click();
  const dialog = page.getByRole('dialog', { name: 'Leave without saving?' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByLabel('Heading', { exact: true })).toHaveValue('Changed');
  await page.getByRole('button', { name: '← All profiles' }).click();
  await dialog.getByRole('button', { name: 'Discard changes' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'members' })).toContainText('/members');
  expect(errors).toEqual([]);

  // The public page shows the saved branding (the canonical address answers 301 to the custom path).
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await visitor.goto('/workos/login/members');
  expect(new URL(visitor.url()).pathname).toBe('/members/');
  const login = visitor.locator('workos-login');
  await expect(login.getByRole('heading')).toHaveText(HEADING);
  await expect(login.getByText('Use your club email')).toBeVisible();
  await expect(login.getByRole('button', { name: 'Sign in' })).toHaveCSS('background-color', GREEN);
  await visitorContext.close();
});

test('profiles are duplicated and deleted from the list; default cannot be deleted', async ({ page, stack }) => {
  const errors = collectErrors(page);
  await saveProfiles(stack, { slug: 'staff', title: 'Staff', custom_path: 'team/login' });
  await signInAsAdmin(page, stack);
  await page.goto(SCREEN);

  const staff = page.getByRole('row').filter({ has: page.locator('code', { hasText: /^staff$/ }) });
  await expect(staff).toContainText('/team/login');
  await expect(staff).toContainText(`${stack.wordpressUrl}/workos/login/staff/`);
  await expect(page.locator('tr[data-slug="default"]').getByRole('button', { name: /Delete/ })).toHaveCount(0);

  await staff.getByRole('button', { name: 'Duplicate “Staff”' }).click();
  await expect(page.locator('.workos-profiles-notice')).toContainText('Duplicated as “Staff (copy)”.');
  const copy = page.locator('tr[data-slug="staff-copy"]');
  await expect(copy).toContainText('Staff (copy)');
  // Paths are unique: the copy has none.
  await expect(copy.locator('td').nth(3)).toHaveText('—');

  await copy.getByRole('button', { name: 'Delete “Staff (copy)”' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete this Login Profile?' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(copy).toBeVisible();
  await copy.getByRole('button', { name: 'Delete “Staff (copy)”' }).click();
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(page.locator('.workos-profiles-notice')).toContainText('“staff-copy” was deleted');
  await expect(copy).toHaveCount(0);
  expect((await storedProfiles(page)).map((profile) => profile.slug)).toEqual(['default', 'staff']);

  // Renamed in the editor: the editor stays on it, under its new slug.
  await staff.getByRole('button', { name: 'Edit “Staff”' }).click();
  await page.getByLabel('Slug', { exact: true }).fill('team');
  await expect(field(page, 'slug')).toContainText('Renaming changes the profile’s address');
  await page.getByRole('button', { name: 'Save profile' }).first().click();
  await expect(page.locator('.workos-profiles-notice')).toContainText('Profile saved.');
  await expect(page.getByRole('heading', { name: 'Edit “Staff”' })).toBeVisible();
  await expect(page.getByLabel('Shortcode')).toHaveValue('[workos:login profile="team"]');
  expect(new URL(page.url()).searchParams.get('profile')).toBe('team');
  expect((await storedProfiles(page)).map((profile) => profile.slug)).toEqual(['default', 'team']);
  expect(errors).toEqual([]);
});

test('the organization picker lists organizations live, refreshes, and takes a custom ID', async ({ page, stack }) => {
  const errors = collectErrors(page, [503]);
  await signInAsAdmin(page, stack);
  await page.goto(`${SCREEN}&profile=new`);
  await page.getByLabel('Title', { exact: true }).fill('Demo org');

  const picker = page.getByLabel('Organization', { exact: true });
  const demo = picker.locator('option', { hasText: 'Demo Organization' });
  await expect(demo).toHaveCount(1);
  const demoId = (await demo.getAttribute('value')) ?? '';
  expect(demoId).toMatch(/^org_/);
  await picker.selectOption(demoId);
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(picker).toBeEnabled();
  await expect(picker).toHaveValue(demoId);
  await page.getByRole('button', { name: 'Create profile' }).first().click();
  await expect(page.locator('.workos-profiles-notice')).toContainText('Profile saved.');
  expect((await storedProfiles(page)).find((p) => p.slug === 'demo-org')?.organization_id).toBe(demoId);

  // Custom ID: checked as typed (and on save, focusing the field), then saved.
  await picker.selectOption({ label: 'Custom ID…' });
  const custom = page.getByLabel('Organization ID');
  await custom.fill('org_not-valid');
  await custom.blur();
  await expect(field(page, 'organization_id').locator('.workos-profiles-field-error')).toContainText('org_');
  await page.getByRole('button', { name: 'Save profile' }).first().click();
  await expect(custom).toBeFocused();
  await custom.fill('org_01CUSTOM42');
  await page.getByRole('button', { name: 'Save profile' }).first().click();
  await expect(page.locator('.workos-profiles-notice')).toContainText('Profile saved.');
  expect((await storedProfiles(page)).find((p) => p.slug === 'demo-org')?.organization_id).toBe('org_01CUSTOM42');
  // Reopened, an ID that is not in the list shows as a custom ID.
  await page.reload();
  await expect(page.getByLabel('Organization ID')).toHaveValue('org_01CUSTOM42');

  // The login server down: a notice, and the custom ID field.
  await stack.stopServer();
  try {
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(field(page, 'organization_id').locator('.components-notice')).toContainText('could not be loaded');
    await expect(page.getByLabel('Organization ID')).toBeVisible();
  } finally {
    await stack.startServer();
  }
  expect(errors).toEqual([]);
});

test('a custom logo is picked from the Media Library and shows in the preview and on the page', async ({
  page,
  browser,
  stack,
}) => {
  const errors = collectErrors(page);
  const id = Number(
    (
      await stack.site.php(`
        require_once ABSPATH . 'wp-admin/includes/image.php';
        $upload = wp_upload_bits( 'club-logo.png', null, '' );
        $image  = imagecreatetruecolor( 96, 96 );
        imagefill( $image, 0, 0, imagecolorallocate( $image, 11, 110, 79 ) );
        imagepng( $image, $upload['file'] );
        $id = wp_insert_attachment( array( 'post_mime_type' => 'image/png', 'post_title' => 'Club logo', 'post_status' => 'inherit' ), $upload['file'] );
        wp_update_attachment_metadata( $id, wp_generate_attachment_metadata( $id, $upload['file'] ) );
        echo $id;
      `)
    )
      .trim()
      .split('\n')
      .pop(),
  );
  expect(id).toBeGreaterThan(0);
  await saveProfiles(stack, { slug: 'club', title: 'Club' });
  await signInAsAdmin(page, stack);
  await page.goto(`${SCREEN}&profile=club`);

  const preview = page.locator('workos-login');
  await expect(preview.locator('img[slot="logo"]')).toHaveAttribute('src', /logo\.svg|site-icon|cropped/);
  await page.getByRole('radio', { name: 'No logo' }).check();
  await expect(preview.locator('img[slot="logo"]')).toHaveCount(0);
  await page.getByRole('radio', { name: 'An image from the Media Library' }).check();
  await page.getByRole('button', { name: 'Choose from Media Library' }).click();
  const library = page.getByRole('dialog', { name: 'Choose a logo' });
  await library.getByRole('tab', { name: 'Media Library' }).click();
  await library.getByRole('checkbox', { name: 'Club logo' }).click();
  await library.getByRole('button', { name: 'Use this image' }).click();
  await expect(page.getByLabel('Logo image ID')).toHaveValue(String(id));
  await expect(page.locator('.workos-profiles-logo-thumbnail')).toHaveAttribute('src', /club-logo/);
  await expect(preview.locator('img[slot="logo"]')).toHaveAttribute('src', /club-logo/);
  await page.getByRole('button', { name: 'Save profile' }).first().click();
  await expect(page.locator('.workos-profiles-notice')).toContainText('Profile saved.');
  expect(errors).toEqual([]);

  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await visitor.goto('/workos/login/club/');
  await expect(visitor.locator('workos-login img[slot="logo"]')).toHaveAttribute('src', /club-logo/);
  await visitorContext.close();
});

test('without the organizations route the picker falls back to a custom ID with a notice', async ({ page, stack }) => {
  await signInAsAdmin(page, stack);
  await page.route(
    (url) => url.href.includes('admin/organizations'),
    (route) =>
      route.fulfill({
        status: 404,
        contentType: 'application/json',
        body: JSON.stringify({ code: 'rest_no_route', message: 'No route.', data: { status: 404 } }),
      }),
  );
  await page.goto(`${SCREEN}&profile=new`);
  await expect(field(page, 'organization_id')).toContainText('not available on this site');
  await expect(page.getByLabel('Organization ID')).toBeVisible();
});

test('routing rules are added, checked, ordered and saved', async ({ page, stack }) => {
  const errors = collectErrors(page);
  await saveProfiles(stack, { slug: 'customers', title: 'Customers' });
  await signInAsAdmin(page, stack);
  await page.goto(SCREEN);
  const rules = page.locator('.workos-profiles-rules');
  await expect(rules).toContainText('No rules');

  await rules.getByRole('button', { name: 'Add rule' }).click();
  await rules.getByRole('button', { name: 'Add rule' }).click();
  const first = rules.locator('.workos-profiles-rule').nth(0);
  const second = rules.locator('.workos-profiles-rule').nth(1);
  await first.getByLabel('Pattern').fill('shop');
  await first.getByLabel('Use profile').selectOption('customers');
  await second.getByLabel('When').selectOption('referrer_host');
  await second.getByLabel('Pattern').fill('partner.example');
  await rules.getByRole('button', { name: 'Save rules' }).click();
  await expect(first.locator('.workos-profiles-field-error')).toContainText('starting with /');
  await expect(first.getByLabel('Pattern')).toBeFocused();

  await first.getByLabel('Pattern').fill('/shop/*');
  await second.getByRole('button', { name: 'Move up (Rule 2)' }).click();
  await expect(first.getByLabel('Pattern')).toHaveValue('partner.example');
  await rules.getByRole('button', { name: 'Save rules' }).click();
  await expect(rules).toContainText('Routing rules saved.');

  const saved = await page.evaluate(() =>
    (window as unknown as { wp: { apiFetch<T>(options: { path: string }): Promise<T> } }).wp.apiFetch<{
      rules: unknown[];
    }>({ path: '/workos/v1/admin/routing-rules' }),
  );
  expect(saved.rules).toEqual([
    { match: 'referrer_host', pattern: 'partner.example', profile: 'default' },
    { match: 'redirect_to', pattern: '/shop/*', profile: 'customers' },
  ]);
  expect(errors).toEqual([]);
});
