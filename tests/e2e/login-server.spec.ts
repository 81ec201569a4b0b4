import { sign, signRequest } from '../../server/signature.ts';
import envelope from '../../protocol/fixtures/server-password-envelope.json' with { type: 'json' };
import { DEMO_PASSWORD, expect, test } from './fixtures.ts';

const body = JSON.stringify({
  ...envelope,
  profile: { ...envelope.profile, organization_id: null },
  input: { email: 'ada@example.com', password: DEMO_PASSWORD },
});

const flipLast = (header: string) => header.slice(0, -1) + (header.endsWith('0') ? '1' : '0');

test('the login server refuses unsigned, tampered, foreign-secret and misdirected requests', async ({
  request,
  stack,
}) => {
  const url = `${stack.serverUrl}/v1/password`;
  const signed = (secret: string, at = Date.now()) => signRequest(secret, '/v1/password', body, at);
  const cases = {
    unsigned: {},
    tampered: { 'X-WorkOS-Login-Signature': flipLast(signed(stack.secret)) },
    expired: { 'X-WorkOS-Login-Signature': signed(stack.secret, Date.now() - 5 * 60_000) },
    foreign: { 'X-WorkOS-Login-Signature': signed('f'.repeat(64)) },
    // The same body, signed for another route, or as an answer.
    'other route': { 'X-WorkOS-Login-Signature': signRequest(stack.secret, '/v1/magic_code_send', body) },
    'an answer': {
      'X-WorkOS-Login-Signature': sign(stack.secret, body, {
        kind: 'response',
        method: 'POST',
        path: '/v1/password',
        id: '0'.repeat(32),
      }),
    },
  };
  for (const [name, headers] of Object.entries(cases)) {
    const response = await request.post(url, {
      data: body,
      headers: { 'Content-Type': 'application/json', ...headers },
    });
    expect(response.status(), name).toBe(401);
  }
  const ok = await request.post(url, {
    data: body,
    headers: { 'Content-Type': 'application/json', 'X-WorkOS-Login-Signature': signed(stack.secret) },
  });
  expect(ok.status()).toBe(200);
  expect((await ok.json()).type).toBe('authenticated');
});

test('the sign-in REST route needs the page nonce', async ({ request }) => {
  const response = await request.post('/wp-json/workos/v1/auth/password', {
    data: { profile: 'default', email: 'ada@example.com', password: DEMO_PASSWORD },
  });
  expect(response.status()).toBe(403);
});
