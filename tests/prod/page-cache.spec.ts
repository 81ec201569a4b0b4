/**
 * Full-page caches (issue 12, item 4; ARCHITECTURE rule 9): a page with the login shortcode,
 * served by nginx's page cache long after the nonce printed into it expired, still signs a
 * visitor in — the element fetches a fresh nonce — while the plugin's own sign-in pages are never
 * cached. Production lane only: the SQLite lane has no page cache.
 */
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, signIn, test } from '../e2e/fixtures.ts';
import { DEMO_PASSWORD } from '../e2e/flows.ts';

test.skip(({ stack }) => stack.lane !== 'prod', 'needs nginx’s full-page cache');

/** Test-only: `workos_login` nonces live 6 s (valid 3–6 s), so "older than its nonce" takes seconds. */
const SHORT_NONCES = `<?php
add_filter( 'nonce_life', static fn ( $life, $action = -1 ) => 'workos_login' === $action ? 6 : $life, 10, 2 );
`;

let muPlugin = '';
test.beforeEach(async ({ stack }) => {
  muPlugin = join(stack.site.docroot, 'wp-content/mu-plugins/workos-test-short-nonces.php');
  await writeFile(muPlugin, SHORT_NONCES);
});
test.afterEach(async () => {
  await rm(muPlugin, { force: true });
});

const nonceIn = (html: string) => /<workos-login[^>]*\snonce="([^"]+)"/.exec(html)?.[1] ?? null;

test('a cached page older than its nonce still signs the visitor in', async ({ page, stack, playwright }) => {
  const path = await stack.site.php(`
    $id = wp_insert_post( array(
      'post_type'    => 'page',
      'post_status'  => 'publish',
      'post_title'   => 'Members',
      'post_content' => '[workos:login profile="default" redirect_to="/wp-admin/profile.php"]',
    ) );
    echo wp_make_link_relative( get_permalink( $id ) );
  `);

  // An anonymous visitor fills the cache; the next one gets the cached copy, nonce and all.
  const anonymous = await playwright.request.newContext({ baseURL: stack.wordpressUrl });
  const first = await anonymous.get(path);
  expect(first.headers()['x-cache-status']).toBe('MISS');
  const cachedNonce = nonceIn(await first.text());
  expect(cachedNonce).not.toBeNull();
  const again = await anonymous.get(path);
  expect(again.headers()['x-cache-status']).toBe('HIT');

  // Wait (on the state, not a time) until WordPress refuses the nonce the cached page carries.
  await expect
    .poll(
      async () =>
        (
          await anonymous.post('/wp-json/workos/v1/auth/password', {
            headers: { 'X-WorkOS-Nonce': cachedNonce! },
            data: { profile: 'default', email: 'nobody@example.com', password: 'x' },
          })
        ).status(),
      { timeout: 30_000, intervals: [1_000] },
    )
    .toBe(403);

  // The cached copy is still what visitors get…
  const fetched: string[] = [];
  page.on('request', (request) => fetched.push(`${request.method()} ${new URL(request.url()).pathname}`));
  const visit = await page.goto(path);
  expect(visit!.headers()['x-cache-status']).toBe('HIT');
  expect(nonceIn(await visit!.text())).toBe(cachedNonce);
  // …and it signs them in: the element asks for a fresh nonce and tries once more.
  await signIn(page, 'grace@example.com', DEMO_PASSWORD);
  await page.waitForURL('**/wp-admin/profile.php');
  expect(fetched).toContain('GET /wp-json/workos/v1/nonce');
  await anonymous.dispose();
});

test('the plugin’s own sign-in pages are never kept by the page cache', async ({ stack, playwright }) => {
  const anonymous = await playwright.request.newContext({ baseURL: stack.wordpressUrl });
  for (const path of ['/workos/login/default', '/workos/login/default', '/wp-login.php']) {
    const answer = await anonymous.get(path);
    expect(answer.status()).toBe(200);
    expect(answer.headers()['x-cache-status'] ?? 'BYPASS', path).not.toBe('HIT');
    expect(answer.headers()['cache-control'], path).toContain('no-store');
    expect(answer.headers()['cache-control'], path).toContain('private');
  }
  const nonce = await anonymous.get('/wp-json/workos/v1/nonce');
  expect(nonce.headers()['cache-control']).toContain('no-store');
  // A foreign page cannot read a nonce (WordPress's REST API would answer it with CORS headers).
  const foreign = await anonymous.get('/wp-json/workos/v1/nonce', { headers: { Origin: 'https://evil.example' } });
  expect(foreign.status()).toBe(403);
  await anonymous.dispose();
});
