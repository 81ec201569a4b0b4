/**
 * Cross-site request forgery and Origin (issue 13, item 10). A foreign page can make a visitor's
 * browser send cookies, a form body, a query string and its own Origin — never a custom header
 * nor a nonce it cannot read. So every sign-in route (`POST auth/*`, each with a body its schema
 * accepts) wants the `X-WorkOS-Nonce` header of this very session and refuses a foreign Origin
 * even beside a valid nonce; the nonce itself is handed to this site's pages only; the admin
 * routes and the settings form want WordPress's own nonces and the right capability.
 * Refusals are named (`invalid_nonce`, `invalid_origin`, `rest_forbidden`, …), which only the
 * checks can answer; the first tests show the same requests accepted past them when faithful.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { NONCE_HEADER } from '../../../protocol/messages.ts';
import type { LoginProfile } from '../../../protocol/profile.ts';
import { expect, test } from '../fixtures.ts';
import { phpJsonOut, saveProfiles } from '../profiles.ts';
import { type Answer, inParallel, mintSessions, send, type Session, visitor } from './attack.ts';

const FIXTURES = join(import.meta.dirname, '../../../protocol/fixtures');
const PROFILE = 'csrf';

/** The browser route of a `browser-*-request.json` fixture (as contract.spec.ts reads them). */
function routeOf(file: string): string {
  const name = file.replace(/^browser-/, '').replace(/-request\.json$/, '');
  if (name.startsWith('authorize-')) return 'authorize';
  if (name === 'reset') return 'reset_request';
  return name.replaceAll('-', '_');
}

/** One valid body per browser route (the contract's request fixtures), for the open profile. */
const ROUTES: Array<[string, Record<string, unknown>]> = [
  ...new Map(
    readdirSync(FIXTURES)
      .filter((f) => /^browser-.*-request\.json$/.test(f) && !/authorize-(authkit|sso)/.test(f))
      .map((f) => [routeOf(f), { ...JSON.parse(readFileSync(join(FIXTURES, f), 'utf8')), profile: PROFILE }]),
  ),
];

test.beforeEach(async ({ stack }) => {
  // Every method open: a refusal is the request's origin or nonce, never the profile's choice.
  await saveProfiles(
    stack,
    {
      slug: PROFILE,
      methods: ['password', 'magic_code', 'oauth_google', 'sso', 'passkey'] as LoginProfile['methods'],
      signup: { enabled: true, require_invitation: false },
    },
    // What forged administrator requests aim at.
    { slug: 'target', title: 'Target' },
  );
});

const authPath = (route: string) => `/wp-json/workos/v1/auth/${route}`;

/**
 * Every route is registered with the one permission check: each is sent the plain attacks, and
 * these three — a first factor, a continuation, a signed-in user's own action — every variant too.
 */
const EVERY_VARIANT = new Set(['password', 'mfa_verify', 'passkey_register_options']);
const variantsFor = <T>(route: string, plain: T[], variants: T[]): T[] =>
  EVERY_VARIANT.has(route) ? [...plain, ...variants] : plain;

/** The site's own pages: what a same-origin fetch of the element sends. */
const sameOrigin = (site: string, nonce: string) => ({
  [NONCE_HEADER]: nonce,
  Origin: new URL(site).origin,
  'Sec-Fetch-Site': 'same-origin',
});

/** Flattens a JSON body into the fields an HTML form would post (`a[b]=…`, booleans as 0/1). */
function formFields(value: unknown, prefix = '', out: Record<string, string> = {}): Record<string, string> {
  if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) formFields(inner, prefix ? `${prefix}[${key}]` : key, out);
  } else {
    out[prefix] = typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
  }
  return out;
}

function expectRefusedAs(answer: Answer, codes: string | string[], what: string): void {
  expect.soft(answer.status, what).toBe(403);
  expect.soft([codes].flat(), what).toContain(answer.body.code);
}

test('each sign-in route answers a same-origin request with this session’s nonce', async ({ stack, playwright }) => {
  expect(ROUTES.map(([route]) => route).sort()).toHaveLength(17);
  // A visitor each: the password fixture signs Ada in, and a signed-in browser has another nonce.
  await inParallel(ROUTES, async ([route, body]) => {
    const api = await visitor(playwright, stack);
    const nonce = String((await send(api, 'GET', '/wp-json/workos/v1/nonce')).body.nonce);
    const answer = await send(api, 'POST', authPath(route), {
      headers: sameOrigin(stack.wordpressUrl, nonce),
      data: body,
    });
    expect.soft(['invalid_nonce', 'invalid_origin', 'rest_invalid_param'], route).not.toContain(answer.body.code);
  });
});

