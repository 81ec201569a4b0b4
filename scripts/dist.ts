/**
 * `npm run dist`: the release, from the tree as built (`npm run dist` builds first; `--no-build`
 * packs what build/ already holds, as the install lane does after the end-to-end lane built it):
 *
 *   dist/workos-login-<version>.zip          the plugin, one `workos-login/` folder (contents.ts)
 *                                            and the licences of what its scripts bundle (notices.ts)
 *   dist/workos-login-server-<version>.tgz   the login server, one `workos-login-server/` folder:
 *                                            the bundle, a bin that checks Node's version, a
 *                                            package.json, an example environment file, a systemd
 *                                            unit, a Dockerfile, a README and the bundled
 *                                            packages' licences
 *   dist/SHA256SUMS                          both, for `sha256sum -c SHA256SUMS`
 *
 * Refuses to pack when the versions disagree: package.json, plugin.php's header and
 * WORKOS_LOGIN_VERSION, readme.txt's Stable tag.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sha256Line, tgz, zip, type ArchiveEntry } from './dist/archive.ts';
import {
  headerField,
  listFiles,
  pluginFiles,
  releaseVersion,
  SERVER_BUNDLE,
  SERVER_TEMPLATE_DIR,
} from './dist/contents.ts';
import { PLUGIN_SLUG, SERVER_PACKAGE } from './dist/names.ts';
import { bundledPackages, noticesText } from './dist/notices.ts';
import { ROOT } from './stack.ts';

/** The licences of the bundled npm packages, in each archive's folder (dist/notices.ts). */
export const NOTICES = 'THIRD-PARTY-NOTICES.txt';

export interface Artifact {
  file: string;
  bytes: number;
  entries: number;
}
export interface Release {
  version: string;
  plugin: Artifact;
  server: Artifact;
  checksums: string;
}

/** Every place a release names its version, with what each says. */
export function versionProblems(root: string): string[] {
  const version = releaseVersion(root);
  const plugin = readFileSync(join(root, 'plugin.php'), 'utf8');
  const readme = readFileSync(join(root, 'readme.txt'), 'utf8');
  const constant = /define\(\s*'WORKOS_LOGIN_VERSION',\s*'([^']+)'\s*\)/.exec(plugin)?.[1] ?? null;
  const places: Array<[string, string | null]> = [
    ['plugin.php Version', headerField(plugin, 'Version')],
    ['plugin.php WORKOS_LOGIN_VERSION', constant],
    ['readme.txt Stable tag', headerField(readme, 'Stable tag')],
  ];
  return places
    .filter(([, value]) => value !== version)
    .map(([place, value]) => `${place} is ${value ?? 'missing'}, package.json says ${version}`);
}

/** The archives' entry time: SOURCE_DATE_EPOCH, else the last commit's, else now. */
function releaseTime(root: string): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  try {
    const committed = execFileSync('git', ['log', '-1', '--format=%ct'], { cwd: root, encoding: 'utf8' }).trim();
    if (/^\d+$/.test(committed)) return new Date(Number(committed) * 1000);
  } catch {
    // Not a git checkout: the time of packing.
  }
  return new Date(Math.floor(Date.now() / 1000) * 1000);
}

