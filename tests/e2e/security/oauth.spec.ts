/**
 * OAuth state, PKCE and replay (issue 13, item 10), attacked over HTTP: the callback
 * (`/workos/callback?code&state`) signs someone in only with a state sealed for this profile, in
 * its one spelling, used once, presented by the browser it was issued to, and a code redeemed
 * with that state's own PKCE verifier. Forged states never reach WorkOS; each test ends with
 * the untouched callback signing in, so the refusals are the checks' doing.
 */
import { DEMO_PASSWORD, expect, test } from '../fixtures.ts';
import { flipChar } from '../flows.ts';
import { saveProfiles } from '../profiles.ts';
import { aliasesOf } from '../tokens.ts';
import {
  type Answer,
  authorizeUrl,
  authPost,
  clearWorkOSFaults,
  consent,
  fromJar,
  oauthCallback,
  send,
  setsLoginCookie,
  visitor,
  watchWorkOS,
} from './attack.ts';

/** WorkOS's code exchange: the one WorkOS call a callback makes. */
const AUTHENTICATE = '/user_management/authenticate';
let exchanges: () => Promise<number>;

test.beforeEach(async ({ stack }) => {
  await saveProfiles(
    stack,
    { slug: 'social', methods: ['oauth_google', 'password'] },
    { slug: 'other', methods: ['oauth_google', 'password'] },
  );
  exchanges = await watchWorkOS(stack, AUTHENTICATE);
});
test.afterEach(({ stack }) => clearWorkOSFaults(stack));

function expectRefused(answer: Answer, what: string): void {
  expect(answer.status, what).toBe(400);
  expect(setsLoginCookie(answer), what).toBe(false);
}

function expectSignedIn(answer: Answer, what = 'the untouched callback'): void {
  expect(answer.status, what).toBe(302);
  expect(setsLoginCookie(answer), what).toBe(true);
}

/** The callback URL with some of its query arguments replaced (null: removed). */
function withQuery(callback: URL, changes: Record<string, string | null>): string {
  const url = new URL(callback);
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) url.searchParams.delete(name);
    else url.searchParams.set(name, value);
  }
  return url.href;
}

/** `<slug>:<sealed>` split at the first colon. */
const partsOf = (state: string) => [state.slice(0, state.indexOf(':')), state.slice(state.indexOf(':') + 1)] as const;

test('a callback without a state is refused, and WorkOS is never asked', async ({ stack, playwright }) => {
  const api = await visitor(playwright, stack);
  const callback = await oauthCallback(api, { profile: 'social' });
  const code = callback.searchParams.get('code')!;
  for (const path of [
    `/workos/callback?code=${code}`,
    `/workos/callback?code=${code}&state=`,
    `/workos/callback?code=${code}&state[]=social`,
    `/workos/callback?code=${code}&state=social`,
    `/workos/callback?code=${code}&state=social:`,
  ]) {
    expectRefused(await send(api, 'GET', path), path);
  }
  expect(await exchanges()).toBe(0);
  expectSignedIn(await send(api, 'GET', callback.href));
  expect(await exchanges()).toBe(1);
});

test('a state without a usable code, or with an error, is refused before WorkOS is asked', async ({
  stack,
  playwright,
}) => {
  const cases: Array<[string, Record<string, string>]> = [
    ['no code', {}],
    ['an empty code', { code: '' }],
    ['a code outside the token alphabet', { code: 'abc<script>' }],
    ['a code over the length limit', { code: 'a'.repeat(8193) }],
    ['an error instead of a code', { error: 'access_denied' }],
    ['an error beside a code', { error: 'server_error', code: 'abc123' }],
  ];
  for (const [what, query] of cases) {
    const api = await visitor(playwright, stack);
    const state = (await authorizeUrl(api, { profile: 'social' })).searchParams.get('state')!;
    expectRefused(await send(api, 'GET', `/workos/callback?${new URLSearchParams({ ...query, state })}`), what);
    await api.dispose();
  }
  expect(await exchanges()).toBe(0);
  const api = await visitor(playwright, stack);
  expectSignedIn(await send(api, 'GET', (await oauthCallback(api, { profile: 'social' })).href));
});

test('a state works only in the browser it was issued to', async ({ stack, playwright }) => {
  const owner = await visitor(playwright, stack);
  const [first, second, third] = [
    await oauthCallback(owner, { profile: 'social' }),
    await oauthCallback(owner, { profile: 'social' }),
    await oauthCallback(owner, { profile: 'social' }),
  ];
  // Another browser with a binding cookie of its own, and one with none.
  const other = await visitor(playwright, stack);
  await authorizeUrl(other, { profile: 'social' });
  expectRefused(await send(other, 'GET', first.href), 'another browser');
  const bare = await visitor(playwright, stack);
  expectRefused(await send(bare, 'GET', second.href), 'a browser without the cookie');
  expect(await exchanges()).toBe(0);
  expectSignedIn(await send(owner, 'GET', third.href));
});

