/**
 * THIRD-PARTY-NOTICES.txt for each release archive: the npm packages bundled into its scripts, each
 * with its version, its licence and its licence text, as their licences (MIT, BSD, Apache-2.0, ISC)
 * require of anyone who redistributes them. Which packages: those the shipped scripts' source maps
 * name (`…/node_modules/<package>/…`), so the list follows the bundle, not package.json.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Package names in the `sources` of these source maps. */
export function bundledPackages(mapFiles: readonly string[]): string[] {
  const names = new Set<string>();
  for (const file of mapFiles) {
    const map = JSON.parse(readFileSync(file, 'utf8')) as { sources?: string[] };
    for (const source of map.sources ?? []) {
      const at = source.lastIndexOf('node_modules/');
      if (at < 0) continue;
      const [scope, name] = source.slice(at + 'node_modules/'.length).split('/');
      names.add(scope.startsWith('@') ? `${scope}/${name}` : scope);
    }
  }
  return [...names].sort();
}

const LICENSE_FILE = /^(licen[cs]e|copying)(\.(md|txt|markdown))?$/i;

/** The notices text: a heading, then each package's name, version, licence and licence text. */
export function noticesText(root: string, title: string, packages: readonly string[]): string {
  const parts = [
    `${title}\n\nThis file lists the third-party software bundled into it, with each package's licence.\n`,
  ];
  const missing: string[] = [];
  for (const name of packages) {
    const dir = join(root, 'node_modules', name);
    if (!existsSync(join(dir, 'package.json'))) {
      missing.push(name);
      continue;
    }
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      version?: string;
      license?: string;
    };
    const file = readdirSync(dir).find((entry) => LICENSE_FILE.test(entry));
    const text = file ? readFileSync(join(dir, file), 'utf8').trim() : null;
    if (!text && !manifest.license) {
      missing.push(name);
      continue;
    }
    parts.push(
      [
        '-'.repeat(78),
        `${name} ${manifest.version ?? ''}`.trim(),
        `License: ${manifest.license ?? 'see below'}`,
        '',
        text ?? `(The package carries no licence file; its package.json says ${manifest.license}.)`,
        '',
      ].join('\n'),
    );
  }
  if (missing.length) throw new Error(`dist: no licence found for ${missing.join(', ')}`);
  return `${parts.join('\n')}\n`;
}
