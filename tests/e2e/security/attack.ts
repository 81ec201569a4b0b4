/**
 * Helpers of the attack suite (tests/e2e/security/): visitors as bare HTTP clients (no browser),
 * sessions minted for a WordPress user, a counter of the requests that reach WorkOS, the OAuth
 * round trip through the fake's consent form, and the off-site destinations an attacker tries.
 */
import type { APIRequestContext, APIResponse, PlaywrightWorkerArgs } from '@playwright/test';
import type { Stack } from '../../../scripts/stack.ts';
import { NONCE_HEADER } from '../../../protocol/messages.ts';
import { clearWorkOSFaults, injectWorkOSFaults, nonceFor } from '../faults.ts';
import { expect } from '../fixtures.ts';
import { userId } from '../flows.ts';
import { phpJson, phpJsonOut } from '../profiles.ts';

type Playwright = PlaywrightWorkerArgs['playwright'];

/** A visitor without a browser: its own cookie jar, nothing sent for it but what a test sends. */
export function visitor(playwright: Playwright, stack: Stack, cookies: Cookie[] = []): Promise<APIRequestContext> {
  const host = new URL(stack.wordpressUrl).hostname;
  return playwright.request.newContext({
    baseURL: stack.wordpressUrl,
    storageState: {
      cookies: cookies.map((c) => ({
        ...c,
        domain: host,
        path: '/',
        expires: -1,
        httpOnly: true,
        secure: false,
        sameSite: 'Lax' as const,
      })),
      origins: [],
    },
  });
}

export interface Answer {
  status: number;
  body: Record<string, unknown>;
  headers: Record<string, string>;
}

async function answerOf(response: APIResponse): Promise<Answer> {
  const text = await response.text();
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    body = { text };
  }
  return { status: response.status(), body, headers: response.headers() };
}

/** POSTs a browser route as the element does: JSON, with a fresh nonce of the visitor's session. */
export async function authPost(api: APIRequestContext, route: string, body: Record<string, unknown>): Promise<Answer> {
  const headers = { [NONCE_HEADER]: await nonceFor(api) };
  return answerOf(await api.post(`/wp-json/workos/v1/auth/${route}`, { headers, data: body }));
}

/** Any request, answered as {@link Answer}. */
export async function send(
  api: APIRequestContext,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; data?: unknown; form?: Record<string, string> } = {},
): Promise<Answer> {
  return answerOf(await api.fetch(path, { method, maxRedirects: 0, ...options }));
}

/* ------------------------------------------------------------------ sessions */

export interface Cookie {
  name: string;
  value: string;
}

export interface Session {
  user_id: number;
  /** The logged-in cookie (what the front end and REST read) and wp-admin's auth cookie. */
  cookies: Cookie[];
  /** Nonces of this very session: the sign-in routes', core REST's, logout's and the settings form's. */
  nonce: string;
  rest: string;
  logout: string;
  settings: string;
}

/**
 * Sessions of the WordPress user `login` (or email) — created first with `role` when it does not
 * exist — stored as a sign-in stores them (a session token, with `workosSession` attached as its
 * WorkOS session; its cookies), with the nonces a page would print for each: minted in PHP, so a
 * test needs no sign-in to act as an administrator or a subscriber.
 */
export function mintSessions(
  stack: Stack,
  login: string,
  {
    count = 1,
    workosSession = null,
    role = null,
  }: { count?: number; workosSession?: string | null; role?: string | null } = {},
): Promise<Session[]> {
  return phpJsonOut<Session[]>(
    stack,
    `$find = static fn () => get_user_by( 'login', ${phpJson(login)} ) ?: get_user_by( 'email', ${phpJson(login)} );
    if ( ! $find() && null !== ${phpJson(role)} ) {
      wp_insert_user( array( 'user_login' => ${phpJson(login)}, 'user_pass' => wp_generate_password( 24 ), 'user_email' => ${phpJson(`${login}@example.org`)}, 'role' => ${phpJson(role)} ) );
    }
    $user = $find();
    $out  = array();
    for ( $i = 0; $i < ${count}; $i++ ) {
      $token   = workos_login_store_session( $user, ${phpJson(workosSession)}, false );
      $expires = time() + DAY_IN_SECONDS;
      $cookie  = wp_generate_auth_cookie( $user->ID, $expires, 'logged_in', $token );
      // The nonces a page prints for this session: WordPress reads the token from the cookie.
      $_COOKIE[ LOGGED_IN_COOKIE ] = $cookie;
      wp_set_current_user( $user->ID );
      $out[] = array(
        'user_id'  => $user->ID,
        'cookies'  => array(
          array( 'name' => LOGGED_IN_COOKIE, 'value' => $cookie ),
          array( 'name' => AUTH_COOKIE, 'value' => wp_generate_auth_cookie( $user->ID, $expires, 'auth', $token ) ),
        ),
        'nonce'    => wp_create_nonce( 'workos_login' ),
        'rest'     => wp_create_nonce( 'wp_rest' ),
        'logout'   => wp_create_nonce( 'log-out' ),
        'settings' => wp_create_nonce( 'workos_login_settings-options' ),
      );
    }
    echo wp_json_encode( $out );`,
  );
}

