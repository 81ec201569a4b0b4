/**
 * Equal answers in equal time (issue 13, item 7): for each route that must not tell whether an
 * account exists, the median time of an answer about an existing account minus that about an
 * unknown one, over `pairs` pairs sent alternately (which goes first alternates too), through
 * WordPress's REST route as the element sends it. Measured here, never asserted in a test.
 */
import type { Stack } from '../stack.ts';

/** Rate limits out of the way: every pair of one route counts against the same email. */
export const ENUMERATION_HOOKS = `<?php
add_filter( 'workos_login_rate_limits', static function ( $limits ) {
	$many = array( 'max' => 1000000, 'window' => 60 );
	return array( 'ip' => $many, 'callback' => $many, 'flow' => $many, 'email' => array_fill_keys( array_keys( $limits['email'] ), $many ) );
} );
`;

const EXISTING = 'ada@example.com';

/** Each route: the body for an email; the existing side uses a demo account. */
const ROUTES: Record<string, (email: string, i: number) => Record<string, unknown>> = {
  password: (email) => ({ email, password: 'not-the-password' }),
  magic_code_send: (email) => ({ email }),
  reset_request: (email) => ({ email }),
  signup: (email) => ({ email, password: 'Another-Horse-7-battery', first_name: 'Bench', last_name: 'Visitor' }),
};

const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];

/** The `default` profile with every route measured here switched on (else they answer a cheap refusal). */
const OPEN_EVERY_ROUTE = `
  $stored = get_option( 'workos_login_profiles', array() );
  $stored = is_array( $stored ) ? $stored : array();
  $profile = workos_login_get_profile( 'default' );
  $profile['methods'] = array_values( array_unique( array_merge( (array) $profile['methods'], array( 'password', 'magic_code' ) ) ) );
  $profile['signup'] = array( 'enabled' => true, 'require_invitation' => false );
  $profile['password_reset'] = true;
  $stored['default'] = $profile;
  update_option( 'workos_login_profiles', $stored );
`;

/** What each route answers both emails when it works (a different status means the bench measured something else). */
const EXPECTED_STATUS: Record<string, number> = {
  password: 401,
  magic_code_send: 200,
  reset_request: 200,
  signup: 200,
};

export async function measureEnumeration(stack: Stack, opts: { pairs: number }) {
  await stack.site.php(OPEN_EVERY_ROUTE);
  const base = stack.wordpressUrl;
  const nonce = ((await (await fetch(`${base}/wp-json/workos/v1/nonce`)).json()) as { nonce: string }).nonce;
  const time = async (route: string, body: Record<string, unknown>) => {
    const started = performance.now();
    const answer = await fetch(`${base}/wp-json/workos/v1/auth/${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-workos-nonce': nonce },
      body: JSON.stringify({ profile: 'default', ...body }),
    });
    const text = await answer.text();
    if (answer.status !== EXPECTED_STATUS[route]) {
      throw new Error(`enumeration bench: ${route} answered ${answer.status} ${text.slice(0, 200)}`);
    }
    return performance.now() - started;
  };
  const figures: Record<string, number> = {};
  for (const [route, body] of Object.entries(ROUTES)) {
    const existing: number[] = [];
    const unknown: number[] = [];
    await time(route, body(EXISTING, -1)); // warm
    for (let i = 0; i < opts.pairs; i++) {
      const stranger = `nobody-${route}-${i}-${Date.now()}@example.com`;
      const pair = [
        async () => existing.push(await time(route, body(EXISTING, i))),
        async () => unknown.push(await time(route, body(stranger, i))),
      ];
      for (const run of i % 2 === 0 ? pair : pair.reverse()) await run();
    }
    figures[`enumeration_delta_ms_${route}`] = median(existing) - median(unknown);
    figures[`enumeration_existing_p50_ms_${route}`] = median(existing);
  }
  return figures;
}
