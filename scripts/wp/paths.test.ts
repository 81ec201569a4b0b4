/**
 * The WordPress version setting, and that the plugin header and the builds we test agree: plugin.php's
 * `Requires at least` is the smoke lane's build, `Tested up to` the default lane's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BUILDS_PACKAGE_DIR, NEWEST_WP_VERSION, OLDEST_WP_VERSION, REPO_ROOT, WP_BUILDS, wpVersion } from './paths.ts';

const header = (name: string) =>
  new RegExp(`^ \\* ${name}:\\s*(\\S+)$`, 'm').exec(readFileSync(join(REPO_ROOT, 'plugin.php'), 'utf8'))?.[1];
const majorMinor = (release: string) => /^\d+\.\d+/.exec(release)?.[0];

describe('wpVersion', () => {
  it('defaults to the newest build and takes any build by name', () => {
    expect(wpVersion({})).toBe(NEWEST_WP_VERSION);
    expect(wpVersion({ WORKOS_WP_VERSION: ' ' })).toBe(NEWEST_WP_VERSION);
    expect(wpVersion({ WORKOS_WP_VERSION: '6.5' })).toBe('6.5');
    expect(wpVersion({ WORKOS_WP_VERSION: 'beta' })).toBe('beta');
  });

  it('refuses a version there is no build of, naming the ones there are', () => {
    expect(() => wpVersion({ WORKOS_WP_VERSION: '7.1' })).toThrow(/WORKOS_WP_VERSION=7\.1: one of nightly, beta, 6\.5/);
    expect(() => wpVersion({ WORKOS_WP_VERSION: 'toString' })).toThrow(/one of/);
  });
});

describe('the builds and the plugin header', () => {
  it('each build holds the release the table names', () => {
    for (const [name, release] of Object.entries(WP_BUILDS)) {
      const zip = readFileSync(join(BUILDS_PACKAGE_DIR, `src/wordpress/wp-${name}.zip`));
      const file = 'wp-includes/version.php';
      const entries = unzipSync(zip, { filter: (entry) => entry.name === file });
      expect(strFromU8(entries[file]), name).toContain(`$wp_version = '${release}';`);
    }
  });

  it('`Requires at least` is the oldest build, `Tested up to` the newest', () => {
    expect(header('Requires at least')).toBe(majorMinor(WP_BUILDS[OLDEST_WP_VERSION]));
    expect(header('Tested up to')).toBe(majorMinor(WP_BUILDS[NEWEST_WP_VERSION]));
  });
});