/** A visitor holding the cookies of a jar saved earlier (`storageState()` of another). */
export function fromJar(
  playwright: Playwright,
  stack: Stack,
  jar: Awaited<ReturnType<APIRequestContext['storageState']>>,
): Promise<APIRequestContext> {
  return playwright.request.newContext({ baseURL: stack.wordpressUrl, storageState: jar });
}

/** Whether an answer set a WordPress login cookie. */
export const setsLoginCookie = (answer: Answer) =>
  (answer.headers['set-cookie'] ?? '').includes('wordpress_logged_in_');

/* ------------------------------------------------------------------ WorkOS */

/**
 * Counts the requests that reach WorkOS from now on — every API path, or those under `match` —
 * through a fault rule that delays by nothing: the fake answers as always and reports how many
 * requests the rule matched. Clear it with `clearWorkOSFaults`.
 */
export async function watchWorkOS(stack: Stack, match?: string): Promise<() => Promise<number>> {
  await injectWorkOSFaults(stack, [{ action: 'delay', delay_ms: 0, ...(match ? { match } : {}) }]);
  return async () => {
    const answer = await fetch(`${stack.workosUrl}/_fake/faults`);
    const { data } = (await answer.json()) as { data: Array<{ hits: number }> };
    return data.reduce((sum, rule) => sum + rule.hits, 0);
  };
}

export { clearWorkOSFaults };

/* ------------------------------------------------------------------ OAuth */

/** Starts social sign-in over REST (`authorize`) and answers WorkOS's authorize URL. */
export async function authorizeUrl(api: APIRequestContext, body: Record<string, unknown>): Promise<URL> {
  const answer = await authPost(api, 'authorize', { kind: 'oauth', provider: 'google', ...body });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  expect(answer.body.type).toBe('redirect');
  return new URL(String(answer.body.url));
}

/**
 * On the fake's consent page (what the provider shows): approves as `email`; answers the callback
 * URL WorkOS sends the browser back to (not followed).
 */
export async function consent(api: APIRequestContext, authorize: URL, email: string): Promise<URL> {
  const page = await api.get(authorize.href);
  expect(page.status()).toBe(200);
  const html = await page.text();
  const request = /name="request" value="([^"]+)"/.exec(html)?.[1];
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  expect(request && action, 'the consent form').toBeTruthy();
  const decided = await api.post(new URL(action!.replaceAll('&#38;', '&'), authorize).href, {
    form: { request: request!, user_id: userId(email) },
    maxRedirects: 0,
  });
  expect(decided.status()).toBe(302);
  return new URL(decided.headers().location);
}

/** The callback URL of a social sign-in `api` started and `email` approved. */
export async function oauthCallback(
  api: APIRequestContext,
  body: Record<string, unknown>,
  email = 'grace@example.com',
): Promise<URL> {
  return consent(api, await authorizeUrl(api, body), email);
}

/* ------------------------------------------------------------------ destinations */

/**
 * Off-site destinations, each spelled the way some parser (PHP's, WordPress's, a browser's)
 * reads differently from another: the site must never send a visitor to any of them.
 */
export function offSiteDestinations(site: string): Array<[string, string]> {
  const { host, hostname, port } = new URL(site);
  // The site's name with a Cyrillic "о", and that lookalike as the browser sends it (punycode).
  const lookalike = `${hostname.replace('o', '\u043e')}:${port}`;
  return [
    ['protocol-relative', '//evil.example/'],
    ['triple slash', '///evil.example/'],
    ['slash backslash', '/\\evil.example/'],
    ['escaped slashes', '\\/\\/evil.example/'],
    ['scheme without slashes', 'https:evil.example/'],
    ['scheme with backslashes', 'https:\\\\evil.example/'],
    ['percent-encoded slashes', '%2F%2Fevil.example/'],
    ['upper-case scheme', 'HTTPS://EVIL.EXAMPLE/'],
    ['site as userinfo', `http://${host}@evil.example/`],
    ['site as user with password', `http://${host}:x@evil.example/`],
    ['backslash before the site', `http://evil.example\\@${host}/`],
    ['fragment before the site', `http://evil.example#@${host}/`],
    ['query before the site', `http://evil.example?@${host}/`],
    ['site as a subdomain', `http://${hostname}.evil.example/`],
    ['IDN lookalike of the site', `http://${lookalike}/`],
    ['punycode lookalike', `http://${new URL(`http://${lookalike}`).host}/`],
    ['javascript:', 'javascript:alert(document.domain)//'],
    ['data:', 'data:text/html,<script>alert(document.domain)</script>'],
    ['CRLF header injection', '/\r\nLocation: https://evil.example/'],
    ['tab-split', '/\t/evil.example/'],
    ['newline-split', '/\n/evil.example/'],
    ['leading space', ' //evil.example/'],
  ];
}

/**
 * Where a browser goes from a `Location` (or a `redirect_to` the element navigates to): the
 * WHATWG URL parser, the browser's own, resolved against the site. Tabs and newlines vanish,
 * backslashes are slashes — exactly the readings an attacker counts on.
 */
export function landing(location: string, site: string): string {
  try {
    return new URL(location, site).origin;
  } catch {
    return 'unparsable';
  }
}

/**
 * Runs `job` over `items`, `width` at a time: the native server runs four PHP workers, and a
 * second request in flight hides the latency of the first.
 */
export async function inParallel<T>(items: readonly T[], job: (item: T, index: number) => Promise<void>, width = 2) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await job(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
}
