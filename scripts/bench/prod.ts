/**
 * The production lane's figures (issue 12, item 9), on its own stack (MariaDB, two PHP-FPM nodes
 * behind nginx, Redis object cache, two login-server replicas):
 *   - a full password sign-in through the element's REST route, 20 concurrent callers: sign-ins/s,
 *     p50, p99, and how many `signed_in` answers carried a session that then works — beside
 *     WordPress's own wp-login.php password POST on the same stack, in the same run;
 *   - peak memory of a PHP worker during each;
 *   - how long a visitor waits when WorkOS or the login server is slow, hung or stopped.
 * Benchmarks measure; nothing here asserts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startProdStack } from '../prod/stack.ts';
import { prodLaneEnv } from '../prod/env.ts';
import { FAKE_API_KEY, type Stack } from '../stack.ts';

const PASSWORD = 'Correct-Horse-7';

/** Bench-only hooks: limits out of the way (20 callers × many sign-ins), peak memory per request. */
const HOOKS = `<?php
add_filter( 'workos_login_rate_limits', static function ( $limits ) {
	$many = array( 'max' => 1000000, 'window' => 60 );
	return array( 'ip' => $many, 'callback' => $many, 'flow' => $many, 'email' => array_fill_keys( array_keys( $limits['email'] ), $many ) );
} );
register_shutdown_function( static function () {
	$uri  = $_SERVER['REQUEST_URI'] ?? '';
	$kind = str_contains( $uri, '/workos/v1/auth/password' ) ? 'workos' : ( str_contains( $uri, 'wp-login.php' ) && 'POST' === ( $_SERVER['REQUEST_METHOD'] ?? '' ) ? 'native' : '' );
	if ( '' !== $kind ) {
		file_put_contents( WP_CONTENT_DIR . '/bench-memory.log', $kind . ' ' . memory_get_peak_usage( true ) . "\\n", FILE_APPEND | LOCK_EX );
	}
} );
`;

/** A caller with its own cookie jar (a browser). */
class Visitor {
  private jar = new Map<string, string>();
  private readonly base: string;
  constructor(base: string) {
    this.base = base;
  }

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const cookie = [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await fetch(`${this.base}${path}`, {
      redirect: 'manual',
      ...init,
      headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at);
      const value = pair.slice(at + 1);
      if (/expires=Thu, 01 Jan 1970|Max-Age=0/i.test(line) || value === 'deleted') this.jar.delete(name);
      else this.jar.set(name, value);
    }
    return response;
  }

  clear(): void {
    this.jar.clear();
  }

  /** Whether the session in the jar works: wp-admin answers instead of sending it to sign in. */
  async sessionWorks(): Promise<boolean> {
    const answer = await this.fetch('/wp-admin/profile.php');
    await answer.arrayBuffer();
    return answer.status === 200;
  }
}

type SignIn = (visitor: Visitor, user: number) => Promise<boolean>;

/** A signed-out visitor's nonce (the same for every signed-out visitor): what the page carries. */
let pageNonce = '';

/** The element's REST sign-in: the one request the element sends (its page carried the nonce). */
const viaWorkOS: SignIn = async (visitor, user) => {
  const nonce = pageNonce;
  const answer = await visitor.fetch('/wp-json/workos/v1/auth/password', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-workos-nonce': nonce },
    body: JSON.stringify({ profile: 'default', email: `bench-${user}@example.com`, password: PASSWORD }),
  });
  return ((await answer.json()) as { type?: string }).type === 'signed_in';
};

/** WordPress's own form: the POST wp-login.php's form sends (the emergency native form on this stack). */
const viaWordPress: SignIn = async (visitor, user) => {
  const answer = await visitor.fetch('/wp-login.php?workos-native=1', {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      cookie: 'wordpress_test_cookie=WP%20Cookie%20check',
    },
    body: new URLSearchParams({
      log: `bench${user}`,
      pwd: PASSWORD,
      'wp-submit': 'Log In',
      testcookie: '1',
      'workos-native': '1',
    }).toString(),
  });
  await answer.arrayBuffer();
  return answer.status === 302 && (answer.headers.get('location') ?? '').includes('/wp-admin');
};

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;

/** `concurrency` callers signing in again and again for `seconds`; each session is checked after. */
async function load(base: string, signIn: SignIn, opts: { seconds: number; concurrency: number }) {
  const latencies: number[] = [];
  let signedIn = 0;
  let working = 0;
  const end = performance.now() + opts.seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: opts.concurrency }, async (_, user) => {
      const visitor = new Visitor(base);
      while (performance.now() < end) {
        visitor.clear();
        const t0 = performance.now();
        const ok = await signIn(visitor, user);
        latencies.push(performance.now() - t0);
        if (ok) {
          signedIn += 1;
          if (await visitor.sessionWorks()) working += 1;
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    perSecond: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    attempts: latencies.length,
    signedIn,
    working,
  };
}

/** Median wait of `n` sequential sign-ins under a fault. */
async function waits(base: string, n: number): Promise<number[]> {
  const visitor = new Visitor(base);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    visitor.clear();
    const t0 = performance.now();
    await viaWorkOS(visitor, 0).catch(() => false);
    out.push(performance.now() - t0);
  }
  return out;
}
const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );

