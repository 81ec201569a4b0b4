/**
 * The whole suite on one machine: WorkOS (the project's fake, or real WorkOS when credentials
 * are in the environment) + the login server + WordPress with the plugin active.
 * Used by `npm start`, the end-to-end tests and the benchmark.
 *
 * Two lanes share the {@link Stack} interface, so a spec runs unchanged on either:
 * - `sqlite` (this file): `php -S`, SQLite, one login server; Redis only when a test asks for an
 *   object cache;
 * - `prod` (scripts/prod/stack.ts): nginx with a page cache, two PHP-FPM nodes, MariaDB, Redis,
 *   two login-server replicas behind a balancer.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HeldSession, Row } from './prod/mariadb.ts';
import { ensureRedisPackages, faketimeEnv } from './prod/packages.ts';
import type { PhpNode } from './prod/php-fpm.ts';
import { startRedis, type RedisServer } from './prod/redis.ts';
import { createReplica, type Replica } from './prod/replicas.ts';
import { startProc, waitForHttp, type Proc } from './proc.ts';
import type { ObjectCacheMode } from './wp/object-cache.ts';
import type { RespValue } from './wp/redis-client.ts';
import { createSite, serveSite, type Server, type Site } from './wp/index.ts';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const NODE = process.execPath;

export type Lane = 'sqlite' | 'prod';
export type { ObjectCacheMode, PhpNode, Replica };

export interface StackOptions {
  /** Site name: its WordPress copy lives in `.wp/sites/<name>`. */
  name: string;
  ports: { workos: number; server: number; wordpress: number; /** On-demand Redis (object cache). */ redis?: number };
  /** `fake` (default unless WORKOS_API_KEY and WORKOS_CLIENT_ID are set) or `real`. */
  workos?: 'fake' | 'real';
  quiet?: boolean;
  /** Extra wp-config constants. */
  constants?: Record<string, string | number | boolean>;
  muPlugins?: Record<string, string>;
  /**
   * The release under test (the install lane): WordPress comes up without the plugin, for the test
   * to install the zip as a site owner does, and the login server runs from the unpacked package's
   * bin instead of build/.
   */
  release?: { serverBin: string };
}

/** The database as tests see it: the SQLite file, or MariaDB with root SQL. */
export type StackDb =
  | { driver: 'sqlite'; file: string }
  | {
      driver: 'mysql';
      host: string;
      port: number;
      name: string;
      socket: string;
      /** SQL as root; rows of the last result set. */
      query(sql: string): Promise<Row[]>;
      /** SQL as root on a connection kept open (locks, transactions) until released. */
      hold(sql: string): Promise<HeldSession>;
    };

export interface Stack {
  lane: Lane;
  mode: 'fake' | 'real';
  wordpressUrl: string;
  /** The login server's URL as WordPress has it (prod: the balancer). */
  serverUrl: string;
  workosUrl: string;
  secret: string;
  adminPassword: string;
  site: Awaited<ReturnType<typeof createSite>>;
  db: StackDb;
  /** The PHP nodes; prod answers name the one that ran a request in `X-WorkOS-Node`. */
  nodes: PhpNode[];
  /** The login servers (sqlite: one; prod: behind the balancer). */
  replicas: Replica[];
  /** prod: one line per login-server request naming its replica; sqlite: null. */
  balancerLog: string | null;
  /** Swaps the object-cache drop-in on the running site and empties its Redis keys. */
  setObjectCache(mode: ObjectCacheMode): Promise<void>;
  /** One command on the stack's Redis (started on demand on the sqlite lane). */
  redis(...args: Array<string | number>): Promise<RespValue>;
  /** Empties nginx's page cache (sqlite: there is none). */
  purgePageCache(): Promise<void>;
  /** Environment that runs a replica with its clock moved, e.g. `+5m` (installs libfaketime). */
  faketimeEnv(offset: string): Promise<Record<string, string>>;
  /**
   * Starts every login server again after {@link Stack.stopServer}; `env` is merged over the normal
   * environment (e.g. a wrong `WORKOS_API_KEY`) for this run only — `startServer()` restores it.
   */
  startServer(env?: Record<string, string>): Promise<void>;
  stopServer(): Promise<void>;
  /** Stops the WorkOS fake (fake mode only), so tests can see WorkOS unreachable. */
  stopWorkOS(): Promise<void>;
  /** Starts the fake again on the same port; its state goes back to the seed. */
  startWorkOS(): Promise<void>;
  stop(): Promise<void>;
}

export const FAKE_API_KEY = 'sk_test_fake_workos';
export const FAKE_CLIENT_ID = 'client_fake_workos';

export function defaultWorkOSMode(env = process.env): 'fake' | 'real' {
  return env.WORKOS_API_KEY && env.WORKOS_CLIENT_ID ? 'real' : 'fake';
}

/** A per-site secret kept across restarts, so the WordPress copy can be reused. */
export function siteSecret(name: string, kind: string): string {
  const file = join(ROOT, '.wp', `${name}.${kind}`);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const value = randomBytes(32).toString('hex');
  writeFileSync(file, value, { mode: 0o600 });
  return value;
}

/**
 * WorkOS Login takes wp-login.php over only once a signed exchange has proven its configuration
 * (ARCHITECTURE rule 10). A freshly installed site proves it against the running login server
 * before its golden copy is taken, so every reset() starts from a configured, proven site — as a
 * real site is once its administrator has set it up.
 */
export async function proveConfiguration(site: Site): Promise<void> {
  if (!site.freshInstall || !site.pluginActive || !site.phpBinary) return;
  const proven = await site.php(`echo workos_login_config_ready() ? 'proven' : 'unproven';`);
  if (proven.trim() !== 'proven') {
    console.warn(`[stack] ${site.name}: the login server did not prove WorkOS Login's configuration`);
    return;
  }
  await site.saveGolden();
}

