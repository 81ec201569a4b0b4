/**
 * Builds a complete WordPress core with the SQLite integration, once per version, into
 * `.wp/core-<WORKOS_WP_VERSION>/` (`.wp/core-nightly/`, `.wp/core-6.5/`, …; see paths.ts).
 * Sources are offline npm files: @wp-playground/wordpress-builds holds the PHP (a zip) and the
 * static assets its build strips (CSS, JS, images) separately; we put them back together.
 */
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import {
  BUILDS_PACKAGE_DIR,
  CORE_ASSETS_DIR,
  CORE_DIR,
  CORE_ZIP,
  SQLITE_ZIP,
  WP_DIR,
  WP_RELEASE,
  WP_VERSION,
} from './paths.ts';

/** Bump when the layout we build changes, so old caches are rebuilt. */
const FORMAT = 1;
const MARKER = '.workos-core.json';
const SQLITE_PLUGIN_DIR = 'wp-content/plugins/sqlite-database-integration';

/**
 * What a finished core was built from; a different value means "rebuild". Sites hash it, so a
 * version change (WORKOS_WP_VERSION) rebuilds them too. The build name and the package version
 * pin the release (extractCore checks it).
 */
export function coreStamp(): string {
  const pkg = JSON.parse(readFileSync(join(BUILDS_PACKAGE_DIR, 'package.json'), 'utf8')) as { version: string };
  return JSON.stringify({ format: FORMAT, wp: WP_VERSION, builds: pkg.version });
}

/** The core directory, built if missing or stale. Safe to call from parallel processes. */
export async function prepareCore(): Promise<string> {
  const stamp = coreStamp();
  if (readMarker(CORE_DIR) === stamp) return CORE_DIR;

  const tmp = `${CORE_DIR}.tmp-${process.pid}-${Date.now()}`;
  await rm(tmp, { recursive: true, force: true });
  try {
    await extractCore(tmp);
    await installSqlite(tmp);
    await writeFile(join(tmp, MARKER), stamp);
    // Swap in atomically; another process may have finished first, which is fine.
    if (readMarker(CORE_DIR) === stamp) return CORE_DIR;
    await rm(CORE_DIR, { recursive: true, force: true });
    await rename(tmp, CORE_DIR);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  if (readMarker(CORE_DIR) !== stamp) throw new Error(`could not build WordPress core in ${CORE_DIR}`);
  return CORE_DIR;
}

function readMarker(dir: string): string | null {
  const file = join(dir, MARKER);
  return existsSync(file) ? readFileSync(file, 'utf8') : null;
}

async function extractCore(target: string): Promise<void> {
  if (!existsSync(CORE_ZIP)) {
    throw new Error(
      `${CORE_ZIP} is missing: run npm install (the ${WP_VERSION} build comes from @wp-playground/wordpress-builds)`,
    );
  }
  await mkdir(WP_DIR, { recursive: true });
  const entries = unzipSync(await readFile(CORE_ZIP));
  // The README and `Tested up to` name this version: a different builds package must update them.
  const release = /\$wp_version = '([^']+)'/.exec(
    strFromU8(entries['wp-includes/version.php'] ?? new Uint8Array()),
  )?.[1];
  if (release !== WP_RELEASE) {
    throw new Error(
      `${CORE_ZIP} holds WordPress ${release ?? '(no version.php)'}, not ${WP_RELEASE}: update WP_BUILDS in scripts/wp/paths.ts (and the README)`,
    );
  }
  await writeEntries(target, entries, (name) => name);

  // Only the themes whose PHP the zip ships; the assets folder also has two themes' images.
  const themes = new Set(await readdir(join(target, 'wp-content/themes')));
  await cp(CORE_ASSETS_DIR, target, {
    recursive: true,
    filter: (src) => {
      const rel = src.slice(CORE_ASSETS_DIR.length + 1);
      const theme = /^wp-content\/themes\/([^/]+)/.exec(rel)?.[1];
      return !(theme && !themes.has(theme)) && !rel.endsWith('.ht.sqlite');
    },
  });
  // A bundled database makes WordPress skip installing (and keeps permalinks plain); the
  // zip's wp-config.php is Playground's; every site writes its own.
  await rm(join(target, 'wp-content/database/.ht.sqlite'), { force: true });
  await rm(join(target, 'wp-config.php'), { force: true });
  await rm(join(target, 'wordpress-remote-asset-paths'), { force: true });
}

async function installSqlite(target: string): Promise<void> {
  const entries = unzipSync(await readFile(SQLITE_ZIP));
  const root = Object.keys(entries)
    .find((name) => name.endsWith('/load.php') && name.split('/').length === 2)
    ?.split('/')[0];
  if (!root) throw new Error(`${SQLITE_ZIP} has no plugin folder with load.php`);
  const pluginDir = join(target, SQLITE_PLUGIN_DIR);
  await writeEntries(pluginDir, entries, (name) => {
    if (!name.startsWith(`${root}/`)) return null;
    const rel = name.slice(root.length + 1);
    return /^(tests|\.github)\//.test(rel) ? null : rel;
  });
  // The drop-in template: point it at the plugin relative to itself so copies stay valid.
  const template = await readFile(join(pluginDir, 'db.copy'), 'utf8');
  const dropIn = template
    .replace("'{SQLITE_IMPLEMENTATION_FOLDER_PATH}'", "__DIR__ . '/plugins/sqlite-database-integration'")
    .replaceAll('{SQLITE_PLUGIN}', 'sqlite-database-integration/load.php');
  if (dropIn.includes('{SQLITE_')) throw new Error('db.copy has placeholders we do not know');
  await writeFile(join(target, 'wp-content/db.php'), dropIn);
}

/** Writes zip entries under `target`; `map` renames an entry or drops it (null). */
async function writeEntries(
  target: string,
  entries: Record<string, Uint8Array>,
  map: (name: string) => string | null,
): Promise<void> {
  for (const [name, data] of Object.entries(entries)) {
    const rel = map(name);
    if (!rel || rel.includes('..')) continue;
    const path = join(target, rel);
    if (rel.endsWith('/')) {
      await mkdir(path, { recursive: true });
      continue;
    }
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, data);
  }
}
