/**
 * Helpers for the sign-in method and account flow journeys (issue 4): what WorkOS "sent" (the
 * fake's `/_fake/emails` and `/_fake/sms`), what WordPress mailed (the dev mail log), TOTP codes,
 * the fake's consent page, users made straight in the fake, WordPress's record of a user, and a
 * probe counting `wp_login_failed`.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import * as OTPAuth from 'otpauth';
import seed from '../../server/workos-fake/seed.json' with { type: 'json' };
import { FAKE_API_KEY, type Stack } from '../../scripts/stack.ts';
import type { AuthResponse, BrowserRoute } from '../../protocol/messages.ts';
import { DEMO_PASSWORD, expect, test } from './fixtures.ts';
import { phpJson, phpJsonOut } from './profiles.ts';

export { DEMO_PASSWORD };

export const orgId = (name: string) => seed.organizations.find((o) => o.name === name)!.id;
export const userId = (email: string) => seed.users.find((u) => u.email === email)!.id;
export const DEMO_ORG = orgId('Demo Organization');
export const SECOND_ORG = orgId('Second Organization');
export const SSO_ORG = orgId('SSO Organization');
export const IVY_INVITATION = seed.invitations.find((i) => i.email === 'ivy@example.com')!.token;
export const MIA_TOTP = 'JBSWY3DPEHPK3PXP';
export const OLIVIA_TOTP = 'KRSXG5CTMVRXEZLU';
export const OLIVIA_PHONE = '+15555550123';

/** A fresh address per call: the fake keeps its users for the whole run. */
let counter = 0;
export const uniqueEmail = (prefix = 'new') => `${prefix}-${Date.now().toString(36)}-${(counter += 1)}@example.com`;

/** The element on the page. */
export const loginOf = (page: Page): Locator => page.locator('workos-login');

/* ------------------------------------------------------------------ the fake */

export interface FakeEmail {
  kind: 'magic_auth' | 'email_verification' | 'invitation' | 'password_reset';
  to: string;
  code: string | null;
  token: string | null;
  created_at: string;
}

async function fakeGet<T>(stack: Stack, path: string): Promise<T> {
  const response = await fetch(`${stack.workosUrl}${path}`);
  expect(response.ok, `GET ${path}`).toBe(true);
  return ((await response.json()) as { data: T }).data;
}

/** Every email the fake "sent" to `to`, newest first. */
export const fakeEmails = (stack: Stack, to: string) =>
  fakeGet<FakeEmail[]>(stack, `/_fake/emails?to=${encodeURIComponent(to)}`);

/** Expires every code and reset token the fake "sent" to `email` (WorkOS's own expiry, for real). */
export async function expireCodes(stack: Stack, email: string): Promise<void> {
  const response = await fetch(`${stack.workosUrl}/_fake/expire`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email }),
  });
  expect(((await response.json()) as { expired: number }).expired).toBeGreaterThan(0);
}

/** Every SMS code the fake "sent" to `to`, newest first. */
export const fakeSms = (stack: Stack, to: string) =>
  fakeGet<Array<{ to: string; code: string; created_at: string }>>(stack, `/_fake/sms?to=${encodeURIComponent(to)}`);

/** The code of the newest email of `kind` to `to` (waits for it: sending may trail the answer). */
export async function latestCode(stack: Stack, to: string, kind: FakeEmail['kind'], after = 0): Promise<string> {
  let code = '';
  await expect
    .poll(async () => {
      const found = (await fakeEmails(stack, to)).filter((e) => e.kind === kind);
      code = found.length > after ? (found[0].code ?? '') : '';
      return code;
    })
    .toMatch(/^\d{6}$/);
  return code;
}

/** How many emails of `kind` the fake sent to `to`. */
export const emailCount = async (stack: Stack, to: string, kind: FakeEmail['kind']) =>
  (await fakeEmails(stack, to)).filter((e) => e.kind === kind).length;

