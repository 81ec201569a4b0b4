/**
 * Hosted AuthKit methods and WorkOS dashboard impersonation (issue 13, item 5), end to end: the
 * fake's AuthKit page says how the visitor signed in (any `authentication_method`, or a WorkOS
 * dashboard impersonation), `/workos/callback` signs in through login completion, and the audit
 * log, the session and the Users screen say what happened. Impersonation is refused unless the
 * setting allows it. A real dashboard impersonation arrives the way WorkOS starts it
 * (`/_fake/impersonate`): a code and no state, exchanged only when the setting allows it, and
 * accepted only as an impersonation — any other code without a state is login CSRF.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { IDENTITY_METHODS } from '../../../protocol/messages.ts';
import type { Stack } from '../../../scripts/stack.ts';
import { AUDIT, auditRows, screenRows, type AuditRow } from '../audit.ts';
import { expect, signInAsAdmin, test } from '../fixtures.ts';
import { consentAs, fakeSessions, loggedIn, userId, wpUser } from '../flows.ts';
import { setOptions } from '../passkeys.ts';
import { phpJson, phpJsonOut, saveProfiles } from '../profiles.ts';

const HOSTED = '/workos/login/hosted';
const GRACE = 'grace@example.com';
const SUPPORT = 'support@workos.example';
const REASON = 'Ticket 42: the dashboard shows no invoices';
const ATTACKER = 'ken@example.com';
const REFUSED =
  'This site does not allow signing in as someone else from the WorkOS dashboard (impersonation). Nobody was signed in.';

test.beforeEach(async ({ stack }) => {
  await saveProfiles(stack, { slug: 'hosted', methods: ['password'], mode: 'authkit_redirect' });
});

/** Goes to AuthKit (the fake's page), says how Grace signed in there, and continues as her. */
async function hostedSignIn(page: Page, fields: Record<string, string>): Promise<number> {
  await page.goto(HOSTED);
  await page.waitForURL((url) => url.pathname.endsWith('/user_management/authorize'));
  for (const [label, value] of Object.entries(fields)) await page.getByLabel(label).fill(value);
  const callback = page.waitForResponse(
    (r) => new URL(r.url()).pathname === '/workos/callback' && r.request().isNavigationRequest(),
  );
  await consentAs(page, GRACE);
  return (await callback).status();
}

const rowsOf = async (stack: Stack, event: string): Promise<AuditRow[]> =>
  (await auditRows(stack)).filter((row) => row.event === event);
const detailOf = (row: AuditRow | undefined) => JSON.parse(row?.detail ?? '{}') as Record<string, unknown>;

test('a hosted sign-in WorkOS names LinkedInOAuth is audited as oauth_linkedin', async ({ page, stack }) => {
  expect(await hostedSignIn(page, { 'Signed in with (authentication_method)': 'LinkedInOAuth' })).toBe(302);
  await page.waitForURL('**/wp-admin/**');
  const [login] = await rowsOf(stack, 'login');
  expect(login).toMatchObject({ email: GRACE, method: 'oauth_linkedin', profile: 'hosted' });
  expect(detailOf(login)).not.toHaveProperty('workos_method');
  expect(detailOf(login)).not.toHaveProperty('impersonator_email');
});

test('a method outside the spec is audited as unknown with WorkOS’s name, and logged', async ({ page, stack }) => {
  expect(await hostedSignIn(page, { 'Signed in with (authentication_method)': 'TelepathyOAuth' })).toBe(302);
  await page.waitForURL('**/wp-admin/**');
  const [login] = await rowsOf(stack, 'login');
  expect(login).toMatchObject({ email: GRACE, method: 'unknown' });
  expect(detailOf(login)).toMatchObject({ workos_method: 'TelepathyOAuth' });
  // The login server said so in its own log (one JSON line, no secret in it).
  const log = readFileSync(stack.replicas[0].logFile!, 'utf8').split('\n').filter(Boolean);
  const line = log.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.authentication_method);
  expect(line).toMatchObject({ level: 'warn', authentication_method: 'TelepathyOAuth' });
});

