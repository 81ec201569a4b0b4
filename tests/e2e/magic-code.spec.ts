/**
 * Magic code (issue 4, method 1): email → "check your email" (the same for every address) → the
 * emailed 6-digit code → signed in; resend after a cool-down; wrong, replayed and tampered
 * attempts refused; an unknown email signs up only where the profile allows sign-up.
 */
import { expect, test } from './fixtures.ts';
import {
  api,
  auditEvents,
  emailCount,
  enterCode,
  expireCodes,
  fakeUser,
  flipChar,
  latestCode,
  loggedIn,
  loginOf,
  useLoginFailedProbe,
  tamperNextFlow,
  uniqueEmail,
  wpUser,
  wrongCode,
} from './flows.ts';
import { aliasesOf } from './tokens.ts';
import { saveProfiles } from './profiles.ts';

const LOGIN = '/workos/login/codes';
const WRONG = 'That code is wrong or has expired. Check it and try again.';
const EXPIRED = 'This sign-in took too long. Start again.';

const loginFailures = useLoginFailedProbe();

test.beforeEach(async ({ stack }) => {
  await saveProfiles(stack, { slug: 'codes', methods: ['magic_code', 'password'] });
});

/** Asks for a code for `email` from the first screen, by keyboard. */
async function askForCode(page: import('@playwright/test').Page, email: string): Promise<void> {
  const login = loginOf(page);
  await login.getByLabel('Email').fill(email);
  await login.getByRole('button', { name: 'Email me a code' }).focus();
  await page.keyboard.press('Enter');
  await expect(login.getByRole('heading', { name: 'Check your email' })).toBeFocused();
}

test('an emailed code signs an existing user in; a pasted "123 456" works', async ({ page, stack }) => {
  const before = await emailCount(stack, 'grace@example.com', 'magic_auth');
  await page.goto(LOGIN);
  await askForCode(page, 'grace@example.com');
  const login = loginOf(page);
  await expect(
    login.getByText('If grace@example.com can sign in here, a 6-digit code is on its way to it.'),
  ).toBeVisible();
  const field = login.getByLabel('6-digit code');
  await expect(field).toHaveAttribute('autocomplete', 'one-time-code');
  await expect(field).toHaveAttribute('inputmode', 'numeric');

  const code = await latestCode(stack, 'grace@example.com', 'magic_auth', before);
  // Pasted from the email as "123 456" (the clipboard, Ctrl+V).
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.wordpressUrl });
  await page.evaluate((text) => navigator.clipboard.writeText(text), `${code.slice(0, 3)} ${code.slice(3)}`);
  await field.focus();
  await page.keyboard.press('ControlOrMeta+V');
  await expect(field).toHaveValue(code);
  await field.press('Enter');
  await page.waitForURL('**/wp-admin/**');

  const user = await wpUser(stack, 'grace@example.com');
  expect(user?.workos).toMatch(/^user_/);
  expect(user?.sessions).toBe(1);
  expect(await auditEvents(stack)).toContainEqual(expect.objectContaining({ event: 'login', method: 'magic_code' }));
});

test('a wrong code is refused and reported; the right one still works', async ({ page, stack }) => {
  const before = await emailCount(stack, 'ada@example.com', 'magic_auth');
  await page.goto(LOGIN);
  await askForCode(page, 'ada@example.com');
  const code = await latestCode(stack, 'ada@example.com', 'magic_auth', before);
  const login = loginOf(page);

  await enterCode(page, wrongCode(code));
  await expect(login.getByRole('alert')).toHaveText(WRONG);
  await expect(login.getByLabel('6-digit code')).toBeFocused();
  await expect(login.getByLabel('6-digit code')).toHaveValue('');
  expect(await loggedIn(page)).toBe(false);
  expect(await loginFailures()).toContain('invalid_code');

  await enterCode(page, code);
  await page.waitForURL('**/wp-admin/**');
});

test('an expired code is refused like a wrong one, and a new code signs in', async ({ page, stack }) => {
  const before = await emailCount(stack, 'grace@example.com', 'magic_auth');
  await page.goto(LOGIN);
  await askForCode(page, 'grace@example.com');
  const code = await latestCode(stack, 'grace@example.com', 'magic_auth', before);
  await expireCodes(stack, 'grace@example.com');
  const login = loginOf(page);

  await enterCode(page, code);
  await expect(login.getByRole('alert')).toHaveText(WRONG);
  expect(await loggedIn(page)).toBe(false);
  expect(await loginFailures()).toContain('invalid_code');

  await page.goto(LOGIN);
  await askForCode(page, 'grace@example.com');
  await enterCode(page, await latestCode(stack, 'grace@example.com', 'magic_auth', before + 1));
  await page.waitForURL('**/wp-admin/**');
});

