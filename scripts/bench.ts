/**
 * `npm run bench`: the figures the issues name, measured on this machine.
 *   - bundle: gzip bytes of the JS a visitor downloads before the form works (and, on a passkey
 *     profile, right after), of all of it, and of `<workos-passkeys>` on the profile screens
 *   - release: the bytes of the plugin zip and the login-server package (`npm run dist`)
 *   - server: overhead a signed step through the login server adds over the same WorkOS SDK calls
 *     made directly (both against the fake), and steps/s with 20 concurrent callers
 *   - pages: the profile page against WordPress's own wp-login.php form in Chromium (gzip weight,
 *     time to first byte, time to an interactive form)
 *   - prod: on the production-like lane, a full password sign-in with 20 concurrent callers beside
 *     WordPress's own wp-login.php POST, peak worker memory, and what each fault costs a visitor
 *     (scripts/bench/prod.ts; skipped with a reason where the lane cannot run)
 * `npm run bench -- --json` ends stdout with one JSON object. Benchmarks measure; tests never
 * assert on timing.
 */
import { join } from 'node:path';
import { build } from './build.ts';
import { pack } from './dist.ts';
import { measureBundle } from './bench/bundle.ts';
import { ENUMERATION_HOOKS, measureEnumeration } from './bench/enumeration.ts';
import { measurePage } from './bench/page.ts';
import { measureProd } from './bench/prod.ts';
import { measureServer } from './bench/server.ts';
import { ProdLaneUnavailable } from './prod/stack.ts';
import { ROOT, startStack } from './stack.ts';

const json = process.argv.includes('--json');
const quick = process.argv.includes('--quick');

build();
const bundle = measureBundle();
const packed = pack(ROOT, join(ROOT, '.wp/bench-dist'));
const release = {
  release_plugin_zip_bytes: packed.plugin.bytes,
  release_plugin_files: packed.plugin.entries,
  release_server_tgz_bytes: packed.server.bytes,
};
const stack = await startStack({
  name: 'bench',
  ports: { workos: 4300, server: 4301, wordpress: 8893 },
  workos: 'fake',
  quiet: true,
  // WordPress's own form (the emergency native form), measured beside ours.
  constants: { WORKOS_LOGIN_ALLOW_NATIVE_LOGIN: true },
  muPlugins: { 'bench-enumeration': ENUMERATION_HOOKS },
});
let server, page, enumeration;
try {
  server = await measureServer(stack, { runs: quick ? 200 : 1000, seconds: quick ? 2 : 10, concurrency: 20 });
  page = await measurePage(stack, { loads: quick ? 3 : 21 });
  enumeration = await measureEnumeration(stack, { pairs: quick ? 10 : 50 });
} finally {
  await stack.stop();
}

let prod: Awaited<ReturnType<typeof measureProd>> | null = null;
try {
  prod = await measureProd({ seconds: quick ? 3 : 15, concurrency: 20 });
} catch (error) {
  if (!(error instanceof ProdLaneUnavailable)) throw error;
  process.stdout.write(`\nprod: skipped (${error.message})\n`);
}