test('impersonation is refused by default: a clear page, audited, nothing created, WorkOS session ended', async ({
  page,
  stack,
}) => {
  const status = await hostedSignIn(page, {
    'Impersonated by (WorkOS dashboard member)': SUPPORT,
    'Impersonation reason': REASON,
  });
  expect(status).toBe(403);
  await expect(page.getByRole('alert')).toHaveText(REFUSED);
  expect(await loggedIn(page)).toBe(false);
  // Refused before any account is made or linked.
  expect(await wpUser(stack, GRACE)).toBeNull();
  const [denied] = await rowsOf(stack, 'login_denied');
  expect(denied).toMatchObject({ email: GRACE, method: 'impersonation', profile: 'hosted' });
  expect(detailOf(denied)).toMatchObject({
    reason: 'impersonation_refused',
    impersonator_email: SUPPORT,
    impersonator_reason: REASON,
  });
  expect(await rowsOf(stack, 'login')).toEqual([]);
  // The impersonation's WorkOS session was revoked.
  expect((await fakeSessions(stack, userId(GRACE))).at(-1)?.status).toBe('revoked');
});

test('allowed impersonation: audited with the impersonator, a marked one-hour session, on the Users screen', async ({
  page,
  stack,
  browser,
}) => {
  await setOptions(stack, { allow_impersonation: true });
  const status = await hostedSignIn(page, {
    'Impersonated by (WorkOS dashboard member)': SUPPORT,
    'Impersonation reason': REASON,
  });
  expect(status).toBe(302);
  await page.waitForURL('**/wp-admin/**');
  const [login] = await rowsOf(stack, 'login');
  expect(login).toMatchObject({ email: GRACE, method: 'impersonation' });
  expect(detailOf(login)).toMatchObject({ impersonator_email: SUPPORT, impersonator_reason: REASON });

  // The WordPress session says whose it is, and ends within WorkOS's hour.
  const grace = (await wpUser(stack, GRACE))!;
  const sessions = await phpJsonOut<Array<Record<string, unknown>>>(
    stack,
    `echo wp_json_encode( array_values( WP_Session_Tokens::get_instance( ${grace.id} )->get_all() ) );`,
  );
  expect(sessions).toHaveLength(1);
  expect(sessions[0]).toMatchObject({ workos_impersonator: { email: SUPPORT, reason: REASON } });
  expect(Number(sessions[0].expiration) - Number(sessions[0].login)).toBeLessThanOrEqual(3600);

  // An administrator sees it on the Users screen and on the user's own screen.
  const admin = await browser.newPage();
  await signInAsAdmin(admin, stack);
  await admin.goto('/wp-admin/users.php');
  const row = admin.locator('tr', { has: admin.getByText(GRACE, { exact: true }) });
  await expect(row.locator('td.column-workos_login')).toContainText(`Impersonated by ${SUPPORT} on `);
  // The audit screen filters by it, under its name.
  await admin.goto(`${AUDIT}&method=impersonation`);
  await expect(admin.locator('#workos-audit-method option:checked')).toHaveText('WorkOS impersonation (impersonation)');
  const listed = await screenRows(admin);
  expect(listed.every((cells) => cells.includes('impersonation'))).toBe(true);
  expect(listed.some((cells) => cells.includes('login') && cells.some((c) => c.includes(SUPPORT)))).toBe(true);
  await admin.goto(`/wp-admin/user-edit.php?user_id=${grace.id}`);
  await expect(admin.locator('.workos-login-impersonated-session')).toContainText(
    `Session open: Impersonated by ${SUPPORT}`,
  );
  await admin.close();
});

test('the setting is off by default and on the settings screen', async ({ page, stack }) => {
  await signInAsAdmin(page, stack);
  await page.goto('/wp-admin/admin.php?page=workos-login-settings');
  const box = page.getByLabel('Let members of your WorkOS team sign in as a user from the WorkOS dashboard');
  await expect(box).not.toBeChecked();
  await box.check();
  await page.waitForLoadState('networkidle');
  await page.getByRole('button', { name: 'Save Changes' }).click();
  await expect(page.locator('.notice-success')).toContainText('Settings saved.');
  expect(await phpJsonOut<boolean>(stack, `echo wp_json_encode( workos_login_option( 'allow_impersonation' ) );`)).toBe(
    true,
  );
});

