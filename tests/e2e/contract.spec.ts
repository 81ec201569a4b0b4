/**
 * The PHP side of the contract, checked inside the real WordPress against the same JSON fixtures
 * and constants the TypeScript side uses (protocol/fixtures.test.ts checks those).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { LIMITS } from '../../protocol/messages.ts';
import { DEFAULT_STRINGS } from '../../protocol/strings.ts';
import { expect, test } from './fixtures.ts';

const FIXTURES = join(import.meta.dirname, '../../protocol/fixtures');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const php = (value: string) => `base64_decode('${Buffer.from(value).toString('base64')}')`;

test('the REST schema of /auth/password accepts the request fixture and mirrors the shared limits', async ({
  stack,
}) => {
  const out = await stack.site.php(`
    $route = rest_get_server()->get_routes()['/workos/v1/auth/password'][0];
    $args = $route['args'];
    $request = json_decode( ${php(fixture('browser-password-request.json'))}, true );
    $errors = [];
    foreach ( $request as $key => $value ) {
      if ( ! isset( $args[ $key ] ) ) { $errors[] = "unknown field $key"; continue; }
      $valid = rest_validate_value_from_schema( $value, $args[ $key ], $key );
      if ( is_wp_error( $valid ) ) { $errors[] = $valid->get_error_message(); }
    }
    foreach ( $args as $key => $arg ) {
      if ( ! empty( $arg['required'] ) && ! array_key_exists( $key, $request ) ) { $errors[] = "missing $key"; }
    }
    echo wp_json_encode( [ 'errors' => $errors, 'args' => $args ] );
  `);
  const { errors, args } = JSON.parse(out);
  expect(errors).toEqual([]);
  expect(args.email.maxLength).toBe(LIMITS.emailMax);
  expect(args.password.maxLength).toBe(LIMITS.passwordMax);
  expect(args.redirect_to.maxLength).toBe(LIMITS.redirectMax);
  expect(args.profile.pattern).toBe(LIMITS.profileSlugPattern);
  expect(Object.keys(args).sort()).toEqual(Object.keys(JSON.parse(fixture('browser-password-request.json'))).sort());
});

test('WordPress accepts every server outcome fixture and refuses malformed outcomes', async ({ stack }) => {
  const files = readdirSync(FIXTURES).filter((f) => /^server-.*-outcome\.json$/.test(f));
  // Each call names the outcome types it accepts: admin outcomes never answer an auth step.
  const AUTH = ['step', 'redirect', 'authenticated', 'error'];
  const ACCEPTS: Record<string, string[]> = {
    'server-authenticated-outcome.json': AUTH,
    'server-error-outcome.json': AUTH,
    'server-step-outcome.json': AUTH,
    'server-redirect-outcome.json': AUTH,
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

test('WordPress translates exactly the strings the element knows', async ({ stack }) => {
  const out = await stack.site.php(`echo wp_json_encode( workos_login_strings() );`);
  expect(JSON.parse(out)).toEqual(DEFAULT_STRINGS);
});

test('PHP and the login server sign and verify the same way', async ({ stack }) => {
  const { sign, verify } = await import('../../server/signature.ts');
  const body =
    '{"type":"error","code":"invalid_credentials","message":"Invalid credentials — ünïcode/slash","status":401}';
  const secret = stack.secret;
  const cases = {
    valid: sign(secret, body),
    tampered: sign(secret, body.replace('401', '402')),
    expired: sign(secret, body, Date.now() - 120_000),
    foreign: sign('f'.repeat(64), body),
    garbage: 't=abc,v1=xyz',
  };
  const out = await stack.site.php(`
    $secret = workos_login_secret();
    $body = ${php(body)};
    $out = [];
    foreach ( json_decode( ${php(JSON.stringify(cases))}, true ) as $name => $header ) {
      $out[ $name ] = workos_login_verify_signature( $header, $body, $secret );
    }
    $out['php_signed'] = workos_login_sign( $body, $secret );
    echo wp_json_encode( $out );
  `);
  const results = JSON.parse(out);
  expect(results).toMatchObject({ valid: true, tampered: false, expired: false, foreign: false, garbage: false });
  expect(verify(secret, body, results.php_signed)).toBeNull();
});
