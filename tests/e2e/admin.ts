/**
 * The site's administrator in end-to-end tests: driving the block editor and the REST API
 * (signing in: `signInAsAdmin` in fixtures.ts).
 *
 * Driven with plain Playwright (not `@wordpress/e2e-test-utils-playwright`): its `requestUtils`
 * sign in through wp-login.php's form, which belongs to the `default` profile here.
 */
import type { FrameLocator, Page } from '@playwright/test';
import { expect } from './fixtures.ts';

/**
 * The globals of wp-admin's editor screens, as much as the tests touch them (functions passed to
 * the page are serialised, so each names `window` itself).
 */
interface WordPressGlobals {
  wp: {
    apiFetch<T>(options: { path: string; method?: string; data?: unknown }): Promise<T>;
    blocks: { getBlockType(name: string): unknown };
    data: {
      select(store: string): Record<string, (...args: unknown[]) => unknown>;
      dispatch(store: string): Record<string, (...args: unknown[]) => unknown>;
    };
  };
}

/** The editor's canvas (an iframe for apiVersion 3 blocks on WordPress 6.5). */
export const canvas = (page: Page): FrameLocator => page.frameLocator('iframe[name="editor-canvas"]');

/**
 * Opens the editor on a new page with a title. Setting the title first makes the page "dirty",
 * which closes (and keeps closed) the "Choose a pattern" modal for new pages (found by its name:
 * its class moved from edit-post- to editor- in 6.6).
 */
export async function newPageInEditor(page: Page, title: string): Promise<void> {
  await page.goto('/wp-admin/post-new.php?post_type=page');
  await page.waitForFunction(() => !!(window as unknown as WordPressGlobals).wp?.blocks?.getBlockType('workos/login'));
  await page.evaluate(
    (text) => (window as unknown as WordPressGlobals).wp.data.dispatch('core/editor').editPost({ title: text }),
    title,
  );
  await expect(page.getByRole('dialog', { name: 'Choose a pattern' })).toHaveCount(0);
  await expect(canvas(page).getByRole('textbox', { name: 'Add title' })).toHaveText(title);
}

/** Inserts a block the way an editor does: the inserter, its search, the result. */
export async function insertBlockFromInserter(page: Page, search: string, title: string): Promise<void> {
  await page.getByRole('button', { name: 'Toggle block inserter' }).click();
  await page.getByRole('searchbox').fill(search);
  await page
    .getByRole('option')
    .filter({ hasText: new RegExp(`^${title}$`) })
    .click();
  await page.getByRole('button', { name: 'Toggle block inserter' }).click();
}

/** Opens the settings sidebar on the selected block (narrow windows start with it closed). */
export async function openBlockSettings(page: Page): Promise<void> {
  const toggle = page.getByRole('region', { name: 'Editor top bar' }).getByRole('button', { name: 'Settings' });
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  await page.getByRole('region', { name: 'Editor settings' }).getByRole('tab', { name: 'Block' }).click();
}

/**
 * Resolves once no request has been in flight for `quietMs` (for screenshots: the editor keeps
 * loading previews and fonts for a while, and `networkidle` is never reached again once missed).
 */
export async function networkQuiet(page: Page, quietMs = 500, timeoutMs = 10_000): Promise<void> {
  let inFlight = 0;
  let lastChange = Date.now();
  const start = () => ((inFlight += 1), (lastChange = Date.now()));
  const end = () => ((inFlight = Math.max(0, inFlight - 1)), (lastChange = Date.now()));
  page.on('request', start);
  page.on('requestfinished', end);
  page.on('requestfailed', end);
  try {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline && (inFlight > 0 || Date.now() - lastChange < quietMs)) await page.waitForTimeout(100);
  } finally {
    page.off('request', start);
    page.off('requestfinished', end);
    page.off('requestfailed', end);
  }
}

/** Publishes the page open in the editor and returns its permalink. */
export async function publish(page: Page): Promise<string> {
  await page.getByRole('region', { name: 'Editor top bar' }).getByRole('button', { name: 'Publish' }).click();
  await page
    .getByRole('region', { name: 'Editor publish' })
    .getByRole('button', { name: 'Publish', exact: true })
    .click();
  await page.waitForFunction(() =>
    (window as unknown as WordPressGlobals).wp.data.select('core/editor').isCurrentPostPublished(),
  );
  return page.evaluate(() =>
    String((window as unknown as WordPressGlobals).wp.data.select('core/editor').getPermalink()),
  );
}

/** Calls the site's REST API as the signed-in administrator (from any wp-admin page). */
export function rest<T>(page: Page, path: string, method = 'GET', data?: unknown): Promise<T> {
  return page.evaluate(
    ([p, m, d]) => (window as unknown as WordPressGlobals).wp.apiFetch<T>({ path: p, method: m, data: d }),
    [path, method, data] as const,
  );
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the JSON the REST API answers; specs check it with expect
export type Rest = (method: string, path: string, data?: unknown) => Promise<{ status: number; body: any }>;

/** REST calls as the signed-in user of `page`: its cookies plus a `wp_rest` nonce of that session. */
export async function restAs(page: Page): Promise<Rest> {
  // Let the wp-admin page finish its own background requests first: SQLite takes one writer at a
  // time, and a write racing ours would fail with "database is locked".
  await page.waitForLoadState('networkidle');
  const nonce = (await (await page.request.get('/wp-admin/admin-ajax.php?action=rest-nonce')).text()).trim();
  expect(nonce).toMatch(/^[0-9a-f]{10}$/);
  return async (method, path, data) => {
    const res = await page.request.fetch(path, { method, data, headers: { 'X-WP-Nonce': nonce } });
    return { status: res.status(), body: await res.json() };
  };
}
