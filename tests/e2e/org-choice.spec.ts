/**
 * Organization choice (issue 4, flow 9): WorkOS's `organization_selection_required` shows a
 * picker of the user's organizations; a profile pinning one the user belongs to resolves it by
 * itself; a pinned organization the user does not belong to is refused with a clear message.
 */
import type { Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures.ts';
import {
  consentAs,
  DEMO_ORG,
  DEMO_PASSWORD,
  SECOND_ORG,
  SSO_ORG,
  api,
  loggedIn,
  loginOf,
  useLoginFailedProbe,
  signedInIdentities,
} from './flows.ts';
import { saveProfiles } from './profiles.ts';

const loginFailures = useLoginFailedProbe();

test.beforeEach(async ({ stack }) => {
  await saveProfiles(
    stack,
    { slug: 'open', methods: ['password'] },
    { slug: 'demo', methods: ['password'], organization_id: DEMO_ORG },
    { slug: 'elsewhere', methods: ['password'], organization_id: SSO_ORG },
  );
});

async function samSignsIn(page: Page, slug: string): Promise<void> {
  await page.goto(`/workos/login/${slug}`);
  await signIn(page, 'sam@example.com', DEMO_PASSWORD);
}

test('several organizations: Sam picks one and is signed in to it', async ({ page, stack }) => {
  await samSignsIn(page, 'open');
  const login = loginOf(page);
  await expect(login.getByRole('heading', { name: 'Choose an organization' })).toBeFocused();
  const choices = login.getByRole('group', {
    name: 'Your account belongs to several organizations. Which one are you signing in to?',
  });
  await expect(choices.getByRole('button')).toHaveText(['Demo Organization', 'Second Organization']);
  // By keyboard: Tab to the second choice, Enter.
  await choices.getByRole('button', { name: 'Demo Organization' }).focus();
  await page.keyboard.press('Tab');
  await expect(choices.getByRole('button', { name: 'Second Organization' })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.waitForURL('**/wp-admin/**');
  expect(await signedInIdentities(stack)).toEqual([
    expect.objectContaining({ email: 'sam@example.com', organization_id: SECOND_ORG, method: 'password' }),
  ]);
});

test('a pinned organization Sam belongs to resolves by itself', async ({ page, stack }) => {
  await samSignsIn(page, 'demo');
  await page.waitForURL('**/wp-admin/**');
  expect(await signedInIdentities(stack)).toEqual([
    expect.objectContaining({ email: 'sam@example.com', organization_id: DEMO_ORG, role: 'member' }),
  ]);
});

test('a pinned organization Sam does not belong to is refused', async ({ page, stack }) => {
  await samSignsIn(page, 'elsewhere');
  const login = loginOf(page);
  await expect(login.getByRole('alert')).toHaveText('Your account isn’t a member of this site’s organization.');
  expect(await loggedIn(page)).toBe(false);
  expect(await loginFailures()).toContain('organization_refused');
  expect(await signedInIdentities(stack)).toEqual([]);
});

test('only an offered organization can be chosen, and a choice is used once', async ({ page, browser, stack }) => {
  await samSignsIn(page, 'open');
  const login = loginOf(page);
  await expect(login.getByRole('heading', { name: 'Choose an organization' })).toBeFocused();

  // A forged choice (an organization that was not offered) signs no one in.
  const choose = page.waitForRequest('**/auth/org_select');
  await page.route(
    '**/auth/org_select',
    async (r) => {
      const body = r.request().postDataJSON() as Record<string, unknown>;
      await r.continue({ postData: JSON.stringify({ ...body, organization_id: SSO_ORG }) });
    },
    { times: 1 },
  );
  await login.getByRole('button', { name: 'Demo Organization' }).click();
  const forged = await (await choose).response();
  expect(forged!.status()).toBeGreaterThanOrEqual(400);
  await expect(login.getByRole('alert')).not.toBeEmpty();
  expect(await loggedIn(page)).toBe(false);

  // Start again and choose for real; the same request replayed afterwards is refused.
  await samSignsIn(page, 'open');
  const real = page.waitForRequest('**/auth/org_select');
  await loginOf(page).getByRole('button', { name: 'Demo Organization' }).click();
  const body = (await real).postDataJSON() as Record<string, unknown>;
  await page.waitForURL('**/wp-admin/**');

  const other = await browser.newContext({ baseURL: stack.wordpressUrl });
  const replayer = await other.newPage();
  await replayer.goto('/workos/login/open');
  const replay = await api(replayer, 'org_select', body);
  expect(replay.status).toBe(400);
  expect(replay.body).toMatchObject({ type: 'error', code: 'flow_expired' });
  expect(await loggedIn(replayer)).toBe(false);
  await other.close();
});

test('after social sign-in, the profile page resumes at the picker and keeps the destination', async ({
  page,
  stack,
}) => {
  await saveProfiles(stack, { slug: 'open', methods: ['password', 'oauth_github'] });
  await page.goto(`/workos/login/open?redirect_to=${encodeURIComponent('/sample-page/')}`);
  await loginOf(page).getByRole('button', { name: 'Continue with GitHub' }).click();
  await consentAs(page, 'sam@example.com');
  await page.waitForURL((url) => url.pathname === '/workos/callback');
  const login = loginOf(page);
  await expect(login.getByRole('heading', { name: 'Choose an organization' })).toBeVisible();
  await login.getByRole('button', { name: 'Demo Organization' }).click();
  await page.waitForURL((url) => url.pathname === '/sample-page/');
  expect(await signedInIdentities(stack)).toEqual([
    expect.objectContaining({ email: 'sam@example.com', organization_id: DEMO_ORG, method: 'oauth_github' }),
  ]);
});
