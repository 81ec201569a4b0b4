/**
 * Bodies that are not a JSON object (issue 13, item 10): a clear 400 on every route, and not a
 * line in PHP's error log — a visitor must not be able to fill it.
 */
import { expect, test } from '../fixtures.ts';
import { debugLogLength, debugLogSince, nonceFor } from '../faults.ts';

const ROUTES = [
  'auth/passkey_options',
  'auth/password',
  'auth/magic_code_send',
  'auth/authorize',
  'auth/passkey_verify',
  'auth/mfa_verify',
];
const SCALARS = ['5', '"text"', 'true', '-1.5'];

test('a JSON body that is not an object: 400 on every route, nothing in PHP’s log', async ({ stack, playwright }) => {
  const api = await playwright.request.newContext({ baseURL: stack.wordpressUrl });
  const nonce = await nonceFor(api);
  const logFrom = debugLogLength(stack);
  for (const route of ROUTES) {
    for (const body of SCALARS) {
      const answer = await api.post(`/wp-json/workos/v1/${route}`, {
        headers: { 'content-type': 'application/json', 'X-WorkOS-Nonce': nonce },
        data: body,
      });
      expect(answer.status(), `${route} ${body}`).toBe(400);
      expect(((await answer.json()) as { code: string }).code, `${route} ${body}`).toBe('rest_invalid_json');
    }
  }
  expect(debugLogSince(stack, logFrom)).toEqual([]);
  await api.dispose();
});
