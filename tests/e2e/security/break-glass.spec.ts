/**
 * Emergency access (issue 13, item 8; ARCHITECTURE rule 10): no public switch opens WordPress's
 * own password form; a break-glass link — signed, single-use, short-lived, bound to one user —
 * does, for that user only. Issued on WorkOS → Emergency access, with WP-CLI, or from wp-config.php;
 * every issue and use is audited, never with the token.
 *
 * Runs on a second site without WORKOS_LOGIN_ALLOW_NATIVE_LOGIN (break-glass-site.ts). How the
 * password policy tells these paths apart is password-paths.spec.ts's last case.
 */
import type { Page } from '@playwright/test';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '../fixtures.ts';
import {
  ARG,
  BG_ADMIN,
  emergencyRows,
  signedIn,
  startBreakGlassSite,
  tokenOf,
  useLink,
  type BreakGlassSite,
} from './break-glass-site.ts';

let bg: BreakGlassSite;

test.beforeAll(async ({ stack }) => {
  test.setTimeout(180_000);
  bg = await startBreakGlassSite(stack);
});
test.afterAll(async () => {
  await bg?.server.stop();
});
test.beforeEach(async () => {
  await bg.site.reset();
});

const login = (query: string) => bg.url(`/wp-login.php?${query}`);
const linkTo = (token: string) => login(`${ARG}=${encodeURIComponent(token)}`);

/** Signs the site's administrator in with a link issued in PHP. */
async function signInAsAdmin(page: Page): Promise<void> {
  await useLink(page, await bg.issue(BG_ADMIN.username), BG_ADMIN.password);
  await page.waitForURL('**/wp-admin/**');
}

test('without the constant, ?workos-native=1 offers no password form, even with the old option on', async ({
  page,
}) => {
  // The old Settings → General switch, as a site upgraded from 0.2 may still hold it.
  await bg.site.php(`update_option( 'workos_login_allow_native_login', '1' );`);
  await page.goto(login('workos-native=1'));
  await expect(page.locator('workos-login')).toHaveCount(1);
  await expect(page.locator('#loginform')).toHaveCount(0);
  const post = await page.request.post(login('workos-native=1'), {
    form: { log: BG_ADMIN.username, pwd: BG_ADMIN.password, 'workos-native': '1' },
    maxRedirects: 0,
  });
  expect(post.status()).toBe(403);
  expect(await signedIn(page)).toBe(false);
});

test('the old option is retired on upgrade: deleted, audited, gone from REST and Settings, a notice until dismissed', async ({
  page,
}) => {
  // A site upgraded from 0.2 with the switch on: the retirement has not run yet.
  await bg.site.php(`
    update_option( 'workos_login_allow_native_login', '1' );
    delete_option( 'workos_login_emergency_state' );`);
  await signInAsAdmin(page);
  expect(await bg.json(`echo wp_json_encode( get_option( 'workos_login_allow_native_login', 'gone' ) );`)).toBe('gone');
  const retired = (await emergencyRows(bg)).filter((row) => row.event === 'settings_changed');
  expect(retired.map((row) => JSON.parse(row.detail).setting)).toEqual(['allow_native_login']);

  const nonce = (await (await page.request.get(bg.url('/wp-admin/admin-ajax.php?action=rest-nonce'))).text()).trim();
  const settings = await page.request.get(bg.url('/wp-json/wp/v2/settings'), { headers: { 'X-WP-Nonce': nonce } });
  expect(settings.status()).toBe(200);
  const body = (await settings.json()) as Record<string, unknown>;
  expect(body).toHaveProperty('title');
  expect(body).not.toHaveProperty('workos_login_allow_native_login');
  await page.goto(bg.url('/wp-admin/options-general.php'));
  await expect(page.locator('[name="workos_login_allow_native_login"]')).toHaveCount(0);

  const notice = page.locator('.workos-login-emergency-retired');
  await expect(notice).toContainText('For emergencies, issue a break-glass link instead');
  await notice.getByRole('link', { name: 'Dismiss' }).click();
  await page.goto(bg.url('/wp-admin/'));
  await expect(page.locator('#wpbody')).toBeVisible();
  await expect(page.locator('.workos-login-emergency-retired')).toHaveCount(0);
});

