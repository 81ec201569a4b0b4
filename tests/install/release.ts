/**
 * Where the install lane keeps the release it tests: `.wp/release/dist/` (what `npm run dist`
 * writes) and `.wp/release/server/` (the login-server package unpacked into an empty folder).
 */
import { join } from 'node:path';
import { releaseVersion } from '../../scripts/dist/contents.ts';
import { PLUGIN_SLUG, SERVER_PACKAGE } from '../../scripts/dist/names.ts';
import { REPO_ROOT } from '../../scripts/wp/paths.ts';

export const RELEASE_DIR = join(REPO_ROOT, '.wp/release');
export const DIST_DIR = join(RELEASE_DIR, 'dist');
export const SERVER_DIR = join(RELEASE_DIR, 'server');
export const VERSION = releaseVersion(REPO_ROOT);
export const PLUGIN_ZIP = join(DIST_DIR, `${PLUGIN_SLUG}-${VERSION}.zip`);
export const SERVER_TGZ = join(DIST_DIR, `${SERVER_PACKAGE}-${VERSION}.tgz`);
export const SERVER_BIN = join(SERVER_DIR, SERVER_PACKAGE, 'bin/workos-login-server.js');
