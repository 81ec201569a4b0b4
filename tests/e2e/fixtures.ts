import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { e2eLaneEnv, prodLaneEnv } from '../../scripts/prod/env.ts';
import { startStack, type Stack } from '../../scripts/stack.ts';

/** The lane (`E2E_LANE`: sqlite, the default, or prod) and its ports/site (scripts/prod/env.ts). */
const LANE = e2eLaneEnv();
const PROD = prodLaneEnv();
export const E2E_LANE = LANE.lane;
/** The ports of the lane in use: WordPress, the WorkOS fake, the login server (prod: its balancer). */
export const E2E_PORTS =
  LANE.lane === 'prod'
    ? { workos: PROD.ports.workos, server: PROD.ports.server, wordpress: PROD.ports.wordpress }
    : { workos: LANE.ports.workos, server: LANE.ports.server, wordpress: LANE.ports.wordpress };
/** The lane's WordPress address (what `stack.wordpressUrl` is, for module-level constants). */
export const E2E_SITE_URL = `http://localhost:${E2E_PORTS.wordpress}`;
export const DEMO_PASSWORD = 'Correct-Horse-7';
/** WordPress's own sign-in form, kept for emergencies (switched on for the e2e site). */
export const NATIVE_LOGIN = '/wp-login.php?workos-native=1';

export const test = base.extend<{ cleanSite: void }, { stack: Stack }>({
  stack: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
    async ({}, use) => {
      // wp-login.php belongs to the `default` profile; the admin signs in through the emergency
      // native form (`/wp-login.php?workos-native=1`, see NATIVE_LOGIN).
      const constants = { WORKOS_LOGIN_ALLOW_NATIVE_LOGIN: true };
      const stack =
        LANE.lane === 'prod'
          ? await (await import('../../scripts/prod/stack.ts')).startProdStack({ env: PROD, workos: 'fake', constants })
          : await startStack({
              name: LANE.site,
              ports: LANE.ports,
              workos: 'fake',
              quiet: true,
              constants,
              release: LANE.releaseServerBin ? { serverBin: LANE.releaseServerBin } : undefined,
            });
      await use(stack);
      await stack.stop();
    },
    { scope: 'worker', timeout: 180_000 },
  ],
  // Every test starts from the freshly installed site (golden SQLite copy ~0.1 s; MariaDB golden
  // tables ~0.1 s), the lane's default object cache and, on prod, an empty page cache.
  cleanSite: [
    async ({ stack }, use) => {
      await stack.site.reset();
      // The incident record lives beside the database, where a refusing database cannot lose it.
      await rm(join(stack.site.docroot, 'wp-content/uploads/workos-login'), { recursive: true, force: true });
      await use();
    },
    { auto: true },
  ],
});

export { expect };

/**
 * Lets wp-login.php's autofocus run first. 200 ms after load it focuses (and selects, or empties)
 * the username or password field; on a busy machine that landed between two fills once. The page
 * asks for it (`wp_attempt_focus();`) only when it shows no error: then there is nothing to wait for.
 */
export async function loginFocusSettled(page: Page): Promise<void> {
  const asked = await page.evaluate(() =>
    [...document.scripts].some((script) => /\bwp_attempt_focus\(\);/.test(script.textContent ?? '')),
  );
  if (asked) await page.waitForFunction(() => ['user_login', 'user_pass'].includes(document.activeElement?.id ?? ''));
}

/**
 * Fills and submits WordPress's own form (the emergency native form) without waiting for a result,
 * after its autofocus ran (see loginFocusSettled), checking both values before submitting.
 */
export async function submitNativeLogin(page: Page, username: string, password: string): Promise<void> {
  await page.goto(NATIVE_LOGIN);
  await loginFocusSettled(page);
  const user = page.locator('#user_login');
  const pass = page.locator('#user_pass');
  await user.fill(username);
  await pass.fill(password);
  await expect(user).toHaveValue(username);
  await expect(pass).toHaveValue(password);
  await page.locator('#wp-submit').click();
}

/** Signs the site's `admin` in through the emergency native form. */
export async function signInAsAdmin(page: Page, stack: Stack): Promise<void> {
  await submitNativeLogin(page, 'admin', stack.adminPassword);
  await page.waitForURL('**/wp-admin/**');
}

/** Fills and submits the sign-in form the way a visitor does. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  const login = page.locator('workos-login');
  await login.getByLabel('Email').fill(email);
  await login.getByLabel('Password').fill(password);
  await login.getByLabel('Password').press('Enter');
}