test('a link issued on the screen opens the form for its user only and signs them in', async ({ page, browser }) => {
  const password = await bg.addUser('editor1', 'editor');
  await signInAsAdmin(page);
  await page.goto(bg.url('/wp-admin/admin.php?page=workos-login-emergency'));
  await page.getByLabel('User (username or email)').fill('editor1');
  await page.getByLabel('Valid for').fill('10');
  await page.getByRole('button', { name: 'Issue link' }).click();
  const issued = page.locator('.workos-login-break-glass-issued');
  await expect(issued).toContainText('Break-glass link for editor1');
  const url = await page.locator('#workos-break-glass-link').inputValue();
  expect(url.startsWith(login(`${ARG}=bg1.`))).toBe(true);

  const visitor = await browser.newPage();
  try {
    await visitor.goto(url);
    await expect(visitor.locator('#user_login')).toHaveValue('editor1');
    await expect(visitor.locator('#user_login')).toHaveJSProperty('readOnly', true);
    await expect(visitor.locator('.workos-break-glass-message')).toContainText('Emergency sign-in for editor1 only');
    await expect(visitor.locator('#rememberme')).toBeHidden();
    await useLink(visitor, url, password);
    await visitor.waitForURL('**/wp-admin/**');
    expect(await signedIn(visitor)).toBe(true);
    await expect(visitor.locator('#wp-admin-bar-my-account')).toContainText('editor1');
  } finally {
    await visitor.close();
  }
  // The screen lists it as issued, from the audit log.
  await page.goto(bg.url('/wp-admin/admin.php?page=workos-login-emergency'));
  await expect(page.locator('.workos-login-emergency-recent')).toContainText('action: signed_in');
  await expect(page.locator('.workos-login-emergency-recent')).toContainText('path: screen; issuer: admin');
});

test('a link signs in an administrator whose role needs a second factor (the emergency it is for)', async ({
  page,
}) => {
  await bg.site.php(`update_option( 'workos_login_passkey_step_up_roles', array( 'administrator' ) );`);
  // WordPress's own form refuses a step-up role: the link is the way in.
  await signInAsAdmin(page);
  expect(await signedIn(page)).toBe(true);
});

test('a link works once: a second use is refused with no form', async ({ page, browser }) => {
  const password = await bg.addUser('editor1', 'editor');
  const url = await bg.issue('editor1');
  await useLink(page, url, password);
  await page.waitForURL('**/wp-admin/**');

  const again = await browser.newPage();
  try {
    const response = await again.goto(url);
    expect(response?.status()).toBe(410);
    await expect(again.getByText('This emergency sign-in link has already been used.')).toBeVisible();
    await expect(again.locator('#loginform')).toHaveCount(0);
    const post = await again.request.post(login(''), {
      form: { log: 'editor1', pwd: password, [ARG]: tokenOf(url) },
      maxRedirects: 0,
    });
    expect(post.status()).toBe(410);
    expect(await signedIn(again)).toBe(false);
  } finally {
    await again.close();
  }
});

test('a link refuses any other username, even with that user’s right password', async ({ page }) => {
  await bg.addUser('editor1', 'editor');
  const url = await bg.issue('editor1');
  for (const log of [BG_ADMIN.username, 'editor1@example.org', 'Editor1']) {
    const post = await page.request.post(login(''), {
      form: { log, pwd: BG_ADMIN.password, [ARG]: tokenOf(url) },
      maxRedirects: 0,
    });
    expect(post.status(), log).toBe(403);
    expect(await post.text(), log).toContain('This emergency sign-in link is for another account.');
  }
  expect(await signedIn(page)).toBe(false);
});

