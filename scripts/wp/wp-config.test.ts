import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { phpLiteral, renderWpConfig } from './wp-config.ts';

const hasPhp = (() => {
  try {
    execFileSync('php', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** Evaluates wp-config.php's defines in PHP (without loading WordPress) and returns them. */
function evalConfig(source: string): Record<string, unknown> {
  const dir = mkdtempSync(join(tmpdir(), 'wp-config-'));
  const config = source.replace("require_once ABSPATH . 'wp-settings.php';", '');
  writeFileSync(join(dir, 'wp-config.php'), config);
  const out = execFileSync('php', [
    '-r',
    `require '${dir}/wp-config.php'; echo json_encode(get_defined_constants(true)['user']);`,
  ]);
  return JSON.parse(out.toString()) as Record<string, unknown>;
}

describe('phpLiteral', () => {
  it('writes booleans, numbers and escaped single-quoted strings', () => {
    expect(phpLiteral(true)).toBe('true');
    expect(phpLiteral(false)).toBe('false');
    expect(phpLiteral(42)).toBe('42');
    expect(phpLiteral("it's \\ fine")).toBe("'it\\'s \\\\ fine'");
  });

  it('refuses numbers PHP cannot read back', () => {
    expect(() => phpLiteral(Number.NaN)).toThrow();
  });
});

describe('renderWpConfig', () => {
  const salts = {
    AUTH_KEY: 'a',
    SECURE_AUTH_KEY: 'b',
    LOGGED_IN_KEY: 'c',
    NONCE_KEY: 'd',
    AUTH_SALT: 'e',
    SECURE_AUTH_SALT: 'f',
    LOGGED_IN_SALT: 'g',
    NONCE_SALT: 'h',
  };

  it('uses localhost, not 127.0.0.1, for the site URL', () => {
    const php = renderWpConfig({ port: 5999, constants: {}, salts });
    expect(php).toContain("define( 'WP_HOME', 'http://localhost:5999' );");
    expect(php).toContain("define( 'WP_SITEURL', 'http://localhost:5999' );");
  });

  it('lets a caller constant replace a default instead of defining it twice', () => {
    const php = renderWpConfig({ port: 5999, constants: { WP_DEBUG: false }, salts });
    expect(php.match(/'WP_DEBUG'/g)).toHaveLength(1);
    expect(php).toContain("define( 'WP_DEBUG', false );");
  });

  it('draws fresh salts for every site', () => {
    const a = renderWpConfig({ port: 1, constants: {} });
    const b = renderWpConfig({ port: 1, constants: {} });
    const salt = (php: string) => /'AUTH_KEY', '([^']+)'/.exec(php)?.[1];
    expect(salt(a)).toBeTruthy();
    expect(salt(a)).not.toBe(salt(b));
  });

  it('points a MySQL site at its server, with no SQLite settings', () => {
    const php = renderWpConfig({
      port: 5999,
      constants: {},
      salts,
      database: { driver: 'mysql', host: '127.0.0.1', port: 3307, name: 'wp_prod', user: 'wp_prod', password: "p'w" },
    });
    expect(php).toContain("define( 'DB_HOST', '127.0.0.1:3307' );");
    expect(php).toContain("define( 'DB_NAME', 'wp_prod' );");
    expect(php).toContain("define( 'DB_PASSWORD', 'p\\'w' );");
    expect(php).not.toContain('DB_DIR');
    expect(php).not.toContain('DB_FILE');
  });

  it('rejects constant names that are not PHP identifiers', () => {
    expect(() => renderWpConfig({ port: 1, constants: { "X'); evil(); //": 1 } })).toThrow(/invalid constant name/);
  });

  it.skipIf(!hasPhp)('is valid PHP that defines exactly the values given', () => {
    const secret = 's3cr3t\'\\"$x';
    const constants = evalConfig(
      renderWpConfig({ port: 5999, constants: { WORKOS_LOGIN_SECRET: secret, WORKOS_N: 7, WORKOS_FLAG: true }, salts }),
    );
    expect(constants.WORKOS_LOGIN_SECRET).toBe(secret);
    expect(constants.WORKOS_N).toBe(7);
    expect(constants.WORKOS_FLAG).toBe(true);
    expect(constants.WP_HTTP_BLOCK_EXTERNAL).toBe(true);
    expect(constants.WP_ACCESSIBLE_HOSTS).toContain('127.0.0.1');
    expect(String(constants.WP_DEBUG_LOG)).toMatch(/\/logs\/debug\.log$/);
    expect(String(constants.DB_DIR)).toMatch(/\/wp-content\/database\/$/);
  });
});