test('WordPress knows every method the contract names and refuses malformed method fields', async ({ stack }) => {
  const identity = (change: object) => ({
    type: 'authenticated',
    identity: {
      user: { id: 'user_1', email: GRACE, email_verified: true, first_name: null, last_name: null },
      organization_id: null,
      membership: null,
      session_id: null,
      method: 'impersonation',
      impersonator: { email: SUPPORT, reason: null },
      ...change,
    },
  });
  const good = [{}, { method: 'oauth_xero', impersonator: undefined }, { method: 'unknown', workos_method: 'XOAuth' }];
  const bad = [
    { method: 'linkedin' },
    { method: 'password', workos_method: 'XOAuth' },
    { method: 'unknown', workos_method: 'X OAuth' },
    { impersonator: null },
    { impersonator: { email: SUPPORT } },
    { impersonator: { email: SUPPORT, reason: null, role: 'admin' } },
    { impersonator: { email: SUPPORT, reason: 'x'.repeat(501) } },
    { impersonator: { email: SUPPORT, reason: 'two\nlines' } },
    { impersonator: { email: SUPPORT, reason: '' } },
  ];
  const out = await phpJsonOut<{ methods: string[]; good: boolean[]; bad: boolean[] }>(
    stack,
    `$parsed = static fn( $o ) => null !== workos_login_parse_outcome( wp_json_encode( $o ) );
    echo wp_json_encode( array(
      'methods' => WORKOS_LOGIN_IDENTITY_METHODS,
      'good'    => array_map( $parsed, ${phpJson(good.map(identity))} ),
      'bad'     => array_map( $parsed, ${phpJson(bad.map(identity))} ),
    ) );`,
  );
  expect(out.methods).toEqual([...IDENTITY_METHODS]);
  expect(out.good).toEqual(good.map(() => true));
  out.bad.forEach((accepted, i) => expect(accepted, JSON.stringify(bad[i])).toBe(false));
});

/* ------------------------------------------------------------------ started from WorkOS's dashboard */

const SIGN_IN_REFUSED = 'This account can’t sign in to this site.';

/** WorkOS's dashboard starts an impersonation of `email`: the callback URL it sends the browser to. */
async function dashboardImpersonation(stack: Stack, email: string): Promise<string> {
  const response = await fetch(`${stack.workosUrl}/_fake/impersonate`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      user_id: userId(email),
      impersonator_email: SUPPORT,
      reason: REASON,
      redirect_uri: `${stack.wordpressUrl}/workos/callback`,
    }),
  });
  expect(response.status).toBe(200);
  const { url } = (await response.json()) as { url: string };
  expect(new URL(url).searchParams.has('state')).toBe(false);
  return url;
}

/** On the fake's consent page: approve as `email`, but keep WorkOS's redirect back instead of following it. */
async function consentAndKeep(page: Page, email: string): Promise<URL> {
  let location = '';
  await page.route('**/_fake/authorize', async (route) => {
    location = (await route.fetch({ maxRedirects: 0 })).headers().location ?? '';
    await route.fulfill({ status: 200, contentType: 'text/plain', body: 'kept' });
  });
  await consentAs(page, email);
  await expect(page.getByText('kept')).toBeVisible();
  return new URL(location);
}

/** The statuses of the WorkOS sessions of `email` opened since `before` of them existed. */
const sessionsSince = async (stack: Stack, email: string, before: number) =>
  (await fakeSessions(stack, userId(email))).slice(before).map((session) => session.status);

/** Opens a callback URL in the browser; answers the callback's status. */
async function openCallback(page: Page, url: string): Promise<number> {
  const callback = page.waitForResponse(
    (r) => new URL(r.url()).pathname === '/workos/callback' && r.request().isNavigationRequest(),
  );
  await page.goto(url);
  return (await callback).status();
}

test('a dashboard impersonation (a code, no state) signs in when allowed, audited with the impersonator', async ({
  page,
  stack,
}) => {
  await setOptions(stack, { allow_impersonation: true });
  const before = (await fakeSessions(stack, userId(GRACE))).length;
  expect(await openCallback(page, await dashboardImpersonation(stack, GRACE))).toBe(302);
  await page.waitForURL('**/wp-admin/**');
  expect(await loggedIn(page)).toBe(true);
  const [login] = await rowsOf(stack, 'login');
  expect(login).toMatchObject({ email: GRACE, method: 'impersonation', profile: 'default' });
  expect(detailOf(login)).toMatchObject({ impersonator_email: SUPPORT, impersonator_reason: REASON });
  const grace = (await wpUser(stack, GRACE))!;
  const sessions = await phpJsonOut<Array<Record<string, unknown>>>(
    stack,
    `echo wp_json_encode( array_values( WP_Session_Tokens::get_instance( ${grace.id} )->get_all() ) );`,
  );
  expect(sessions).toEqual([expect.objectContaining({ workos_impersonator: { email: SUPPORT, reason: REASON } })]);
  expect(await sessionsSince(stack, GRACE, before)).toEqual(['active']);
});

