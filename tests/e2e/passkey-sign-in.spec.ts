/**
 * Signing in with a passkey (issue 6): one created after a password sign-in ("Sign in faster next
 * time?"), then used in a fresh browser holding it — with the button and by autofill — and every
 * way it can fail: no passkey for the site, user verification refused, a passkey the site no longer
 * knows (the Signal API removes it from the authenticator), a cloned authenticator (counter
 * regression), a replayed or tampered challenge, and the entitlement gate.
 */
import type { Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures.ts';
import { DEMO_PASSWORD, flipChar, loggedIn, loginOf, tamperNextFlow, useLoginFailedProbe, userId } from './flows.ts';
import { aliasesOf } from './tokens.ts';
import {
  DEMO_ORG,
  PASSKEY_LOGIN,
  TEXT,
  countRequests,
  passkeyAudit,
  passkeysOf,
  registerViaPrompt,
  setOptions,
  usePasskeyProfile,
  withoutAutofill,
} from './passkeys.ts';
import {
  addVirtualAuthenticator,
  base64url,
  freshBrowserWith,
  onlyCredential,
  type VirtualCredential,
} from './webauthn.ts';

const DENIED = 'Members of Demo Organization only.';

const loginFailures = useLoginFailedProbe();

test.beforeEach(async ({ stack }) => usePasskeyProfile(stack));

/** Registers a passkey for `email` in a browser of its own and returns the credential. */
async function passkeyFor(page: Page, email: string): Promise<VirtualCredential> {
  const authenticator = await addVirtualAuthenticator(page);
  await registerViaPrompt(page, email);
  await page.waitForURL('**/wp-admin/**');
  return onlyCredential(authenticator);
}

const passkeyButton = (page: Page) => loginOf(page).getByRole('button', { name: TEXT.signInButton });

test('after a password sign-in, “Sign in faster next time?” creates a passkey; the button signs in with it in a fresh browser', async ({
  page,
  browser,
  stack,
}) => {
  const authenticator = await addVirtualAuthenticator(page);
  const autofill = countRequests(page, 'passkey_options');
  await page.goto(PASSKEY_LOGIN);
  const login = loginOf(page);
  await expect(passkeyButton(page)).toBeVisible();
  await expect(login.getByLabel('Email')).toHaveAttribute('autocomplete', 'username webauthn');
  // Autofill starts in the background (this browser supports it) and holds nothing back: the
  // password still signs in while it waits.
  await expect.poll(autofill).toBeGreaterThan(0);
  await signIn(page, 'grace@example.com', DEMO_PASSWORD);
  await expect(login.getByRole('heading', { name: TEXT.promptHeading })).toBeVisible();
  expect(await loggedIn(page)).toBe(true);
  await login.getByRole('button', { name: TEXT.promptAccept }).click();
  await page.waitForURL('**/wp-admin/profile.php');

  // The authenticator holds a discoverable credential for this site, whose user handle is the
  // WorkOS user id; WordPress stores it for Grace.
  const credential = await onlyCredential(authenticator);
  expect(credential.rpId).toBe('localhost');
  expect(credential.isResidentCredential).toBe(true);
  expect(Buffer.from(credential.userHandle ?? '', 'base64').toString()).toBe(userId('grace@example.com'));
  const [stored, ...more] = await passkeysOf(stack, 'grace@example.com');
  expect(more).toEqual([]);
  expect(stored).toMatchObject({
    credential_id: base64url(credential.credentialId),
    workos_user_id: userId('grace@example.com'),
    last_used_at: null,
  });
  expect(await passkeyAudit(stack)).toContainEqual(
    expect.objectContaining({ event: 'passkey_registered', email: 'grace@example.com' }),
  );

  // A fresh browser (no cookies) whose authenticator holds the passkey, without autofill: the button.
  const fresh = await freshBrowserWith(browser, stack, [credential]);
  await withoutAutofill(fresh.page);
  const options = countRequests(fresh.page, 'passkey_options');
  await fresh.page.goto(PASSKEY_LOGIN);
  await fresh.page.waitForLoadState('networkidle');
  // Never started where the browser lacks support.
  expect(options()).toBe(0);
  await passkeyButton(fresh.page).click();
  // No "Sign in faster" prompt after a passkey sign-in: straight on.
  await fresh.page.waitForURL('**/wp-admin/profile.php');
  await expect(fresh.page.locator('#wp-admin-bar-my-account')).toContainText('Grace');
  await fresh.context.close();

  expect(await passkeyAudit(stack)).toContainEqual(
    expect.objectContaining({ event: 'login', method: 'passkey', email: 'grace@example.com' }),
  );
  const [used] = await passkeysOf(stack, 'grace@example.com');
  expect(used.last_used_at).not.toBeNull();
  expect(Number(used.counter)).toBeGreaterThan(Number(stored.counter));
});

test('autofill: a browser holding the passkey signs in from the email field by itself', async ({
  page,
  browser,
  stack,
}) => {
  const credential = await passkeyFor(page, 'ada@example.com');
  const fresh = await freshBrowserWith(browser, stack, [credential]);
  const verified = fresh.page.waitForResponse((r) => r.url().includes('/workos/v1/auth/passkey_verify'));
  await fresh.page.goto(PASSKEY_LOGIN);
  expect((await verified).status()).toBe(200);
  await fresh.page.waitForURL('**/wp-admin/**');
  await fresh.context.close();
  const logins = (await passkeyAudit(stack)).filter((e) => e.event === 'login');
  expect(logins.map((e) => e.method)).toEqual(['password', 'passkey']);
});

test('no passkey for this site: a clear message, and the password still works', async ({ page, stack }) => {
  await usePasskeyProfile(stack, { passkey_prompt: false });
  await addVirtualAuthenticator(page);
  await withoutAutofill(page);
  await page.goto(PASSKEY_LOGIN);
  await passkeyButton(page).click();
  // The browser answers "not allowed" at once; the visitor reads it in words.
  await expect(loginOf(page).getByRole('alert')).toHaveText(TEXT.errorCancelled);
  expect(await loggedIn(page)).toBe(false);

  await signIn(page, 'grace@example.com', DEMO_PASSWORD);
  await page.waitForURL('**/wp-admin/**');
});

test('user verification refused: a clear message, and WordPress never sees an assertion', async ({
  page,
  browser,
  stack,
}) => {
  const credential = await passkeyFor(page, 'grace@example.com');
  const fresh = await freshBrowserWith(browser, stack, [credential]);
  await fresh.authenticator.setUserVerified(false);
  await withoutAutofill(fresh.page);
  const verify = countRequests(fresh.page, 'passkey_verify');
  await fresh.page.goto(PASSKEY_LOGIN);
  await passkeyButton(fresh.page).click();
  await expect(loginOf(fresh.page).getByRole('alert')).toHaveText(TEXT.errorCancelled);
  expect(verify()).toBe(0);
  expect(await loggedIn(fresh.page)).toBe(false);
  // The other methods stay usable.
  await expect(loginOf(fresh.page).getByLabel('Password')).toBeEnabled();
  await fresh.context.close();
});

test('a passkey the site no longer knows: refused, and the browser is told to forget it', async ({
  page,
  browser,
  stack,
}) => {
  const credential = await passkeyFor(page, 'grace@example.com');
  await stack.site.php(`global $wpdb; $wpdb->query( "DELETE FROM {$wpdb->prefix}workos_login_passkeys" );`);
  const fresh = await freshBrowserWith(browser, stack, [credential]);
  await withoutAutofill(fresh.page);
  await fresh.page.goto(PASSKEY_LOGIN);
  await passkeyButton(fresh.page).click();
  await expect(loginOf(fresh.page).getByRole('alert')).toHaveText(TEXT.errorUnknown);
  expect(await loggedIn(fresh.page)).toBe(false);
  expect(await loginFailures()).toContain('passkey_unknown');
  // signalUnknownCredential: the authenticator drops it.
  await expect.poll(async () => (await fresh.authenticator.credentials()).length).toBe(0);
  await fresh.context.close();
});

test('a cloned authenticator (the counter went backwards) is refused and audited', async ({ page, browser, stack }) => {
  const credential = await passkeyFor(page, 'grace@example.com');
  // The real device signs in once: WordPress records its counter.
  const device = await freshBrowserWith(browser, stack, [credential]);
  await withoutAutofill(device.page);
  await device.page.goto(PASSKEY_LOGIN);
  await passkeyButton(device.page).click();
  await device.page.waitForURL('**/wp-admin/**');
  await device.context.close();
  const [before] = await passkeysOf(stack, 'grace@example.com');
  expect(Number(before.counter)).toBeGreaterThan(0);

  // A copy of the key with its counter back at zero.
  const clone = await freshBrowserWith(browser, stack, [{ ...credential, signCount: 0 }]);
  await withoutAutofill(clone.page);
  await clone.page.goto(PASSKEY_LOGIN);
  await passkeyButton(clone.page).click();
  await expect(loginOf(clone.page).getByRole('alert')).toHaveText(TEXT.errorRefused);
  expect(await loggedIn(clone.page)).toBe(false);
  await clone.context.close();

  expect(await loginFailures()).toContain('passkey_refused');
  const regression = (await passkeyAudit(stack)).find((e) => e.event === 'passkey_counter_regression');
  expect(regression).toBeDefined();
  expect(regression!.detail).not.toContain(base64url(credential.credentialId));
  const [after] = await passkeysOf(stack, 'grace@example.com');
  expect(after.counter).toBe(before.counter);
});

test('a challenge is single-use and sealed: a replayed assertion and a tampered flow are refused', async ({
  page,
  browser,
  stack,
}) => {
  const credential = await passkeyFor(page, 'grace@example.com');

  const tampered = await freshBrowserWith(browser, stack, [credential]);
  await withoutAutofill(tampered.page);
  await tampered.page.goto(PASSKEY_LOGIN);
  await tamperNextFlow(tampered.page, 'passkey_verify', flipChar);
  await passkeyButton(tampered.page).click();
  await expect(loginOf(tampered.page).getByRole('alert')).toHaveText('This sign-in took too long. Start again.');
  expect(await loggedIn(tampered.page)).toBe(false);
  await tampered.context.close();

  const fresh = await freshBrowserWith(browser, stack, [credential]);
  await withoutAutofill(fresh.page);
  await fresh.page.goto(PASSKEY_LOGIN);
  const cookies = await fresh.context.cookies();
  const sent = fresh.page.waitForRequest((r) => r.url().includes('/workos/v1/auth/passkey_verify'));
  await passkeyButton(fresh.page).click();
  const request = await sent;
  const headers = await request.allHeaders();
  await fresh.page.waitForURL('**/wp-admin/**');
  await fresh.context.close();

  // The same request again, from the same (still signed-out) browser state.
  const replay = await browser.newContext({ baseURL: stack.wordpressUrl });
  await replay.addCookies(cookies);
  const answer = await replay.request.post(request.url(), {
    headers: {
      'content-type': 'application/json',
      origin: stack.wordpressUrl,
      'x-workos-nonce': headers['x-workos-nonce'] ?? '',
    },
    data: request.postData() ?? '',
  });
  expect(answer.status()).toBe(400);
  expect((await answer.json()).code).toBe('flow_expired');
  // The captured assertion under another spelling of its challenge's flow: refused, no sign-in.
  const captured = JSON.parse(request.postData() ?? '{}') as { flow: string };
  for (const alias of aliasesOf(captured.flow)) {
    const aliased = await replay.request.post(request.url(), {
      headers: {
        'content-type': 'application/json',
        origin: stack.wordpressUrl,
        'x-workos-nonce': headers['x-workos-nonce'] ?? '',
      },
      data: JSON.stringify({ ...captured, flow: alias }),
    });
    expect(aliased.status(), alias).toBe(400);
    expect((await aliased.json()).code, alias).toBe('rest_invalid_param');
  }
  await replay.close();
  const logins = (await passkeyAudit(stack)).filter((e) => e.event === 'login' && e.method === 'passkey');
  expect(logins).toHaveLength(1);
});

test('the entitlement gate refuses a passkey sign-in of a non-member', async ({ page, browser, stack }) => {
  // Linus (no membership) created his passkey while the gate was off.
  await setOptions(stack, { organization_id: DEMO_ORG, gate_enabled: false });
  const credential = await passkeyFor(page, 'linus@example.com');
  await setOptions(stack, { gate_enabled: true, gate_message: DENIED });

  const fresh = await freshBrowserWith(browser, stack, [credential]);
  await withoutAutofill(fresh.page);
  await fresh.page.goto(PASSKEY_LOGIN);
  await passkeyButton(fresh.page).click();
  await expect(loginOf(fresh.page).getByRole('alert')).toHaveText(DENIED);
  expect(await loggedIn(fresh.page)).toBe(false);
  await fresh.context.close();
  expect(await passkeyAudit(stack)).toContainEqual(
    expect.objectContaining({ event: 'login_denied', method: 'passkey', email: 'linus@example.com' }),
  );
});
