/**
 * Fault suite, WorkOS side (issue 12): WorkOS stopped, slow past the budget, failing (500),
 * rate-limiting (429) and resetting connections. For each: what the visitor sees, what the
 * administrator sees, what is audited, and that nothing is lost — no visitor is told their
 * password was wrong, nobody's per-email budget is spent, no session is left open anywhere.
 */
import { expect, signIn, signInAsAdmin, test } from './fixtures.ts';
import { auditEvents, fakeSessions, loggedIn, loginOf, userId, wpUser } from './flows.ts';
import {
  clearWorkOSFaults,
  healthStatus,
  injectWorkOSFaults,
  installTestHooks,
  removeTestHooks,
  restSignIn,
  type FaultRule,
} from './faults.ts';

const LOGIN = '/workos/login/default';
const UNAVAILABLE = 'Sign-in is unavailable right now. Try again in a few minutes.';
const AUTHENTICATE = '/user_management/authenticate';

test.describe.configure({ timeout: 240_000 });

test.beforeEach(async ({ stack }) => {
  // WordPress waits 4 s for the login server (which then keeps WorkOS inside 2.5 s).
  await installTestHooks(stack, { server_timeout: 4 });
});
test.afterEach(async ({ stack }) => {
  await clearWorkOSFaults(stack);
  await stack.startWorkOS();
  await removeTestHooks(stack);
});

/** The outcomes that are WorkOS's fault, one row each. */
const OUTAGES: Array<[string, FaultRule[] | 'stopped']> = [
  ['stopped', 'stopped'],
  ['answering 500', [{ match: AUTHENTICATE, action: 'status', status: 500 }]],
  ['resetting connections', [{ match: AUTHENTICATE, action: 'reset' }]],
  ['slower than the time budget', [{ match: AUTHENTICATE, action: 'delay', delay_ms: 6_000 }]],
];

for (const [name, fault] of OUTAGES) {
  test(`WorkOS ${name}: “unavailable”, never “wrong password”; no budget spent, no session left, administrators told`, async ({
    page,
    browser,
    stack,
    playwright,
  }) => {
    // The fake keeps its sessions from test to test: only this test's count.
    const grace = userId('grace@example.com');
    const before = new Set((await fakeSessions(stack, grace)).map((s) => s.id));
    if (fault === 'stopped') await stack.stopWorkOS();
    else await injectWorkOSFaults(stack, fault);

    // The visitor: one clear message, their form kept.
    await page.goto(LOGIN);
    await signIn(page, 'grace@example.com', 'Correct-Horse-7');
    await expect(loginOf(page).getByRole('alert')).toHaveText(UNAVAILABLE);
    expect(await loggedIn(page)).toBe(false);

    // More attempts than the per-email limit (10): an outage spends none of it.
    const api = await playwright.request.newContext({ baseURL: stack.wordpressUrl });
    for (let i = 0; i < 10; i++) {
      const answer = await restSignIn(api, 'grace@example.com');
      expect(answer.status).toBe(503);
      expect(answer.body.code).toBe('workos_unavailable');
      expect(Number(answer.retryAfter)).toBeGreaterThan(0);
    }

    // Audited: nothing — an outage is nobody's failed sign-in (security plugins are not told either).
    expect((await auditEvents(stack)).filter((e) => e.event === 'login_failed')).toEqual([]);
    // Nothing left: no WordPress session, and every WorkOS session a late answer opened is revoked.
    expect(await wpUser(stack, 'grace@example.com')).toBeNull();
    if (fault !== 'stopped') {
      await expect
        .poll(async () => (await fakeSessions(stack, grace)).filter((s) => !before.has(s.id) && s.status === 'active'))
        .toEqual([]);
    }

    // The administrator: a notice, and Site Health.
    const admin = await (await browser.newContext()).newPage();
    await signInAsAdmin(admin, stack);
    await expect(admin.locator('.notice', { hasText: 'WorkOS has been failing the login server' })).toBeVisible();
    expect(await healthStatus(stack, 'workos_sign_ins')).toEqual({
      status: 'critical',
      label: 'WorkOS is failing sign-ins',
    });

    // WorkOS back: the same visitor signs in at once (their budget is whole), the notice goes.
    if (fault === 'stopped') await stack.startWorkOS();
    else await clearWorkOSFaults(stack);
    await page.goto(LOGIN);
    await signIn(page, 'grace@example.com', 'Correct-Horse-7');
    await page.waitForURL('**/wp-admin/**');
    await admin.reload();
    await expect(admin.locator('.notice', { hasText: 'WorkOS has been failing the login server' })).toHaveCount(0);
    await api.dispose();
  });
}

test('WorkOS rate-limiting (429): the visitor counts down WorkOS’s own Retry-After', async ({
  page,
  stack,
  playwright,
}) => {
  await injectWorkOSFaults(stack, [{ match: AUTHENTICATE, action: 'status', status: 429, retry_after: 42 }]);
  const api = await playwright.request.newContext({ baseURL: stack.wordpressUrl });
  const answer = await restSignIn(api, 'grace@example.com');
  expect(answer.status).toBe(429);
  expect(answer.body).toMatchObject({ code: 'rate_limited', retry_after: 42 });
  expect(answer.retryAfter).toBe('42');

  await page.goto(LOGIN);
  await signIn(page, 'grace@example.com', 'Correct-Horse-7');
  await expect(loginOf(page).getByRole('alert')).toBeVisible();
  await expect(loginOf(page).getByText(/Try again in 4[0-2] s/)).toBeVisible();
  // WorkOS limited the site, not this visitor: no per-email budget spent.
  await clearWorkOSFaults(stack);
  for (let i = 0; i < 9; i++) expect((await restSignIn(api, 'grace@example.com', 'wrong-password')).status).toBe(401);
  await api.dispose();
});

test('WorkOS slow but inside the budget: the sign-in simply takes longer', async ({ page, stack }) => {
  await injectWorkOSFaults(stack, [{ match: AUTHENTICATE, action: 'delay', delay_ms: 1_000 }]);
  await page.goto(LOGIN);
  await signIn(page, 'grace@example.com', 'Correct-Horse-7');
  await page.waitForURL('**/wp-admin/**');
  expect((await wpUser(stack, 'grace@example.com'))!.sessions).toBe(1);
});