/** What is sent: its name, the request's options, a query string. */
type Attempt = [string, Parameters<typeof send>[3], string?];

test('without the nonce header every sign-in route refuses, wherever else the nonce is put', async ({
  stack,
  playwright,
}) => {
  const api = await visitor(playwright, stack);
  const nonce = String((await send(api, 'GET', '/wp-json/workos/v1/nonce')).body.nonce);
  const origin = { Origin: new URL(stack.wordpressUrl).origin };
  await inParallel(ROUTES, async ([route, body]) => {
    const attempts = variantsFor<Attempt>(
      route,
      [
        ['no nonce', { headers: origin, data: body }],
        // What a foreign page's <form> sends. It cannot spell `{}` (a WebAuthn answer's
        // clientExtensionResults), so the passkey answers never get past their schema as forms.
        ...(JSON.stringify(body).includes('{}')
          ? []
          : [['a form post', { headers: origin, form: { ...formFields(body), nonce } }] as Attempt]),
      ],
      [
        ['a forged nonce', { headers: { ...origin, [NONCE_HEADER]: '0123456789' }, data: body }],
        ['the nonce in the query', { headers: origin, data: body }, `?${NONCE_HEADER}=${nonce}&nonce=${nonce}`],
        ['the nonce in the body', { headers: origin, data: { ...body, nonce, [NONCE_HEADER]: nonce } }],
      ],
    );
    for (const [what, options, query = ''] of attempts) {
      expectRefusedAs(await send(api, 'POST', authPath(route) + query, options), 'invalid_nonce', `${route}: ${what}`);
    }
    // Where WordPress looks for its own REST nonce, core refuses the sign-in nonce first.
    for (const [what, options, query = ''] of variantsFor<Attempt>(
      route,
      [],
      [
        ['as `_wpnonce`', { headers: origin, data: body }, `?_wpnonce=${nonce}`],
        ['as `X-WP-Nonce`', { headers: { ...origin, 'X-WP-Nonce': nonce }, data: body }],
      ],
    )) {
      const answer = await send(api, 'POST', authPath(route) + query, options);
      expectRefusedAs(answer, 'rest_cookie_invalid_nonce', `${route}: ${what}`);
    }
  });
});

test('a foreign origin is refused on every sign-in route, even beside a valid nonce', async ({ stack, playwright }) => {
  const api = await visitor(playwright, stack);
  const nonce = String((await send(api, 'GET', '/wp-json/workos/v1/nonce')).body.nonce);
  const site = new URL(stack.wordpressUrl);
  const plain: Array<[string, Record<string, string>]> = [['another site', { Origin: 'https://evil.example' }]];
  const foreign: Array<[string, Record<string, string>]> = [
    ['an opaque origin (sandboxed frame, data: URL)', { Origin: 'null' }],
    ['the site’s name under another domain', { Origin: `http://${site.hostname}.evil.example:${site.port}` }],
    ['another port of the same host', { Origin: `http://${site.hostname}:${Number(site.port) + 1}` }],
    ['the other scheme', { Origin: `https://${site.host}` }],
    ['a cross-site fetch that sent no Origin', { 'Sec-Fetch-Site': 'cross-site' }],
    ['cross-site, claiming the site’s Origin', { Origin: site.origin, 'Sec-Fetch-Site': 'cross-site' }],
  ];
  await inParallel(ROUTES, async ([route, body]) => {
    for (const [what, headers] of variantsFor(route, plain, foreign)) {
      const answer = await send(api, 'POST', authPath(route), {
        headers: { ...headers, [NONCE_HEADER]: nonce },
        data: body,
      });
      expectRefusedAs(answer, 'invalid_origin', `${route}: ${what}`);
    }
  });
});

