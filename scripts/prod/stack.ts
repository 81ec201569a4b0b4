/**
 * The production-like lane: the same {@link Stack} as the SQLite lane, assembled from Debian's
 * programs in user space, every one on its own port (scripts/prod/env.ts), state under
 * `.wp/prod/<site>/`, logs under `.wp/logs/<site>-*.log`:
 *
 *   browser → nginx :8892 (page cache) → PHP-FPM php-1 :9102 | php-2 :9103 → MariaDB :3307, Redis :6380
 *                                        WordPress → nginx :4311 → replica-1 :4312 | replica-2 :4313 → WorkOS fake :4310
 *
 * Everything is stopped by `stop()`; processes a killed run left behind are ended at the next start.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, defaultWorkOSMode, proveConfiguration, siteSecret, workosPart, type Stack } from '../stack.ts';
import { createSite } from '../wp/index.ts';
import type { ObjectCacheMode } from '../wp/object-cache.ts';
import { assertPortFree } from '../wp/serve-util.ts';
import { prodLaneEnv, type ProdLaneEnv } from './env.ts';
import { startMariaDb } from './mariadb.ts';
import { startNginx } from './nginx.ts';
import { ensureProdPackages, faketimeEnv } from './packages.ts';
import { createPhpNode } from './php-fpm.ts';
import { killStrays, recordPid } from './pids.ts';
import { startRedis } from './redis.ts';
import { createReplica } from './replicas.ts';

export interface ProdStackOptions {
  /** Ports, site name, default object cache; default from the environment. */
  env?: ProdLaneEnv;
  workos?: 'fake' | 'real';
  constants?: Record<string, string | number | boolean>;
  muPlugins?: Record<string, string>;
  objectCache?: ObjectCacheMode;
}

/** The lane cannot run here (packages missing and not installable); `reason` says why. */
export class ProdLaneUnavailable extends Error {}

