/**
 * Every port and name the two test lanes take from the environment, with their defaults — the one
 * place they are written down. Lanes run side by side on one machine (and beside `npm start` and
 * `npm run bench`), so no two defaults share a port.
 *
 *   SQLite lane (`npm run test:e2e`, the default)      production-like lane (`npm run test:prod`)
 *   E2E_LANE         sqlite | prod (fixture's pick)
 *   E2E_SITE         e2e    .wp/sites/<name>            PROD_SITE          prod   .wp/sites/<name>
 *   E2E_WP_PORT      8891   php -S (4 workers)          PROD_WP_PORT       8892   nginx → two PHP-FPM nodes
 *   E2E_WORKOS_PORT  4200   WorkOS fake                 PROD_WORKOS_PORT   4310   WorkOS fake
 *   E2E_SERVER_PORT  4201   login server                PROD_SERVER_PORT   4311   nginx → login-server replicas
 *   E2E_REDIS_PORT   6381   Redis, started on demand    PROD_REPLICA_PORTS 4312,4313  one per replica
 *                                                       PROD_FPM_PORTS     9102,9103  one per PHP node
 *                                                       PROD_MARIADB_PORT  3307   (+ a socket in the state dir)
 *                                                       PROD_REDIS_PORT    6380
 *                                                       PROD_OBJECT_CACHE  redis  none | redis | weak (site default)
 *
 * Also taken: the oldest-WordPress smoke lane (`npm run test:oldest`, playwright.oldest.config.ts)
 * OLDEST_SITE e2e-oldest, OLDEST_WP_PORT 8894, OLDEST_WORKOS_PORT 4320, OLDEST_SERVER_PORT 4321,
 * OLDEST_REDIS_PORT 6382; the install lane (`npm run test:install`, playwright.install.config.ts)
 * INSTALL_SITE e2e-install, INSTALL_WP_PORT 8896, INSTALL_WORKOS_PORT 4340, INSTALL_SERVER_PORT
 * 4341, INSTALL_REDIS_PORT 6383, and E2E_RELEASE_SERVER_BIN (the unpacked release's login server); `npm run bench` 4300/4301/8893 and, for its production-lane figures
 * (scripts/bench/prod.ts), site bench-prod on 8895, 4330–4333, 9132/9133, 3337, 6337;
 * `npm start` 4100/4101/8881.
 */
import type { ObjectCacheMode } from '../wp/object-cache.ts';

type Env = Record<string, string | undefined>;

export interface E2eLaneEnv {
  lane: 'sqlite' | 'prod';
  site: string;
  ports: { wordpress: number; workos: number; server: number; redis: number };
  /** `E2E_RELEASE_SERVER_BIN`: test the release (scripts/stack.ts StackOptions.release). */
  releaseServerBin?: string;
}

export interface ProdLaneEnv {
  site: string;
  objectCache: ObjectCacheMode;
  ports: {
    wordpress: number;
    workos: number;
    server: number;
    replicas: number[];
    fpm: number[];
    mariadb: number;
    redis: number;
  };
}

export function e2eLaneEnv(env: Env = process.env): E2eLaneEnv {
  return {
    lane: oneOf(env, 'E2E_LANE', ['sqlite', 'prod'], 'sqlite'),
    site: siteName(env, 'E2E_SITE', 'e2e'),
    ports: {
      wordpress: port(env, 'E2E_WP_PORT', 8891),
      workos: port(env, 'E2E_WORKOS_PORT', 4200),
      server: port(env, 'E2E_SERVER_PORT', 4201),
      redis: port(env, 'E2E_REDIS_PORT', 6381),
    },
    releaseServerBin: env.E2E_RELEASE_SERVER_BIN?.trim() || undefined,
  };
}

export function prodLaneEnv(env: Env = process.env): ProdLaneEnv {
  return {
    site: siteName(env, 'PROD_SITE', 'prod'),
    objectCache: oneOf(env, 'PROD_OBJECT_CACHE', ['none', 'redis', 'weak'], 'redis'),
    ports: {
      wordpress: port(env, 'PROD_WP_PORT', 8892),
      workos: port(env, 'PROD_WORKOS_PORT', 4310),
      server: port(env, 'PROD_SERVER_PORT', 4311),
      replicas: ports(env, 'PROD_REPLICA_PORTS', [4312, 4313]),
      fpm: ports(env, 'PROD_FPM_PORTS', [9102, 9103]),
      mariadb: port(env, 'PROD_MARIADB_PORT', 3307),
      redis: port(env, 'PROD_REDIS_PORT', 6380),
    },
  };
}

/** The WordPress URL of the lane `E2E_LANE` picks (Playwright's baseURL). */
export function laneWordPressUrl(env: Env = process.env): string {
  const e2e = e2eLaneEnv(env);
  const wpPort = e2e.lane === 'prod' ? prodLaneEnv(env).ports.wordpress : e2e.ports.wordpress;
  return `http://localhost:${wpPort}`;
}

function port(env: Env, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) throw new Error(`${name}=${raw} is not a port`);
  return value;
}

function ports(env: Env, name: string, fallback: number[]): number[] {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const list = raw.split(',').map((part, i) => port({ [`${name}[${i}]`]: part }, `${name}[${i}]`, 0));
  if (list.length < 2) throw new Error(`${name}=${raw}: give at least two ports, comma-separated`);
  return list;
}

function siteName(env: Env, name: string, fallback: string): string {
  const value = env[name]?.trim() || fallback;
  if (!/^[a-z0-9][a-z0-9-]{0,40}$/.test(value)) throw new Error(`${name}=${value}: lowercase letters, digits, dashes`);
  return value;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const value = env[name]?.trim() || fallback;
  if (!(allowed as readonly string[]).includes(value))
    throw new Error(`${name}=${value}: one of ${allowed.join(', ')}`);
  return value as T;
}
