/**
 * A WordPress site instance under `.wp/sites/<name>/`:
 *
 *   site.json          what it was built from (config hash); written last, so it marks "complete"
 *   wordpress/         document root: the core (hard links), its own wp-config.php, the plugin
 *                      symlinked into wp-content/plugins/; SQLite sites keep their database in
 *                      wp-content/database/ (MySQL sites have no wp-content/db.php drop-in)
 *   golden.sqlite      the database right after install; reset() copies it back (MySQL: the
 *                      `<name>_golden` database, see mysql.ts)
 *   logs/debug.log     WP_DEBUG_LOG; logs/server.log the PHP server's output
 *
 * A re-run with the same configuration reuses the site and resets its database (milliseconds);
 * any change rebuilds it (about two seconds).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { copyFile, mkdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { coreStamp, prepareCore } from './core.ts';
import { ensurePhp } from './ensure-php.ts';
import { SCRIPTS_DIR, SITES_DIR } from './paths.ts';
import { runPhp, type PhpContext, type RunPhpOptions } from './php-runner.ts';
import { siteDatabase, type DatabaseOption, type SiteDatabase } from './mysql.ts';
import {
  currentObjectCache,
  flushObjectCache,
  redisConstants,
  writeObjectCache,
  type ObjectCacheMode,
  type RedisConfig,
} from './object-cache.ts';
import { installSite, type AdminUser } from './site-install.ts';
import { linkTree } from './tree.ts';
import { renderWpConfig, type ConstantValue } from './wp-config.ts';

export interface CreateSiteOptions {
  /** Folder name under .wp/sites/: lowercase letters, digits, dashes. */
  name: string;
  port: number;
  /** The plugin's folder, symlinked as wp-content/plugins/<pluginSlug>. */
  pluginDir: string;
  /**
   * False: WordPress is installed without the plugin, which a test then installs the way a site
   * owner does (the install lane uploads the release zip). Default true.
   */
  mountPlugin?: boolean;
  pluginSlug?: string;
  /** Main plugin file inside pluginDir, activated at install when it exists. */
  pluginFile?: string;
  /** Extra wp-config.php constants; they replace the runtime's defaults of the same name. */
  constants?: Record<string, ConstantValue>;
  /** Defaults: admin / password / admin@localhost.test. */
  adminUser?: Partial<AdminUser>;
  /** Must-use plugins, file name (without .php) → PHP source. */
  muPlugins?: Record<string, string>;
  /** Default SQLite; MySQL/MariaDB needs native PHP with mysqli and the `mariadb` client. */
  database?: DatabaseOption;
  /** The Redis the object-cache drop-ins use (wp-config constants); needed unless objectCache is none. */
  redis?: RedisConfig;
  /** The drop-in the site starts with and every reset() returns to. Default `none`. */
  objectCache?: ObjectCacheMode;
}

export interface Site {
  name: string;
  port: number;
  /** http://localhost:<port> (not 127.0.0.1: WebAuthn refuses IP origins). */
  url: string;
  dir: string;
  docroot: string;
  /** The SQLite file (SQLite sites only). */
  dbFile: string | null;
  database: DatabaseOption;
  redis: RedisConfig | null;
  debugLog: string;
  serverLog: string;
  admin: AdminUser;
  /** Null when there is no native PHP (Playground installs the site at first boot). */
  phpBinary: string | null;
  /** The plugin folder (real path) and how it is mounted: wp-content/plugins/<slug>/<file>. */
  pluginDir: string;
  pluginSlug: string;
  pluginFile: string;
  /** Installed by native PHP (has a golden database); false: Playground installs at boot. */
  installed: boolean;
  pluginActive: boolean;
  /** True when this createSite() installed it (false: an earlier install was reused). */
  freshInstall: boolean;
  /**
   * Restores the database saved right after install (SQLite ~ms, MySQL ~0.1 s), puts the
   * object-cache drop-in back to the site's default and empties the site's Redis keys. Only between
   * requests: never while a request is running (tests: in beforeEach/afterAll, not mid-test).
   */
  reset(): Promise<void>;
  /**
   * Makes the current database the one reset() restores (after the stack around a fresh install
   * is up, e.g. once WorkOS Login has proven its configuration against the running login server).
   */
  saveGolden(): Promise<void>;
  /** Swaps wp-content/object-cache.php on the running site and empties the site's Redis keys. */
  setObjectCache(mode: ObjectCacheMode): Promise<void>;
  /** Runs PHP with WordPress loaded and returns its stdout (native PHP only). */
  php(code: string, opts?: RunPhpOptions): Promise<string>;
}