export async function startProdStack(opts: ProdStackOptions = {}): Promise<Stack> {
  const env = opts.env ?? prodLaneEnv();
  const { site: name, ports } = env;
  const packages = await ensureProdPackages();
  if (!packages.ok) throw new ProdLaneUnavailable(packages.reason);
  const { bins } = packages;
  if (!existsSync(join(ROOT, 'build/server/index.js')))
    throw new Error('build/server/index.js is missing: npm run build');

  const dir = join(ROOT, '.wp', 'prod', name);
  const logDir = join(ROOT, '.wp', 'logs');
  await mkdir(dir, { recursive: true });
  const pidFile = join(dir, 'pids.json');
  const strays = killStrays(pidFile);
  if (strays > 0) console.warn(`[prod] ended ${strays} process group(s) a previous run of "${name}" left behind`);
  const track = (pid: number | undefined) => recordPid(pidFile, pid);
  const all = [
    ports.wordpress,
    ports.workos,
    ports.server,
    ...ports.replicas,
    ...ports.fpm,
    ports.mariadb,
    ports.redis,
  ];
  await Promise.all(all.map((port) => assertPortFree(port)));

  const mode = opts.workos ?? defaultWorkOSMode();
  const secret = process.env.WORKOS_LOGIN_SECRET ?? siteSecret(name, 'secret');
  const adminPassword = siteSecret(name, 'admin-password').slice(0, 20);
  const dbPassword = siteSecret(name, 'db-password').slice(0, 32);
  const log = (part: string) => join(logDir, `${name}-${part}.log`);
  // Stopped front to back: nothing serves a request whose backend is already gone.
  const layers: Array<Array<{ stop(): Promise<void> }>> = [[], [], [], []];
  const stopAll = async () => {
    for (const layer of layers) await Promise.all(layer.splice(0).map((part) => part.stop()));
  };

  try {
    const workos = workosPart(mode, ports.workos, { quiet: true, logFile: log('workos-fake'), track });
    const replicas = ports.replicas.map((port, i) =>
      createReplica({
        name: `replica-${i + 1}`,
        port,
        root: ROOT,
        logFile: log(`replica-${i + 1}`),
        env: { WORKOS_LOGIN_SECRET: secret, ...workos.env },
        track,
      }),
    );
    layers[1].push(...replicas);
    if (mode === 'fake') layers[2].push(workos);
    const backing = <T extends { stop(): Promise<void> }>(part: Promise<T>) =>
      part.then((started) => {
        layers[3].push(started);
        return started;
      });
    // Everything that needs nothing else starts at once; wait for all before failing, so a part
    // still starting when another fails is stopped too.
    const [db, redis] = await settleAll([
      backing(startMariaDb({ bins, dir: join(dir, 'mariadb'), port: ports.mariadb, logFile: log('mariadb'), track })),
      backing(
        startRedis({
          redisServer: bins.redisServer,
          dir: join(dir, 'redis'),
          port: ports.redis,
          logFile: log('redis'),
          track,
        }),
      ),
      mode === 'fake' ? workos.start() : Promise.resolve(),
      ...replicas.map((replica) => replica.start()),
    ] as const);

    const database = {
      driver: 'mysql' as const,
      host: db.host,
      port: db.port,
      name: `wp_${name.replace(/-/g, '_')}`,
      user: `wp_${name.replace(/-/g, '_')}`.slice(0, 32),
      password: dbPassword,
    };
    const account = `'${database.user}'@'127.0.0.1'`;
    await db.query(`
      CREATE USER IF NOT EXISTS ${account} IDENTIFIED BY '${dbPassword}';
      ALTER USER ${account} IDENTIFIED BY '${dbPassword}';
      GRANT ALL PRIVILEGES ON \`${database.name}\`.* TO ${account};
      GRANT ALL PRIVILEGES ON \`${database.name}_golden\`.* TO ${account};`);

    const balancerUrl = `http://127.0.0.1:${ports.server}`;
    const redisConfig = { host: redis.host, port: redis.port, database: 0, prefix: name };
    const site = await createSite({
      name,
      port: ports.wordpress,
      pluginDir: ROOT,
      adminUser: { password: adminPassword },
      constants: { WORKOS_LOGIN_SERVER_URL: balancerUrl, WORKOS_LOGIN_SECRET: secret, ...opts.constants },
      muPlugins: opts.muPlugins,
      database,
      redis: redisConfig,
      objectCache: opts.objectCache ?? env.objectCache,
    });

    const nodes = await settleAll(
      ports.fpm.map((port, i) =>
        createPhpNode({ phpFpm: bins.phpFpm, name: `php-${i + 1}`, port, dir, logDir, logPrefix: name, track }).then(
          (node) => {
            layers[1].push(node);
            return node;
          },
        ),
      ),
    );
    const nginx = await startNginx({
      nginx: bins.nginx,
      dir: join(dir, 'nginx'),
      logDir,
      logPrefix: name,
      docroot: site.docroot,
      wordpressPort: ports.wordpress,
      phpNodes: nodes,
      balancerPort: ports.server,
      replicas,
      track,
    });
    layers[0].push(nginx);
    await proveConfiguration(site);

    const resetSite = site.reset.bind(site);
    site.reset = async () => {
      // What a fault test may have left on the server itself, then the site's own state.
      await db.releaseAll();
      await db.query('SET GLOBAL read_only = 0');
      await resetSite();
      await nginx.purgePageCache();
    };

    return {
      lane: 'prod',
      mode,
      wordpressUrl: site.url,
      serverUrl: balancerUrl,
      workosUrl: workos.url,
      secret,
      adminPassword,
      site,
      db: {
        driver: 'mysql',
        host: db.host,
        port: db.port,
        name: database.name,
        socket: db.socket,
        query: (sql) => db.query(sql),
        hold: (sql) => db.hold(sql),
      },
      nodes,
      replicas,
      balancerLog: nginx.balancerLog,
      setObjectCache: (cacheMode) => site.setObjectCache(cacheMode),
      redis: (...args) => redis.command(...args),
      purgePageCache: () => nginx.purgePageCache(),
      faketimeEnv,
      startServer: async (serverEnv) => void (await Promise.all(replicas.map((r) => r.start(serverEnv)))),
      stopServer: async () => void (await Promise.all(replicas.map((r) => r.stop()))),
      stopWorkOS: () => workos.stop(),
      startWorkOS: () => workos.start(),
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** Promise.all that waits for every promise before rejecting with the first failure. */
async function settleAll<T extends readonly unknown[]>(
  promises: T,
): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const results = await Promise.allSettled(promises);
  const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) throw failed.reason;
  return results.map((result) => (result as PromiseFulfilledResult<unknown>).value) as {
    -readonly [K in keyof T]: Awaited<T[K]>;
  };
}
