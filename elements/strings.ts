import { SIGN_IN_STRINGS } from '../protocol/strings/sign-in.ts';
import type { StringKey, Strings } from '../protocol/strings.ts';

/** What the `i18n` attribute/property accepts: JSON text, or an object when set from script. */
export type I18nInput = string | Partial<Record<StringKey, string>> | null | undefined;

/** English defaults the element has so far: the first screen's, then each loaded view module's. */
export type Defaults = Partial<Strings>;

/* A key as `protocol/strings.ts` spells them; keeps `__proto__` and other oddities out. */
const KEY = /^[a-z][a-z0-9_]*$/;

/**
 * Merges translated strings over the English defaults.
 *
 * WordPress prints the translations as JSON in the `i18n` attribute. Whatever arrives is untrusted
 * page markup: non-string values are ignored, missing keys keep their default and broken JSON
 * yields the defaults, so a bad translation can never blank out the form. Keys the element does
 * not know yet are kept: they belong to views loaded later (whose defaults then fill the gaps).
 *
 * The result is typed as every string: keys of views not loaded yet may be missing until then,
 * and only those views read them.
 */
export function parseStrings(input: I18nInput, defaults: Defaults = SIGN_IN_STRINGS): Strings {
  return translations(input, defaults) as Strings;
}

/** {@link parseStrings} for any group of strings (`<workos-passkeys>` has its own). */
export function translations<T extends object>(input: unknown, defaults: T): T {
  const strings = { ...defaults } as Record<string, string>;
  let given: unknown = input;
  if (typeof input === 'string') {
    try {
      given = JSON.parse(input);
    } catch {
      given = null;
    }
  }
  if (given && typeof given === 'object' && !Array.isArray(given)) {
    for (const [key, value] of Object.entries(given)) {
      // An empty translation would leave a label or button without text: keep the default.
      if (KEY.test(key) && typeof value === 'string' && value.trim() !== '') strings[key] = value;
    }
  }
  return strings as T;
}

/** Fills `{name}` placeholders; unknown ones stay visible rather than vanish. */
export const fmt = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (whole, key: string) => (Object.hasOwn(values, key) ? String(values[key]) : whole));