async function faults(stack: Stack, base: string, workos: (rules: unknown[]) => Promise<void>) {
  await workos([{ match: '/user_management/authenticate', action: 'delay', delay_ms: 2000 }]);
  const slow = median(await waits(base, 3));
  await workos([{ match: '/user_management/authenticate', action: 'hang' }]);
  const hung = median(await waits(base, 3));
  await workos([]);

  for (const replica of stack.replicas) await replica.stop();
  const stopped = median(await waits(base, 5));
  for (const replica of stack.replicas) await replica.start();

  for (const replica of stack.replicas) await replica.pause();
  const [first = NaN, ...next] = await waits(base, 11);
  for (const replica of stack.replicas) await replica.resume();
  return {
    fault_workos_slow_2s_wait_ms: slow,
    fault_workos_hung_wait_ms: hung,
    fault_server_stopped_wait_ms: stopped,
    fault_server_hung_first_wait_ms: first,
    fault_server_hung_next_wait_ms: median(next),
  };
}

function peakMemory(file: string) {
  const peaks: Record<string, number> = { workos: 0, native: 0 };
  if (existsSync(file)) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const [kind, bytes] = line.split(' ');
      if (kind && bytes && kind in peaks) peaks[kind] = Math.max(peaks[kind], Number(bytes));
    }
  }
  return { workos: peaks.workos / 1048576, native: peaks.native / 1048576 };
}

export async function measureProd(opts: { seconds: number; concurrency: number }) {
  // Its own site and ports: never the test lane's.
  const env = prodLaneEnv({
    PROD_SITE: 'bench-prod',
    PROD_WP_PORT: '8895',
    PROD_WORKOS_PORT: '4330',
    PROD_SERVER_PORT: '4331',
    PROD_REPLICA_PORTS: '4332,4333',
    PROD_FPM_PORTS: '9132,9133',
    PROD_MARIADB_PORT: '3337',
    PROD_REDIS_PORT: '6337',
    PROD_OBJECT_CACHE: 'redis',
  });
  const stack = await startProdStack({
    env,
    workos: 'fake',
    constants: { WORKOS_LOGIN_ALLOW_NATIVE_LOGIN: true },
    muPlugins: { 'bench-hooks': HOOKS },
  });
  try {
    const base = stack.wordpressUrl;
    // The same people both ways: WorkOS users (first sign-in creates their WordPress account, done
    // in the warm-up) and WordPress users with a password for WordPress's own form.
    for (let user = 0; user < opts.concurrency; user++) {
      await fetch(`${stack.workosUrl}/user_management/users`, {
        method: 'POST',
        headers: { authorization: `Bearer ${FAKE_API_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify({ email: `bench-${user}@example.com`, password: PASSWORD, email_verified: true }),
      });
    }
    await stack.site.php(`
      for ( $i = 0; $i < ${opts.concurrency}; $i++ ) {
        wp_insert_user( array( 'user_login' => "bench$i", 'user_email' => "bench-wp-$i@example.com", 'user_pass' => ${JSON.stringify(PASSWORD)}, 'role' => 'subscriber' ) );
      }
    `);
    pageNonce = ((await (await fetch(`${base}/wp-json/workos/v1/nonce`)).json()) as { nonce: string }).nonce;
    const warm = { seconds: 2, concurrency: opts.concurrency };
    await load(base, viaWorkOS, warm);
    await load(base, viaWordPress, warm);
    const memoryLog = join(stack.site.docroot, 'wp-content/bench-memory.log');
    await stack.site.php(`@unlink( WP_CONTENT_DIR . '/bench-memory.log' );`);

    const workos = await load(base, viaWorkOS, opts);
    const wordpress = await load(base, viaWordPress, opts);
    const memory = peakMemory(memoryLog);
    const fault = await faults(stack, base, async (rules) => {
      await fetch(`${stack.workosUrl}/_fake/faults`, {
        method: rules.length ? 'POST' : 'DELETE',
        headers: { 'content-type': 'application/json' },
        body: rules.length ? JSON.stringify({ rules }) : undefined,
      });
    });
    return {
      prod_signin_per_s: workos.perSecond,
      prod_signin_p50_ms: workos.p50,
      prod_signin_p99_ms: workos.p99,
      prod_signin_attempts: workos.attempts,
      prod_signin_signed_in: workos.signedIn,
      prod_signin_sessions_working: workos.working,
      prod_wp_login_per_s: wordpress.perSecond,
      prod_wp_login_p50_ms: wordpress.p50,
      prod_wp_login_p99_ms: wordpress.p99,
      prod_wp_login_attempts: wordpress.attempts,
      prod_wp_login_sessions_working: wordpress.working,
      prod_latency_ratio_p50: workos.p50 / wordpress.p50,
      prod_throughput_ratio: workos.perSecond / wordpress.perSecond,
      prod_signin_peak_memory_mb: memory.workos,
      prod_wp_login_peak_memory_mb: memory.native,
      ...fault,
    };
  } finally {
    await stack.stop();
  }
}
