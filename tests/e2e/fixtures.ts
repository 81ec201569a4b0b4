import { test as base, expect, type Page } from '@playwright/test';
import { startStack, type Stack } from '../../scripts/stack.ts';

export const E2E_PORTS = { workos: 4200, server: 4201, wordpress: 8891 };
export const DEMO_PASSWORD = 'Correct-Horse-7';
/** WordPress's own sign-in form, kept for emergencies (switched on for the e2e site). */
export const NATIVE_LOGIN = '/wp-login.php?workos-native=1';

export const test = base.extend<{ cleanSite: void }, { stack: Stack }>({
  stack: [
    async ({}, use) => {
      const stack = await startStack({
        name: 'e2e',
        ports: E2E_PORTS,
        workos: 'fake',
        quiet: true,
        // wp-login.php belongs to the `default` profile; the admin signs in through the emergency
        // native form (`/wp-login.php?workos-native=1`, see NATIVE_LOGIN).
        constants: { WORKOS_LOGIN_ALLOW_NATIVE_LOGIN: true },
      });
      await use(stack);
      await stack.stop();
    },
    { scope: 'worker', timeout: 180_000 },
  ],
  // Every test starts from the freshly installed site (golden SQLite copy, ~0.1 s).
  cleanSite: [
    async ({ stack }, use) => {
      await stack.site.reset();
      await use();
    },
    { auto: true },
  ],
});

export { expect };

/**
 * Fills and submits WordPress's own form (the emergency native form) without waiting for a result.
 *
 * wp-login.php focuses and selects the username field 200 ms after load; on a busy machine that
 * landed between two fills once and the password went into the username field. Let it run first,
 * and check both values before submitting.
 */
export async function submitNativeLogin(page: Page, username: string, password: string): Promise<void> {
  await page.goto(NATIVE_LOGIN);
  await page
    .waitForFunction(() => document.activeElement?.id === 'user_login', undefined, { timeout: 3_000 })
    .catch(() => {});
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
