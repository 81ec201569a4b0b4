import type { APIRequestContext } from '@playwright/test';
import { DEMO_PASSWORD, expect, signInAsAdmin, test } from './fixtures.ts';
import { wpUser } from './flows.ts';

/**
 * Session tokens are one row each (includes/sessions/): parallel sign-ins of one user never
 * overwrite each other's sessions, so every `signed_in` answer carries a cookie that works
 * (ARCHITECTURE rule 7). WordPress's own store kept them in one user-meta value and lost some.
 */

const PARALLEL = 8;

async function signInOverRest(api: APIRequestContext, email: string): Promise<number> {
  const nonce = ((await (await api.get('/wp-json/workos/v1/nonce')).json()) as { nonce: string }).nonce;
  const answer = await api.post('/wp-json/workos/v1/auth/password', {
    headers: { 'X-WorkOS-Nonce': nonce },
    data: { profile: 'default', email, password: DEMO_PASSWORD },
  });
  const body = (await answer.json()) as { type: string };
  expect(body, JSON.stringify(body)).toMatchObject({ type: 'signed_in' });
  return answer.status();
}

/** Whether the session the context's cookies carry works: wp-admin answers instead of sending it to sign in. */
async function sessionWorks(api: APIRequestContext): Promise<boolean> {
  const answer = await api.get('/wp-admin/profile.php', { maxRedirects: 0 });
  return answer.status() === 200;
}

test(`${PARALLEL} parallel sign-ins of one user each get a session that works`, async ({ stack, playwright }) => {
  test.setTimeout(240_000);
  const contexts = await Promise.all(
    Array.from({ length: PARALLEL }, () => playwright.request.newContext({ baseURL: stack.wordpressUrl })),
  );
  const statuses = await Promise.all(contexts.map((api) => signInOverRest(api, 'grace@example.com')));
  expect(statuses).toEqual(Array(PARALLEL).fill(200));

  const working = await Promise.all(contexts.map(sessionWorks));
  expect(working.filter(Boolean)).toHaveLength(PARALLEL);
  expect((await wpUser(stack, 'grace@example.com'))!.sessions).toBe(PARALLEL);

  // Signing out of one browser ends that session only.
  const [first, ...others] = contexts;
  const logout = await first.get('/wp-login.php?action=logout', { maxRedirects: 0 });
  const confirm = /href="([^"]*action=logout[^"]*_wpnonce[^"]*)"/.exec(await logout.text());
  if (confirm) await first.get(confirm[1].replaceAll('&amp;', '&'), { maxRedirects: 0 });
  expect(await sessionWorks(first)).toBe(false);
  expect((await Promise.all(others.map(sessionWorks))).every(Boolean)).toBe(true);
  expect((await wpUser(stack, 'grace@example.com'))!.sessions).toBe(PARALLEL - 1);
  await Promise.all(contexts.map((api) => api.dispose()));
});

test('sessions WordPress stored before the plugin’s table keep working and can be ended', async ({
  stack,
  playwright,
}) => {
  // A session in core's own store (user meta), as every site has on the day it updates.
  const cookies = await stack.site.php(`
    $user  = get_user_by( 'login', 'admin' );
    remove_all_filters( 'session_token_manager' );
    $store = WP_Session_Tokens::get_instance( $user->ID );
    $token = $store->create( time() + DAY_IN_SECONDS );
    echo wp_json_encode( array(
      'name'  => LOGGED_IN_COOKIE,
      'value' => wp_generate_auth_cookie( $user->ID, time() + DAY_IN_SECONDS, 'logged_in', $token ),
      'auth'  => AUTH_COOKIE,
      'authv' => wp_generate_auth_cookie( $user->ID, time() + DAY_IN_SECONDS, 'auth', $token ),
    ) );
  `);
  const c = JSON.parse(cookies) as { name: string; value: string; auth: string; authv: string };
  const host = new URL(stack.wordpressUrl).hostname;
  const api = await playwright.request.newContext({
    baseURL: stack.wordpressUrl,
    storageState: {
      cookies: [
        {
          name: c.name,
          value: c.value,
          domain: host,
          path: '/',
          expires: -1,
          httpOnly: true,
          secure: false,
          sameSite: 'Lax',
        },
        {
          name: c.auth,
          value: c.authv,
          domain: host,
          path: '/wp-admin',
          expires: -1,
          httpOnly: true,
          secure: false,
          sameSite: 'Lax',
        },
      ],
      origins: [],
    },
  });
  expect(await sessionWorks(api)).toBe(true);
  const sessions = `WP_Session_Tokens::get_instance( get_user_by( 'login', 'admin' )->ID )`;
  expect(await stack.site.php(`echo count( ${sessions}->get_all() );`)).toBe('1');
  await stack.site.php(`${sessions}->destroy_all();`);
  expect(await sessionWorks(api)).toBe(false);
  expect(await stack.site.php(`echo count( ${sessions}->get_all() );`)).toBe('0');
  await api.dispose();
});

test('deactivating the plugin hands sessions back to WordPress: nobody is signed out', async ({ page, stack }) => {
  await signInAsAdmin(page, stack);
  // The administrator deactivates it on the Plugins screen, with the session it stored.
  await page.goto('/wp-admin/plugins.php');
  await page.locator('tr[data-slug="workos-login"] .deactivate a').click();
  await expect(page.locator('#message')).toContainText('Plugin deactivated.');
  expect(new URL(page.url()).pathname).toBe('/wp-admin/plugins.php');
  expect((await page.request.get('/wp-admin/profile.php', { maxRedirects: 0 })).status()).toBe(200);
});