test('a tampered state, or another spelling of it, is refused before WorkOS is asked', async ({
  stack,
  playwright,
}) => {
  const api = await visitor(playwright, stack);
  const callback = await oauthCallback(api, { profile: 'social' });
  const jar = await api.storageState();
  const [slug, sealed] = partsOf(callback.searchParams.get('state')!);
  const forged: Array<[string, string]> = [
    ['a flipped character', `${slug}:${flipChar(sealed)}`],
    ['cut short', `${slug}:${sealed.slice(0, -8)}`],
    ['another version', `${slug}:v2.${sealed.slice(3)}`],
    ['an extra part', `${slug}:${sealed}.AAAA`],
    ['made up', `${slug}:v1.${'A'.repeat(sealed.length - 3)}`],
    ...aliasesOf(sealed).map((alias, i) => [`alias ${i + 1}`, `${slug}:${alias}`] as [string, string]),
  ];
  for (const [what, state] of forged) {
    // The victim's own cookie each time: only the state differs from the real callback.
    const holder = await fromJar(playwright, stack, jar);
    expectRefused(await send(holder, 'GET', withQuery(callback, { state })), what);
    await holder.dispose();
  }
  expect(await exchanges()).toBe(0);
  expectSignedIn(await send(api, 'GET', callback.href));
});

test('a state opens one callback: a replay is refused, and the code cannot be redeemed again', async ({
  stack,
  playwright,
}) => {
  const api = await visitor(playwright, stack);
  const callback = await oauthCallback(api, { profile: 'social' });
  const jar = await api.storageState();
  expectSignedIn(await send(api, 'GET', callback.href));
  expect(await exchanges()).toBe(1);

  // The same URL again: with the cookie it had, and from another browser.
  const holder = await fromJar(playwright, stack, jar);
  expectRefused(await send(holder, 'GET', callback.href), 'replayed with its cookie');
  expectRefused(await send(await visitor(playwright, stack), 'GET', callback.href), 'replayed elsewhere');
  expect(await exchanges()).toBe(1);

  // The spent code with a fresh state of the same browser: WorkOS is asked, and refuses.
  const state = (await authorizeUrl(api, { profile: 'social' })).searchParams.get('state')!;
  expectRefused(await send(api, 'GET', withQuery(callback, { state })), 'a spent code, a fresh state');
  expect(await exchanges()).toBe(2);
});

test('PKCE: a code is redeemed only with the verifier of the state it was issued for', async ({
  stack,
  playwright,
}) => {
  const api = await visitor(playwright, stack);
  const authorizeFirst = await authorizeUrl(api, { profile: 'social' });
  const authorizeSecond = await authorizeUrl(api, { profile: 'social' });
  for (const url of [authorizeFirst, authorizeSecond]) {
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
  }
  expect(authorizeFirst.searchParams.get('code_challenge')).not.toBe(
    authorizeSecond.searchParams.get('code_challenge'),
  );
  const first = await consent(api, authorizeFirst, 'grace@example.com');
  const second = await consent(api, authorizeSecond, 'grace@example.com');
  const control = await oauthCallback(api, { profile: 'social' });
  const jar = await api.storageState();

  // The second code with the first state (its verifier): same browser, user and client — only
  // the verifier is wrong. WorkOS is asked, and refuses.
  const mixed = withQuery(first, { code: second.searchParams.get('code') });
  expectRefused(await send(api, 'GET', mixed), 'another authorization’s code');
  expect(await exchanges()).toBe(1);
  // The refused exchange cleared the binding cookie; the browser still had it.
  expectSignedIn(await send(await fromJar(playwright, stack, jar), 'GET', control.href));
});

test('a state issued for another profile, or no profile, is refused before WorkOS is asked', async ({
  stack,
  playwright,
}) => {
  const api = await visitor(playwright, stack);
  const callback = await oauthCallback(api, { profile: 'social' });
  const jar = await api.storageState();
  const [, sealed] = partsOf(callback.searchParams.get('state')!);
  for (const slug of ['other', 'default', 'no-such-profile', 'Social', '../social']) {
    const holder = await fromJar(playwright, stack, jar);
    expectRefused(await send(holder, 'GET', withQuery(callback, { state: `${slug}:${sealed}` })), slug);
    await holder.dispose();
  }
  expect(await exchanges()).toBe(0);
  expectSignedIn(await send(api, 'GET', callback.href));
});

test('a sealed flow of a sign-in step is no OAuth state', async ({ stack, playwright }) => {
  const api = await visitor(playwright, stack);
  // Sam belongs to two organizations: a password sign-in stops at the picker with a live flow.
  const step = await authPost(api, 'password', {
    profile: 'social',
    email: 'sam@example.com',
    password: DEMO_PASSWORD,
  });
  expect(step.body).toMatchObject({ type: 'step', step: 'org_select' });
  exchanges = await watchWorkOS(stack, AUTHENTICATE); // Counting from here: the password was one.
  const callback = await oauthCallback(api, { profile: 'social' });
  const jar = await api.storageState();
  const holder = await fromJar(playwright, stack, jar);
  expectRefused(
    await send(holder, 'GET', withQuery(callback, { state: `social:${String(step.body.flow)}` })),
    'an org_select flow',
  );
  expect(await exchanges()).toBe(0);
  expectSignedIn(await send(api, 'GET', callback.href));
});
