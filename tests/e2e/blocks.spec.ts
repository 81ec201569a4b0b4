import type { Page } from '@playwright/test';
import {
  canvas,
  insertBlockFromInserter,
  networkQuiet,
  newPageInEditor,
  openBlockSettings,
  publish,
  rest,
} from './admin.ts';
import { DEMO_PASSWORD, expect, signIn, signInAsAdmin, test } from './fixtures.ts';
import { publishPage } from './profiles.ts';

// The block editor is the heaviest page here (it loads for seconds, and publishing saves through
// several requests): every step waits on a state (the block type registered, the post published),
// under one generous budget for the whole test rather than a tight one per step.
test.describe.configure({ timeout: 300_000 });

const MEMBERS = {
  slug: 'members',
  title: 'Members',
  branding: {
    heading: 'Members’ area',
    subheading: 'Use your club email',
    primary_color: '#0b6e4f',
    logo_mode: 'default',
    logo_attachment_id: 0,
  },
};
const GREEN = 'rgb(11, 110, 79)';

/** Console errors and uncaught exceptions of a page, to assert there were none. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

test('an editor inserts the login block, picks a profile, sees the branded preview; a visitor signs in there', async ({
  page,
  browser,
  stack,
}) => {
  const errors = collectErrors(page);
  let authRequests = 0;
  page.on('request', (request) => {
    if (request.url().includes('/workos/v1/auth/')) authRequests++;
  });
  await signInAsAdmin(page, stack);
  await newPageInEditor(page, 'Members sign-in');
  await rest(page, '/workos/v1/admin/profiles', 'POST', MEMBERS);

  await insertBlockFromInserter(page, 'WorkOS', 'WorkOS Login');
  const preview = canvas(page).locator('workos-login');
  // The real element, defined inside the canvas iframe, in its non-submitting preview mode.
  await expect(preview.getByLabel('Email')).toBeVisible();
  await expect(preview).toHaveAttribute('preview', '');

  await openBlockSettings(page);
  await page.getByLabel('Login Profile').selectOption('members');
  await expect(preview.getByRole('heading')).toHaveText('Members’ area');
  await expect(preview.getByText('Use your club email')).toBeVisible();
  await expect(preview.getByRole('button', { name: 'Sign in' })).toHaveCSS('background-color', GREEN);
  await expect(preview.locator('img[slot="logo"]')).toBeVisible();
  await page.getByLabel('Redirect after sign-in').fill('/sample-page/');

  // Live: it validates and answers, but never signs anyone in from the editor.
  await preview.getByLabel('Email').fill('ada@example.com');
  await preview.getByLabel('Password').fill('anything');
  await preview.getByLabel('Password').press('Enter');
  await expect(preview.getByRole('status')).toHaveText('Preview: sign-in is disabled in the editor.');
  expect(authRequests).toBe(0);

  await networkQuiet(page);
  await page.screenshot({ path: test.info().outputPath('editor-login-block.png') });
  const url = await publish(page);
  expect(errors).toEqual([]);

  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await visitor.goto(url);
  const login = visitor.locator('workos-login');
  await expect(login.getByRole('heading')).toHaveText('Members’ area');
  await expect(login.getByRole('button', { name: 'Sign in' })).toHaveCSS('background-color', GREEN);
  await expect(login).not.toHaveAttribute('preview');
  await signIn(visitor, 'ada@example.com', DEMO_PASSWORD);
  await visitor.waitForURL((target) => target.pathname === '/sample-page/');
  await expect(visitor.locator('#wpadminbar')).toBeVisible();

  // Back on the page, a signed-in visitor gets "Signed in as …" instead of a form.
  await visitor.goto(url);
  await expect(visitor.locator('.wp-block-workos-login')).toContainText('Signed in as Ada Lovelace');
  await expect(visitor.locator('workos-login')).toHaveCount(0);
  await visitorContext.close();
});

test('the login button says "Log in" to visitors and "Log out" once they are signed in', async ({ page, stack }) => {
  // publishPage answers the page's path, e.g. /account/.
  const path = await publishPage(
    stack,
    'Account',
    '<!-- wp:workos/login-button {"logoutLabel":"Sign me out"} /-->\n<!-- wp:paragraph --><p>Hello.</p><!-- /wp:paragraph -->',
  );

  await page.goto(path);
  const link = page.locator('.wp-block-workos-login-button a');
  await expect(link).toHaveText('Log in');
  const href = new URL((await link.getAttribute('href')) ?? '', page.url());
  expect(href.pathname).toBe('/workos/login/default/');
  expect(new URL(href.searchParams.get('redirect_to') ?? '').pathname).toBe(path);

  await link.click();
  await signIn(page, 'grace@example.com', DEMO_PASSWORD);
  await page.waitForURL((target) => target.pathname === path);
  await expect(link).toHaveText('Sign me out');

  await link.click();
  await page.waitForURL((target) => target.pathname === path);
  await expect(link).toHaveText('Log in');
  expect((await page.context().cookies()).some((c) => c.name.startsWith('wordpress_logged_in'))).toBe(false);
});

test('the editor shows the login button as it will look, with its label editable in place', async ({
  page,
  browser,
  stack,
}) => {
  const errors = collectErrors(page);
  await signInAsAdmin(page, stack);
  await newPageInEditor(page, 'Header');
  await insertBlockFromInserter(page, 'WorkOS', 'WorkOS Login Button');
  const label = canvas(page).getByRole('textbox', { name: 'Login button label' });
  await expect(label).toHaveText('Log in');
  await label.fill('Member sign-in');
  const url = await publish(page);
  expect(errors).toEqual([]);

  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await visitor.goto(url);
  await expect(visitor.locator('.wp-block-workos-login-button a')).toHaveText('Member sign-in');
  await visitorContext.close();
});

test('block colours reach the element; an unknown profile shows editors a notice and visitors nothing', async ({
  page,
  browser,
  stack,
}) => {
  const url = await publishPage(
    stack,
    'Colours',
    [
      '<!-- wp:workos/login {"textColor":"vivid-red","style":{"color":{"background":"#fdf6e3"}}} /-->',
      '<!-- wp:workos/login {"profile":"gone"} /-->',
    ].join('\n'),
  );

  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await visitor.goto(url);
  const form = visitor.locator('workos-login').locator('form');
  await expect(form).toHaveCSS('background-color', 'rgb(253, 246, 227)');
  await expect(visitor.locator('workos-login').getByRole('heading')).toHaveCSS('color', 'rgb(207, 46, 46)');
  await expect(visitor.locator('workos-login')).toHaveCount(1);
  await expect(visitor.getByText('There is no Login Profile', { exact: false })).toHaveCount(0);
  await visitorContext.close();

  await signInAsAdmin(page, stack);
  await page.goto(url);
  await expect(page.getByRole('alert')).toContainText('there is no Login Profile “gone”');
});
