/**
 * The project's two test object caches really are what they claim (issue 12, item 1): WordPress
 * loads each as a drop-in, the weak one loses races and miscounts the way the popular drop-ins
 * do, and the correct one does not — so a race test that passes on the weak cache means something.
 * Runs on either lane (E2E_LANE=sqlite npx playwright test -c playwright.prod.config.ts tests/prod/object-cache.spec.ts).
 */
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Stack } from '../../scripts/stack.ts';
import { expect, test } from '../e2e/fixtures.ts';

const PROBE = 'workos-test-cache-probe.php';
const probeFile = (stack: Stack) => join(stack.site.docroot, 'wp-content/mu-plugins', PROBE);

test.beforeAll(({ stack }) => {
  mkdirSync(join(stack.site.docroot, 'wp-content/mu-plugins'), { recursive: true });
  copyFileSync(join(import.meta.dirname, 'mu-plugins/cache-probe.php'), probeFile(stack));
});
test.afterAll(({ stack }) => rmSync(probeFile(stack), { force: true }));

async function probe<T>(stack: Stack, path: string, body?: object): Promise<T> {
  const response = await fetch(`${stack.wordpressUrl}/wp-json/workos-test/v1${path}`, {
    method: body ? 'POST' : 'GET',
    headers: { 'content-type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

/** How many of `n` simultaneous `wp_cache_add()` calls on one fresh key answered true. */
async function claims(stack: Stack, n: number): Promise<number> {
  const key = `claim-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const answers = await Promise.all(
    Array.from({ length: n }, () => probe<{ claimed: boolean }>(stack, '/cache/claim', { key })),
  );
  return answers.filter((answer) => answer.claimed).length;
}

interface IncrAnswer {
  result: number | boolean;
  value: number;
  ttl: number | null;
}

test('WordPress loads each drop-in as its external object cache', async ({ stack }) => {
  await stack.setObjectCache('none');
  expect(await probe(stack, '/cache')).toEqual({ external: false, class: 'WP_Object_Cache' });
  await stack.setObjectCache('redis');
  expect(await probe(stack, '/cache')).toEqual({ external: true, class: 'WorkOS_Test_Object_Cache' });
  await stack.setObjectCache('weak');
  expect(await probe(stack, '/cache')).toEqual({ external: true, class: 'WorkOS_Test_Weak_Object_Cache' });
});

test('the correct cache: one claim of 40, incr counts and keeps the TTL', async ({ stack }) => {
  await stack.setObjectCache('redis');
  for (let round = 0; round < 3; round += 1) expect(await claims(stack, 40)).toBe(1);

  const key = `counter-${Date.now()}`;
  const first = await probe<IncrAnswer>(stack, '/cache/incr', { key });
  const second = await probe<IncrAnswer>(stack, '/cache/incr', { key });
  expect([first.result, second.result]).toEqual([1, 2]);
  expect(second.ttl).toBeGreaterThan(0);
  expect(second.ttl).toBeLessThanOrEqual(60);
});

test('the weak cache: concurrent claims succeed more than once, incr answers true and drops the TTL', async ({
  stack,
}) => {
  await stack.setObjectCache('weak');
  // A race, so not every round must show it; three rounds of 40 always have so far.
  const rounds: number[] = [];
  for (let round = 0; round < 3 && !rounds.some((won) => won > 1); round += 1) rounds.push(await claims(stack, 40));
  expect(Math.max(...rounds)).toBeGreaterThan(1);

  const key = `counter-${Date.now()}`;
  const answer = await probe<IncrAnswer>(stack, '/cache/incr', { key });
  expect(answer.result).toBe(true);
  expect(answer.value).toBe(1);
  expect(answer.ttl).toBe(-1);
});

test('a reset returns to the lane’s default cache and forgets every key', async ({ stack }) => {
  await stack.setObjectCache('redis');
  const key = `kept-${Date.now()}`;
  await probe(stack, '/cache/claim', { key });
  await stack.site.reset();
  await stack.setObjectCache('redis');
  expect(await probe(stack, '/cache/claim', { key })).toEqual({ claimed: true });
});