test('a nonce of another session is refused on every sign-in route', async ({ stack, playwright }) => {
  const [first, second] = await mintSessions(stack, 'reader', { count: 2, role: 'subscriber' });
  const [other] = await mintSessions(stack, 'admin');
  const loggedOut = await visitor(playwright, stack);
  const loggedOutNonce = String((await send(loggedOut, 'GET', '/wp-json/workos/v1/nonce')).body.nonce);
  const reader = await visitor(playwright, stack, first.cookies);
  type Case = [string, APIRequestContext, string];
  const plain: Case[] = [['a visitor’s nonce, signed in', reader, loggedOutNonce]];
  const others: Case[] = [
    ['a signed-in nonce, signed out', loggedOut, first.nonce],
    ['the same user’s other session', reader, second.nonce],
    ['another user’s session', reader, other.nonce],
  ];
  await inParallel(ROUTES, async ([route, body]) => {
    for (const [what, api, nonce] of variantsFor(route, plain, others)) {
      const answer = await send(api, 'POST', authPath(route), {
        headers: sameOrigin(stack.wordpressUrl, nonce),
        data: body,
      });
      expectRefusedAs(answer, 'invalid_nonce', `${route}: ${what}`);
    }
  });
  // Its own nonce is the signed-in session's (the passkey registration it may start, say).
  const own = await send(reader, 'POST', authPath('passkey_register_options'), {
    headers: sameOrigin(stack.wordpressUrl, first.nonce),
    data: { profile: PROFILE },
  });
  expect(['invalid_nonce', 'invalid_origin']).not.toContain(own.body.code);
});

test('the nonce is handed to this site’s pages only', async ({ stack, playwright }) => {
  const api = await visitor(playwright, stack);
  const own = await send(api, 'GET', '/wp-json/workos/v1/nonce', { headers: { 'Sec-Fetch-Site': 'same-origin' } });
  expect(own.status).toBe(200);
  expect(String(own.body.nonce)).toMatch(/^[0-9a-f]{10}$/);
  for (const headers of [
    { Origin: 'https://evil.example' },
    { Origin: 'null' },
    { 'Sec-Fetch-Site': 'cross-site' },
  ] as Array<Record<string, string>>) {
    const answer = await send(api, 'GET', '/wp-json/workos/v1/nonce', { headers });
    expectRefusedAs(answer, 'invalid_origin', JSON.stringify(headers));
    expect(JSON.stringify(answer.body), JSON.stringify(headers)).not.toContain(String(own.body.nonce));
  }
});

/* ------------------------------------------------------------------ administrators' side */

/** The plugin's administrator routes: every one that writes, and two that read. */
function adminRoutes(userId: number): Array<[string, string, unknown?]> {
  return [
    ['POST', '/wp-json/workos/v1/admin/profiles', { slug: 'planted', title: 'Planted' }],
    ['PUT', '/wp-json/workos/v1/admin/profiles/target', { title: 'Changed' }],
    ['PATCH', '/wp-json/workos/v1/admin/profiles/target', { methods: ['password', 'magic_code'] }],
    ['DELETE', '/wp-json/workos/v1/admin/profiles/target'],
    ['POST', '/wp-json/workos/v1/admin/profiles/target/duplicate'],
    ['PUT', '/wp-json/workos/v1/admin/routing-rules', { rules: [] }],
    ['POST', '/wp-json/workos/v1/admin/preview', { email: 'ada@example.com' }],
    ['DELETE', `/wp-json/workos/v1/users/${userId}/passkeys`],
    ['GET', '/wp-json/workos/v1/admin/profiles'],
    ['GET', '/wp-json/workos/v1/admin/roles'],
  ];
}
/** Routes any signed-in user has for their own passkeys. */
const SIGNED_IN_ROUTES: Array<[string, string, unknown?]> = [
  ['POST', '/wp-json/workos/v1/passkeys/register/options', {}],
  ['POST', '/wp-json/workos/v1/passkeys/prompt/dismiss', {}],
  ['DELETE', `/wp-json/workos/v1/passkeys/${'A'.repeat(43)}`],
  ['GET', '/wp-json/workos/v1/passkeys'],
];

/** Every stored profile, read by the administrator's session (what forged requests would change). */
async function profilesAs(api: APIRequestContext, session: Session): Promise<unknown> {
  const answer = await send(api, 'GET', '/wp-json/workos/v1/admin/profiles', {
    headers: { 'X-WP-Nonce': session.rest },
  });
  expect(answer.status).toBe(200);
  return answer.body;
}

