/**
 * A site in German (issue 15, item 5): the plugin's own strings reach visitors, mail and wp-admin
 * in the site's language — PHP through languages/workos-login-de_DE.mo (the sign-in element gets
 * its strings from PHP), the React admin screen through the Jed JSON of build/admin/profiles/index.js.
 * WordPress core has no language pack offline and stays English: only the plugin's strings are
 * asserted.
 */
import { expect, signInAsAdmin, test } from './fixtures.ts';
import { createFakeUser, loginOf, mails, resetLink, uniqueEmail } from './flows.ts';
import { saveProfiles } from './profiles.ts';

test.beforeEach(async ({ stack }) => {
  // sanitize_option() keeps WPLANG to the languages installed in wp-content/languages (core's
  // own .mo files, which an offline site lacks): let this one through as the site's language.
  await stack.site.php(`
    add_filter( 'sanitize_option_WPLANG', static fn( $value, $option, $original ) => $original, 10, 3 );
    update_option( 'WPLANG', 'de_DE' );
    echo get_option( 'WPLANG' );
  `);
});

test('the sign-in form and its errors are German', async ({ page }) => {
  await page.goto('/workos/login/default');
  await expect(page).toHaveTitle(/^Anmelden ‹ /);
  const login = loginOf(page);
  await expect(login.getByRole('heading', { name: 'Anmelden' })).toBeVisible();
  await expect(login.getByRole('button', { name: 'Anmelden' })).toBeVisible();

  await login.getByLabel('E-Mail').fill('ada@example.com');
  await login.getByLabel('Passwort').fill('not-the-password');
  await login.getByLabel('Passwort').press('Enter');
  await expect(login.getByRole('alert')).toHaveText(
    'E-Mail-Adresse und Passwort passen nicht zusammen. Prüfen Sie beides und versuchen Sie es erneut.',
  );

  // Checked in the browser before anything is sent: the element's own strings, from PHP too.
  await login.getByLabel('E-Mail').fill('not an address');
  await login.getByLabel('Passwort').press('Enter');
  await expect(login.getByText('Geben Sie eine gültige E-Mail-Adresse ein, etwa name@example.com.')).toBeVisible();
});

test('the password reset email is German', async ({ page, stack }) => {
  await saveProfiles(stack, { slug: 'reset', methods: ['password'], password_reset: true });
  const email = uniqueEmail('vergesslich');
  await createFakeUser(stack, email);

  await page.goto('/workos/login/reset');
  const login = loginOf(page);
  await login.getByRole('button', { name: 'Passwort vergessen?' }).click();
  await expect(login.getByRole('heading', { name: 'Setzen Sie Ihr Passwort zurück' })).toBeVisible();
  await login.getByLabel('E-Mail').fill(email);
  await login.getByLabel('E-Mail').press('Enter');
  await expect(login.getByRole('heading', { name: 'Prüfen Sie Ihre E-Mails' })).toBeVisible();
  await expect(
    login.getByText(`Wenn ${email} hier ein Konto hat, ist ein Link zum Zurücksetzen des Passworts dorthin unterwegs.`),
  ).toBeVisible();

  const link = await resetLink(stack, email);
  const mail = mails(stack, email).at(-1)!;
  expect(mail.subject).toMatch(/^\[.+\] Setzen Sie Ihr Passwort zurück$/);
  expect(mail.message).toContain(`Jemand hat angefordert, das Passwort von ${email} auf `);
  expect(mail.message).toContain('Um ein neues Passwort zu wählen, öffnen Sie diesen Link:');
  expect(mail.message).toContain('Der Link funktioniert bis ');
  expect(mail.message).toContain(
    'Wenn Sie dies nicht angefordert haben, ignorieren Sie diese E-Mail: Ihr Passwort bleibt unverändert.',
  );
  expect(mail.message).toContain(link);
});

test('the Login Profiles screen (React) is German through the script translations', async ({ page, stack }) => {
  await signInAsAdmin(page, stack);
  const response = await page.goto('/wp-admin/admin.php?page=workos-login');
  // WordPress printed the JSON of build/admin/profiles/index.js before the script.
  expect(await response?.text()).toMatch(/"source": ?"build\/admin\/profiles\/index\.js"/);
  const app = page.locator('#wpbody-content');
  // Text the React app renders: wp.i18n only ever sees the JSON, never the .mo.
  await expect(
    app.getByRole('link', { name: 'Profil hinzufügen' }).or(app.getByRole('button', { name: 'Profil hinzufügen' })),
  ).toBeVisible();
  await expect(app.getByRole('columnheader', { name: 'Aktionen' })).toBeVisible();
  await expect(app.getByRole('columnheader', { name: 'Eigener Pfad' })).toBeVisible();
  // The PHP side of the screen (the admin menu) is German as well.
  await expect(page.locator('#adminmenu')).toContainText('Login-Profile');
});

/** What load_script_textdomain() finds for each block editor script, asked inside the site. */
async function blockScriptTranslations(
  stack: { site: { php(code: string): Promise<string> } },
  path: 'registered' | 'plugin',
): Promise<Record<string, string | null>> {
  const out = await stack.site.php(`
    $found = array();
    $probes = array(
      'workos-login-editor-script'        => 'Sign-in form',
      'workos-login-button-editor-script' => 'Label for signed-in visitors',
    );
    foreach ( $probes as $handle => $probe ) {
      $script = wp_scripts()->query( $handle );
      $path   = ${path === 'plugin' ? "plugin_dir_path( WORKOS_LOGIN_FILE ) . 'languages'" : "$script ? $script->translations_path : ''"};
      $json   = $script ? load_script_textdomain( $handle, 'workos-login', $path ) : false;
      $found[ $handle ] = $json ? json_decode( $json, true )['locale_data']['messages'][ $probe ][0] ?? 'not there' : null;
    }
    echo wp_json_encode( $found );
  `);
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as Record<string, string | null>;
}

test('the block editor scripts’ JSON files are named as WordPress looks for them', async ({ stack }) => {
  // core's own lookup (md5 of the script's path in the plugin), given the plugin's languages folder.
  expect(await blockScriptTranslations(stack, 'plugin')).toEqual({
    'workos-login-editor-script': 'Anmeldeformular',
    'workos-login-button-editor-script': 'Beschriftung für angemeldete Besucher',
  });
});

// block.json's "textdomain" alone would have WordPress search only wp-content/languages/plugins/;
// includes/surfaces/blocks.php points the editor scripts at the plugin's languages/ folder.
test('the block editor scripts load their German translations as registered', async ({ stack }) => {
  expect(await blockScriptTranslations(stack, 'registered')).toEqual({
    'workos-login-editor-script': 'Anmeldeformular',
    'workos-login-button-editor-script': 'Beschriftung für angemeldete Besucher',
  });
});
