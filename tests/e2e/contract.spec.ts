/**
 * The PHP side of the contract, checked inside the real WordPress against the same JSON fixtures
 * and constants the TypeScript side uses (protocol/fixtures.test.ts checks those).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { LIMITS, PASSKEY_LIMITS } from '../../protocol/messages.ts';
import { DEFAULT_STRINGS } from '../../protocol/strings.ts';
import { phpPattern } from '../../scripts/generate-php.ts';
import { expect, test } from './fixtures.ts';

const FIXTURES = join(import.meta.dirname, '../../protocol/fixtures');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const php = (value: string) => `base64_decode('${Buffer.from(value).toString('base64')}')`;

/** The browser route a `browser-*-request.json` fixture is sent to. */
function routeOf(file: string): string {
  const name = file.replace(/^browser-/, '').replace(/-request\.json$/, '');
  if (name.startsWith('authorize-')) return 'authorize';
  if (name === 'reset') return 'reset_request';
  return name.replaceAll('-', '_');
}

test('the REST schemas of /auth/<route> accept every request fixture and mirror the shared limits', async ({
  stack,
}) => {
  const files = readdirSync(FIXTURES).filter((f) => /^browser-.*-request\.json$/.test(f));
  const requests = Object.fromEntries(files.map((f) => [f, { route: routeOf(f), body: JSON.parse(fixture(f)) }]));
  const out = await stack.site.php(`
    $routes = rest_get_server()->get_routes();
    $results = [];
    foreach ( json_decode( ${php(JSON.stringify(requests))}, true ) as $file => $case ) {
      $args = $routes[ '/workos/v1/auth/' . $case['route'] ][0]['args'] ?? null;
      $errors = [];
      if ( null === $args ) { $results[ $file ] = [ 'errors' => [ 'no route' ] ]; continue; }
      foreach ( $case['body'] as $key => $value ) {
        if ( ! isset( $args[ $key ] ) ) { $errors[] = "unknown field $key"; continue; }
        $valid = rest_validate_value_from_schema( $value, $args[ $key ], $key );
        if ( is_wp_error( $valid ) ) { $errors[] = $valid->get_error_message(); }
      }
      foreach ( $args as $key => $arg ) {
        if ( ! empty( $arg['required'] ) && ! array_key_exists( $key, $case['body'] ) ) { $errors[] = "missing $key"; }
      }
      $results[ $file ] = [ 'errors' => $errors ];
    }
    $auth = array_values( array_filter( array_keys( $routes ), fn( $r ) => str_starts_with( $r, '/workos/v1/auth/' ) ) );
    $args = [];
    foreach ( $auth as $route ) { $args[ substr( $route, strlen( '/workos/v1/auth/' ) ) ] = $routes[ $route ][0]['args']; }
    echo wp_json_encode( [ 'results' => $results, 'args' => $args ] );
  `);
  const { results, args } = JSON.parse(out);
  for (const f of files) expect(results[f].errors, f).toEqual([]);

  // One route per protocol `BrowserRoute`, each with a request fixture.
  const routes = [
    'password',
    'magic_code_send',
    'magic_code_verify',
    'authorize',
    'signup',
    'email_verify',
    'invitation',
    'reset_request',
    'reset_confirm',
    'mfa_enroll',
    'mfa_challenge',
    'mfa_verify',
    'org_select',
    'passkey_options',
    'passkey_verify',
    'passkey_register_options',
    'passkey_register_verify',
  ];
  expect(Object.keys(args).sort()).toEqual([...routes].sort());
  expect([...new Set(files.map(routeOf))].sort()).toEqual([...routes].sort());

  for (const route of routes) {
    expect(args[route].redirect_to.maxLength, route).toBe(LIMITS.redirectMax);
    expect(args[route].profile.pattern, route).toBe(phpPattern(LIMITS.profileSlugPattern));
    if (args[route].flow) expect(args[route].flow.maxLength, route).toBe(LIMITS.tokenMax);
    if (args[route].email) expect(args[route].email.maxLength, route).toBe(LIMITS.emailMax);
    if (args[route].password) expect(args[route].password.maxLength, route).toBe(LIMITS.passwordMax);
    if (args[route].code) expect(args[route].code.pattern, route).toBe(phpPattern(LIMITS.codePattern));
  }
  expect(args.signup.first_name.maxLength).toBe(LIMITS.nameMax);
  expect(args.signup.last_name.maxLength).toBe(LIMITS.nameMax);
  expect(args.mfa_enroll.phone_number.pattern).toBe(phpPattern(LIMITS.phonePattern));
  expect(args.mfa_challenge.factor_id.pattern).toBe(phpPattern(LIMITS.idPattern));
  expect(args.org_select.organization_id.pattern).toBe(phpPattern(LIMITS.idPattern));
  expect(args.invitation.invitation_token.maxLength).toBe(LIMITS.tokenMax);
  expect(args.reset_confirm.token.maxLength).toBe(LIMITS.tokenMax);
  // WebAuthn answers: the credential id and each base64url field are bounded by the shared limits.
  for (const route of ['passkey_verify', 'passkey_register_verify']) {
    const response = args[route].response;
    expect(response.required, route).toBe(true);
    expect(response.properties.id.pattern, route).toBe(phpPattern(PASSKEY_LIMITS.credentialIdPattern));
    expect(response.properties.rawId.pattern, route).toBe(phpPattern(PASSKEY_LIMITS.credentialIdPattern));
    const fields: Array<{ maxLength?: number }> = Object.values(response.properties.response.properties);
    for (const field of fields) {
      if (field.maxLength !== undefined) expect(field.maxLength, route).toBe(PASSKEY_LIMITS.webauthnFieldMax);
    }
    expect(response.properties.response.properties.clientDataJSON.maxLength, route).toBe(
      PASSKEY_LIMITS.webauthnFieldMax,
    );
  }
  // Continuing routes need the flow; first factors take an invitation's, optionally.
  for (const route of [
    'magic_code_verify',
    'email_verify',
    'mfa_enroll',
    'mfa_challenge',
    'mfa_verify',
    'org_select',
    'passkey_verify',
    'passkey_register_options',
    'passkey_register_verify',
  ]) {
    expect(args[route].flow.required, route).toBe(true);
  }
  // `passkey_options`: no flow for a first factor, an MFA step's flow for a second one.
  for (const route of ['password', 'magic_code_send', 'signup', 'authorize', 'passkey_options']) {
    expect(args[route].flow.required, route).toBe(false);
  }
});