test('tampered and non-canonical links are refused with no form, and do not spend the link', async ({ page }) => {
  const password = await bg.addUser('editor1', 'editor');
  const url = await bg.issue('editor1');
  const token = tokenOf(url);
  const [version, id, user, expires, issuer, via, mac] = token.split('.') as [string, ...string[]];
  const flip = (hex: string) => (hex.startsWith('a') ? 'b' : 'a') + hex.slice(1);
  const variants: Record<string, string> = {
    'another signature': [version, id, user, expires, issuer, via, flip(mac)].join('.'),
    'another user': [version, id, '1', expires, issuer, via, mac].join('.'),
    'a later expiry': [version, id, user, String(Number(expires) + 60), issuer, via, mac].join('.'),
    'another path': [version, id, user, expires, issuer, via === 'cli' ? 'screen' : 'cli', mac].join('.'),
    'another version': ['bg2', id, user, expires, issuer, via, mac].join('.'),
    'uppercase hex': [version, id.toUpperCase(), user, expires, issuer, via, mac.toUpperCase()].join('.'),
    'a leading zero': [version, id, `0${user}`, expires, issuer, via, mac].join('.'),
    'a plus sign': [version, id, `+${user}`, expires, issuer, via, mac].join('.'),
    'a trailing character': `${token}~`,
    'a trailing newline': `${token}\n`,
    'a trailing dot': `${token}.`,
    'leading space': ` ${token}`,
    'cut short': token.slice(0, -1),
    empty: '',
  };
  for (const [what, variant] of Object.entries(variants)) {
    const response = await page.request.get(linkTo(variant), { maxRedirects: 0 });
    expect(response.status(), what).toBe(403);
    const html = await response.text();
    expect(html, what).toContain('This emergency sign-in link is not valid.');
    expect(html, what).not.toContain('id="loginform"');
  }
  const array = await page.request.get(login(`${ARG}[]=${encodeURIComponent(token)}`), { maxRedirects: 0 });
  expect(array.status()).toBe(403);
  // The genuine link still works: none of the above was taken for it.
  await useLink(page, url, password);
  await page.waitForURL('**/wp-admin/**');
});

test('an expired link, or one signed to last longer than an hour, is refused', async ({ page }) => {
  await bg.addUser('editor1', 'editor');
  const mint = (offset: number) =>
    bg.json<string>(`
      echo wp_json_encode( workos_login_break_glass_encode( array( 'id' => bin2hex( random_bytes( 16 ) ), 'user_id' => get_user_by( 'login', 'editor1' )->ID, 'expires' => time() + ${offset}, 'issuer_id' => 0, 'via' => 'cli' ) ) );`);
  const expired = await page.request.get(linkTo(await mint(-1)), { maxRedirects: 0 });
  expect(expired.status()).toBe(410);
  expect(await expired.text()).toContain('This emergency sign-in link has expired.');
  const tooLong = await page.request.get(linkTo(await mint(2 * 3600)), { maxRedirects: 0 });
  expect(tooLong.status()).toBe(403);
  // The same minting, within the hour, is a working link (the refusals above are about time).
  const fresh = await page.request.get(linkTo(await mint(600)), { maxRedirects: 0 });
  expect(fresh.status()).toBe(200);
  expect(await fresh.text()).toContain('id="loginform"');
  // Issuing refuses more than an hour, and less than a minute.
  expect(await bg.issue('editor1', 61)).toBe('A link lasts from 1 to 60 minutes.');
  expect(await bg.issue('editor1', 0)).toBe('A link lasts from 1 to 60 minutes.');
});

