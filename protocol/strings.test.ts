/**
 * `includes/generated/strings.php` and `protocol/strings.ts` know the same keys with the same English text,
 * checked here without WordPress (`__()` stubbed to return its text; skipped without PHP). The
 * Playwright contract test checks the same through a real site.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STRINGS } from './strings.ts';
import { NEW_PASSWORD_STRINGS } from './strings/new-password.ts';
import { PASSKEY_STRINGS } from './strings/passkey.ts';
import { PASSKEY_MANAGE_STRINGS } from './strings/passkeys-manage.ts';
import { RESET_STRINGS } from './strings/reset.ts';
import { SECOND_STEP_STRINGS } from './strings/second-step.ts';
import { SIGN_IN_STRINGS } from './strings/sign-in.ts';
import { SIGN_UP_STRINGS } from './strings/sign-up.ts';

const STRINGS_PHP = fileURLToPath(new URL('../includes/generated/strings.php', import.meta.url));

const hasPhp = (() => {
  try {
    execFileSync('php', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('strings', () => {
  it('groups every key exactly once', () => {
    const groups = [
      SIGN_IN_STRINGS,
      SIGN_UP_STRINGS,
      NEW_PASSWORD_STRINGS,
      RESET_STRINGS,
      SECOND_STEP_STRINGS,
      PASSKEY_STRINGS,
    ];
    const keys = groups.flatMap((group) => Object.keys(group));
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.sort()).toEqual(Object.keys(DEFAULT_STRINGS).sort());
  });

  it('names every placeholder the element fills', () => {
    for (const [key, text] of Object.entries(DEFAULT_STRINGS)) {
      for (const [, name] of text.matchAll(/\{(\w+)\}/g)) {
        expect(['email', 'seconds', 'phone', 'organization'], key).toContain(name);
      }
    }
    for (const [key, text] of Object.entries(PASSKEY_MANAGE_STRINGS)) {
      for (const [, name] of text.matchAll(/\{(\w+)\}/g)) expect(['count'], key).toContain(name);
    }
  });

  it('keeps the passkey list strings apart from the sign-in ones', () => {
    for (const key of Object.keys(PASSKEY_MANAGE_STRINGS)) expect(Object.hasOwn(DEFAULT_STRINGS, key), key).toBe(false);
  });

  it.skipIf(!hasPhp)('match includes/generated/strings.php key for key and word for word', () => {
    const script = `define('ABSPATH', '/'); function __($text, $domain) { if ('workos-login' !== $domain) { exit(1); } return $text; }
      require ${JSON.stringify(STRINGS_PHP)}; echo json_encode(workos_login_strings(), JSON_UNESCAPED_UNICODE);`;
    const php = JSON.parse(execFileSync('php', ['-r', script], { encoding: 'utf8' })) as Record<string, string>;
    expect(php).toEqual({ ...DEFAULT_STRINGS });
    expect(Object.keys(php)).toEqual(Object.keys(DEFAULT_STRINGS));
  });

  it.skipIf(!hasPhp)('match workos_login_passkey_manage_strings() for the passkey list', () => {
    const script = `define('ABSPATH', '/'); function __($text, $domain) { if ('workos-login' !== $domain) { exit(1); } return $text; }
      require ${JSON.stringify(STRINGS_PHP)}; echo json_encode(workos_login_passkey_manage_strings(), JSON_UNESCAPED_UNICODE);`;
    const php = JSON.parse(execFileSync('php', ['-r', script], { encoding: 'utf8' })) as Record<string, string>;
    expect(php).toEqual({ ...PASSKEY_MANAGE_STRINGS });
    expect(Object.keys(php)).toEqual(Object.keys(PASSKEY_MANAGE_STRINGS));
  });
});