test('an administrator’s cookie alone changes nothing: admin routes want its REST nonce', async ({
  stack,
  playwright,
}) => {
  const [session, otherSession] = await mintSessions(stack, 'admin', { count: 2 });
  const [reader] = await mintSessions(stack, 'reader', { role: 'subscriber' });
  const admin = await visitor(playwright, stack, session.cookies);
  const before = await profilesAs(admin, session);
  const routes = [...adminRoutes(reader.user_id), ...SIGNED_IN_ROUTES];
  await inParallel(routes, async ([method, path, data], i) => {
    const what = `${method} ${path}`;
    const bare = await send(admin, method, path, { data, headers: { Origin: 'https://evil.example' } });
    expect.soft(bare.status, `${what}: no nonce`).toBe(401);
    type Forged = [string, string, Record<string, string>];
    // Core checks the nonce the same way on every route: the variants on the first of each kind.
    const variants = i === 0 || i === adminRoutes(0).length;
    for (const [how, url, headers] of [
      ['another session’s nonce', path, { 'X-WP-Nonce': otherSession.rest }],
      ...(variants
        ? ([
            ['another session’s nonce in the query', `${path}?_wpnonce=${otherSession.rest}`, {}],
            ['a sign-in nonce', path, { 'X-WP-Nonce': session.nonce }],
          ] as Forged[])
        : []),
    ] as Forged[]) {
      const answer = await send(admin, method, url, { data, headers });
      expect.soft(answer.status, `${what}: ${how}`).toBe(403);
      expect.soft(answer.body.code, `${what}: ${how}`).toBe('rest_cookie_invalid_nonce');
    }
  });
  expect(await profilesAs(admin, session)).toEqual(before);
  // With its own nonce the same cookie changes the profile.
  const faithful = await send(admin, 'PUT', '/wp-json/workos/v1/admin/profiles/target', {
    data: { title: 'Changed' },
    headers: { 'X-WP-Nonce': session.rest },
  });
  expect(faithful.status).toBe(200);
  expect(faithful.body).toMatchObject({ slug: 'target', title: 'Changed' });
});

test('a subscriber with a valid REST nonce reaches no admin route', async ({ stack, playwright }) => {
  const [reader] = await mintSessions(stack, 'reader', { role: 'subscriber' });
  const [admin] = await mintSessions(stack, 'admin');
  const api = await visitor(playwright, stack, reader.cookies);
  const administrator = await visitor(playwright, stack, admin.cookies);
  const before = await profilesAs(administrator, admin);
  for (const [method, path, data] of adminRoutes(admin.user_id)) {
    const answer = await send(api, method, path, { data, headers: { 'X-WP-Nonce': reader.rest } });
    expect.soft(answer.status, `${method} ${path}`).toBe(403);
    expect.soft(String(answer.body.code), `${method} ${path}`).toMatch(/^rest_(forbidden|cannot_)/);
  }
  expect(await profilesAs(administrator, admin)).toEqual(before);
  // The same nonce is good: the subscriber's own passkey list answers.
  const own = await send(api, 'GET', '/wp-json/workos/v1/passkeys', { headers: { 'X-WP-Nonce': reader.rest } });
  expect(own.status).toBe(200);
});

test('the settings form wants its own nonce: a forged post changes nothing', async ({ stack, playwright }) => {
  const [session, otherSession] = await mintSessions(stack, 'admin', { count: 2 });
  const admin = await visitor(playwright, stack, session.cookies);
  const gate = () => phpJsonOut<boolean>(stack, `echo wp_json_encode( (bool) workos_login_option( 'gate_enabled' ) );`);
  expect(await gate()).toBe(false);
  const form = { option_page: 'workos_login_settings', action: 'update', workos_login_gate_enabled: '1' };
  for (const [what, extra] of [
    ['no nonce', {}],
    ['another session’s nonce', { _wpnonce: otherSession.settings }],
    ['a sign-in nonce', { _wpnonce: session.nonce }],
    ['a REST nonce', { _wpnonce: session.rest }],
  ] as const) {
    const answer = await send(admin, 'POST', '/wp-admin/options.php', {
      form: { ...form, ...extra },
      headers: { Origin: 'https://evil.example' },
    });
    expect.soft(answer.status, what).toBe(403);
  }
  expect(await gate()).toBe(false);
  const faithful = await send(admin, 'POST', '/wp-admin/options.php', {
    form: { ...form, _wpnonce: session.settings, _wp_http_referer: '/wp-admin/admin.php?page=workos-login-settings' },
  });
  expect(faithful.status).toBe(302);
  expect(await gate()).toBe(true);
});
