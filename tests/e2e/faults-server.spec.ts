/**
 * Fault suite, login-server side (issue 12): stopped in the middle of a flow, hung (a process
 * that accepts connections and never answers), and a clock outside the signature window. For
 * each: what the visitor sees, what the administrator sees, what is audited, nothing lost.
 */
import { expect, signIn, signInAsAdmin, test } from './fixtures.ts';
import { auditEvents, loggedIn, loginOf, MIA_TOTP, totp, wpUser } from './flows.ts';
import {
  debugLogLength,
  debugLogSince,
  healthStatus,
  installTestHooks,
  removeTestHooks,
  restSignIn,
} from './faults.ts';

const LOGIN = '/workos/login/default';
const UNAVAILABLE = 'Sign-in is unavailable right now. Try again in a few minutes.';

test.describe.configure({ timeout: 240_000 });

test.afterEach(async ({ stack }) => {
  for (const replica of stack.replicas) await replica.resume();
  await stack.startServer();
  await removeTestHooks(stack);
});

test('login server stopped in the middle of a flow: “unavailable”, then the same flow finishes after the restart', async ({
  page,
  stack,
}) => {
  await page.goto(LOGIN);
  await signIn(page, 'mia@example.com', 'Correct-Horse-7');
  const code = loginOf(page).getByLabel('6-digit code');
  await expect(code).toBeVisible();

  await stack.stopServer();
  await code.fill(totp(MIA_TOTP));
  await code.press('Enter');
  await expect(loginOf(page).getByRole('alert')).toHaveText(UNAVAILABLE);
  expect(await loggedIn(page)).toBe(false);

  // The flow lives in the sealed token the page holds, not in a server: any server may go on.
  await stack.startServer();
  await code.fill(totp(MIA_TOTP));
  await code.press('Enter');
  await page.waitForURL('**/wp-admin/**');
  // Audited: the sign-in, once — the refused step is nobody's failed sign-in.
  expect((await auditEvents(stack)).map((e) => e.event)).toEqual(['user_created', 'login']);
});

test('a hung login server costs one timeout, then everyone is answered at once until it is back', async ({
  page,
  browser,
  stack,
  playwright,
}) => {
  // WordPress waits 3 s; after a timeout the breaker stays open 20 s (long enough that the next
  // visitors arrive while it is open however busy the machine), then one request probes.
  await installTestHooks(stack, { server_timeout: 3, breaker_open: 20 });
  for (const replica of stack.replicas) await replica.pause();
  const logFrom = debugLogLength(stack);

  const api = await playwright.request.newContext({ baseURL: stack.wordpressUrl });
  const first = await restSignIn(api, 'grace@example.com');
  expect(first).toMatchObject({ status: 503, body: { code: 'server_unavailable' } });
  // The breaker is open: the next visitors are answered without waiting, told when to come back.
  const answers = await Promise.all(Array.from({ length: 6 }, () => restSignIn(api, 'grace@example.com')));
  for (const answer of answers) {
    expect(answer).toMatchObject({ status: 503, body: { code: 'server_unavailable' } });
    expect(Number(answer.retryAfter)).toBeGreaterThanOrEqual(1);
  }
  // One timeout was paid, not seven.
  expect(debugLogSince(stack, logFrom).filter((l) => l.includes('did not answer in time'))).toHaveLength(1);
  expect((await auditEvents(stack)).filter((e) => e.event === 'login_failed')).toEqual([]);

  // The administrator is told.
  const admin = await (await browser.newContext()).newPage();
  await signInAsAdmin(admin, stack);
  await expect(admin.locator('.notice-warning', { hasText: 'did not answer properly' })).toBeVisible();

  // Back: once the breaker lets a probe through (when its 20 s are over), visitors sign in again.
  for (const replica of stack.replicas) await replica.resume();
  await expect
    .poll(async () => (await restSignIn(api, 'grace@example.com')).status, { timeout: 90_000, intervals: [1000] })
    .toBe(200);
  await page.goto(LOGIN);
  await signIn(page, 'ada@example.com', 'Correct-Horse-7');
  await page.waitForURL('**/wp-admin/**');
  await api.dispose();
});

test('login server clock 5 minutes off: signatures refused both ways, “unavailable”, administrators told to check the clocks', async ({
  page,
  browser,
  stack,
}) => {
  await stack.stopServer();
  await stack.startServer(await stack.faketimeEnv('+5m'));

  await page.goto(LOGIN);
  await signIn(page, 'grace@example.com', 'Correct-Horse-7');
  await expect(loginOf(page).getByRole('alert')).toHaveText(UNAVAILABLE);
  expect(await wpUser(stack, 'grace@example.com')).toBeNull();
  expect((await auditEvents(stack)).filter((e) => e.event === 'login_failed')).toEqual([]);

  const admin = await (await browser.newContext()).newPage();
  await signInAsAdmin(admin, stack);
  await expect(admin.locator('.notice-warning', { hasText: 'did not answer properly' })).toBeVisible();
  expect((await healthStatus(stack, 'login_server')).status).toBe('critical');

  await stack.stopServer();
  await stack.startServer();
  await page.goto(LOGIN);
  await signIn(page, 'grace@example.com', 'Correct-Horse-7');
  await page.waitForURL('**/wp-admin/**');
});
