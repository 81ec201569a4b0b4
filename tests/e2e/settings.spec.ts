/**
 * WorkOS → Settings (includes/settings/): saving through the screen, validation that keeps the
 * previous value of a bad field and loses nothing else, fields fixed by wp-config.php constants
 * (the test stack defines WORKOS_LOGIN_SERVER_URL and WORKOS_LOGIN_SECRET), who may see it, and
 * trusted proxies deciding the address workos_login_client_ip() records.
 */
import type { Page } from '@playwright/test';
import seed from '../../server/workos-fake/seed.json' with { type: 'json' };
import { restAs } from './admin.ts';
import { expect, signInAsAdmin, submitNativeLogin, test } from './fixtures.ts';
import { phpJson, phpJsonOut } from './profiles.ts';

const SCREEN = '/wp-admin/admin.php?page=workos-login-settings';
const ORG = seed.organizations[0].id;

/** The effective values of some settings (workos_login_option()) and whether each is stored. */
function options(stack: Parameters<typeof phpJsonOut>[0], names: string[]): Promise<Record<string, unknown>> {
  return phpJsonOut(
    stack,
    `$out = array();
     foreach ( ${phpJson(names)} as $name ) {
       $out[ $name ] = workos_login_option( $name );
       $out[ $name . ':stored' ] = null !== get_option( 'workos_login_' . $name, null );
     }
     echo wp_json_encode( $out );`,
  );
}

/**
 * Submits the Settings API form and waits for the screen it returns to. Waits for quiet first
 * (SQLite takes one writer at a time; see admin.ts restAs), and for the redirect target's answer
 * rather than the URL: wp-admin strips `settings-updated` from the address bar once loaded.
 */
async function save(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  const back = page.waitForResponse((r) => r.request().method() === 'GET' && r.url().includes('settings-updated=true'));
  await page.getByRole('button', { name: 'Save Changes' }).click();
  expect((await back).status()).toBe(200);
  await page.waitForLoadState('domcontentloaded');
}