test('with impersonation off, a code without state is refused unspent: no exchange, no session, audited', async ({
  page,
  stack,
}) => {
  const url = await dashboardImpersonation(stack, GRACE);
  const before = (await fakeSessions(stack, userId(GRACE))).length;
  expect(await openCallback(page, url)).toBe(400);
  await expect(page.getByRole('alert')).toBeVisible();
  expect(await loggedIn(page)).toBe(false);
  expect(await wpUser(stack, GRACE)).toBeNull();
  // Never sent to WorkOS: no session was opened.
  expect(await sessionsSince(stack, GRACE, before)).toEqual([]);
  const [failed] = await rowsOf(stack, 'login_failed');
  expect(failed).toMatchObject({ profile: 'default' });
  expect(detailOf(failed)).toMatchObject({ code: 'flow_expired', status: 400 });
  expect(await rowsOf(stack, 'login')).toEqual([]);
  // The code is still good: allowed now, the same link signs in.
  await setOptions(stack, { allow_impersonation: true });
  expect(await openCallback(page, url)).toBe(302);
  expect(await loggedIn(page)).toBe(true);
});

test('a code without state that is not an impersonation is refused even when allowed, its WorkOS session revoked', async ({
  page,
  stack,
}) => {
  await setOptions(stack, { allow_impersonation: true });
  // Login CSRF: the attacker opens AuthKit with the site's public client id, no state and no PKCE,
  // signs in as themselves (Ken) and plants the code in the victim's browser.
  const authorize = new URL(`${stack.workosUrl}/user_management/authorize`);
  authorize.search = new URLSearchParams({
    client_id: 'client_fake_workos',
    redirect_uri: `${stack.wordpressUrl}/workos/callback`,
    response_type: 'code',
    provider: 'authkit',
  }).toString();
  const attacker = await page.context().browser()!.newPage();
  await attacker.goto(authorize.href);
  const planted = await consentAndKeep(attacker, ATTACKER);
  await attacker.close();
  expect(planted.searchParams.has('state')).toBe(false);
  const before = (await fakeSessions(stack, userId(ATTACKER))).length;

  expect(await openCallback(page, planted.href)).toBe(403);
  await expect(page.getByRole('alert')).toHaveText(SIGN_IN_REFUSED);
  expect(await loggedIn(page)).toBe(false);
  expect(await wpUser(stack, ATTACKER)).toBeNull();
  expect(await sessionsSince(stack, ATTACKER, before)).toEqual(['revoked']);
  const [failed] = await rowsOf(stack, 'login_failed');
  expect(failed).toMatchObject({ profile: 'default' });
  expect(detailOf(failed)).toMatchObject({ code: 'sign_in_refused', status: 403 });
  expect(await rowsOf(stack, 'login')).toEqual([]);
});

test('the site’s own AuthKit code replayed without its state is refused when allowed, and opens no session', async ({
  page,
  stack,
}) => {
  await setOptions(stack, { allow_impersonation: true });
  const other = await page.context().browser()!.newPage();
  await other.goto(HOSTED);
  const replayed = await consentAndKeep(other, GRACE);
  await other.close();
  const before = (await fakeSessions(stack, userId(GRACE))).length;
  expect(replayed.searchParams.has('state')).toBe(true);
  replayed.searchParams.delete('state');

  expect(await openCallback(page, replayed.href)).toBe(401);
  expect(await loggedIn(page)).toBe(false);
  expect(await wpUser(stack, GRACE)).toBeNull();
  // Its PKCE challenge needs the verifier sealed in the state: WorkOS opened no session.
  expect(await sessionsSince(stack, GRACE, before)).toEqual([]);
  expect(await rowsOf(stack, 'login')).toEqual([]);
});