/** The WorkOS fake (fake mode) as a restartable part of a stack. */
export interface WorkOSPart {
  url: string;
  /** The login server's WorkOS settings. */
  env: Record<string, string>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function workosPart(
  mode: 'fake' | 'real',
  port: number,
  opts: { quiet?: boolean; logFile?: string; track?: (pid: number | undefined) => void },
): WorkOSPart {
  const url = mode === 'fake' ? `http://127.0.0.1:${port}` : 'https://api.workos.com';
  let fake: Proc | null = null;
  return {
    url,
    env:
      mode === 'fake'
        ? { WORKOS_API_KEY: FAKE_API_KEY, WORKOS_CLIENT_ID: FAKE_CLIENT_ID, WORKOS_API_URL: url }
        : {
            WORKOS_API_KEY: process.env.WORKOS_API_KEY ?? '',
            WORKOS_CLIENT_ID: process.env.WORKOS_CLIENT_ID ?? '',
            WORKOS_API_URL: process.env.WORKOS_API_URL ?? '',
          },
    async start() {
      if (mode !== 'fake') throw new Error('startWorkOS: the stack talks to real WorkOS');
      if (fake) return;
      const started = startProc(
        'workos-fake',
        NODE,
        [join(ROOT, 'server/workos-fake/index.ts'), '--port', String(port)],
        {
          quiet: opts.quiet,
          logFile: opts.logFile,
        },
      );
      opts.track?.(started.child.pid);
      await waitForHttp(started, `${url}/health`).catch(async (error: unknown) => {
        await started.stop();
        throw error;
      });
      fake = started;
    },
    async stop() {
      if (mode !== 'fake') throw new Error('stopWorkOS: the stack talks to real WorkOS');
      const running = fake;
      fake = null;
      await running?.stop();
    },
  };
}

export async function startStack(opts: StackOptions): Promise<Stack> {
  const mode = opts.workos ?? defaultWorkOSMode();
  const secret = process.env.WORKOS_LOGIN_SECRET ?? siteSecret(opts.name, 'secret');
  const adminPassword = siteSecret(opts.name, 'admin-password').slice(0, 20);
  // Quiet stacks (tests, bench) keep each process's output in .wp/logs/<name>-<process>.log.
  const logFile = (proc: string) => (opts.quiet ? join(ROOT, '.wp', 'logs', `${opts.name}-${proc}.log`) : undefined);
  const parts: Array<{ stop(): Promise<void> }> = [];
  const stopAll = async () => {
    await Promise.all(parts.splice(0).map((part) => part.stop()));
  };

  try {
    const workos = workosPart(mode, opts.ports.workos, { quiet: opts.quiet, logFile: logFile('workos-fake') });
    if (mode === 'fake') {
      parts.push(workos);
      await workos.start();
    }

    const server = createReplica({
      name: 'login-server',
      port: opts.ports.server,
      root: ROOT,
      entry: opts.release?.serverBin,
      logFile: logFile('login-server'),
      env: { WORKOS_LOGIN_SECRET: secret, ...workos.env },
    });
    parts.push(server);
    await server.start();

    // Redis only when a test asks for an object cache: nothing to start, nothing to wait for.
    const redisConfig = opts.ports.redis
      ? { host: '127.0.0.1', port: opts.ports.redis, database: 0, prefix: opts.name }
      : undefined;
    let redis: Promise<RedisServer> | null = null;
    const ensureRedis = () => {
      if (!redisConfig) throw new Error('this stack has no Redis port (StackOptions.ports.redis)');
      redis ??= (async () =>
        startRedis({
          redisServer: await ensureRedisPackages(),
          dir: join(ROOT, '.wp', 'redis', opts.name),
          port: redisConfig.port,
          logFile: join(ROOT, '.wp', 'logs', `${opts.name}-redis.log`),
        }))();
      return redis;
    };
    parts.push({ stop: async () => void (redis && (await (await redis).stop())) });

    const site = await createSite({
      name: opts.name,
      port: opts.ports.wordpress,
      pluginDir: ROOT,
      mountPlugin: !opts.release,
      adminUser: { password: adminPassword },
      constants: {
        WORKOS_LOGIN_SERVER_URL: server.url,
        WORKOS_LOGIN_SECRET: secret,
        ...opts.constants,
      },
      muPlugins: opts.muPlugins,
      redis: redisConfig,
    });
    let wp: Server | null = await serveSite(site);
    await proveConfiguration(site);
    parts.push({ stop: async () => void (await wp?.stop()) });
    const node: PhpNode = {
      name: 'php-cli-server',
      address: `localhost:${opts.ports.wordpress}`,
      errorLog: site.serverLog,
      get running() {
        return wp !== null;
      },
      async start() {
        wp ??= await serveSite(site);
      },
      async stop() {
        const running = wp;
        wp = null;
        await running?.stop();
      },
    };

    return {
      lane: 'sqlite',
      mode,
      wordpressUrl: `http://localhost:${opts.ports.wordpress}`,
      serverUrl: server.url,
      workosUrl: workos.url,
      secret,
      adminPassword,
      site,
      db: { driver: 'sqlite', file: site.dbFile ?? '' },
      nodes: [node],
      replicas: [server],
      balancerLog: null,
      async setObjectCache(cacheMode) {
        if (cacheMode !== 'none') await ensureRedis();
        await site.setObjectCache(cacheMode);
      },
      redis: async (...args) => (await ensureRedis()).command(...args),
      purgePageCache: async () => {},
      faketimeEnv,
      startServer: (env) => server.start(env),
      stopServer: () => server.stop(),
      stopWorkOS: () => workos.stop(),
      startWorkOS: () => workos.start(),
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
