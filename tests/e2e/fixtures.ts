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

/** Signs the site's `admin` in through the emergency native form. */
export async function signInAsAdmin(page: Page, stack: Stack): Promise<void> {
  await page.goto(NATIVE_LOGIN);
  await page.locator('#user_login').fill('admin');
  await page.locator('#user_pass').fill(stack.adminPassword);
  await page.locator('#wp-submit').click();
  await page.waitForURL('**/wp-admin/**');
}

/** Fills and submits the sign-in form the way a visitor does. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  const login = page.locator('workos-login');
  await login.getByLabel('Email').fill(email);
  await login.getByLabel('Password').fill(password);
  await login.getByLabel('Password').press('Enter');
}
