/**
 * A flood of refused requests (issue 13, item 10) costs the database nothing: a refused request
 * spends no other budget, changes no counter row and adds no audit row beyond the first refusal
 * of its bucket in a window.
 */
import type { Stack } from '../../../scripts/stack.ts';
import { auditRows } from '../audit.ts';
import { nonceFor, restSignIn } from '../faults.ts';
import { expect, test } from '../fixtures.ts';
import { removeRateLimits, setRateLimits } from '../flows.ts';
import { phpJsonOut } from '../profiles.ts';

test.afterEach(({ stack }) => removeRateLimits(stack));

/** The limits table's rows and the sum of their hits. */
const counters = (stack: Stack) =>
  phpJsonOut<{ rows: string; hits: string }>(
    stack,
    `global $wpdb;
    echo wp_json_encode( $wpdb->get_row( $wpdb->prepare( 'SELECT COUNT(*) AS rows, COALESCE( SUM( hits ), 0 ) AS hits FROM %i', workos_login_limits_table() ), ARRAY_A ) );`,
  );

const refusals = async (stack: Stack) =>
  (await auditRows(stack)).filter((row) => row.event === 'login_failed' && row.detail.includes('rate_limited'));

test('refused requests change no counter and are audited once per bucket and window', async ({ stack, playwright }) => {
  await setRateLimits(stack, { ip: { max: 6, window: 600 }, email: { password: { max: 2, window: 600 } } });
  const api = await playwright.request.newContext({ baseURL: stack.wordpressUrl });
  await nonceFor(api);
  const email = `flood-${Date.now()}@example.com`;

  // Two wrong passwords use the email's budget up; the third is refused, and audited.
  for (let i = 0; i < 2; i++) expect((await restSignIn(api, email, 'not-the-password')).status).toBe(401);
  expect((await restSignIn(api, email, 'not-the-password')).status).toBe(429);
  expect(await refusals(stack)).toHaveLength(1);
  const before = await counters(stack);

  // A flood on the same email: refused, and nothing changes — not the address's count either.
  for (let i = 0; i < 25; i++) {
    const answer = await restSignIn(api, email, 'not-the-password');
    expect(answer.status).toBe(429);
    expect(answer.body.code).toBe('rate_limited');
    expect(Number(answer.retryAfter)).toBeGreaterThan(0);
  }
  expect(await counters(stack)).toEqual(before);
  expect(await refusals(stack)).toHaveLength(1);
  await api.dispose();
});