test('a code is used once: replaying the request, or the old code in a new flow, signs no one in', async ({
  page,
  browser,
  stack,
}) => {
  const before = await emailCount(stack, 'ada@example.com', 'magic_auth');
  await page.goto(LOGIN);
  await askForCode(page, 'ada@example.com');
  const code = await latestCode(stack, 'ada@example.com', 'magic_auth', before);
  const verify = page.waitForRequest('**/auth/magic_code_verify');
  await enterCode(page, code);
  const replay = (await verify).postDataJSON() as Record<string, unknown>;
  await page.waitForURL('**/wp-admin/**');

  // Another browser replays the very request: the flow is spent.
  const other = await browser.newContext({ baseURL: stack.wordpressUrl });
  const attacker = await other.newPage();
  await attacker.goto(LOGIN);
  const replayed = await api(attacker, 'magic_code_verify', replay);
  expect(replayed.status).toBe(400);
  expect(replayed.body).toMatchObject({ type: 'error', code: 'flow_expired' });
  // …and under another spelling of the same token it is no new flow either.
  for (const alias of aliasesOf(String(replay.flow))) {
    const aliased = await api(attacker, 'magic_code_verify', { ...replay, flow: alias });
    expect(aliased.status, alias).toBe(400);
    expect(aliased.body.code, alias).toBe('rest_invalid_param');
  }
  expect(await loggedIn(attacker)).toBe(false);

  // A new flow for the same email, with the spent code.
  await askForCode(attacker, 'ada@example.com');
  await enterCode(attacker, code);
  await expect(loginOf(attacker).getByRole('alert')).toHaveText(WRONG);
  expect(await loggedIn(attacker)).toBe(false);
  await other.close();
});

test('a tampered (or expired) flow asks to start again and signs no one in', async ({ page, stack }) => {
  const before = await emailCount(stack, 'grace@example.com', 'magic_auth');
  await page.goto(LOGIN);
  await askForCode(page, 'grace@example.com');
  const code = await latestCode(stack, 'grace@example.com', 'magic_auth', before);
  await tamperNextFlow(page, 'magic_code_verify', flipChar);
  await enterCode(page, code);
  const login = loginOf(page);
  await expect(login.getByRole('alert')).toHaveText(EXPIRED);
  // Back on the first screen.
  await expect(login.getByRole('button', { name: 'Email me a code' })).toBeVisible();
  expect(await loggedIn(page)).toBe(false);
  expect(await loginFailures()).toContain('flow_expired');
});

test('resend waits for its cool-down, then sends a new code that works', async ({ page, stack }) => {
  await page.clock.install();
  const before = await emailCount(stack, 'grace@example.com', 'magic_auth');
  await page.goto(LOGIN);
  await askForCode(page, 'grace@example.com');
  await latestCode(stack, 'grace@example.com', 'magic_auth', before);
  const login = loginOf(page);
  const waiting = login.getByRole('button', { name: /^Resend code in \d+ s$/ });
  await expect(waiting).toBeDisabled();

  await page.clock.fastForward(31_000);
  const resend = login.getByRole('button', { name: 'Resend code' });
  await expect(resend).toBeEnabled();
  await resend.click();
  await expect(login.getByRole('status')).toHaveText('A new code is on its way.');
  await expect(login.getByRole('button', { name: /^Resend code in \d+ s$/ })).toBeDisabled();
  const code = await latestCode(stack, 'grace@example.com', 'magic_auth', before + 1);
  await enterCode(page, code);
  await page.waitForURL('**/wp-admin/**');
});

test('an unknown email gets the same screen but no code while sign-up is off', async ({ page, stack }) => {
  const email = uniqueEmail('nobody');
  await page.goto(LOGIN);
  await askForCode(page, email);
  await expect(
    loginOf(page).getByText(`If ${email} can sign in here, a 6-digit code is on its way to it.`),
  ).toBeVisible();
  // The login server asks WorkOS for a code before it answers: the answer is the state to wait for.
  expect(await emailCount(stack, email, 'magic_auth')).toBe(0);
  await enterCode(page, '123456');
  await expect(loginOf(page).getByRole('alert')).toHaveText(WRONG);
  expect(await wpUser(stack, email)).toBeNull();
  expect(await fakeUser(stack, email)).toBeNull();
});

test('an invitation-only profile sends no code to an unknown email', async ({ page, stack }) => {
  await saveProfiles(stack, {
    slug: 'codes',
    methods: ['magic_code'],
    signup: { enabled: true, require_invitation: true },
  });
  const email = uniqueEmail('uninvited');
  await page.goto(LOGIN);
  await askForCode(page, email);
  expect(await emailCount(stack, email, 'magic_auth')).toBe(0);
});

test('an unknown email signs up by code where the profile allows sign-up', async ({ page, stack }) => {
  await saveProfiles(stack, {
    slug: 'codes',
    methods: ['magic_code'],
    signup: { enabled: true, require_invitation: false },
  });
  const email = uniqueEmail('coder');
  await page.goto(LOGIN);
  const login = loginOf(page);
  await login.getByLabel('Email').fill(email);
  await login.getByLabel('Email').press('Enter');
  await expect(login.getByRole('heading', { name: 'Check your email' })).toBeFocused();
  await enterCode(page, await latestCode(stack, email, 'magic_auth'));
  await page.waitForURL('**/wp-admin/**');
  expect((await fakeUser(stack, email))?.email_verified).toBe(true);
  expect((await wpUser(stack, email))?.workos).toMatch(/^user_/);
});

test('the method is refused where the profile does not offer it', async ({ page }) => {
  await page.goto('/workos/login/default');
  const answer = await api(page, 'magic_code_send', { email: 'grace@example.com' });
  expect(answer.status).toBe(403);
  expect(answer.body).toMatchObject({ type: 'error', code: 'method_disabled' });
});
