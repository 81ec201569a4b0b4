/**
 * Fuzzing WordPress's `workos/v1` routes (issue 13, item 10). Every route the site's own REST index
 * lists — so a new route is fuzzed the day it is registered — gets arbitrary bodies with the valid
 * nonce: objects of its declared arguments with allowed values, wrong types and strangers, scalars,
 * arrays, deep nesting, long strings, text that is not quite JSON and forms with PHP's array syntax.
 * None may answer a 5xx or anything but JSON, and none may make PHP log a line: a visitor must not
 * be able to fill the error log. A visitor tries every route; a signed-in administrator every route
 * outside `auth/`.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import fc from 'fast-check';
import type { Stack } from '../../../scripts/stack.ts';
import { nonceFor, restSignIn } from '../faults.ts';
import { expect, test } from '../fixtures.ts';
import { removeRateLimits, setRateLimits } from '../flows.ts';
import { bodies, encode, formFields, fuzz, FUZZ, pathFor, phpLogWatch, type ArgSchema, type Body } from './fuzz.ts';

const NAMESPACE = '/wp-json/workos/v1';

interface Endpoint {
  route: string;
  methods: string[];
  args: Record<string, ArgSchema>;
}

/** Every endpoint of the namespace, as the site's REST index lists it. */
async function endpoints(api: APIRequestContext): Promise<Endpoint[]> {
  const index = (await (await api.get(NAMESPACE)).json()) as {
    routes: Record<string, { endpoints: Array<{ methods: string[]; args: Record<string, ArgSchema> }> }>;
  };
  return (
    Object.entries(index.routes)
      // The namespace's index is WordPress's own (WP_REST_Server::get_namespace_index()), not the
      // plugin's: on 6.5 `?namespace[]=` is a fatal error there, for every namespace alike.
      .filter(([route]) => route !== NAMESPACE.replace('/wp-json', '') && FUZZ.routes.test(route))
      .flatMap(([route, { endpoints: list }]) => list.map(({ methods, args }) => ({ route, methods, args })))
  );
}

/** Requests sent at once: the built-in server's PHP workers (PHP_CLI_SERVER_WORKERS) answer them together. */
const BATCH = 4;

/** A batch of requests: where, how, and with what (query fields for GET, a body otherwise). */
const requests = (endpoint: Endpoint, size: number) =>
  fc.array(
    fc.record({
      path: pathFor(endpoint.route),
      method: fc.constantFrom(...endpoint.methods),
      body: bodies(endpoint.args),
      query: formFields(Object.keys(endpoint.args)),
    }),
    { minLength: size, maxLength: size },
  );

async function send(
  api: APIRequestContext,
  headers: Record<string, string>,
  request: { path: string; method: string; body: Body; query: Array<[string, string]> },
) {
  const url = `/wp-json${request.path}`;
  if (request.method === 'GET') {
    const query = new URLSearchParams(request.query).toString();
    return api.fetch(query ? `${url}?${query}` : url, { method: 'GET', headers, maxRedirects: 0 });
  }
  const { data, contentType } = encode(request.body);
  return api.fetch(url, { method: request.method, headers: { ...headers, 'content-type': contentType }, data });
}

/**
 * Fuzzes each endpoint with `count` requests (FUZZ_RUNS), a batch at a time; a batch fails on a 5xx,
 * an answer that is not JSON, or a line PHP logged.
 */
async function fuzzEndpoints(
  stack: Stack,
  api: APIRequestContext,
  list: Endpoint[],
  headers: Record<string, string>,
  count = FUZZ.runs,
  size = BATCH,
) {
  expect(list.length).toBeGreaterThan(0);
  for (const endpoint of list) {
    await test.step(`${endpoint.methods.join('|')} ${endpoint.route}`, () =>
      fuzz(
        requests(endpoint, size),
        async (batch) => {
          const logged = phpLogWatch(stack);
          const answers = await Promise.all(batch.map((request) => send(api, headers, request)));
          for (const [i, answer] of answers.entries()) {
            const what = `${batch[i].method} ${batch[i].path}`;
            expect(answer.status(), what).toBeLessThan(500);
            expect(answer.headers()['content-type'] ?? '', what).toContain('application/json');
            const text = await answer.text();
            expect(() => JSON.parse(text), `${what}: ${text.slice(0, 200)}`).not.toThrow();
          }
          expect(logged(), 'PHP logged while answering').toEqual([]);
        },
        Math.ceil(count / size),
      ));
  }
  // Still standing.
  expect((await api.get(`${NAMESPACE}/nonce`)).status()).toBe(200);
}

// Thousands of requests: a trace of them would cost more than they do.
test.use({ trace: 'off' });

test.describe('fuzzing the workos/v1 REST routes', () => {
  // The per-IP budget would answer most valid-looking bodies with 429 before the code behind it.
  test.beforeEach(({ stack }) => setRateLimits(stack, { ip: { max: 0 } }));
  test.afterEach(({ stack }) => removeRateLimits(stack));

  test('the harness sees a PHP warning in the site’s error log', async ({ stack, request }) => {
    const probe = join(stack.site.docroot, 'wp-content/mu-plugins/e2e-fuzz-warning.php');
    mkdirSync(join(stack.site.docroot, 'wp-content/mu-plugins'), { recursive: true });
    writeFileSync(
      probe,
      `<?php if ( isset( $_GET['e2e_fuzz_warning'] ) ) { $e2e_none = array(); echo (string) $e2e_none['missing']; }\n`,
    );
    try {
      const logged = phpLogWatch(stack);
      await request.get('/?e2e_fuzz_warning=1');
      await expect.poll(logged).toContainEqual(expect.stringMatching(/PHP Warning: +Undefined array key "missing"/));
    } finally {
      rmSync(probe, { force: true });
    }
  });

  test('a visitor: every route, arbitrary bodies — no 5xx, no PHP warning', async ({ stack, playwright }) => {
    test.setTimeout(240_000);
    const api = await playwright.request.newContext({ baseURL: stack.wordpressUrl });
    const list = await endpoints(api);
    await fuzzEndpoints(stack, api, list, { 'X-WorkOS-Nonce': await nonceFor(api) });
    await api.dispose();
  });

  test('an administrator: every route outside auth/, arbitrary bodies — no 5xx, no PHP warning', async ({
    stack,
    playwright,
  }) => {
    test.setTimeout(240_000);
    const api = await playwright.request.newContext({ baseURL: stack.wordpressUrl });
    expect((await restSignIn(api, 'ada@example.com')).status).toBe(200);
    await stack.site.php(`get_user_by( 'email', 'ada@example.com' )->set_role( 'administrator' );`);
    const wpNonce = (await (await api.get('/wp-admin/admin-ajax.php?action=rest-nonce')).text()).trim();
    expect(wpNonce).toMatch(/^[0-9a-f]{10}$/);
    const list = (await endpoints(api)).filter((e) => !e.route.startsWith('/workos/v1/auth/'));
    // Half the runs: validation is the same as the visitor's, the handlers behind it are the new part.
    const headers = { 'X-WP-Nonce': wpNonce, 'X-WorkOS-Nonce': await nonceFor(api) };
    // One at a time: the admin routes write options (the organization list's transient), and on the
    // SQLite default parallel option writes can fail at once with "database is locked" — SQLite's
    // deadlock avoidance in the integration's deferred transactions, a concurrency matter the race
    // specs own, not an input the fuzz is about (seen in CI under load; see issue 13's note).
    await fuzzEndpoints(stack, api, list, headers, FUZZ.runs / 2, 1);
    await api.dispose();
  });
});
