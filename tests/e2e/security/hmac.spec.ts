/**
 * The signed exchange between WordPress and the login server (issue 13, items 3 and 10),
 * attacked from both ends. At the login server (`/v1/*`, reached directly as a neighbour on its
 * network would): a request not signed for exactly this time, body, path, method and direction
 * with the site's secret is refused (401) and never reaches WorkOS. At WordPress: an answer is
 * taken only when signed over the very request it answers — a captured real answer replayed
 * to another request signs no one in. Each test also sends the faithful message, which is
 * accepted, so each refusal is the signature's doing. (A faithful request replayed within the
 * tolerance window is accepted by the stateless server by design: one-time use is WordPress's
 * job, by the flow's and state's marks.)
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Stack } from '../../../scripts/stack.ts';
import { SERVER_HEADERS, SIGNATURE_TOLERANCE_MS } from '../../../protocol/messages.ts';
import envelope from '../../../protocol/fixtures/server-password-envelope.json' with { type: 'json' };
import { newRequestId, sign, signRequest, type SignedMessage } from '../../../server/signature.ts';
import { DEMO_PASSWORD, expect, test } from '../fixtures.ts';
import { phpJson } from '../profiles.ts';
import { authPost, clearWorkOSFaults, inParallel, setsLoginCookie, visitor, watchWorkOS } from './attack.ts';

const HEADER = SERVER_HEADERS.signature;
const PATH = '/v1/password';
/** Grace's password sign-in, as WordPress would send it (no organization pinned). */
const body = (email = 'grace@example.com') =>
  JSON.stringify({
    ...envelope,
    profile: { ...envelope.profile, organization_id: null },
    input: { email, password: DEMO_PASSWORD },
  });

let workosCalls: () => Promise<number>;
test.beforeEach(async ({ stack }) => {
  workosCalls = await watchWorkOS(stack);
});
test.afterEach(({ stack }) => clearWorkOSFaults(stack));