test('five wrong passwords end a link, the right one included after', async ({ page }) => {
  const password = await bg.addUser('editor1', 'editor');
  const url = await bg.issue('editor1');
  const attempt = (pwd: string) =>
    page.request.post(login(''), { form: { log: 'editor1', pwd, [ARG]: tokenOf(url) }, maxRedirects: 0 });
  for (let i = 1; i <= 5; i += 1) {
    const wrong = await attempt(`wrong-${i}`);
    expect(wrong.status(), `attempt ${i}`).toBe(200);
    const html = await wrong.text();
    expect(html, `attempt ${i}`).toContain('id="login_error"');
    expect(html, `attempt ${i}`).toContain(`${5 - i} password attempt`);
  }
  const right = await attempt(password);
  expect(right.status()).toBe(410);
  expect(await right.text()).toContain('too many wrong passwords');
  expect(await signedIn(page)).toBe(false);
  const opened = await page.request.get(url, { maxRedirects: 0 });
  expect(opened.status()).toBe(410);
  const rows = (await emergencyRows(bg)).map((row) => JSON.parse(row.detail) as Record<string, string>);
  expect(rows.filter((d) => d.action === 'wrong_password')).toHaveLength(5);
  expect(rows.filter((d) => d.action === 'refused').map((d) => d.reason)).toEqual(['locked']);
});

test('in parallel, a link takes exactly five attempts and signs in exactly once', async ({ playwright }) => {
  const password = await bg.addUser('editor1', 'editor');
  const burst = async (url: string, passwords: string[]) => {
    const api = await playwright.request.newContext();
    try {
      return await Promise.all(
        passwords.map(async (pwd) => {
          const answer = await api.post(login(''), {
            form: { log: 'editor1', pwd, [ARG]: tokenOf(url) },
            maxRedirects: 0,
          });
          return `${answer.status()}${(answer.headers()['set-cookie'] ?? '').includes('wordpress_logged_in') ? '+cookie' : ''}`;
        }),
      );
    } finally {
      await api.dispose();
    }
  };
  // Every PHP worker at once: only the atomic counter decides, not the read before it.
  const wrong = await burst(
    await bg.issue('editor1'),
    Array.from({ length: 10 }, (_, i) => `wrong-${i}`),
  );
  expect(wrong.filter((s) => s === '200')).toHaveLength(5);
  expect(wrong.filter((s) => s === '410')).toHaveLength(5);
  const right = await burst(
    await bg.issue('editor1'),
    Array.from({ length: 4 }, () => password),
  );
  expect(right.filter((s) => s === '302+cookie')).toHaveLength(1);
  expect(right.filter((s) => s === '410')).toHaveLength(3);
});

test('wp-config.php: WORKOS_LOGIN_BREAK_GLASS opens the form once, within 24 hours only, and is announced', async ({
  page,
  browser,
}) => {
  const password = await bg.addUser('editor1', 'editor');
  const secret = 'Owner-chosen_secret-of-more-than-32-chars';
  const at = (hours: number) => `${new Date(Date.now() + hours * 3600_000).toISOString().slice(0, 16)}Z`;
  // A constant like wp-config.php's: a mu-plugin defines it before the plugin loads.
  const file = join(bg.site.docroot, 'wp-content/mu-plugins/e2e-break-glass-constant.php');
  const define = (value: string) => writeFile(file, `<?php define( 'WORKOS_LOGIN_BREAK_GLASS', '${value}' );`);
  try {
    for (const [what, value] of [
      ['more than 24 hours ahead', `editor1|${at(25)}|${secret}`],
      ['past', `editor1|${at(-1)}|${secret}`],
      ['an unknown user', `nobody|${at(1)}|${secret}`],
      ['a short secret', `editor1|${at(1)}|short-secret`],
    ] as const) {
      await define(value);
      const refused = await page.request.get(linkTo(value.split('|')[2]), { maxRedirects: 0 });
      expect(refused.status(), what).toBe(403);
      expect(await refused.text(), what).not.toContain('id="loginform"');
    }

    await define(`editor1|${at(2)}|${secret}`);
    const wrongSecret = await page.request.get(linkTo(`${secret}x`), { maxRedirects: 0 });
    expect(wrongSecret.status()).toBe(403);
    const visitor = await browser.newPage();
    try {
      await visitor.goto(linkTo(secret));
      await expect(visitor.locator('#user_login')).toHaveValue('editor1');
      await useLink(visitor, linkTo(secret), password);
      await visitor.waitForURL('**/wp-admin/**');
    } finally {
      await visitor.close();
    }
    const again = await page.request.get(linkTo(secret), { maxRedirects: 0 });
    expect(again.status()).toBe(410);

    await signInAsAdmin(page);
    await expect(page.locator('.workos-login-emergency-config')).toContainText(
      'WORKOS_LOGIN_BREAK_GLASS is defined in wp-config.php: its link signs editor1 in once',
    );
    const health = await bg.json<{ status: string }>(
      `echo wp_json_encode( workos_login_run_health_test( 'break_glass_constant' ) );`,
    );
    expect(health.status).toBe('recommended');
    const details = (await emergencyRows(bg)).map((row) => JSON.parse(row.detail) as Record<string, string>);
    const fromConfig = details.filter((d) => d.path === 'wp-config');
    expect(fromConfig.map((d) => [d.action, d.reason ?? ''])).toEqual([
      ['refused', 'config'], // more than 24 hours ahead
      ['refused', 'config'], // past
      ['issued', ''], // first seen working
      ['signed_in', ''],
      ['refused', 'spent'],
    ]);
    expect(JSON.stringify(details)).not.toContain(secret);
  } finally {
    await rm(file, { force: true });
  }
});

