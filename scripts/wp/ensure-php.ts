/**
 * Finds a native PHP able to run WordPress on SQLite, installing it on Debian when we are root.
 * `null` means "no native PHP": callers then serve through WordPress Playground.
 */
import { aptInstall, canUseApt } from './apt.ts';
import { run, which } from './exec.ts';

/**
 * Extensions WordPress 6.5 + the SQLite integration cannot do without: the driver uses PDO
 * SQLite and asks `SQLite3::version()`; core parses XML (feeds, oEmbed, block patterns) and
 * we call the login server over cURL.
 */
export const REQUIRED_EXTENSIONS = ['pdo_sqlite', 'sqlite3', 'json', 'mbstring', 'xml', 'dom', 'curl'];
/** Site Health asks for these; WordPress runs without them (media, IDN, plugin zips). */
export const RECOMMENDED_EXTENSIONS = ['intl', 'gd', 'zip', 'fileinfo', 'openssl', 'sodium'];

const MIN_VERSION_ID = 70400;

export const PHP_PACKAGES = [
  'php8.2-cli',
  'php8.2-sqlite3',
  'php8.2-mbstring',
  'php8.2-xml',
  'php8.2-intl',
  'php8.2-gd',
  'php8.2-curl',
  'php8.2-zip',
];
/** Debian's default-version metapackages, for releases without php8.2 (trixie ships 8.4). */
const PHP_PACKAGES_UNVERSIONED = PHP_PACKAGES.map((name) => name.replace('php8.2-', 'php-'));

export interface PhpInfo {
  php: string;
  version: string;
  missingRecommended: string[];
}

let cached: Promise<PhpInfo | null> | undefined;

/**
 * The PHP binary to use (`$WORKOS_PHP` or `php` on PATH), or null. Cached per process.
 * Set `WORKOS_WP_RUNTIME=playground` to pretend there is none.
 */
export function ensurePhp(): Promise<{ php: string } | null> {
  cached ??= findOrInstall();
  return cached;
}

async function findOrInstall(): Promise<PhpInfo | null> {
  if (process.env.WORKOS_WP_RUNTIME === 'playground') return null;
  const found = await probe();
  if (found.info) return found.info;
  if (!canUseApt()) {
    console.warn(`[wp] no usable native PHP (${found.reason}); falling back to WordPress Playground`);
    return null;
  }
  const installed = (await aptInstall(PHP_PACKAGES)) || (await aptInstall(PHP_PACKAGES_UNVERSIONED));
  const again = installed ? await probe() : found;
  if (!again.info) console.warn(`[wp] no usable native PHP (${again.reason}); falling back to WordPress Playground`);
  return again.info;
}

/** Checks one PHP binary: version and loaded extensions. */
export async function probe(candidate?: string): Promise<{ info: PhpInfo | null; reason: string }> {
  const php = candidate ?? (process.env.WORKOS_PHP || (await which('php')));
  if (!php) return { info: null, reason: 'php is not on PATH' };
  const script =
    'echo PHP_VERSION_ID, " ", PHP_VERSION, "\\n", implode(",", array_map("strtolower", get_loaded_extensions()));';
  const out = await run(php, ['-r', script], { timeoutMs: 20_000 }).catch(() => null);
  if (out?.code !== 0) return { info: null, reason: `${php} does not run` };
  const [head = '', list = ''] = out.stdout.trim().split('\n');
  const [versionId = '0', version = '?'] = head.split(' ');
  const loaded = new Set(list.split(','));
  if (Number(versionId) < MIN_VERSION_ID) return { info: null, reason: `PHP ${version} is older than 7.4` };
  const missing = REQUIRED_EXTENSIONS.filter((ext) => !loaded.has(ext));
  if (missing.length > 0) return { info: null, reason: `PHP ${version} lacks ${missing.join(', ')}` };
  const missingRecommended = RECOMMENDED_EXTENSIONS.filter((ext) => !loaded.has(ext));
  return { info: { php, version, missingRecommended }, reason: '' };
}