const SITE_FORMAT = 4;
const RUNTIME_MU_PLUGIN = '0-workos-dev-runtime.php';

export async function createSite(opts: CreateSiteOptions): Promise<Site> {
  if (!/^[a-z0-9][a-z0-9-]{0,40}$/.test(opts.name)) throw new Error(`invalid site name: ${opts.name}`);
  if (!Number.isInteger(opts.port) || opts.port < 1 || opts.port > 65535) throw new Error(`invalid port: ${opts.port}`);
  const php = await ensurePhp();
  const database = opts.database ?? { driver: 'sqlite' };
  const defaultCache = opts.objectCache ?? 'none';
  if (database.driver === 'mysql' && !php) throw new Error('a MySQL site needs native PHP (with mysqli)');
  if (defaultCache !== 'none' && !opts.redis) throw new Error(`objectCache "${defaultCache}" needs a redis option`);
  const constants = {
    ...(opts.redis ? redisConstants(opts.redis) : {}),
    ...opts.constants,
  };
  const core = await prepareCore();
  const pluginDir = realpathSync(opts.pluginDir);
  const plugin = { dir: pluginDir, slug: opts.pluginSlug ?? 'workos-login', file: opts.pluginFile ?? 'plugin.php' };
  const mount = opts.mountPlugin ?? true;
  for (const name of Object.keys(opts.muPlugins ?? {})) {
    if (!/^[a-z0-9][a-z0-9_-]*$/i.test(name)) throw new Error(`invalid mu-plugin name: ${name}`);
  }
  const admin: AdminUser = {
    username: opts.adminUser?.username ?? 'admin',
    password: opts.adminUser?.password ?? 'password',
    email: opts.adminUser?.email ?? 'admin@localhost.test',
  };

  const dir = join(SITES_DIR, opts.name);
  const docroot = join(dir, 'wordpress');
  const paths = {
    dir,
    docroot,
    dbFile: database.driver === 'sqlite' ? join(docroot, 'wp-content/database/.ht.sqlite') : null,
    golden: join(dir, 'golden.sqlite'),
    debugLog: join(dir, 'logs/debug.log'),
    serverLog: join(dir, 'logs/server.log'),
  };
  const runtimePlugin = await readFile(join(SCRIPTS_DIR, 'workos-dev-runtime.php'), 'utf8');
  const hash = createHash('sha256')
    .update(
      JSON.stringify({
        format: SITE_FORMAT,
        core: coreStamp(),
        port: opts.port,
        plugin,
        pluginExists: existsSync(join(plugin.dir, plugin.file)),
        ...(mount ? {} : { mount }),
        constants,
        // Only MySQL sites hash their database: SQLite sites built before it existed stay valid.
        ...(database.driver === 'mysql' ? { database } : {}),
        admin,
        muPlugins: opts.muPlugins ?? {},
        runtimePlugin,
        native: Boolean(php),
      }),
    )
    .digest('hex');

  const mysql: SiteDatabase | null = database.driver === 'mysql' ? await siteDatabase(database, dir) : null;
  const meta = readMeta(dir);
  let pluginActive = meta?.pluginActive ?? false;
  const reusable = meta?.hash === hash && (mysql ? await mysql.hasGolden() : existsSync(php ? paths.golden : docroot));
  const freshInstall = !reusable;
  if (!reusable) {
    await rm(dir, { recursive: true, force: true });
    // A MySQL site must not load the SQLite drop-in the core carries.
    const skip = (rel: string) => rel === '.workos-core.json' || (mysql !== null && rel === 'wp-content/db.php');
    await linkTree(core, docroot, skip);
    await mkdir(join(dir, 'logs'), { recursive: true });
    await writeFile(join(docroot, 'wp-config.php'), renderWpConfig({ port: opts.port, constants, database }));
    if (mount) await symlink(plugin.dir, join(docroot, 'wp-content/plugins', plugin.slug));
    const muDir = join(docroot, 'wp-content/mu-plugins');
    await mkdir(muDir, { recursive: true });
    await writeFile(join(muDir, RUNTIME_MU_PLUGIN), runtimePlugin);
    for (const [name, source] of Object.entries(opts.muPlugins ?? {})) {
      await writeFile(join(muDir, `${name}.php`), source);
    }
    if (php) {
      await mysql?.recreate();
      ({ pluginActive } = await installSite(phpContext(php.php, opts.port, paths), admin, mount ? plugin : null));
      if (mysql) await mysql.saveGolden();
      else await copyFile(paths.dbFile!, paths.golden);
    }
    await writeFile(join(dir, 'site.json'), JSON.stringify({ hash, pluginActive }, null, 2));
  }

  const site: Site = {
    name: opts.name,
    port: opts.port,
    url: `http://localhost:${opts.port}`,
    dir,
    docroot,
    dbFile: paths.dbFile,
    database,
    redis: opts.redis ?? null,
    debugLog: paths.debugLog,
    serverLog: paths.serverLog,
    admin,
    phpBinary: php?.php ?? null,
    pluginDir: plugin.dir,
    pluginSlug: plugin.slug,
    pluginFile: plugin.file,
    installed: mysql ? true : existsSync(paths.golden),
    pluginActive,
    freshInstall,
    async saveGolden() {
      if (mysql) await mysql.saveGolden();
      else await copyFile(paths.dbFile!, paths.golden);
    },
    async reset() {
      const hadCache = currentObjectCache(docroot) !== 'none';
      if (currentObjectCache(docroot) !== defaultCache) await writeObjectCache(docroot, defaultCache);
      if (mysql) await mysql.reset();
      else await resetDatabase(paths.golden, paths.dbFile!);
      if (opts.redis && (hadCache || defaultCache !== 'none')) {
        // Back to no drop-in: a Redis that is gone (started on demand, stopped since) holds nothing to flush.
        await flushObjectCache(opts.redis).catch((error: unknown) => {
          if (defaultCache !== 'none') throw error;
        });
      }
    },
    async setObjectCache(mode) {
      if (mode !== 'none' && !opts.redis) throw new Error(`objectCache "${mode}" needs the site's redis option`);
      await writeObjectCache(docroot, mode);
      if (opts.redis && mode !== 'none') await flushObjectCache(opts.redis);
    },
    php: (code, runOpts) => {
      if (!php) return Promise.reject(new Error('site.php() needs native PHP (none found; Playground mode)'));
      return runPhp(phpContext(php.php, opts.port, paths), code, runOpts);
    },
  };
  if (reusable && php) await site.reset();
  else if (defaultCache !== 'none') await site.setObjectCache(defaultCache);
  return site;
}

function phpContext(
  phpBinary: string,
  port: number,
  paths: { dir: string; docroot: string; debugLog: string },
): PhpContext {
  return { phpBinary, port, dir: paths.dir, docroot: paths.docroot, debugLog: paths.debugLog };
}

function readMeta(dir: string): { hash: string; pluginActive: boolean } | null {
  try {
    return JSON.parse(readFileSync(join(dir, 'site.json'), 'utf8')) as { hash: string; pluginActive: boolean };
  } catch {
    return null;
  }
}

/**
 * Copies the golden database into place through a rename, so a process opening the file sees
 * the old or the new database, never half of one; stale journals would corrupt the new one.
 */
async function resetDatabase(golden: string, dbFile: string): Promise<void> {
  if (!existsSync(golden)) throw new Error(`no golden database at ${golden}: the site was never installed natively`);
  const tmp = `${dbFile}.reset-${process.pid}`;
  await copyFile(golden, tmp);
  await rename(tmp, dbFile);
  await Promise.all(['-journal', '-wal', '-shm'].map((suffix) => rm(dbFile + suffix, { force: true })));
}
