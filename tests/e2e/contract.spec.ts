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
  const admin = ['server-organizations-outcome.json', 'server-error-outcome.json'];
  const bad = [
    '{}',
    '{"type":"authenticated","identity":{}}',
    '{"type":"error","code":"nope","message":"x","status":400}',
    'not json',
    fixture('server-organizations-outcome.json'),
  ];
  const badAdmin = [
    fixture('server-authenticated-outcome.json'),
    '{"type":"organizations","organizations":[{"id":"","name":"x"}],"after":null}',
    '{"type":"organizations","organizations":[{"id":"org_1"}],"after":null}',
    '{"type":"organizations","organizations":[],"after":""}',
    '{"type":"organizations","organizations":{}}',
  ];
  const out = await stack.site.php(`
    $results = [];
    $admin = json_decode( ${php(JSON.stringify(admin))}, true );
    foreach ( json_decode( ${php(JSON.stringify(Object.fromEntries(files.map((f) => [f, fixture(f)]))))}, true ) as $name => $body ) {
      $auth = 'server-organizations-outcome.json' !== $name;
      $results[ $name ] = ( ! $auth || null !== workos_login_parse_outcome( $body ) )
        && ( ! in_array( $name, $admin, true ) || null !== workos_login_parse_outcome( $body, WORKOS_LOGIN_ORGANIZATIONS_OUTCOME_TYPES ) );
    }
    foreach ( json_decode( ${php(JSON.stringify(bad))}, true ) as $i => $body ) {
      $results[ "bad-$i" ] = null !== workos_login_parse_outcome( $body );
    }
    foreach ( json_decode( ${php(JSON.stringify(badAdmin))}, true ) as $i => $body ) {
      $results[ "bad-admin-$i" ] = null !== workos_login_parse_outcome( $body, WORKOS_LOGIN_ORGANIZATIONS_OUTCOME_TYPES );
    }
    echo wp_json_encode( $results );
  `);
  const results = JSON.parse(out);
  for (const f of files) expect(results[f], f).toBe(true);
  bad.forEach((_, i) => expect(results[`bad-${i}`], bad[i]).toBe(false));
  badAdmin.forEach((_, i) => expect(results[`bad-admin-${i}`], badAdmin[i]).toBe(false));
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
