/**
 * The profile's remember-me policy: `ask` offers a checkbox, `always`/`never` are enforced by
 * WordPress whatever the browser sends. Persistent sessions show as cookies with an expiry.
 */
import type { BrowserContext } from '@playwright/test';
import { DEMO_PASSWORD, expect, signIn, test } from './fixtures.ts';
import { saveProfiles } from './profiles.ts';

async function loggedInCookieExpiry(context: BrowserContext): Promise<number> {
  const cookie = (await context.cookies()).find((c) => c.name.startsWith('wordpress_logged_in_'));
  expect(cookie, 'signed in').toBeDefined();
  return cookie!.expires;
}
const DAY = 24 * 3600;

test('ask: the visitor chooses, and only a ticked box keeps the session', async ({ browser }) => {
  for (const ticked of [false, true]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto('/workos/login/default');
    const box = page.locator('workos-login').getByLabel('Remember me');
    await expect(box).not.toBeChecked();
    if (ticked) await box.check();
    await signIn(page, 'ada@example.com', DEMO_PASSWORD);
    await page.waitForURL('**/wp-admin/**');
    const expires = await loggedInCookieExpiry(context);
    if (ticked) expect(expires).toBeGreaterThan(Date.now() / 1000 + 7 * DAY);
    else expect(expires).toBe(-1);
    await context.close();
  }
});

test('always and never are enforced by WordPress, not by the form', async ({ browser, stack }) => {
  await saveProfiles(stack, { slug: 'keep', remember_me: 'always' }, { slug: 'forget', remember_me: 'never' });

  const keep = await browser.newContext();
  const keepPage = await keep.newPage();
  await keepPage.goto('/workos/login/keep');
  await expect(keepPage.locator('workos-login').getByLabel('Password')).toBeVisible();
  await expect(keepPage.locator('workos-login').getByLabel('Remember me')).toHaveCount(0);
  await signIn(keepPage, 'ada@example.com', DEMO_PASSWORD);
  await keepPage.waitForURL('**/wp-admin/**');
  expect(await loggedInCookieExpiry(keep)).toBeGreaterThan(Date.now() / 1000 + 7 * DAY);
  await keep.close();

  // A browser that asks to be remembered anyway is not.
  const forget = await browser.newContext();
  const forgetPage = await forget.newPage();
  await forgetPage.goto('/workos/login/forget');
  await expect(forgetPage.locator('workos-login').getByLabel('Remember me')).toHaveCount(0);
  const answer = await forgetPage.evaluate(async (password) => {
    const el = document.querySelector('workos-login') as HTMLElement & { nonce: string };
    const res = await fetch('/wp-json/workos/v1/auth/password', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-WorkOS-Nonce': el.nonce },
      body: JSON.stringify({ profile: 'forget', email: 'ada@example.com', password, remember: true }),
    });
    return (await res.json()) as { type: string };
  }, DEMO_PASSWORD);
  expect(answer.type).toBe('signed_in');
  expect(await loggedInCookieExpiry(forget)).toBe(-1);
  await forget.close();
});