const figures = { ...bundle, ...release, ...server, ...page, ...enumeration, ...prod };
const rows: Array<[string, string, string]> = [
  ['element_initial_js_gzip_bytes', `${figures.element_initial_js_gzip_bytes} B`, 'budget ≤ 16384 B'],
  [
    'element_passkey_js_gzip_bytes',
    `${figures.element_passkey_js_gzip_bytes} B`,
    'initial + the passkey chunk (passkey profiles, after first render)',
  ],
  ['element_total_js_gzip_bytes', `${figures.element_total_js_gzip_bytes} B`, 'every chunk of <workos-login>'],
  [
    'passkeys_element_js_gzip_bytes',
    `${figures.passkeys_element_js_gzip_bytes} B`,
    '<workos-passkeys> (profile screens)',
  ],
  [
    'release_plugin_zip_bytes',
    `${figures.release_plugin_zip_bytes} B`,
    `workos-login-<version>.zip, ${figures.release_plugin_files} files`,
  ],
  ['release_server_tgz_bytes', `${figures.release_server_tgz_bytes} B`, 'workos-login-server-<version>.tgz'],
  ['server_step_overhead_p50_ms', figures.server_step_overhead_p50_ms.toFixed(3), 'budget ≤ 1 ms'],
  ['server_step_overhead_p99_ms', figures.server_step_overhead_p99_ms.toFixed(3), 'budget ≤ 3 ms'],
  [
    'server_step_overhead_paired_p50_ms',
    figures.server_step_overhead_paired_p50_ms.toFixed(3),
    'median of per-pair differences',
  ],
  ['server_step_direct_p50_ms', figures.server_step_direct_p50_ms.toFixed(3), 'SDK → fake, no login server'],
  [
    'server_step_via_server_p50_ms',
    figures.server_step_via_server_p50_ms.toFixed(3),
    'signed, through the login server',
  ],
  ['server_steps_per_s', figures.server_steps_per_s.toFixed(0), '20 concurrent callers'],
  ['profile_page_bytes_gzip', `${figures.profile_page_bytes_gzip} B`, '/workos/login/default: HTML + CSS + JS'],
  ['wp_login_page_bytes_gzip', `${figures.wp_login_page_bytes_gzip} B`, "WordPress's own wp-login.php form"],
  ['profile_page_ttfb_ms', figures.profile_page_ttfb_ms.toFixed(1), 'median, native PHP'],
  ['wp_login_page_ttfb_ms', figures.wp_login_page_ttfb_ms.toFixed(1), 'median, native PHP'],
  [
    'profile_page_interactive_ms',
    figures.profile_page_interactive_ms.toFixed(1),
    'median of 21 loads: navigation → form ready',
  ],
  ['wp_login_page_interactive_ms', figures.wp_login_page_interactive_ms.toFixed(1), 'median of 21 loads'],
];
for (const route of ['password', 'magic_code_send', 'reset_request', 'signup']) {
  const delta = enumeration?.[`enumeration_delta_ms_${route}`] ?? NaN;
  const existing = enumeration?.[`enumeration_existing_p50_ms_${route}`] ?? NaN;
  rows.push([
    `enumeration_delta_ms_${route}`,
    delta.toFixed(1),
    `existing − unknown email, medians of ${quick ? 10 : 50} pairs (existing: ${existing.toFixed(0)} ms)`,
  ]);
}
if (prod) {
  const ms = (v: number) => v.toFixed(1);
  rows.push(
    [
      'prod_signin_per_s',
      prod.prod_signin_per_s.toFixed(1),
      'REST password sign-in, 20 callers, MariaDB + 2 FPM + Redis + 2 replicas',
    ],
    ['prod_signin_p50_ms', ms(prod.prod_signin_p50_ms), 'the sign-in request (its page carries the nonce)'],
    ['prod_signin_p99_ms', ms(prod.prod_signin_p99_ms), ''],
    [
      'prod_signin_sessions_working',
      `${prod.prod_signin_sessions_working}/${prod.prod_signin_signed_in}`,
      `of ${prod.prod_signin_attempts} attempts: signed_in answers whose session then works (must be all)`,
    ],
    ['prod_wp_login_per_s', prod.prod_wp_login_per_s.toFixed(1), "WordPress's own wp-login.php POST, same stack"],
    ['prod_wp_login_p50_ms', ms(prod.prod_wp_login_p50_ms), ''],
    ['prod_wp_login_p99_ms', ms(prod.prod_wp_login_p99_ms), ''],
    ['prod_wp_login_sessions_working', `${prod.prod_wp_login_sessions_working}/${prod.prod_wp_login_attempts}`, ''],
    ['prod_latency_ratio_p50', prod.prod_latency_ratio_p50.toFixed(2), 'target ≤ 1.5 × WordPress’s own'],
    ['prod_throughput_ratio', prod.prod_throughput_ratio.toFixed(2), 'target ≥ 0.6 × WordPress’s own'],
    ['prod_signin_peak_memory_mb', prod.prod_signin_peak_memory_mb.toFixed(1), 'peak of a PHP worker during a sign-in'],
    ['prod_wp_login_peak_memory_mb', prod.prod_wp_login_peak_memory_mb.toFixed(1), 'same, WordPress’s own form'],
    ['fault_workos_slow_2s_wait_ms', ms(prod.fault_workos_slow_2s_wait_ms), 'WorkOS 2 s slower: still signs in'],
    [
      'fault_workos_hung_wait_ms',
      ms(prod.fault_workos_hung_wait_ms),
      'WorkOS hung: the server’s budget, then unavailable',
    ],
    ['fault_server_stopped_wait_ms', ms(prod.fault_server_stopped_wait_ms), 'replicas stopped: the balancer’s 502'],
    [
      'fault_server_hung_first_wait_ms',
      ms(prod.fault_server_hung_first_wait_ms),
      'replicas hung: the first visitor waits the timeout',
    ],
    ['fault_server_hung_next_wait_ms', ms(prod.fault_server_hung_next_wait_ms), 'then the breaker answers at once'],
  );
}
process.stdout.write('\nfigure                           value       note\n');
for (const [name, value, note] of rows) process.stdout.write(`${name.padEnd(32)} ${value.padStart(10)}  ${note}\n`);
if (json) process.stdout.write(`${JSON.stringify(figures)}\n`);
