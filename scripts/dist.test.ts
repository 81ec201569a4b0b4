/**
 * The release (scripts/dist.ts): what each archive holds, that both archives read back with the
 * standard tools, that a rebuild is byte for byte the same, and that what the plugin claims
 * (versions, WordPress and PHP it was tested on, the server's settings) is what the project does.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { sha256Line, tgz, zip } from './dist/archive.ts';
import { headerField, isPluginFile, listFiles, PLUGIN_ROOTS } from './dist/contents.ts';
import { bundledPackages, noticesText } from './dist/notices.ts';
import { serverPackageJson, versionProblems } from './dist.ts';
import { ROOT } from './stack.ts';
import { NEWEST_WP_VERSION, OLDEST_WP_VERSION, WP_BUILDS } from './wp/paths.ts';

const TIME = new Date('2026-01-02T03:04:05Z');
const text = (path: string) => readFileSync(join(ROOT, path), 'utf8');

describe('the plugin zip’s contents', () => {
  it('take every PHP file, block.json, style, image and translation, and no source, test or map', () => {
    const source = listFiles(ROOT, PLUGIN_ROOTS);
    const shipped = source.filter(isPluginFile);
    expect(shipped.filter((path) => path.startsWith('includes/')).length).toBe(
      source.filter((path) => path.startsWith('includes/') && path.endsWith('.php')).length,
    );
    expect(shipped).toEqual(
      expect.arrayContaining([
        'plugin.php',
        'uninstall.php',
        'readme.txt',
        'blocks/login/block.json',
        'blocks/login/render.php',
        'blocks/login/style.css',
        'admin/profiles/style.css',
        'assets/logo.svg',
        'languages/workos-login.pot',
      ]),
    );
    expect(shipped.filter((path) => /\.(tsx?|md|map)$|\.test\./.test(path))).toEqual([]);
  });

  it('take built scripts and their asset files, not source maps or Vite manifests', () => {
    expect(isPluginFile('build/elements/workos-login.js')).toBe(true);
    expect(isPluginFile('build/elements/chunks/core-AbC123.js')).toBe(true);
    expect(isPluginFile('build/blocks/login/index.asset.php')).toBe(true);
    expect(isPluginFile('build/elements/workos-login.js.map')).toBe(false);
    expect(isPluginFile('build/elements/.vite/manifest.json')).toBe(false);
    expect(isPluginFile('build/server/index.js')).toBe(false);
    expect(isPluginFile('includes/.DS_Store')).toBe(false);
    expect(isPluginFile('tests/php/bootstrap.php')).toBe(false);
  });
});

describe('the archives', () => {
  const entries = [
    { path: 'pkg/bin/run.js', data: Buffer.from('#!/usr/bin/env node\n'), mode: 0o755 },
    { path: 'pkg/README.md', data: Buffer.from('read me\n') },
    { path: `pkg/${'deep/'.repeat(25)}file.txt`, data: Buffer.from('x'.repeat(700)) },
  ];

  it('zip: read back by an unzipper, sorted, dated once', () => {
    const files = unzipSync(zip(entries, TIME));
    expect(Object.keys(files)).toEqual([...entries.map((e) => e.path)].sort());
    expect(Buffer.from(files['pkg/README.md']).toString()).toBe('read me\n');
  });

  it('tgz: read back by tar, with folders, modes and long paths', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dist-test-'));
    writeFileSync(join(dir, 'a.tgz'), tgz(entries, TIME));
    const listing = execFileSync('tar', ['-tvzf', 'a.tgz'], { cwd: dir, encoding: 'utf8' });
    expect(listing).toMatch(/^-rwxr-xr-x .* pkg\/bin\/run\.js$/m);
    expect(listing).toMatch(/^drwxr-xr-x .* pkg\/bin\/$/m);
    execFileSync('tar', ['-xzf', 'a.tgz'], { cwd: dir });
    expect(readFileSync(join(dir, 'pkg', 'deep/'.repeat(25), 'file.txt'), 'utf8')).toBe('x'.repeat(700));
  });

  it('are the same bytes when packed again, and checksummed as sha256sum does', () => {
    expect(Buffer.compare(zip(entries, TIME), zip([...entries].reverse(), TIME))).toBe(0);
    expect(Buffer.compare(tgz(entries, TIME), tgz([...entries].reverse(), TIME))).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), 'dist-test-'));
    const data = tgz(entries, TIME);
    writeFileSync(join(dir, 'a.tgz'), data);
    writeFileSync(join(dir, 'SUMS'), sha256Line(data, 'a.tgz'));
    expect(execFileSync('sha256sum', ['-c', 'SUMS'], { cwd: dir, encoding: 'utf8' })).toBe('a.tgz: OK\n');
  });

  it('refuse paths that could leave the folder they unpack into', () => {
    for (const path of ['../evil', '/etc/passwd', 'a//b', 'a/./b'])
      expect(() => zip([{ path, data: Buffer.from('') }], TIME)).toThrow(/plain relative path/);
  });
});

describe('what the release claims', () => {
  const plugin = text('plugin.php');
  const readme = text('readme.txt');
  const minor = (version: string) => /^\d+\.\d+/.exec(version)![0];

  it('one version everywhere: package.json, plugin.php, WORKOS_LOGIN_VERSION, readme.txt', () => {
    expect(versionProblems(ROOT)).toEqual([]);
  });

  it('the WordPress and PHP versions CI tests: the oldest lane’s, the newest build’s, .ci/run’s PHP', () => {
    const ciPhp = /^php_version=(\d+\.\d+)$/m.exec(text('.ci/run'))![1];
    for (const file of [plugin, readme]) {
      expect(headerField(file, 'Requires at least')).toBe(minor(WP_BUILDS[OLDEST_WP_VERSION]));
      expect(headerField(file, 'Requires PHP')).toBe(ciPhp);
    }
    expect(headerField(readme, 'Tested up to')).toBe(minor(WP_BUILDS[NEWEST_WP_VERSION]));
    expect(headerField(plugin, 'Tested up to')).toBe(minor(WP_BUILDS[NEWEST_WP_VERSION]));
    expect(headerField(plugin, 'Update URI')).toBe('false');
  });

  it('readme.txt has the sections WordPress.org reads, External services included', () => {
    for (const section of [
      'Description',
      'Installation',
      'Frequently Asked Questions',
      'External services',
      'Changelog',
    ])
      expect(readme).toContain(`== ${section} ==`);
    const short = readme.split('\n\n')[1];
    expect(short.length).toBeLessThanOrEqual(150);
    expect(readme).toContain(`= ${headerField(readme, 'Stable tag')} =`);
  });
});

describe('the login server package', () => {
  it('names the Node version the project needs, and a bin', () => {
    const manifest = JSON.parse(serverPackageJson(ROOT, '9.9.9')) as Record<string, unknown>;
    expect(manifest).toMatchObject({
      name: 'workos-login-server',
      version: '9.9.9',
      type: 'module',
      engines: { node: (JSON.parse(text('package.json')) as { engines: { node: string } }).engines.node },
      bin: { 'workos-login-server': 'bin/workos-login-server.js' },
    });
  });

  it('its example environment file names every setting the server reads', () => {
    const read = new Set(
      [...text('server/config.ts').matchAll(/(?:env\.|required\(')([A-Z][A-Z0-9_]+)/g)].map((match) => match[1]),
    );
    const example = new Set(
      [...text('server/package/workos-login-server.env.example').matchAll(/^#? ?([A-Z][A-Z0-9_]+)=/gm)].map(
        (m) => m[1],
      ),
    );
    expect(read.size).toBeGreaterThan(5);
    expect([...example].sort()).toEqual([...read].sort());
  });

  describe('its bin', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dist-bin-'));
    mkdirSync(join(dir, 'bin'));
    cpSync(join(ROOT, 'server/package/bin/workos-login-server.js'), join(dir, 'bin/workos-login-server.js'));
    chmodSync(join(dir, 'bin/workos-login-server.js'), 0o755);
    writeFileSync(join(dir, 'package.json'), serverPackageJson(ROOT, '9.9.9'));
    writeFileSync(join(dir, 'index.js'), "process.stdout.write('started ' + process.argv.slice(2).join(' '));\n");
    const run = (args: string[], nodeArgs: string[] = [], node = process.execPath) =>
      spawnSync(node, [...nodeArgs, join(dir, 'bin/workos-login-server.js'), ...args], { encoding: 'utf8' });
    const asNode = (version: string) => [
      '--import',
      `data:text/javascript,Object.defineProperty(process.versions,"node",{value:"${version}"})`,
    ];

    it('starts the server on the Node version it needs, passing its arguments', () => {
      const result = run(['--check']);
      expect(result.stderr).toBe('');
      expect(result.stdout).toBe('started --check');
      expect(run(['--version']).stdout).toBe('9.9.9\n');
      expect(run([], asNode('22.11.0')).stdout).toBe('started ');
      expect(run([], asNode('23.0.1')).stdout).toBe('started ');
    });

    it('refuses an older Node with a message naming both versions', () => {
      for (const version of ['22.10.0', '20.18.1', '18.20.4']) {
        const result = run([], asNode(version));
        expect(result.status).toBe(1);
        expect(result.stdout).toBe('');
        expect(result.stderr).toContain(`needs Node.js >=22.11; this is Node.js ${version}`);
      }
    });

    it('refuses the machine’s own older Node, if it has one', () => {
      const system = spawnSync('/usr/bin/node', ['-p', 'process.versions.node'], { encoding: 'utf8' });
      const version = system.status === 0 ? system.stdout.trim() : null;
      if (!version || !/^(1\d|2[01])\.|^22\.(\d|10)\./.test(version)) return; // none here
      const result = run([], [], '/usr/bin/node');
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`this is Node.js ${version}`);
    });
  });
});

describe('THIRD-PARTY-NOTICES.txt', () => {
  it('names the packages a source map bundles, scoped ones whole, each once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dist-notices-'));
    writeFileSync(
      join(dir, 'a.js.map'),
      JSON.stringify({
        sources: [
          '../../node_modules/lit-html/lit-html.js',
          '../../node_modules/lit-html/directive.js',
          '../../node_modules/@simplewebauthn/browser/esm/index.js',
          '../../node_modules/a/node_modules/b/index.js',
          '../../elements/workos-login.ts',
        ],
      }),
    );
    expect(bundledPackages([join(dir, 'a.js.map')])).toEqual(['@simplewebauthn/browser', 'b', 'lit-html']);
  });

  it('gives each package its version, licence and licence text, and refuses one it cannot find', () => {
    const notices = noticesText(ROOT, 'Title', ['lit-html']);
    const { version } = JSON.parse(text('node_modules/lit-html/package.json')) as { version: string };
    expect(notices).toContain(`lit-html ${version}\nLicense: BSD-3-Clause\n`);
    expect(notices).toContain('Redistribution and use in source and binary forms');
    expect(() => noticesText(ROOT, 'Title', ['no-such-package-here'])).toThrow(
      /no licence found for no-such-package-here/,
    );
  });
});
