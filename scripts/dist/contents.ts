/**
 * What each release archive holds, chosen by rule from the source tree and build/ — so a new PHP
 * file, block or translation ships without anyone listing it, and no development file (sources
 * the build compiled, tests, source maps, configuration) ever does.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The plugin's folders and files at its root, as WordPress loads them. */
export const PLUGIN_ROOTS = [
  'plugin.php',
  'uninstall.php',
  'readme.txt',
  'includes',
  'blocks',
  'admin',
  'assets',
  'languages',
  'build/elements',
  'build/blocks',
  'build/admin',
] as const;

/** What the plugin cannot run without: a zip lacking one would install and then fail. */
export const PLUGIN_REQUIRED = [
  'plugin.php',
  'uninstall.php',
  'readme.txt',
  'includes/load.php',
  'includes/generated/protocol.php',
  'blocks/login/block.json',
  'build/elements/workos-login.js',
  'build/elements/workos-passkeys.js',
  'build/blocks/login/index.js',
  'build/blocks/login/index.asset.php',
  'build/admin/profiles/index.js',
  'languages/workos-login.pot',
] as const;

/**
 * Whether a path under {@link PLUGIN_ROOTS} belongs in the plugin zip: PHP, block.json, styles,
 * images, translations and the built scripts. Never TypeScript/JSX sources, tests, READMEs, source
 * maps or Vite's manifests (`.vite/`); admin/ ships only its styles (its scripts are built).
 */
export function isPluginFile(path: string): boolean {
  const parts = path.split('/');
  const name = parts.at(-1) ?? '';
  if (parts.some((part) => part.startsWith('.'))) return false;
  if (/\.(test|spec)\.[a-z]+$/.test(name) || name.endsWith('.map') || name.endsWith('.d.ts')) return false;
  switch (parts[0]) {
    case 'plugin.php':
    case 'uninstall.php':
    case 'readme.txt':
      return parts.length === 1;
    case 'includes':
      return name.endsWith('.php');
    case 'blocks':
      return name === 'block.json' || /\.(php|css)$/.test(name);
    case 'admin':
      return name.endsWith('.css');
    case 'assets':
      return /\.(svg|png|jpg|webp|css)$/.test(name);
    case 'languages':
      return /\.(pot|po|mo|json|l10n\.php)$/.test(name);
    case 'build':
      return ['elements', 'blocks', 'admin'].includes(parts[1] ?? '') && /\.(js|php|css)$/.test(name);
    default:
      return false;
  }
}

/** The login server package: the bundle, plus the files of server/package/ (bin, examples, README). */
export const SERVER_TEMPLATE_DIR = 'server/package';
export const SERVER_BUNDLE = 'build/server/index.js';

/** Every file below `root`'s `paths` (files or folders), relative, `/`-separated, sorted. */
export function listFiles(root: string, paths: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (path: string) => {
    const full = join(root, path);
    if (!existsSync(full)) return;
    if (statSync(full).isDirectory()) {
      for (const name of readdirSync(full)) walk(path ? `${path}/${name}` : name);
    } else out.push(relative(root, full).split('\\').join('/'));
  };
  for (const path of paths) walk(path);
  return out.sort();
}

/** The plugin's files in `root`; throws naming what is missing (an unbuilt tree). */
export function pluginFiles(root: string): string[] {
  const files = listFiles(root, PLUGIN_ROOTS).filter(isPluginFile);
  const missing = PLUGIN_REQUIRED.filter((path) => !files.includes(path));
  if (missing.length) throw new Error(`dist: missing ${missing.join(', ')} (run \`npm run build\` first?)`);
  return files;
}

/** `Version:` (or another header field) from a WordPress file header. */
export function headerField(source: string, field: string): string | null {
  const match = new RegExp(`^[ \\t/*#@]*${field}:[ \\t]*(.+)$`, 'mi').exec(source);
  return match ? match[1].trim() : null;
}

/** The version every part of a release must agree on: package.json's. */
export function releaseVersion(root: string): string {
  return (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
}
