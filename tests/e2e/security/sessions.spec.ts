/**
 * Session fixation and per-session logout, attacked over HTTP (issue 13, item 10): the session a
 * sign-in starts is one WordPress mints at that moment — nothing a browser held before becomes it —
 * and logging out ends exactly that session, here and at WorkOS: a copy of its cookie opens
 * nothing, and the same user's other browsers stay signed in.
 */
import type { APIRequestContext } from '@playwright/test';
import type { Stack } from '../../../scripts/stack.ts';
import { DEMO_PASSWORD, expect, test } from '../fixtures.ts';
import { fakeSessions, userId } from '../flows.ts';
import { phpJson, phpJsonOut, saveProfiles } from '../profiles.ts';
import { authPost, visitor, type Cookie } from './attack.ts';

async function signIn(api: APIRequestContext, email: string): Promise<void> {
  const answer = await authPost(api, 'password', { profile: 'default', email, password: DEMO_PASSWORD });
  expect(answer.body, JSON.stringify(answer.body)).toMatchObject({ type: 'signed_in' });
}

/** The context's WordPress logged-in cookie, if any. */
async function loggedInCookie(api: APIRequestContext): Promise<Cookie | undefined> {
  return (await api.storageState()).cookies.find((c) => c.name.startsWith('wordpress_logged_in_'));
}

/** Whom a logged-in cookie value signs in (0: nobody), as WordPress validates it. */
const userOf = (stack: Stack, value: string) =>
  phpJsonOut<number>(stack, `echo wp_json_encode( (int) wp_validate_auth_cookie( ${phpJson(value)}, 'logged_in' ) );`);

const loginOf = (stack: Stack, email: string) =>
  phpJsonOut<{ id: number; login: string }>(
    stack,
    `$u = get_user_by( 'email', ${phpJson(email)} ); echo wp_json_encode( array( 'id' => $u->ID, 'login' => $u->user_login ) );`,
  );

/** The WorkOS session id stored on each of the user's WordPress sessions. */
const workosSessionsOf = (stack: Stack, id: number) =>
  phpJsonOut<string[]>(
    stack,
    `echo wp_json_encode( array_values( array_map( static fn ( $s ) => $s['workos_session_id'] ?? '', WP_Session_Tokens::get_instance( ${id} )->get_all() ) ) );`,
  );

/** Whether wp-admin answers the context (a session that works) instead of sending it to sign in. */
const works = async (api: APIRequestContext) =>
  (await api.get('/wp-admin/profile.php', { maxRedirects: 0 })).status() === 200;

/** Logs the context's session out the way WordPress's own "Log Out" link does (with its nonce). */
async function logOut(stack: Stack, api: APIRequestContext): Promise<void> {
  // The nonce the link carries, made for this very session (PHP reads the cookie decoded).
  const logout = await phpJsonOut<string>(
    stack,
    `$_COOKIE[ LOGGED_IN_COOKIE ] = ${phpJson(decodeURIComponent((await loggedInCookie(api))!.value))};
    wp_set_current_user( (int) wp_validate_auth_cookie( $_COOKIE[ LOGGED_IN_COOKIE ], 'logged_in' ) );
    echo wp_json_encode( wp_create_nonce( 'log-out' ) );`,
  );
  const answer = await api.get(`/wp-login.php?action=logout&_wpnonce=${logout}`, { maxRedirects: 0 });
  expect(answer.status()).toBe(302);
}

const token = (cookieValue: string) => decodeURIComponent(cookieValue).split('|')[2];

