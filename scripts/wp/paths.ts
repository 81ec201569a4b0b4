/**
 * Where the WordPress runtime keeps things. Everything generated lives under `.wp/` at the repo
 * root (git-ignored), so deleting that folder is a full reset.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/**
 * The WordPress builds @wp-playground/wordpress-builds 0.9.19 carries (`src/wordpress/wp-<name>.zip`
 * + `public/wp-<name>/`), by the name `WORKOS_WP_VERSION` takes, with the version inside each.
 * No newer core is obtainable offline here (no WordPress core in this Composer registry; newer npm
 * packages download core at run time), so the nightly is the newest we can test.
 */
export const WP_BUILDS = {
  nightly: '6.7-alpha-58716',
  beta: '6.6-RC3',
  '6.5': '6.5.5',
  '6.4': '6.4.5',
  '6.3': '6.3.5',
  '6.2': '6.2.6',
} as const;
export type WpBuild = keyof typeof WP_BUILDS;

/** The default lane's core: the newest build. */
export const NEWEST_WP_VERSION: WpBuild = 'nightly';
/** The oldest core the plugin supports (plugin.php `Requires at least`): the smoke lane's. */
export const OLDEST_WP_VERSION: WpBuild = '6.5';

/** The build `WORKOS_WP_VERSION` names (default: the newest); anything else is an error, not a guess. */
export function wpVersion(env: Record<string, string | undefined> = process.env): WpBuild {
  const value = env.WORKOS_WP_VERSION?.trim() || NEWEST_WP_VERSION;
  if (!Object.hasOwn(WP_BUILDS, value)) {
    throw new Error(`WORKOS_WP_VERSION=${value}: one of ${Object.keys(WP_BUILDS).join(', ')}`);
  }
  return value as WpBuild;
}

/** The WordPress build this process runs: one core, and one set of sites, per version. */
export const WP_VERSION = wpVersion();
/** The version inside that build, e.g. 6.7-alpha-58716. */
export const WP_RELEASE = WP_BUILDS[WP_VERSION];

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url)).replace(/\/$/, '');
export const WP_DIR = join(REPO_ROOT, '.wp');
export const CORE_DIR = join(WP_DIR, `core-${WP_VERSION}`);
export const SITES_DIR = join(WP_DIR, 'sites');

export const BUILDS_PACKAGE_DIR = join(REPO_ROOT, 'node_modules/@wp-playground/wordpress-builds');
export const CORE_ZIP = join(BUILDS_PACKAGE_DIR, `src/wordpress/wp-${WP_VERSION}.zip`);
export const CORE_ASSETS_DIR = join(BUILDS_PACKAGE_DIR, `public/wp-${WP_VERSION}`);
export const SQLITE_ZIP = join(BUILDS_PACKAGE_DIR, 'src/sqlite-database-integration/sqlite-database-integration.zip');

/** PHP files shipped with these scripts (router, runtime mu-plugin). */
export const SCRIPTS_DIR = fileURLToPath(new URL('./', import.meta.url)).replace(/\/$/, '');
