/**
 * Where the WordPress runtime keeps things. Everything generated lives under `.wp/` at the repo
 * root (git-ignored), so deleting that folder is a full reset.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The WordPress branch we build: the zip and assets in @wp-playground/wordpress-builds. */
export const WP_VERSION = '6.5';

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
