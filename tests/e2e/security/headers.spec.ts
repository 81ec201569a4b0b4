/**
 * Caching headers (issue 13, item 4): every sign-in surface the plugin owns and every answer of
 * its REST routes — refusals included — is stored by no cache (`no-store, private`).
 */
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from '../fixtures.ts';
import { nonceFor } from '../faults.ts';

function expectUncacheable(headers: Record<string, string>, what: string): void {
  const cacheControl = headers['cache-control'] ?? '';
  expect(cacheControl, what).toContain('no-store');
  expect(cacheControl, what).toContain('private');
}

const post = (api: APIRequestContext, route: string, data: unknown, headers: Record<string, string> = {}) =>
  api.post(`/wp-json/workos/v1/${route}`, { headers, data });

test('every answer of the REST routes, refusals included, is stored by no cache', async ({ stack, playwright }) => {
  const api = await playwright.request.newContext({ baseURL: stack.wordpressUrl });
  const nonce = { 'X-WorkOS-Nonce': await nonceFor(api) };
  const password = { profile: 'default', email: 'ada@example.com', password: 'not-the-password' };
  const answers: Array<[string, number, Promise<{ status(): number; headers(): Record<string, string> }>]> = [
    ['a fresh nonce', 200, api.get('/wp-json/workos/v1/nonce')],
    ['no nonce', 403, post(api, 'auth/password', password)],
    ['a forged nonce', 403, post(api, 'auth/password', password, { 'X-WorkOS-Nonce': 'forged1234' })],
    ['another site’s origin', 403, post(api, 'auth/password', password, { ...nonce, origin: 'https://evil.example' })],
    ['an invalid argument', 400, post(api, 'auth/password', { ...password, email: 'not-an-email' }, nonce)],
    [
      'a malformed flow',
      400,
      post(api, 'auth/mfa_verify', { profile: 'default', flow: 'v1.abc~', code: '123456' }, nonce),
    ],
    ['an unknown profile', 404, post(api, 'auth/password', { ...password, profile: 'no-such-profile' }, nonce)],
    ['an unknown route', 404, post(api, 'auth/no_such_route', {}, nonce)],
    ['a wrong password', 401, post(api, 'auth/password', password, nonce)],
    ['an administrator route, signed out', 401, api.get('/wp-json/workos/v1/admin/profiles')],
  ];
  for (const [what, status, answer] of answers) {
    const response = await answer;
    expect(response.status(), what).toBe(status);
    expectUncacheable(response.headers(), what);
  }
  await api.dispose();
});

test('the plugin’s sign-in pages and its callback are stored by no cache', async ({ stack, playwright }) => {
  const api = await playwright.request.newContext({ baseURL: stack.wordpressUrl });
  for (const path of [
    '/workos/login/default',
    '/wp-login.php',
    '/workos/callback',
    '/workos/callback?state=x&code=y',
  ]) {
    const response = await api.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBeLessThan(500);
    expectUncacheable(response.headers(), path);
  }
  await api.dispose();
});
