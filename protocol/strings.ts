import { NEW_PASSWORD_STRINGS } from './strings/new-password.ts';
import { PASSKEY_STRINGS } from './strings/passkey.ts';
import { RESET_STRINGS } from './strings/reset.ts';
import { SECOND_STEP_STRINGS } from './strings/second-step.ts';
import { SIGN_IN_STRINGS } from './strings/sign-in.ts';
import { SIGN_UP_STRINGS } from './strings/sign-up.ts';

/**
 * Every visible string of the sign-in UI, with its English default.
 *
 * WordPress translates the same keys with the `workos-login` text domain and hands them to the
 * element as JSON in its `i18n` attribute (generated into `includes/generated/strings.php` by `npm run generate:php`); the element falls back to
 * these defaults for any key it is not given. A test checks that both sides know the same keys.
 *
 * The defaults come in groups (`protocol/strings/`) so the element's initial bundle carries only
 * the first screen's; the views it loads on demand bring their own group.
 *
 * `{name}` placeholders are filled in by the element; translations keep them as they are.
 *
 * `<workos-passkeys>` (profile screens) has its own group, outside these: `strings/passkeys-manage.ts`.
 */
export const DEFAULT_STRINGS = {
  ...SIGN_IN_STRINGS,
  ...SIGN_UP_STRINGS,
  ...NEW_PASSWORD_STRINGS,
  ...RESET_STRINGS,
  ...SECOND_STEP_STRINGS,
  ...PASSKEY_STRINGS,
} as const;

export type StringKey = keyof typeof DEFAULT_STRINGS;
export type Strings = Record<StringKey, string>;

export { NEW_PASSWORD_STRINGS, PASSKEY_STRINGS, RESET_STRINGS, SECOND_STEP_STRINGS, SIGN_IN_STRINGS, SIGN_UP_STRINGS };