/** A six-digit code that is not `code`. */
export const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

/** The current TOTP code of a base32 secret (SHA-1, 6 digits, 30 s: what authenticator apps use). */
export function totp(secret: string): string {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 }).generate();
}

/** Creates a user straight in the fake through the WorkOS API (`verified`: no email step). */
export async function createFakeUser(
  stack: Stack,
  email: string,
  { password = DEMO_PASSWORD, verified = true, first = 'Test', last = 'User' } = {},
): Promise<string> {
  const response = await fetch(`${stack.workosUrl}/user_management/users`, {
    method: 'POST',
    headers: { authorization: `Bearer ${FAKE_API_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ email, password, first_name: first, last_name: last, email_verified: verified }),
  });
  expect(response.status, 'create user in the fake').toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** The fake's memberships of a user (through the WorkOS API), active or not. */
export async function fakeMemberships(stack: Stack, workosUserId: string) {
  const response = await fetch(
    `${stack.workosUrl}/user_management/organization_memberships?user_id=${workosUserId}&statuses=active&statuses=pending&statuses=inactive`,
    { headers: { authorization: `Bearer ${FAKE_API_KEY}` } },
  );
  expect(response.ok).toBe(true);
  return (
    (await response.json()) as { data: Array<{ organization_id: string; role: { slug: string }; status: string }> }
  ).data;
}

/** The fake's user with this email, or null. */
export async function fakeUser(stack: Stack, email: string) {
  const response = await fetch(`${stack.workosUrl}/user_management/users?email=${encodeURIComponent(email)}`, {
    headers: { authorization: `Bearer ${FAKE_API_KEY}` },
  });
  expect(response.ok).toBe(true);
  const { data } = (await response.json()) as { data: Array<{ id: string; email_verified: boolean }> };
  return data[0] ?? null;
}

/** Restarts the fake: its state goes back to the seed (spent invitations, enrolled factors). */
export async function resetFake(stack: Stack): Promise<void> {
  await stack.stopWorkOS();
  await stack.startWorkOS();
}

/** On the fake's consent page: approve as the user with this email. */
export async function consentAs(page: Page, email: string): Promise<void> {
  await page.waitForURL((url) => url.pathname.endsWith('/user_management/authorize'));
  await page
    .getByRole('button', { name: new RegExp(`^Continue as .*\\(${email.replace(/[.+]/g, '\\$&')}\\)$`) })
    .click();
}

/** On the fake's consent page: decline. */
export async function denyConsent(page: Page): Promise<void> {
  await page.waitForURL((url) => url.pathname.endsWith('/user_management/authorize'));
  await page.getByRole('button', { name: 'Deny' }).click();
}

/* ------------------------------------------------------------------ WordPress */

export interface WpUser {
  id: number;
  roles: string[];
  workos: string;
  first: string;
  sessions: number;
}

/** WordPress's record of the user with this email, or null. */
export function wpUser(stack: Stack, email: string): Promise<WpUser | null> {
  return phpJsonOut<WpUser | null>(
    stack,
    `$u = get_user_by( 'email', ${JSON.stringify(email)} );
    echo wp_json_encode( $u ? array(
      'id' => $u->ID,
      'roles' => array_values( $u->roles ),
      'workos' => get_user_meta( $u->ID, '_workos_user_id', true ),
      'first' => $u->first_name,
      'sessions' => count( WP_Session_Tokens::get_instance( $u->ID )->get_all() ),
    ) : null );`,
  );
}

/** The fake's own record of a user's sessions (test-only inspection endpoint), oldest first. */
export async function fakeSessions(stack: Stack, workosUserId: string): Promise<Array<{ id: string; status: string }>> {
  const response = await fetch(`${stack.workosUrl}/_fake/sessions?user_id=${encodeURIComponent(workosUserId)}`);
  if (!response.ok) throw new Error(`/_fake/sessions answered ${response.status}`);
  return ((await response.json()) as { data: Array<{ id: string; status: string }> }).data;
}

/** Whether the browser of `page` holds a WordPress login cookie. */
export const loggedIn = async (page: Page) =>
  (await page.context().cookies()).some((c) => c.name.startsWith('wordpress_logged_in'));

/** Audit events (name + method) recorded so far, oldest first. */
export function auditEvents(stack: Stack): Promise<Array<{ event: string; method: string; email: string }>> {
  return phpJsonOut(
    stack,
    `global $wpdb;
    workos_login_audit_maybe_upgrade();
    echo wp_json_encode( $wpdb->get_results( $wpdb->prepare( 'SELECT event, method, email FROM %i ORDER BY id', workos_login_audit_table() ), ARRAY_A ) );`,
  );
}

export interface Mail {
  to: string;
  subject: string;
  message: string;
  time: string;
}

/** What WordPress mailed (the dev runtime's log, kept across resets: filter by recipient). */
export function mails(stack: Stack, to: string): Mail[] {
  const file = join(stack.site.dir, 'logs/mail.jsonl');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Mail)
    .filter((m) => m.to === to);
}

/** The reset link of the newest reset email to `to` (waits for it). */
export async function resetLink(stack: Stack, to: string): Promise<string> {
  let link = '';
  await expect
    .poll(() => {
      const found = mails(stack, to).at(-1);
      link = found?.message.match(/https?:\/\/\S+reset_token=\S+/)?.[0] ?? '';
      return link;
    })
    .not.toBe('');
  return link;
}

/**
 * Records every `wp_login_failed` (error code per call) in the option `e2e_login_failed`, and every
 * completed sign-in's identity (`workos_login_signed_in`) in `e2e_signed_in`, through a must-use
 * plugin; returns the first reader ({@link signedInIdentities} reads the second). The file is
 * removed by {@link removeLoginFailedProbe}.
 */
export function installLoginFailedProbe(stack: Stack): () => Promise<string[]> {
  const dir = join(stack.site.docroot, 'wp-content/mu-plugins');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'e2e-login-failed-probe.php'),
    `<?php add_action( 'wp_login_failed', function ( $username, $error = null ) {
      $log   = get_option( 'e2e_login_failed', array() );
      $log[] = $error instanceof WP_Error ? $error->get_error_code() : 'unknown';
      update_option( 'e2e_login_failed', $log );
    }, 10, 2 );
    add_action( 'workos_login_signed_in', function ( $user, $identity ) {
      $log   = get_option( 'e2e_signed_in', array() );
      $log[] = array(
        'email'           => $identity['user']['email'] ?? '',
        'organization_id' => $identity['organization_id'] ?? null,
        'role'            => $identity['membership']['role'] ?? null,
        'method'          => $identity['method'] ?? '',
      );
      update_option( 'e2e_signed_in', $log );
    }, 10, 2 );\n`,
  );
  return () => phpJsonOut<string[]>(stack, `echo wp_json_encode( get_option( 'e2e_login_failed', array() ) );`);
}

export interface SignedInIdentity {
  email: string;
  organization_id: string | null;
  role: string | null;
  method: string;
}

/** The identities signed in since the reset (needs {@link installLoginFailedProbe}). */
export const signedInIdentities = (stack: Stack) =>
  phpJsonOut<SignedInIdentity[]>(stack, `echo wp_json_encode( get_option( 'e2e_signed_in', array() ) );`);

export function removeLoginFailedProbe(stack: Stack): void {
  rmSync(join(stack.site.docroot, 'wp-content/mu-plugins/e2e-login-failed-probe.php'), { force: true });
}

/**
 * The probe for the calling spec file: installed before its first test, removed after its last.
 * Answers the reader of the `wp_login_failed` codes (usable once the file's tests run).
 */
export function useLoginFailedProbe(): () => Promise<string[]> {
  let read: (() => Promise<string[]>) | undefined;
  test.beforeAll(({ stack }) => {
    read = installLoginFailedProbe(stack);
  });
  test.afterAll(({ stack }) => removeLoginFailedProbe(stack));
  return () => read!();
}

/**
 * Lowers rate limits through the `workos_login_rate_limits` filter: a must-use plugin applies the
 * option `e2e_rate_limits`, which this sets (the site's reset before each test clears it, so a
 * plugin file left behind by a crashed run changes nothing).
 */
export async function setRateLimits(stack: Stack, limits: object): Promise<void> {
  const dir = join(stack.site.docroot, 'wp-content/mu-plugins');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'e2e-rate-limits.php'),
    `<?php add_filter( 'workos_login_rate_limits', function ( $limits ) {
      $lower = get_option( 'e2e_rate_limits' );
      return is_array( $lower ) ? array_replace_recursive( $limits, $lower ) : $limits;
    } );\n`,
  );
  await stack.site.php(`update_option( 'e2e_rate_limits', ${phpJson(limits)} );`);
}

export function removeRateLimits(stack: Stack): void {
  rmSync(join(stack.site.docroot, 'wp-content/mu-plugins/e2e-rate-limits.php'), { force: true });
}

/* ------------------------------------------------------------------ browser routes */

export interface ApiAnswer {
  status: number;
  retryAfter: string | null;
  body: AuthResponse & Record<string, unknown>;
  ms: number;
}

/** Posts a browser route from the page, as the element does (same origin, its nonce). */
export function api(
  page: Page,
  route: BrowserRoute,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<ApiAnswer> {
  return page.evaluate(
    async ([r, b, h]) => {
      const el = document.querySelector('workos-login') as HTMLElement & { nonce: string; apiRoot: string };
      const started = performance.now();
      const res = await fetch(`${el.apiRoot}auth/${r}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { ...h, 'Content-Type': 'application/json', 'X-WorkOS-Nonce': el.nonce },
        body: JSON.stringify({ profile: 'default', ...b }),
      });
      const json = await res.json();
      return {
        status: res.status,
        retryAfter: res.headers.get('Retry-After'),
        body: json,
        ms: performance.now() - started,
      };
    },
    [route, body, headers] as const,
  );
}

