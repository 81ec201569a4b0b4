/**
 * Rotating the shared secret with no downtime (README → Deploy → Rotate the shared secret): the
 * login server switched to a new secret while WordPress still signs with the old one keeps
 * answering while it has the old one as WORKOS_LOGIN_SECRET_PREVIOUS, and a sign-in begun before
 * the switch (its flow sealed with the old secret) finishes after it. WordPress's half — asking
 * again with its previous secret — is tests/php/login-server/RotationTest.php.
 */
import { randomBytes } from 'node:crypto';
import { DEMO_PASSWORD, expect, signIn, test } from './fixtures.ts';
import { emailCount, enterCode, latestCode, loginOf } from './flows.ts';
import { saveProfiles } from './profiles.ts';

const LOGIN = '/workos/login/codes';

test.afterEach(async ({ stack }) => {
  // Back to the stack's own secret for the next test.
  await stack.stopServer();
  await stack.startServer();
});

test('a login server on a new secret, the old one as previous, keeps WordPress signing in mid-rotation', async ({
  page,
  browser,
  stack,
}) => {
  await saveProfiles(stack, { slug: 'codes', methods: ['magic_code', 'password'] });
  const next = randomBytes(32).toString('hex');

  // Begun before the switch: the code step's flow is sealed with the old secret.
  const before = await emailCount(stack, 'grace@example.com', 'magic_auth');
  await page.goto(LOGIN);
  const login = loginOf(page);
  await login.getByLabel('Email').fill('grace@example.com');
  await login.getByRole('button', { name: 'Email me a code' }).click();
  await expect(login.getByLabel('6-digit code')).toBeVisible();
  const code = await latestCode(stack, 'grace@example.com', 'magic_auth', before);

  await stack.stopServer();
  await stack.startServer({ WORKOS_LOGIN_SECRET: next, WORKOS_LOGIN_SECRET_PREVIOUS: stack.secret });

  // …finished after it.
  await enterCode(page, code);
  await page.waitForURL('**/wp-admin/**');

  // A sign-in begun after the switch, WordPress still on the old secret.
  const visitor = await browser.newPage();
  await visitor.goto('/workos/login/default');
  await signIn(visitor, 'ada@example.com', DEMO_PASSWORD);
  await visitor.waitForURL('**/wp-admin/**');
  await visitor.close();

  // Without the old secret the same server refuses WordPress: the rotation is what kept it working.
  await stack.stopServer();
  await stack.startServer({ WORKOS_LOGIN_SECRET: next });
  const refused = await browser.newPage();
  await refused.goto('/workos/login/default');
  await signIn(refused, 'ada@example.com', DEMO_PASSWORD);
  await expect(loginOf(refused).getByRole('alert')).toHaveText(
    'Sign-in is unavailable right now. Try again in a few minutes.',
  );
  await refused.close();
});