test('the administrator saves settings through the screen, and they stick', async ({ page, stack }) => {
  await signInAsAdmin(page, stack);
  await page.locator('#adminmenu').getByRole('link', { name: 'WorkOS' }).click();
  await page.locator('#toplevel_page_workos-login').getByRole('link', { name: 'Settings', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${SCREEN.replace(/[?.]/g, '\\$&')}$`));
  await expect(page.getByRole('heading', { name: 'WorkOS Login Settings' })).toBeVisible();

  await page.getByLabel('Site organization').fill(ORG);
  await page.getByLabel('Entitlement gate').check();
  await page.getByLabel('Denial message').fill('Members only — ask Ada <b>now</b>.');
  await page.getByLabel('Only link existing WordPress users (by verified email)').check();
  await page.getByLabel('Hosted logout').check();
  await page.getByLabel('Record sign-ins, denials, logouts and changes').uncheck();
  await page.getByLabel('Keep audit entries for').fill('30');
  await page.getByLabel('Forward to WorkOS Audit Logs').check();
  await page.getByLabel('Trusted proxies').fill('10.1.2.3/8\n2001:DB8::/32\n192.0.2.10');
  await page.getByLabel('Delete data on uninstall').check();
  await save(page);
  await expect(page.locator('.notice-success')).toContainText('Settings saved.');
  await expect(page.locator('.notice-error')).toHaveCount(0);

  // The screen shows what is stored (canonical forms) after a fresh load.
  await page.goto(SCREEN);
  await expect(page.getByLabel('Site organization')).toHaveValue(ORG);
  await expect(page.getByLabel('Entitlement gate')).toBeChecked();
  await expect(page.getByLabel('Denial message')).toHaveValue('Members only — ask Ada now.');
  await expect(page.getByLabel('Only link existing WordPress users (by verified email)')).toBeChecked();
  await expect(page.getByLabel('Keep audit entries for')).toHaveValue('30');
  await expect(page.getByLabel('Trusted proxies')).toHaveValue('10.0.0.0/8\n2001:db8::/32\n192.0.2.10');

  expect(
    await options(stack, [
      'organization_id',
      'gate_enabled',
      'gate_message',
      'user_creation',
      'hosted_logout',
      'audit_enabled',
      'audit_retention_days',
      'audit_forward',
      'trusted_proxies',
      'delete_data_on_uninstall',
    ]),
  ).toMatchObject({
    organization_id: ORG,
    gate_enabled: true,
    gate_message: 'Members only — ask Ada now.',
    user_creation: 'link_only',
    hosted_logout: true,
    audit_enabled: false,
    audit_retention_days: 30,
    audit_forward: true,
    trusted_proxies: ['10.0.0.0/8', '2001:db8::/32', '192.0.2.10'],
    delete_data_on_uninstall: true,
  });

  // Unchecking and clearing work too (a checkbox sends nothing when unchecked).
  await page.getByLabel('Entitlement gate').uncheck();
  await page.getByLabel('Trusted proxies').fill('');
  await save(page);
  expect(await options(stack, ['gate_enabled', 'trusted_proxies', 'organization_id'])).toMatchObject({
    gate_enabled: false,
    trusted_proxies: [],
    organization_id: ORG,
  });
});

test('an invalid value is reported, keeps its previous value, and loses nothing else', async ({ page, stack }) => {
  await stack.site.php(
    `update_option( 'workos_login_audit_retention_days', 45 ); update_option( 'workos_login_trusted_proxies', array( '10.0.0.1' ) );`,
  );
  await signInAsAdmin(page, stack);
  await page.goto(SCREEN);

  await page.getByLabel('Keep audit entries for').fill('0');
  await page.getByLabel('Trusted proxies').fill('10.0.0.2\nnot-an-ip\n300.1.1.1/8');
  await page.getByLabel('Site organization').fill(ORG);
  await page.getByLabel('Denial message').fill('Ask the office.');
  await save(page);

  const errors = page.locator('.notice-error p');
  await expect(errors).toHaveCount(2);
  await expect(errors.nth(0)).toHaveText(
    'Keep audit entries for: enter a whole number of days from 1 to 3650. The previous value was kept.',
  );
  await expect(errors.nth(1)).toContainText('Trusted proxies: these entries are not IP addresses or CIDR ranges');
  await expect(errors.nth(1)).toContainText('not-an-ip, 300.1.1.1/8');
  await expect(page.locator('.notice-success')).toHaveCount(0);

  // The bad fields show their previous values again; the good ones were saved.
  await expect(page.getByLabel('Keep audit entries for')).toHaveValue('45');
  await expect(page.getByLabel('Trusted proxies')).toHaveValue('10.0.0.1');
  await expect(page.getByLabel('Site organization')).toHaveValue(ORG);
  expect(
    await options(stack, ['audit_retention_days', 'trusted_proxies', 'organization_id', 'gate_message']),
  ).toMatchObject({
    audit_retention_days: 45,
    trusted_proxies: ['10.0.0.1'],
    organization_id: ORG,
    gate_message: 'Ask the office.',
  });

  // A malformed organization id is refused the same way.
  await page.getByLabel('Site organization').fill('acme');
  await save(page);
  await expect(page.locator('.notice-error p')).toHaveText(
    'Site organization: a WorkOS organization ID starts with “org_” followed by letters, digits or underscores. The previous value was kept.',
  );
  await expect(page.getByLabel('Site organization')).toHaveValue(ORG);
});

test('fields set in wp-config.php are read-only, say so, and the secret is never printed', async ({ page, stack }) => {
  // A secret stored in the database too (ignored: the constant wins) must not leak either.
  const stored = 'db-secret-'.padEnd(48, 'x');
  await stack.site.php(
    `remove_all_filters( 'sanitize_option_workos_login_secret' ); update_option( 'workos_login_secret', '${stored}' );`,
  );
  await signInAsAdmin(page, stack);
  const response = await page.goto(SCREEN);
  const source = (await response!.text()) + (await page.content());
  expect(source).not.toContain(stack.secret);
  expect(source).not.toContain(stored);

  const url = page.getByLabel('Login server URL');
  await expect(url).toBeDisabled();
  await expect(url).toHaveValue(stack.serverUrl);
  await expect(url).toHaveAccessibleDescription(/Set by WORKOS_LOGIN_SERVER_URL in wp-config\.php\./);

  const secret = page.getByLabel('Shared secret');
  await expect(secret).toBeDisabled();
  await expect(secret).toHaveAttribute('type', 'password');
  expect(await secret.getAttribute('value')).toBeNull();
  await expect(secret).toHaveAccessibleDescription(
    /Set, 64 characters\..*Set by WORKOS_LOGIN_SECRET in wp-config\.php\./,
  );
  await expect(page.getByLabel('Remove the stored secret')).toHaveCount(0);

  // Editable fields are described too.
  await expect(page.getByLabel('Site organization')).toHaveAccessibleDescription(
    /The WorkOS organization of this site/,
  );

  // Saving the form changes neither the constants' values nor what is stored for them.
  await page.getByLabel('Site organization').fill(ORG);
  await save(page);
  await expect(page.locator('.notice-success')).toContainText('Settings saved.');
  const after = await phpJsonOut<Record<string, unknown>>(
    stack,
    `echo wp_json_encode( array(
      'url' => workos_login_server_url(), 'url_source' => workos_login_option_source( 'server_url' ),
      'url_stored' => get_option( 'workos_login_server_url', null ),
      'secret_ok' => workos_login_secret() === ${JSON.stringify(stack.secret)},
      'stored_secret_kept' => get_option( 'workos_login_secret' ) === '${stored}',
    ) );`,
  );
  expect(after).toEqual({
    url: stack.serverUrl,
    url_source: 'constant',
    url_stored: null,
    secret_ok: true,
    stored_secret_kept: true,
  });
  expect(await page.content()).not.toContain(stack.secret);

  // WordPress's own settings endpoint does not carry them either.
  const api = await restAs(page);
  const core = await api('GET', '/wp-json/wp/v2/settings');
  expect(core.status).toBe(200);
  const ours = await phpJsonOut<string[]>(
    stack,
    `echo wp_json_encode( array_map( fn( $name ) => 'workos_login_' . $name, array_keys( workos_login_settings_definitions() ) ) );`,
  );
  expect(ours).toContain('workos_login_secret');
  expect(Object.keys(core.body).filter((key) => ours.includes(key))).toEqual([]);
});

test('people without manage_options get 403 on the screens and the routes; visitors 401', async ({
  page,
  request,
  stack,
}) => {
  expect((await request.get('/wp-json/workos/v1/admin/roles')).status()).toBe(401);
  expect(
    (await request.post('/wp-json/workos/v1/admin/preview', { data: { email: 'ada@example.com' } })).status(),
  ).toBe(401);

  await stack.site.php(
    `wp_insert_user( array( 'user_login' => 'edna', 'user_pass' => 'Editor-Pass-42', 'user_email' => 'edna@example.com', 'role' => 'editor' ) );`,
  );
  await submitNativeLogin(page, 'edna', 'Editor-Pass-42');
  await page.waitForURL('**/wp-admin/**');
  for (const screen of ['workos-login-settings', 'workos-login-roles']) {
    const response = await page.goto(`/wp-admin/admin.php?page=${screen}`);
    expect(response!.status(), screen).toBe(403);
    await expect(page.locator('body')).not.toContainText('WorkOS Login Settings');
  }
  const api = await restAs(page);
  const roles = await api('GET', '/wp-json/workos/v1/admin/roles');
  expect(roles.status).toBe(403);
  const preview = await api('POST', '/wp-json/workos/v1/admin/preview', { email: 'ada@example.com' });
  expect(preview.status).toBe(403);
  expect(JSON.stringify(preview.body)).not.toContain('user_01');

  // options.php refuses the group as well.
  const form = await page.request.post('/wp-admin/options.php', {
    form: { option_page: 'workos_login_settings', action: 'update', workos_login_gate_enabled: '1' },
  });
  expect(form.status()).toBe(403);
  expect(await phpJsonOut(stack, `echo wp_json_encode( workos_login_option( 'gate_enabled' ) );`)).toBe(false);
});

test('trusted proxies: X-Forwarded-For decides the recorded address only behind a trusted proxy', async ({
  page,
  stack,
}) => {
  await signInAsAdmin(page, stack);
  /** The address workos_login_client_ip() gives for a request with this X-Forwarded-For. */
  const seen = async (forwarded: string): Promise<string> => {
    const html = await (await page.request.get(SCREEN, { headers: { 'X-Forwarded-For': forwarded } })).text();
    const match = /Your address as this site records it: ([0-9a-fA-F:.]+) \(connection from ([0-9a-fA-F:.]+)\)/.exec(
      html,
    );
    expect(match, 'the address note').not.toBeNull();
    return match![1];
  };

  // No trusted proxy: the header is ignored, whatever it says.
  const direct = await seen('203.0.113.7');
  expect(['127.0.0.1', '::1']).toContain(direct);

  // WordPress's own peer (this machine) is the trusted proxy; 10.0.0.0/8 is a trusted hop too.
  await page.goto(SCREEN);
  await page.getByLabel('Trusted proxies').fill('127.0.0.1\n::1\n10.0.0.0/8');
  await save(page);
  await expect(page.locator('.notice-success')).toContainText('Settings saved.');

  expect(await seen('203.0.113.7')).toBe('203.0.113.7');
  // From the right, trusted hops skipped; what the client itself sent further left is not believed.
  expect(await seen('198.51.100.66, 203.0.113.7, 10.20.30.40')).toBe('203.0.113.7');
  expect(await seen('2001:db8::7')).toBe('2001:db8::7');
  // A hop that is not an address stops the walk: the connection's address is recorded.
  expect(await seen('203.0.113.7, garbage')).toBe(direct);
  // Only trusted hops: nothing better than the connection itself.
  expect(await seen('10.1.1.1')).toBe(direct);

  // Someone else's proxy is not trusted: a trusted list that excludes this machine ignores the header.
  await stack.site.php(`update_option( 'workos_login_trusted_proxies', array( '192.0.2.0/24' ) );`);
  expect(await seen('203.0.113.7')).toBe(direct);
});

test('each real change fires workos_login_settings_changed; the secret’s values are hidden', async ({ stack }) => {
  const fired = await phpJsonOut(
    stack,
    `$fired = array();
     add_action( 'workos_login_settings_changed', function ( $name, $old, $new ) use ( &$fired ) { $fired[] = array( $name, $old, $new ); }, 10, 3 );
     update_option( 'workos_login_audit_retention_days', '30' );
     update_option( 'workos_login_audit_retention_days', 30 );   // the same value: no change
     update_option( 'workos_login_audit_retention_days', 'x' );  // invalid: kept, no change
     update_option( 'workos_login_gate_enabled', '1' );
     update_option( 'workos_login_role_map', array( 'member' => 'author' ) );
     update_option( 'workos_login_role_map', array( 'member' => 'author' ) );
     update_option( 'workos_login_server_url', 'http://10.0.0.9:4101' ); // fixed by a constant: never stored
     workos_login_settings_option_updated( 'workos_login_secret', '', 'a-new-secret-that-is-long-enough-0123' );
     workos_login_settings_option_updated( 'workos_login_secret', 'old-secret-value-that-is-long-enough-01', '' );
     echo wp_json_encode( $fired );`,
  );
  expect(fired).toEqual([
    ['audit_retention_days', 90, 30],
    ['gate_enabled', false, true],
    ['role_map', [], { member: 'author' }],
    ['secret', '', '(hidden)'],
    ['secret', '(hidden)', ''],
  ]);
});