/** POSTs straight to the login server (or `method` to `path`), with these headers. */
async function toServer(stack: Stack, headers: Record<string, string>, sent = body(), path = PATH, method = 'POST') {
  const response = await fetch(`${stack.serverUrl}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: sent,
  });
  return { status: response.status, text: await response.text(), signature: response.headers.get(HEADER) };
}

/** Expects each header refused (401 `invalid_signature`), WorkOS not asked; then the faithful one accepted. */
async function expectOnlyFaithful(stack: Stack, cases: Array<[string, Record<string, string>, string?]>) {
  for (const [what, headers, sent] of cases) {
    const answer = await toServer(stack, headers, sent);
    expect(answer.status, what).toBe(401);
    expect(JSON.parse(answer.text), what).toEqual({ error: 'invalid_signature' });
  }
  expect(await workosCalls()).toBe(0);
  const faithful = await toServer(stack, { [HEADER]: signRequest(stack.secret, PATH, body()) });
  expect(faithful.status).toBe(200);
  expect(JSON.parse(faithful.text).type).toBe('authenticated');
  expect(await workosCalls()).toBeGreaterThan(0);
}

const request = (overrides: Partial<SignedMessage> = {}): SignedMessage => ({
  kind: 'request',
  method: 'POST',
  path: PATH,
  id: newRequestId(),
  ...overrides,
});

test('unsigned and malformed signatures are refused', async ({ stack }) => {
  const valid = signRequest(stack.secret, PATH, body());
  const [t, id, v2] = valid.split(',');
  await expectOnlyFaithful(stack, [
    ['no header', {}],
    ['an empty header', { [HEADER]: '' }],
    ['the old scheme', { [HEADER]: `${t},v1=${v2.slice(3)}` }],
    ['no timestamp', { [HEADER]: `${id},${v2}` }],
    ['no request id', { [HEADER]: `${t},${v2}` }],
    ['no signature', { [HEADER]: `${t},${id}` }],
    ['a timestamp that is no number', { [HEADER]: `t=soon,${id},${v2}` }],
    ['a short request id', { [HEADER]: `${t},id=${id.slice(3, -1)},${v2}` }],
    ['a signature that is no hex', { [HEADER]: `${t},${id},v2=${'z'.repeat(64)}` }],
    ['a truncated signature', { [HEADER]: `${t},${id},${v2.slice(0, -2)}` }],
    ['an upper-case signature', { [HEADER]: `${t},${id},${v2.toUpperCase().replace('V2=', 'v2=')}` }],
    ['a second, later timestamp', { [HEADER]: `${valid},t=${Date.now() + 1}` }],
  ]);
});

test('a signature older or newer than the tolerance is refused', async ({ stack }) => {
  const skew = SIGNATURE_TOLERANCE_MS + 1_000;
  await expectOnlyFaithful(stack, [
    ['stale', { [HEADER]: signRequest(stack.secret, PATH, body(), Date.now() - skew) }],
    ['from the future', { [HEADER]: signRequest(stack.secret, PATH, body(), Date.now() + skew) }],
    ['from 1970', { [HEADER]: signRequest(stack.secret, PATH, body(), 0) }],
  ]);
});

test('a signature covers the body byte for byte', async ({ stack }) => {
  const signedFor = signRequest(stack.secret, PATH, body());
  await expectOnlyFaithful(stack, [
    ['another account', { [HEADER]: signedFor }, body('ada@example.com')],
    ['a trailing newline', { [HEADER]: signedFor }, `${body()}\n`],
    ['re-serialised with spaces', { [HEADER]: signedFor }, JSON.stringify(JSON.parse(body()), null, 1)],
    ['no body', { [HEADER]: signedFor }, ''],
  ]);
});

test('a signature is bound to its route, method and direction', async ({ stack }) => {
  const signed = (message: Partial<SignedMessage>) => ({ [HEADER]: sign(stack.secret, body(), request(message)) });
  await expectOnlyFaithful(stack, [
    ['another route', signed({ path: '/v1/magic_code_send' })],
    ['the callback route', signed({ path: '/v1/oauth/callback' })],
    ['WordPress’s URL instead of the route', signed({ path: '/wp-json/workos/v1/auth/password' })],
    ['the route with a trailing slash', signed({ path: `${PATH}/` })],
    ['another method', signed({ method: 'PUT' })],
    ['a GET', signed({ method: 'GET' })],
    ['an answer’s signature', signed({ kind: 'response' })],
  ]);
});

test('a signature made with another secret, or naming another request id, is refused', async ({ stack }) => {
  const id = newRequestId();
  const [t, , v2] = sign(stack.secret, body(), request({ id })).split(',');
  await expectOnlyFaithful(stack, [
    ['another secret', { [HEADER]: signRequest('f'.repeat(64), PATH, body()) }],
    ['the secret’s first half', { [HEADER]: signRequest(stack.secret.slice(0, 32), PATH, body()) }],
    ['an empty secret', { [HEADER]: signRequest('', PATH, body()) }],
    ['the id swapped after signing', { [HEADER]: `${t},id=${newRequestId()},${v2}` }],
  ]);
});

/* ------------------------------------------------------------------ WordPress's end */

const SWAP_PLUGIN = 'e2e-answer-swap.php';

/**
 * A must-use plugin standing between WordPress and the login server: a request whose envelope
 * names an email listed in the option `e2e_answers` is answered with that entry's `body`, signed
 * with its recorded `signature` (a captured answer) or — `sign` — by the site's secret (or
 * `secret`) over the message it names (`id: 'this'` is the request's own id), `t_offset` ms off.
 */
const SWAP_SOURCE = `<?php
add_filter( 'pre_http_request', static function ( $pre, $args, $url ) {
	$answers = get_option( 'e2e_answers' );
	$email   = json_decode( (string) ( $args['body'] ?? '' ), true )['input']['email'] ?? '';
	if ( ! is_array( $answers ) || ! isset( $answers[ $email ] ) || ! str_contains( $url, '/v1/' ) ) {
		return $pre;
	}
	$swap      = $answers[ $email ];
	$signature = (string) ( $swap['signature'] ?? '' );
	if ( isset( $swap['sign'] ) ) {
		preg_match( '/id=([0-9a-f]{32})/', (string) $args['headers'][ WORKOS_LOGIN_SIGNATURE_HEADER ], $sent );
		$message       = $swap['sign'];
		$message['id'] = 'this' === $message['id'] ? $sent[1] : $message['id'];
		$signature     = workos_login_sign( $swap['body'], $swap['secret'] ?? workos_login_secret(), $message, workos_login_now_ms() + (int) ( $swap['t_offset'] ?? 0 ) );
	}
	return array(
		'headers'  => array( WORKOS_LOGIN_SIGNATURE_HEADER => $signature, 'content-type' => 'application/json' ),
		'body'     => $swap['body'],
		'response' => array( 'code' => 200, 'message' => 'OK' ),
		'cookies'  => array(),
		'filename' => null,
	);
}, 10, 3 );
`;

test.describe('WordPress’s end', () => {
  test.beforeAll(({ stack }) =>
    writeFileSync(join(stack.site.docroot, 'wp-content/mu-plugins', SWAP_PLUGIN), SWAP_SOURCE),
  );
  test.afterAll(({ stack }) => rmSync(join(stack.site.docroot, 'wp-content/mu-plugins', SWAP_PLUGIN), { force: true }));

  test('an answer is taken only when signed over the very request it answers', async ({ stack, playwright }) => {
    // A real answer of the real login server: Grace authenticated, signed for the test's request.
    const sentId = newRequestId();
    const captured = await toServer(stack, { [HEADER]: signRequest(stack.secret, PATH, body(), Date.now(), sentId) });
    expect(JSON.parse(captured.text).type).toBe('authenticated');
    expect(captured.signature).toContain(`id=${sentId}`);

    const answer = { kind: 'response', method: 'POST', path: PATH, id: 'this' };
    const cases: Array<[string, Record<string, unknown>]> = [
      ['the captured answer, replayed', { signature: captured.signature }],
      ['signed for another route', { sign: { ...answer, path: '/v1/magic_code_verify' } }],
      ['signed as a request', { sign: { ...answer, kind: 'request' } }],
      ['signed for another method', { sign: { ...answer, method: 'PUT' } }],
      ['signed too long ago', { sign: answer, t_offset: -(SIGNATURE_TOLERANCE_MS + 1_000) }],
      ['signed with another secret', { sign: answer, secret: 'f'.repeat(64) }],
      ['unsigned', { signature: '' }],
      // The same body signed over this very request: it signs Grace in.
      ['faithful', { sign: answer }],
    ];
    // Each case is the answer to a sign-in of its own address (a wrong password: only the
    // answer could sign anyone in), four at a time: refusals are held to the answer floor.
    const emailOf = (i: number) => `swap-${i}@example.com`;
    const answers = Object.fromEntries(cases.map(([, swap], i) => [emailOf(i), { body: captured.text, ...swap }]));
    await stack.site.php(`update_option( 'e2e_answers', ${phpJson(answers)} );`);
    await inParallel(
      cases,
      async ([what], i) => {
        const api = await visitor(playwright, stack);
        const result = await authPost(api, 'password', { profile: 'default', email: emailOf(i), password: 'x' });
        await api.dispose();
        if (what === 'faithful') {
          expect(result.body.type, what).toBe('signed_in');
          expect(setsLoginCookie(result), what).toBe(true);
          return;
        }
        expect(result.status, what).toBe(503);
        expect(result.body.code, what).toBe('server_unavailable');
        expect(setsLoginCookie(result), what).toBe(false);
      },
      4,
    );
  });
});