/** The `passkey_registered` fixture with some of its credential's fields changed. */
const passkeyRegistered = (change: object) => {
  const outcome = JSON.parse(fixture('server-passkey-registered-outcome.json'));
  return JSON.stringify({ ...outcome, credential: { ...outcome.credential, ...change } });
};

/** A fixture with some fields of `key` (or of the outcome itself, when null) changed. */
const withField = (name: string, key: string | null, change: object) => {
  const outcome = JSON.parse(fixture(name));
  return JSON.stringify(
    key === null ? { ...outcome, ...change } : { ...outcome, [key]: { ...outcome[key], ...change } },
  );
};

test('WordPress accepts every server outcome fixture and refuses malformed outcomes', async ({ stack }) => {
  const files = readdirSync(FIXTURES).filter((f) => /^server-.*-outcome\.json$/.test(f));
  // Each call names the outcome types it accepts: admin outcomes never answer an auth step.
  const AUTH = ['step', 'redirect', 'authenticated', 'reset_token', 'error'];
  const ACCEPTS: Record<string, string[]> = {
    'server-authenticated-outcome.json': AUTH,
    'server-error-outcome.json': AUTH,
    'server-workos-unavailable-outcome.json': AUTH,
    'server-step-outcome.json': AUTH,
    'server-redirect-outcome.json': AUTH,
    'server-callback-authenticated-outcome.json': AUTH,
    'server-callback-impersonation-outcome.json': AUTH,
    'server-callback-unknown-method-outcome.json': AUTH,
    'server-callback-error-outcome.json': AUTH,
    'server-callback-step-outcome.json': AUTH,
    'server-password-rejected-outcome.json': AUTH,
    'server-reset-token-outcome.json': AUTH,
    'server-reset-token-unknown-outcome.json': AUTH,
    'server-step-code-sent-outcome.json': AUTH,
    'server-step-email-verify-outcome.json': AUTH,
    'server-step-invitation-outcome.json': AUTH,
    'server-step-mfa-code-outcome.json': AUTH,
    'server-step-mfa-code-sms-outcome.json': AUTH,
    'server-step-mfa-enroll-outcome.json': AUTH,
    'server-step-org-select-outcome.json': AUTH,
    'server-step-reset-done-outcome.json': AUTH,
    'server-step-passkey-outcome.json': AUTH,
    'server-step-passkey-register-outcome.json': AUTH,
    'server-step-mfa-enroll-passkey-outcome.json': AUTH,
    'server-passkey-authenticated-outcome.json': AUTH,
    'server-passkey-second-factor-outcome.json': AUTH,
    'server-passkey-refused-outcome.json': AUTH,
    // Only the management registration (no enrolment flow) is answered this way.
    'server-passkey-registered-outcome.json': ['passkey_registered'],
    'server-organizations-outcome.json': ['organizations'],
    'server-admin-user-outcome.json': ['user'],
    'server-roles-outcome.json': ['roles'],
    'server-health-outcome.json': ['health'],
    'server-session-revoked-outcome.json': ['session_revoked'],
    'server-audit-forwarded-outcome.json': ['audit_forwarded'],
  };
  expect(files.sort()).toEqual(Object.keys(ACCEPTS).sort());
  const bad = [
    '{}',
    '{"type":"authenticated","identity":{}}',
    '{"type":"error","code":"nope","message":"x","status":400}',
    'not json',
    fixture('server-organizations-outcome.json'),
    fixture('server-health-outcome.json'),
    // Only the notices that end a flow may have an empty one.
    '{"type":"step","step":"code_sent","flow":"","data":{"email":"a@example.com","resend_after":30}}',
    '{"type":"step","step":"nope","flow":"v1.x","data":{}}',
    '{"type":"step","step":"mfa_code","flow":"v1.x","data":{},"passthrough":{"redirect_to":"/"}}',
    '{"type":"authenticated","identity":{},"passthrough":{"redirect_to":"/","remember":true}}',
    '{"type":"error","code":"password_rejected","message":"x","status":422,"problems":["short"]}',
    '{"type":"error","code":"flow_expired","message":"x","status":400,"passthrough":null}',
    '{"type":"reset_token","email":"not-an-email","token":null,"expires_at":null}',
    '{"type":"reset_token","email":"a@example.com","token":"<script>","expires_at":null}',
    '{"type":"reset_token","email":"a@example.com","token":null}',
    '{"type":"redirect","url":"javascript:alert(1)"}',
  ];
  // [types, body]: each must be refused by a caller accepting those types.
  const badAdmin: Array<[string[], string]> = [
    [['organizations'], fixture('server-authenticated-outcome.json')],
    [['organizations'], '{"type":"organizations","organizations":[{"id":"","name":"x"}],"after":null}'],
    [['organizations'], '{"type":"organizations","organizations":[{"id":"org_1"}],"after":null}'],
    [['organizations'], '{"type":"organizations","organizations":[],"after":""}'],
    [['organizations'], '{"type":"organizations","organizations":{}}'],
    [['user'], '{"type":"user","user":{"id":"user_1"},"membership":null}'],
    [['user'], '{"type":"user","user":null,"membership":{"role":"admin","status":"gone"}}'],
    [['roles'], '{"type":"roles","roles":[{"slug":"","name":"x"}]}'],
    [['health'], '{"type":"health","server_time":"now"}'],
    [['session_revoked'], '{"type":"session_revoked","revoked":true,"logout_url":"javascript:alert(1)"}'],
    [['session_revoked'], fixture('server-roles-outcome.json')],
    [['passkey_registered'], fixture('server-passkey-authenticated-outcome.json')],
    [['passkey_registered'], passkeyRegistered({ device_type: 'tripleDevice' })],
    [['passkey_registered'], passkeyRegistered({ id: 'short' })],
    [['passkey_registered'], passkeyRegistered({ counter: -1 })],
    [['passkey_registered'], passkeyRegistered({ aaguid: 'not-an-aaguid' })],
    [['passkey_registered'], passkeyRegistered({ public_key: '<script>' })],
    [AUTH, withField('server-passkey-authenticated-outcome.json', 'identity', { second_factor: 'carrier-pigeon' })],
    [AUTH, withField('server-passkey-authenticated-outcome.json', 'passkey_used', { counter: 'many' })],
    [AUTH, withField('server-passkey-authenticated-outcome.json', 'passkey_used', { id: '../etc/passwd' })],
    [AUTH, withField('server-step-mfa-enroll-passkey-outcome.json', null, { subject: '<script>alert(1)</script>' })],
  ];
  const out = await stack.site.php(`
    $results = [];
    $accepts = json_decode( ${php(JSON.stringify(ACCEPTS))}, true );
    foreach ( json_decode( ${php(JSON.stringify(Object.fromEntries(files.map((f) => [f, fixture(f)]))))}, true ) as $name => $body ) {
      $results[ $name ] = null !== workos_login_parse_outcome( $body, $accepts[ $name ] )
        && ( in_array( 'authenticated', $accepts[ $name ], true ) || 'error' === json_decode( $body, true )['type'] || null === workos_login_parse_outcome( $body ) );
    }
    foreach ( json_decode( ${php(JSON.stringify(bad))}, true ) as $i => $body ) {
      $results[ "bad-$i" ] = null !== workos_login_parse_outcome( $body );
    }
    foreach ( json_decode( ${php(JSON.stringify(badAdmin))}, true ) as $i => $pair ) {
      $results[ "bad-admin-$i" ] = null !== workos_login_parse_outcome( $pair[1], $pair[0] );
    }
    echo wp_json_encode( $results );
  `);
  const results = JSON.parse(out);
  for (const f of files) expect(results[f], f).toBe(true);
  bad.forEach((_, i) => expect(results[`bad-${i}`], bad[i]).toBe(false));
  badAdmin.forEach(([, body], i) => expect(results[`bad-admin-${i}`], body).toBe(false));
});

