/**
 * Rate limits (issue 4, across all methods): per email per method, per IP per route and per flow
 * token, answered `429` with `Retry-After` and shown as a live countdown that keeps the button
 * disabled until it ends. A flooded password limit must not lock the victim out of SSO or codes.
 * The limits are lowered through the `workos_login_rate_limits` filter (a must-use plugin).
 */
import type { Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures.ts';
import {
  DEMO_PASSWORD,
  api,
  consentAs,
  emailCount,
  enterCode,
  installLoginFailedProbe,
  latestCode,
  loggedIn,
  loginOf,
  removeLoginFailedProbe,
  removeRateLimits,
  setRateLimits,
  wrongCode,
} from './flows.ts';
import { aliasesOf } from './tokens.ts';
import { saveProfiles } from './profiles.ts';

const LOGIN = '/workos/login/limits';
const LIMITED = 'Too many attempts. Wait a moment and try again.';

let loginFailures: () => Promise<string[]>;
test.beforeAll(({ stack }) => {
  loginFailures = installLoginFailedProbe(stack);
});
test.afterAll(({ stack }) => {
  removeLoginFailedProbe(stack);
  removeRateLimits(stack);
});

test.beforeEach(async ({ stack }) => {
  await saveProfiles(stack, { slug: 'limits', methods: ['password', 'magic_code', 'sso'] });
  await setRateLimits(stack, {
    ip: { max: 20, window: 600 },
    flow: { max: 3, window: 600 },
    callback: { max: 2, window: 600 },
    email: { password: { max: 2, window: 600 } },
  });
});

/** Two wrong passwords for `email` use up its (lowered) password limit; the third is refused. */
async function floodPassword(page: Page, email: string): Promise<void> {
  const login = loginOf(page);
  for (let i = 0; i < 2; i++) {
    await signIn(page, email, 'not-the-password');
    await expect(login.getByRole('alert')).toHaveText('That email and password don’t match. Check them and try again.');
  }
  const answer = page.waitForResponse('**/auth/password');
  await signIn(page, email, 'not-the-password');
  const response = await answer;
  expect(response.status()).toBe(429);
  const retryAfter = Number(response.headers()['retry-after']);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(600);
  expect(((await response.json()) as { retry_after: number }).retry_after).toBe(retryAfter);
}

test('too many passwords for one email: Retry-After, a live countdown, the button back when it ends', async ({
  page,
}) => {
  await page.clock.install();
  await page.goto(LOGIN);
  await floodPassword(page, 'grace@example.com');
  const login = loginOf(page);
  await expect(login.getByRole('alert')).toHaveText(LIMITED);
  const timer = login.getByRole('timer');
  await expect(timer).toHaveText(/^Try again in \d+ s$/);
  await expect(login.getByRole('status')).toHaveText(/^You can try again in \d+ seconds\.$/);
  const submit = login.getByRole('button', { name: 'Sign in' });
  await expect(submit).toBeDisabled();
  const first = Number(/\d+/.exec(await timer.innerText())![0]);
  await page.clock.fastForward(5_000);
  await expect(timer).toHaveText(`Try again in ${first - 5} s`);

  await page.clock.fastForward((first + 1) * 1000);
  await expect(timer).toHaveCount(0);
  await expect(login.getByRole('status')).toHaveText('You can try again now.');
  await expect(submit).toBeEnabled();
  expect(await loginFailures()).toContain('rate_limited');
});

test('a flooded password limit leaves SSO and emailed codes usable for that email', async ({ page, stack }) => {
  await page.goto(LOGIN);
  await floodPassword(page, 'eve@sso.example.com');
  // Even the right password is refused now.
  await signIn(page, 'eve@sso.example.com', DEMO_PASSWORD);
  await expect(loginOf(page).getByRole('alert')).toHaveText(LIMITED);

  // Codes have their own limit.
  const before = await emailCount(stack, 'grace@example.com', 'magic_auth');
  await page.goto(LOGIN);
  await floodPassword(page, 'grace@example.com');
  await page.goto(LOGIN);
  const login = loginOf(page);
  await login.getByLabel('Email').fill('grace@example.com');
  await login.getByRole('button', { name: 'Email me a code' }).click();
  await expect(login.getByRole('heading', { name: 'Check your email' })).toBeFocused();
  await latestCode(stack, 'grace@example.com', 'magic_auth', before);

  // SSO has none: Eve signs in through her organization.
  await page.goto(LOGIN);
  await login.getByRole('button', { name: 'Continue with SSO' }).click();
  await login.getByLabel('Work email').fill('eve@sso.example.com');
  await login.getByLabel('Work email').press('Enter');
  await consentAs(page, 'eve@sso.example.com');
  await page.waitForURL('**/wp-admin/**');
});

test('one flow token takes only so many attempts', async ({ page, stack }) => {
  const before = await emailCount(stack, 'ada@example.com', 'magic_auth');
  await page.goto(LOGIN);
  const login = loginOf(page);
  await login.getByLabel('Email').fill('ada@example.com');
  await login.getByRole('button', { name: 'Email me a code' }).click();
  const code = await latestCode(stack, 'ada@example.com', 'magic_auth', before);
  for (let i = 0; i < 3; i++) {
    await enterCode(page, wrongCode(code));
    await expect(login.getByRole('alert')).toHaveText('That code is wrong or has expired. Check it and try again.');
  }
  const answer = page.waitForResponse('**/auth/magic_code_verify');
  await enterCode(page, code);
  const limited = await answer;
  expect(limited.status()).toBe(429);
  await expect(login.getByRole('alert')).toHaveText(LIMITED);
  await expect(login.getByRole('timer')).toBeVisible();
  await expect(login.getByRole('button', { name: 'Continue' })).toBeDisabled();

  // The used-up flow under another spelling of the same token is no new flow: refused before
  // anything is counted or asked, and the right code signs no one in.
  const { flow } = limited.request().postDataJSON() as { flow: string };
  for (const alias of aliasesOf(flow)) {
    const aliased = await api(page, 'magic_code_verify', { profile: 'limits', flow: alias, code });
    expect(aliased.status, alias).toBe(400);
    expect(aliased.body.code, alias).toBe('rest_invalid_param');
  }
  expect(await loggedIn(page)).toBe(false);
});

test('one address takes only so many requests per route, whatever it claims to forward', async ({ page }) => {
  await page.goto(LOGIN);
  const codes: unknown[] = [];
  for (let i = 0; i < 20; i++) {
    // A different email and a made-up forwarding address each time: only the real IP counts.
    const forged = { 'X-Forwarded-For': `203.0.113.${i}`, 'X-Real-IP': `203.0.113.${i}` };
    const answer = await api(
      page,
      'password',
      { profile: 'limits', email: `flood-${i}@example.com`, password: 'x' },
      forged,
    );
    codes.push(answer.body.code);
  }
  expect(new Set(codes)).toEqual(new Set(['invalid_credentials']));
  const last = await api(
    page,
    'password',
    { profile: 'limits', email: 'flood-last@example.com', password: 'x' },
    { 'X-Forwarded-For': '198.51.100.99' },
  );
  expect(last.status).toBe(429);
  expect(Number(last.retryAfter)).toBeGreaterThan(0);
  expect(last.body).toMatchObject({ type: 'error', code: 'rate_limited', retry_after: Number(last.retryAfter) });
  // Another route has its own budget.
  expect((await api(page, 'reset_request', { profile: 'limits', email: 'grace@example.com' })).status).toBe(200);
});

test('the callback takes only so many visits per address', async ({ page }) => {
  const statuses: number[] = [];
  for (let i = 0; i < 2; i++) {
    statuses.push((await page.goto(`/workos/callback?code=c${i}&state=limits:v1.forged${i}`))!.status());
  }
  expect(statuses).toEqual([400, 400]);
  const limited = await page.goto('/workos/callback?code=c3&state=limits:v1.forged3');
  expect(limited!.status()).toBe(429);
  expect(Number(limited!.headers()['retry-after'])).toBeGreaterThan(0);
  await expect(page.getByRole('alert')).toHaveText(LIMITED);
  await expect(page.getByRole('link', { name: 'Back to sign in' })).toBeVisible();
});