/** The login server package's package.json: what `engines` and `bin` say, nothing to install. */
export function serverPackageJson(root: string, version: string): string {
  const rootPackage = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    license: string;
    engines: { node: string };
  };
  const manifest = {
    name: SERVER_PACKAGE,
    version,
    description: 'The WorkOS Login server: the WorkOS side of the WorkOS Login WordPress plugin.',
    license: rootPackage.license,
    private: true,
    type: 'module',
    engines: { node: rootPackage.engines.node },
    bin: { [SERVER_PACKAGE]: 'bin/workos-login-server.js' },
    main: 'index.js',
    scripts: { start: 'node bin/workos-login-server.js', check: 'node bin/workos-login-server.js --check' },
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

function read(root: string, path: string): Uint8Array {
  return readFileSync(join(root, path));
}

export function pack(root = ROOT, outDir = join(root, 'dist')): Release {
  const problems = versionProblems(root);
  if (problems.length) throw new Error(`dist: the versions disagree:\n  - ${problems.join('\n  - ')}`);
  const version = releaseVersion(root);
  const time = releaseTime(root);

  const files = pluginFiles(root);
  // The notices are read from the source maps the build writes. Only a script that merely
  // re-exports another (the element's entry) has none, and bundles nothing.
  const reExportOnly = (path: string) =>
    /^(export\{[^}]*\}from"[^"]+";\s*)+$/.test(readFileSync(join(root, path), 'utf8'));
  const scriptMaps = (paths: string[]) =>
    paths
      .filter((path) => existsSync(join(root, `${path}.map`)) || !reExportOnly(path))
      .map((path) => {
        statSync(join(root, `${path}.map`)); // throws ENOENT naming the missing map
        return join(root, `${path}.map`);
      });
  const pluginNotices = noticesText(
    root,
    `WorkOS Login ${version}: third-party software in its scripts (build/)`,
    bundledPackages(scriptMaps(files.filter((path) => path.startsWith('build/') && path.endsWith('.js')))),
  );
  const pluginEntries: ArchiveEntry[] = [
    ...files.map((path) => ({ path: `${PLUGIN_SLUG}/${path}`, data: read(root, path) })),
    { path: `${PLUGIN_SLUG}/${NOTICES}`, data: Buffer.from(pluginNotices) },
  ];

  statSync(join(root, SERVER_BUNDLE)); // throws ENOENT naming the missing bundle
  const serverEntries: ArchiveEntry[] = [
    { path: `${SERVER_PACKAGE}/index.js`, data: read(root, SERVER_BUNDLE) },
    { path: `${SERVER_PACKAGE}/package.json`, data: Buffer.from(serverPackageJson(root, version)) },
    {
      path: `${SERVER_PACKAGE}/${NOTICES}`,
      data: Buffer.from(
        noticesText(
          root,
          `WorkOS Login server ${version}: third-party software in index.js`,
          bundledPackages(scriptMaps([SERVER_BUNDLE])),
        ),
      ),
    },
    ...listFiles(join(root, SERVER_TEMPLATE_DIR), ['']).map((path) => ({
      path: `${SERVER_PACKAGE}/${path}`,
      data: read(join(root, SERVER_TEMPLATE_DIR), path),
      mode: path.startsWith('bin/') ? 0o755 : 0o644,
    })),
  ];

  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const write = (name: string, data: Uint8Array, entries: number): Artifact => {
    const file = join(outDir, name);
    writeFileSync(file, data);
    return { file, bytes: data.length, entries };
  };
  const pluginZip = zip(pluginEntries, time);
  const serverTgz = tgz(serverEntries, time);
  const plugin = write(`${PLUGIN_SLUG}-${version}.zip`, pluginZip, pluginEntries.length);
  const server = write(`${SERVER_PACKAGE}-${version}.tgz`, serverTgz, serverEntries.length);
  const checksums = join(outDir, 'SHA256SUMS');
  writeFileSync(
    checksums,
    sha256Line(pluginZip, `${PLUGIN_SLUG}-${version}.zip`) + sha256Line(serverTgz, `${SERVER_PACKAGE}-${version}.tgz`),
  );
  return { version, plugin, server, checksums };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (!process.argv.includes('--no-build')) {
    for (const script of ['scripts/generate-php.ts', 'scripts/i18n/make-pot.ts'])
      execFileSync(process.execPath, [join(ROOT, script)], { cwd: ROOT, stdio: 'inherit' });
    (await import('./build.ts')).build();
  }
  const release = pack();
  for (const artifact of [release.plugin, release.server]) {
    process.stdout.write(`${artifact.file}  ${artifact.bytes.toLocaleString('en')} B, ${artifact.entries} files\n`);
  }
  process.stdout.write(`${release.checksums}\n`);
}