test("WordPress answers the browser in the fixtures' shapes: no passthrough, problems, reset_sent", async ({
  stack,
}) => {
  const out = await stack.site.php(`
    $choices = [ 'redirect_to' => '', 'remember' => false, 'profile' => 'default' ];
    $answer = function ( $name ) use ( $choices ) {
      $outcome = workos_login_parse_outcome( json_decode( ${php(JSON.stringify(Object.fromEntries(['server-callback-step-outcome.json', 'server-password-rejected-outcome.json', 'server-reset-token-unknown-outcome.json', 'server-redirect-outcome.json', 'server-step-mfa-enroll-passkey-outcome.json', 'server-passkey-refused-outcome.json'].map((f) => [f, fixture(f)]))))}, true )[ $name ] );
      $response = workos_login_rest_answer( $outcome, '', $choices );
      return [ 'status' => $response->get_status(), 'body' => $response->get_data(), 'outcome' => $outcome ];
    };
    echo wp_json_encode( [
      'step' => $answer( 'server-callback-step-outcome.json' ),
      'rejected' => $answer( 'server-password-rejected-outcome.json' ),
      'reset' => $answer( 'server-reset-token-unknown-outcome.json' ),
      'redirect' => $answer( 'server-redirect-outcome.json' ),
      'enroll' => $answer( 'server-step-mfa-enroll-passkey-outcome.json' ),
      'refused' => $answer( 'server-passkey-refused-outcome.json' ),
    ] );
  `);
  const { step, rejected, reset, redirect, enroll, refused } = JSON.parse(out);
  const callbackStep = JSON.parse(fixture('server-callback-step-outcome.json'));
  expect(step.outcome.passthrough).toEqual(callbackStep.passthrough);
  const { passthrough: _dropped, ...browserStep } = callbackStep;
  expect(step).toMatchObject({ status: 200, body: browserStep });
  expect(Object.keys(step.body).sort()).toEqual(Object.keys(JSON.parse(fixture('browser-step-response.json'))).sort());

  expect(rejected.status).toBe(422);
  expect(rejected.body).toEqual({
    type: 'error',
    code: 'password_rejected',
    message: DEFAULT_STRINGS.error_password_rejected,
    problems: ['too_short', 'breached'],
  });
  expect(Object.keys(rejected.body).sort()).toEqual(
    Object.keys(JSON.parse(fixture('browser-password-rejected-response.json'))).sort(),
  );

  expect(reset).toMatchObject({
    status: 200,
    body: { type: 'step', step: 'reset_sent', flow: '', data: { email: 'nobody@example.com' } },
  });
  expect(Object.keys(reset.body).sort()).toEqual(
    Object.keys(JSON.parse(fixture('browser-step-reset-sent-response.json'))).sort(),
  );
  expect(redirect).toMatchObject({ status: 200, body: JSON.parse(fixture('server-redirect-outcome.json')) });

  // `subject` (a WorkOS user id) never reaches the browser; that user has no passkey here, so
  // the step still offers to register one.
  const { subject: _subject, ...enrollStep } = JSON.parse(fixture('server-step-mfa-enroll-passkey-outcome.json'));
  expect(enroll.outcome.subject).toBe(_subject);
  expect(enroll).toMatchObject({ status: 200, body: enrollStep });
  expect(Object.keys(enroll.body).sort()).toEqual(
    Object.keys(JSON.parse(fixture('browser-step-response.json'))).sort(),
  );
  expect(refused).toMatchObject({
    status: 403,
    body: { type: 'error', code: 'passkey_refused', message: DEFAULT_STRINGS.error_passkey_refused },
  });
});

