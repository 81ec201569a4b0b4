import type { APIRequestContext } from '@playwright/test';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ObjectCacheMode, Stack } from '../../scripts/stack.ts';
import { expect, test } from './fixtures.ts';

/**
 * Rate limits and one-time marks under real concurrency (ARCHITECTURE rule 6): decided by one
 * atomic statement in the plugin's table, whatever object cache the site runs — none, a correct
 * Redis drop-in, or a weak one (`add` = get then set, `incr` answers `true`) like popular drop-ins.
 * Bursts go through every PHP worker (and, on the production lane, both nodes).
 */

/** A probe the spec installs: the real one-time mark, claimed over HTTP by parallel requests. */
const PROBE = `<?php
add_action( 'rest_api_init', static function () {
	register_rest_route( 'workos-test/v1', '/mark', array(
		'methods'             => 'POST',
		'permission_callback' => '__return_true',
		'callback'            => static fn ( $request ) => array( 'marked' => workos_login_limits_mark( 'race:' . (string) $request['key'], 60 ) ),
	) );
} );
add_filter( 'workos_login_rate_limits', static function ( $limits ) {
	$test = get_option( 'workos_test_rate_limits' );
	return is_array( $test ) ? array_replace_recursive( $limits, $test ) : $limits;
} );
`;

const MODES: ObjectCacheMode[] = ['none', 'redis', 'weak'];

test.describe.configure({ timeout: 240_000 });

let probe = '';
test.beforeEach(async ({ stack }) => {
  probe = join(stack.site.docroot, 'wp-content/mu-plugins/workos-test-races.php');
  await writeFile(probe, PROBE);
});
test.afterEach(async ({ stack }) => {
  await rm(probe, { force: true });
  await stack.setObjectCache('none');
});

/** Empties the counters table between rounds (each round starts with full budgets). */
async function clearLimits(stack: Stack): Promise<void> {
  await stack.site.php(`global $wpdb; $wpdb->query( 'DELETE FROM ' . workos_login_limits_table() );`);
}

async function nonceFor(api: APIRequestContext): Promise<string> {
  const answer = await api.get('/wp-json/workos/v1/nonce');
  expect(answer.status()).toBe(200);
  return ((await answer.json()) as { nonce: string }).nonce;
}

/** `count` wrong-password sign-ins at once; the statuses they got. */
async function burst(api: APIRequestContext, emails: (i: number) => string, count: number): Promise<number[]> {
  const nonce = await nonceFor(api);
  return Promise.all(
    Array.from({ length: count }, (_, i) =>
      api
        .post('/wp-json/workos/v1/auth/password', {
          headers: { 'X-WorkOS-Nonce': nonce },
          data: { profile: 'default', email: emails(i), password: 'not-the-password' },
        })
        .then((answer) => answer.status()),
    ),
  );
}

const tally = (statuses: number[]) =>
  statuses.reduce<Record<number, number>>((all, s) => ({ ...all, [s]: (all[s] ?? 0) + 1 }), {});

for (const mode of MODES) {
  test(`object cache ${mode}: a 50-way burst on one email lets exactly its limit through`, async ({
    stack,
    playwright,
  }) => {
    await stack.setObjectCache(mode);
    await clearLimits(stack);
    const api = await playwright.request.newContext({ baseURL: stack.wordpressUrl });
    const statuses = await burst(api, () => `burst-${mode}@example.com`, 50);
    // Per-email password limit: 10 per 15 minutes. The rest are refused before WorkOS is asked.
    expect(tally(statuses)).toEqual({ 401: 10, 429: 40 });
    await api.dispose();
  });

  test(`object cache ${mode}: a 100-way burst from one address lets exactly the per-IP limit through`, async ({
    stack,
    playwright,
  }) => {
    await stack.setObjectCache(mode);
    await clearLimits(stack);
    const api = await playwright.request.newContext({ baseURL: stack.wordpressUrl });
    const statuses = await burst(api, (i) => `ip-${mode}-${i}@example.com`, 100);
    expect(tally(statuses)).toEqual({ 401: 60, 429: 40 });
    await api.dispose();
  });

  test(`object cache ${mode}: 40 requests racing for one mark claim it exactly once`, async ({ stack, playwright }) => {
    await stack.setObjectCache(mode);
    const api = await playwright.request.newContext({ baseURL: stack.wordpressUrl });
    const claims = await Promise.all(
      Array.from({ length: 40 }, () =>
        api.post('/wp-json/workos-test/v1/mark', { data: { key: `race-${mode}` } }).then(async (answer) => {
          expect(answer.status()).toBe(200);
          return ((await answer.json()) as { marked: boolean | null }).marked;
        }),
      ),
    );
    expect(claims.filter((c) => c === true)).toHaveLength(1);
    expect(claims.filter((c) => c === false)).toHaveLength(39);
    await api.dispose();
  });

  test(`object cache ${mode}: counters expire with their window`, async ({ stack, playwright }) => {
    await stack.setObjectCache(mode);
    await clearLimits(stack);
    await stack.site.php(
      `update_option( 'workos_test_rate_limits', array( 'email' => array( 'password' => array( 'max' => 2, 'window' => 15 ) ) ) );`,
    );
    const api = await playwright.request.newContext({ baseURL: stack.wordpressUrl });
    const email = () => `expiry-${mode}@example.com`;
    const first = [...(await burst(api, email, 1)), ...(await burst(api, email, 1)), ...(await burst(api, email, 1))];
    expect(first).toEqual([401, 401, 429]);
    // The window ends 15 s after its first hit (room for the three sign-ins above on a busy
    // machine): wait for the state, not for a time.
    await expect.poll(async () => (await burst(api, email, 1))[0], { timeout: 90_000, intervals: [1000] }).toBe(401);
    await api.dispose();
  });
}
