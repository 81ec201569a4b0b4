/**
 * The WordPress runtime: build the core, create sites, serve them.
 *
 *   const site = await createSite({ name: 'e2e', port: 8891, pluginDir: REPO_ROOT, constants });
 *   const server = await serveSite(site);   // native php -S, or Playground without PHP
 *   await site.reset();                     // between tests
 *   await server.stop();
 *
 * MySQL/MariaDB instead of SQLite: `database: { driver: 'mysql', host, port, name, user, password }`
 * (mysql.ts; the production lane, scripts/prod/, serves such a site with PHP-FPM behind nginx).
 * Object cache: `redis: { host, port, database, prefix }` and `objectCache: 'redis' | 'weak'`
 * (object-cache.ts); `site.setObjectCache(mode)` swaps it while the site runs.
 *
 * WordPress version: WORKOS_WP_VERSION = nightly (default, 6.7-alpha) | beta | 6.5 | 6.4 | 6.3 | 6.2
 * (paths.ts); each has its own core in .wp/core-<version>/, and a site built on one is rebuilt on
 * another.
 *
 * CLI (manual use): node scripts/wp/index.ts serve --name demo --port 5881
 *   [--plugin-dir <dir>] [--mode native|playground] [--password <admin password>]
 *   [--define NAME=value …]   (wp-config constants; true/false become booleans)
 */
import { parseArgs } from 'node:util';
import { REPO_ROOT } from './paths.ts';
import { createSite } from './site.ts';
import { serveSite } from './serve.ts';

export { ensurePhp, probe as probePhp, REQUIRED_EXTENSIONS } from './ensure-php.ts';
export { ensureChromium } from './ensure-chromium.ts';
export { prepareCore } from './core.ts';
export { createSite, type CreateSiteOptions, type Site } from './site.ts';
export type { DatabaseOption, MysqlDatabase } from './mysql.ts';
export type { ObjectCacheMode, RedisConfig } from './object-cache.ts';
export { serveSite, type Server, type ServeMode, type ServeOptions } from './serve.ts';
export { renderWpConfig, defaultConstants, type ConstantValue } from './wp-config.ts';
export {
  REPO_ROOT,
  WP_DIR,
  SITES_DIR,
  CORE_DIR,
  WP_VERSION,
  WP_RELEASE,
  WP_BUILDS,
  NEWEST_WP_VERSION,
  OLDEST_WP_VERSION,
  wpVersion,
  type WpBuild,
} from './paths.ts';

async function cli(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      // Not `demo`: that is `npm start`'s site, and other settings would rebuild it.
      name: { type: 'string', default: 'manual' },
      port: { type: 'string', default: '5881' },
      'plugin-dir': { type: 'string', default: REPO_ROOT },
      mode: { type: 'string' },
      password: { type: 'string', default: 'password' },
      define: { type: 'string', multiple: true, default: [] },
    },
  });
  if (positionals[0] !== 'serve') {
    console.error(
      'usage: node scripts/wp/index.ts serve [--name manual] [--port 5881] [--plugin-dir .] [--mode native|playground] [--password …] [--define NAME=value …]',
    );
    process.exit(2);
  }
  const mode = values.mode === 'native' || values.mode === 'playground' ? values.mode : undefined;
  const started = performance.now();
  const site = await createSite({
    name: values.name,
    port: Number(values.port),
    pluginDir: values['plugin-dir'],
    adminUser: { password: values.password },
    constants: parseDefines(values.define),
  });
  const server = await serveSite(site, { mode });
  console.log(
    `[wp] ${server.url} (${server.mode}, ready in ${Math.round(performance.now() - started)} ms); admin: ${site.admin.username}`,
  );
  console.log(`[wp] logs: ${site.debugLog}, ${site.serverLog}`);
  const shutdown = () => void server.stop().then(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

function parseDefines(defines: string[]): Record<string, string | boolean> {
  const constants: Record<string, string | boolean> = {};
  for (const define of defines) {
    const [name = '', ...rest] = define.split('=');
    const value = rest.join('=');
    constants[name] = value === 'true' ? true : value === 'false' ? false : value;
  }
  return constants;
}

if (import.meta.main) {
  cli(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