test('WordPress builds envelopes with exactly the fields of the envelope fixtures', async ({ stack }) => {
  const out = await stack.site.php(`
    echo wp_json_encode( [
      'profile' => workos_login_resolved_profile( workos_login_get_profile( 'default' ) ),
      'context' => workos_login_request_context(),
    ] );
  `);
  const { profile, context } = JSON.parse(out);
  const envelope = JSON.parse(fixture('server-callback-envelope.json'));
  expect(Object.keys(profile).sort()).toEqual(Object.keys(envelope.profile).sort());
  expect(Object.keys(profile.signup).sort()).toEqual(Object.keys(envelope.profile.signup).sort());
  expect(Object.keys(profile.mfa).sort()).toEqual(Object.keys(envelope.profile.mfa).sort());
  expect(Object.keys(context).sort()).toEqual(Object.keys(envelope.context).sort());
  expect(context.redirect_uri).toBe(`${stack.wordpressUrl}/workos/callback`);
  expect(context.browser).toBe('');
});

test('WordPress translates exactly the strings the element knows', async ({ stack }) => {
  const out = await stack.site.php(`echo wp_json_encode( workos_login_strings() );`);
  expect(JSON.parse(out)).toEqual(DEFAULT_STRINGS);
});

test('PHP and the login server sign and verify the same way', async ({ stack }) => {
  const { newRequestId, sign, verify } = await import('../../server/signature.ts');
  const body =
    '{"type":"error","code":"invalid_credentials","message":"Invalid credentials — ünïcode/slash","status":401}';
  const secret = stack.secret;
  // An answer to WordPress's request `id` to /v1/password, as the login server signs it.
  const id = newRequestId();
  const answer = { kind: 'response', method: 'POST', path: '/v1/password', id } as const;
  const cases = {
    valid: sign(secret, body, answer),
    tampered: sign(secret, body.replace('401', '402'), answer),
    expired: sign(secret, body, answer, Date.now() - 120_000),
    foreign: sign('f'.repeat(64), body, answer),
    'another request': sign(secret, body, { ...answer, id: newRequestId() }),
    'another route': sign(secret, body, { ...answer, path: '/v1/magic_code_send' }),
    'another method': sign(secret, body, { ...answer, method: 'PUT' }),
    'a request, not an answer': sign(secret, body, { ...answer, kind: 'request' }),
    'the old scheme': `t=${Date.now()},v1=${'0'.repeat(64)}`,
    garbage: 't=abc,v1=xyz',
  };
  const out = await stack.site.php(`
    $secret  = workos_login_secret();
    $body    = ${php(body)};
    $message = array( 'kind' => 'response', 'method' => 'POST', 'path' => '/v1/password', 'id' => ${php(id)} );
    $out     = [];
    foreach ( json_decode( ${php(JSON.stringify(cases))}, true ) as $name => $header ) {
      $out[ $name ] = workos_login_verify_signature( $header, $body, $secret, $message );
    }
    $request           = array( 'kind' => 'request' ) + $message;
    $out['php_signed'] = workos_login_sign( $body, $secret, $request );
    $out['php_fixed']  = workos_login_sign( $body, $secret, $request, 1700000000000 );
    echo wp_json_encode( $out );
  `);
  const results = JSON.parse(out);
  const { php_signed, php_fixed, ...verdicts } = results;
  expect(verdicts).toEqual({ ...Object.fromEntries(Object.keys(cases).map((k) => [k, false])), valid: true });
  const request = { ...answer, kind: 'request' } as const;
  expect(verify(secret, body, php_signed, request)).toBeNull();
  expect(verify(secret, body, php_signed, { ...request, path: '/v1/signup' })).toBe('mismatch');
  // Byte for byte the same header from the same parts.
  expect(php_fixed).toBe(sign(secret, body, request, 1_700_000_000_000));
});