test('every issue and use is audited with its user, issuer, path and expiry — never the token', async ({ page }) => {
  const password = await bg.addUser('editor1', 'editor');
  // WP-CLI's command, run with a stand-in for WP_CLI (no wp-cli binary here).
  const cli = await bg.json<{ lines: string[]; errors: string[] }>(`
    class WP_CLI {
      public static $out = array( 'lines' => array(), 'errors' => array() );
      public static function line( $m ) { self::$out['lines'][] = $m; }
      public static function success( $m ) { self::$out['lines'][] = $m; }
      public static function error( $m ) { self::$out['errors'][] = $m; }
    }
    workos_login_break_glass_cli( array( 'editor1' ), array( 'ttl' => '20' ) );
    workos_login_break_glass_cli( array( 'editor1' ), array( 'ttl' => '61' ) );
    workos_login_break_glass_cli( array( 'editor1' ), array( 'ttl' => '1e1' ) );
    workos_login_break_glass_cli( array( 'nobody' ), array() );
    echo wp_json_encode( WP_CLI::$out );`);
  expect(cli.errors).toEqual([
    'A link lasts from 1 to 60 minutes.',
    'A link lasts from 1 to 60 minutes.',
    'No user has that username, email address or ID.',
  ]);
  const url = cli.lines[0];
  expect(cli.lines[1]).toContain('Single-use link for editor1');

  const wrong = await page.request.post(login(''), {
    form: { log: 'editor1', pwd: 'wrong', [ARG]: tokenOf(url) },
    maxRedirects: 0,
  });
  expect(wrong.status()).toBe(200);
  await useLink(page, url, password);
  await page.waitForURL('**/wp-admin/**');
  await page.request.get(url, { maxRedirects: 0 });
  await page.request.get(url, { maxRedirects: 0 }); // The same refusal again: recorded once.
  await page.request.get(linkTo('bg1.forged'), { maxRedirects: 0 });

  const editor = await bg.json<number>(`echo get_user_by( 'login', 'editor1' )->ID;`);
  const rows = (await emergencyRows(bg)).filter((row) => row.method === 'break_glass');
  const details = rows.map((row) => JSON.parse(row.detail) as Record<string, string | number>);
  expect(details.map((d) => [d.action, d.reason ?? ''])).toEqual([
    ['issued', ''],
    ['wrong_password', 'incorrect_password'],
    ['signed_in', ''],
    ['refused', 'spent'],
    ['refused', 'invalid'],
  ]);
  const id = tokenOf(url).split('.')[1];
  for (const [i, detail] of details.slice(0, 4).entries()) {
    expect(Number(rows[i].user_id)).toBe(editor);
    expect(detail).toMatchObject({ link: id, path: 'cli', issuer_id: 0 });
    expect(String(detail.expires)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  }
  expect(JSON.stringify(rows)).not.toContain(tokenOf(url).split('.')[6]);
});