/**
 * Rewrites the `flow` of the next request to `route` (a tampered or foreign token), then lets
 * it go on to WordPress.
 */
export async function tamperNextFlow(page: Page, route: BrowserRoute, change: (flow: string) => string): Promise<void> {
  const pattern = `**/wp-json/workos/v1/auth/${route}`;
  await page.route(
    pattern,
    async (r) => {
      const body = r.request().postDataJSON() as Record<string, unknown>;
      await r.continue({
        postData: JSON.stringify({ ...body, flow: change(typeof body.flow === 'string' ? body.flow : '') }),
      });
    },
    { times: 1 },
  );
}

/** Flips one character in the middle of a sealed token. */
export function flipChar(token: string): string {
  const i = Math.floor(token.length / 2);
  return token.slice(0, i) + (token[i] === 'A' ? 'B' : 'A') + token.slice(i + 1);
}

/** Types a code into the element's code field and submits it with Enter. */
export async function enterCode(page: Page, code: string): Promise<void> {
  const field = loginOf(page).getByLabel('6-digit code');
  await field.fill(code);
  await field.press('Enter');
}

/** WCAG 2 A/AA violations axe finds in the page (shadow roots included), as `id: targets`. */
export async function axeViolations(page: Page, context = 'body'): Promise<string[]> {
  await page.addScriptTag({ path: join(import.meta.dirname, '../../node_modules/axe-core/axe.min.js') });
  return page.evaluate(async (selector) => {
    interface Result {
      violations: Array<{ id: string; nodes: Array<{ target: unknown[] }> }>;
    }
    const { axe } = window as unknown as { axe: { run(context: string, options: object): Promise<Result> } };
    const result = await axe.run(selector, { runOnly: ['wcag2a', 'wcag2aa'] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`);
  }, context);
}
