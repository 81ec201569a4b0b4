/**
 * Helpers for the passkey journeys (issue 6): the passkey profile, the visitor's texts, the
 * WordPress table of credentials, settings, and sessions made older than the recent-sign-in window.
 * The authenticator side is in webauthn.ts.
 */
import type { Page } from '@playwright/test';
import { DEFAULT_STRINGS } from '../../protocol/strings.ts';
import { PASSKEY_MANAGE_STRINGS } from '../../protocol/strings/passkeys-manage.ts';
import type { Stack } from '../../scripts/stack.ts';
import { DEMO_PASSWORD, expect, signIn } from './fixtures.ts';
import { loginOf } from './flows.ts';
import { phpJson, phpJsonOut, saveProfiles, type ProfileInput } from './profiles.ts';

export const PASSKEY_LOGIN = '/workos/login/passkeys';
export const DEMO_ORG = 'org_01JWQXWZM0YDMR1T26EPG8S87E';

const S = DEFAULT_STRINGS;

/** What a visitor reads and clicks (the element's catalogue: protocol/strings/). */
export const TEXT = {
  signInButton: S.passkey_sign_in,
  promptHeading: S.passkey_prompt_heading,
  promptAccept: S.passkey_prompt_create,
  promptDismiss: S.passkey_not_now,
  usePasskey: S.passkey_use,
  createPasskey: S.mfa_enroll_passkey,
  mfaHeading: S.mfa_heading,
  enrollHeading: S.mfa_enroll_heading,
  errorCancelled: S.error_passkey_cancelled,
  errorUnknown: S.error_passkey_unknown,
  errorInvalid: S.error_passkey_invalid,
  errorRefused: S.error_passkey_refused,
  errorReauth: S.error_reauth_required,
};

/** What `<workos-passkeys>` shows on the profile screens (not in DEFAULT_STRINGS). */
export const MANAGE = PASSKEY_MANAGE_STRINGS;

/** Saves the `passkeys` profile: password and passkey, plus `more`. */
export const usePasskeyProfile = (stack: Stack, more: Partial<ProfileInput> = {}) =>
  saveProfiles(stack, { slug: 'passkeys', methods: ['password', 'passkey'], ...more });

/** Stores settings as the settings screen would (options `workos_login_<name>`). */
export async function setOptions(stack: Stack, options: Record<string, unknown>): Promise<void> {
  await stack.site.php(
    `foreach ( ${phpJson(options)} as $name => $value ) { update_option( 'workos_login_' . $name, $value ); }`,
  );
}

export interface PasskeyRow {
  credential_id: string;
  user_id: string;
  workos_user_id: string;
  counter: string;
  name: string;
  backed_up: string;
  device_type: string;
  last_used_at: string | null;
  email: string;
}

/** Every stored passkey (with its user's email), oldest first; [] while the table does not exist. */
export function passkeyRows(stack: Stack): Promise<PasskeyRow[]> {
  return phpJsonOut(
    stack,
    `global $wpdb;
    $table = $wpdb->prefix . 'workos_login_passkeys';
    if ( $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $table ) ) !== $table ) { echo '[]'; return; }
    $rows = $wpdb->get_results( "SELECT p.*, u.user_email AS email FROM $table p LEFT JOIN {$wpdb->users} u ON u.ID = p.user_id ORDER BY p.id", ARRAY_A );
    echo wp_json_encode( $rows );`,
  );
}

/** Stored passkeys of the user with this email. */
export const passkeysOf = async (stack: Stack, email: string) =>
  (await passkeyRows(stack)).filter((row) => row.email === email);

/**
 * Makes every session of the user older by `minutes` (its `login` time, which the recent-sign-in
 * rule reads): what a browser signed in that long ago holds.
 */
export async function ageSessions(stack: Stack, email: string, minutes: number): Promise<void> {
  // Sessions are rows of the plugin's table (includes/sessions/), their data JSON.
  await stack.site.php(`
    global $wpdb;
    $user  = get_user_by( 'email', ${phpJson(email)} );
    $table = workos_login_sessions_table();
    foreach ( $wpdb->get_results( $wpdb->prepare( 'SELECT verifier, data FROM %i WHERE user_id = %d', $table, $user->ID ) ) as $row ) {
      $session           = json_decode( $row->data, true );
      $session['login'] -= ${minutes * 60};
      $wpdb->update( $table, array( 'data' => wp_json_encode( $session ) ), array( 'verifier' => $row->verifier ) );
    }
  `);
}

/**
 * A browser without autofill for passkeys (no conditional mediation): the element must not start
 * it, so only the button signs in with a passkey.
 */
export async function withoutAutofill(page: Page): Promise<void> {
  await page.addInitScript(() => {
    if ('PublicKeyCredential' in window) {
      Object.defineProperty(PublicKeyCredential, 'isConditionalMediationAvailable', {
        value: async () => false,
        configurable: true,
      });
    }
  });
}

/** Counts the page's requests to a sign-in route (e.g. `passkey_options`). */
export function countRequests(page: Page, route: string): () => number {
  let count = 0;
  page.on('request', (request) => {
    if (request.url().includes(`/workos/v1/auth/${route}`)) count += 1;
  });
  return () => count;
}

/**
 * Signs in with the password on `path` and accepts "Sign in faster next time?": the page's
 * authenticator then holds a new passkey; resolves once the browser has left the sign-in page.
 */
export async function registerViaPrompt(page: Page, email: string, path = PASSKEY_LOGIN): Promise<void> {
  await page.goto(path);
  await signIn(page, email, DEMO_PASSWORD);
  const login = loginOf(page);
  await expect(login.getByRole('heading', { name: TEXT.promptHeading })).toBeVisible();
  await login.getByRole('button', { name: TEXT.promptAccept }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/workos/login/'));
}

/** The `passkey_*` and `login*` audit rows (event, method, email, detail), oldest first. */
export function passkeyAudit(stack: Stack) {
  return phpJsonOut<Array<{ event: string; method: string; email: string; user_id: string; detail: string }>>(
    stack,
    `global $wpdb;
    workos_login_audit_maybe_upgrade();
    echo wp_json_encode( $wpdb->get_results( $wpdb->prepare( "SELECT event, method, email, user_id, detail FROM %i WHERE event LIKE 'passkey%%' OR event LIKE 'login%%' ORDER BY id", workos_login_audit_table() ), ARRAY_A ) );`,
  );
}