test.describe('session fixation', () => {
  test('a logged-in cookie planted before sign-in is replaced by one WordPress mints', async ({
    stack,
    playwright,
  }) => {
    // Grace has signed in before, so her login is known to the attacker.
    await signIn(await visitor(playwright, stack), 'grace@example.com');
    const grace = await loginOf(stack, 'grace@example.com');
    const name = await phpJsonOut<string>(stack, `echo wp_json_encode( LOGGED_IN_COOKIE );`);
    const planted = `${grace.login}|${Math.floor(Date.now() / 1000) + 86_400}|${'F'.repeat(43)}|${'0'.repeat(64)}`;
    const api = await visitor(playwright, stack, [{ name, value: encodeURIComponent(planted) }]);
    expect(await works(api)).toBe(false);
    expect(await userOf(stack, planted)).toBe(0);

    await signIn(api, 'grace@example.com');
    const minted = (await loggedInCookie(api))!.value;
    expect(decodeURIComponent(minted)).not.toBe(planted);
    expect(token(minted)).not.toBe('F'.repeat(43));
    expect(await userOf(stack, decodeURIComponent(minted))).toBe(grace.id);
    expect(await userOf(stack, planted)).toBe(0);
    await api.dispose();
  });

  test('a session held before signing in as someone else is not carried over to them', async ({
    stack,
    playwright,
  }) => {
    // The attacker signs a shared browser in as himself (Grace), then the victim (Ada) signs in there.
    const api = await visitor(playwright, stack);
    await signIn(api, 'grace@example.com');
    const before = (await loggedInCookie(api))!.value;
    await signIn(api, 'ada@example.com');
    const after = (await loggedInCookie(api))!.value;

    expect(token(after)).not.toBe(token(before));
    const ada = await loginOf(stack, 'ada@example.com');
    const grace = await loginOf(stack, 'grace@example.com');
    expect(await userOf(stack, decodeURIComponent(after))).toBe(ada.id);
    // The attacker's copy of the earlier cookie is still only his own session, never the victim's.
    expect(await userOf(stack, decodeURIComponent(before))).toBe(grace.id);
    await api.dispose();
  });
});

test('session cookies are out of scripts’ reach', async ({ stack, playwright }) => {
  await saveProfiles(stack, { slug: 'social', methods: ['oauth_google', 'password'] });
  const api = await visitor(playwright, stack);
  // The OAuth start sets the browser-binding cookie; a sign-in sets WordPress's own.
  expect((await authPost(api, 'authorize', { profile: 'social', kind: 'oauth', provider: 'google' })).status).toBe(200);
  await signIn(api, 'grace@example.com');
  const cookies = (await api.storageState()).cookies.filter((c) => /^(wordpress_(?!test)|workos_login_)/.test(c.name));
  expect(cookies.map((c) => c.name)).toEqual(
    expect.arrayContaining([expect.stringMatching(/^wordpress_logged_in_/), 'workos_login_browser']),
  );
  for (const cookie of cookies) expect(cookie.httpOnly, cookie.name).toBe(true);
  expect(cookies.find((c) => c.name === 'workos_login_browser')?.sameSite).toBe('Lax');
  await api.dispose();
});

test.describe('per-session logout', () => {
  test('logging out one browser ends its WordPress and WorkOS sessions, not the other browser’s', async ({
    stack,
    playwright,
  }) => {
    const [first, second] = [await visitor(playwright, stack), await visitor(playwright, stack)];
    await signIn(first, 'ada@example.com');
    await signIn(second, 'ada@example.com');
    const ada = await loginOf(stack, 'ada@example.com');
    const both = await workosSessionsOf(stack, ada.id);
    expect(new Set(both).size).toBe(2);

    await logOut(stack, first);
    expect(await works(first)).toBe(false);
    expect(await works(second)).toBe(true);
    const [kept] = await workosSessionsOf(stack, ada.id);
    expect(await workosSessionsOf(stack, ada.id)).toEqual([kept]);
    const ended = both.find((id) => id !== kept)!;
    const atWorkOS = await fakeSessions(stack, userId('ada@example.com'));
    expect(atWorkOS.find((s) => s.id === ended)?.status).toBe('revoked');
    expect(atWorkOS.find((s) => s.id === kept)?.status).toBe('active');
    await Promise.all([first.dispose(), second.dispose()]);
  });

  test('a copy of a logged-out cookie opens nothing', async ({ stack, playwright }) => {
    const api = await visitor(playwright, stack);
    await signIn(api, 'grace@example.com');
    const stolen = (await loggedInCookie(api))!;
    // Every cookie of the session: wp-admin also looks at the auth cookie.
    const cookies = (await api.storageState()).cookies.filter((c) => /^wordpress_(?!test)/.test(c.name));
    const thief = await visitor(playwright, stack, cookies);
    expect(await works(thief)).toBe(true);

    await logOut(stack, api);
    expect(await works(thief)).toBe(false);
    expect(await userOf(stack, decodeURIComponent(stolen.value))).toBe(0);
    await Promise.all([api.dispose(), thief.dispose()]);
  });
});
