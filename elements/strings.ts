import { DEFAULT_STRINGS, type StringKey, type Strings } from '../protocol/strings.ts';

/** What the `i18n` attribute/property accepts: JSON text, or an object when set from script. */
export type I18nInput = string | Partial<Record<StringKey, string>> | null | undefined;

/**
 * Merges translated strings over the English defaults.
 *
 * WordPress prints the translations as JSON in the `i18n` attribute. Whatever arrives is untrusted
 * page markup: unknown keys and non-string values are ignored, missing keys keep their default and
 * broken JSON yields the defaults, so a bad translation can never blank out the form.
 */
export function parseStrings(input: I18nInput): Strings {
  const strings: Strings = { ...DEFAULT_STRINGS };
  let given: unknown = input;
  if (typeof input === 'string') {
    try {
      given = JSON.parse(input);
    } catch {
      return strings;
    }
  }
  if (!given || typeof given !== 'object' || Array.isArray(given)) return strings;
  for (const key of Object.keys(strings) as StringKey[]) {
    const value: unknown = (given as Record<string, unknown>)[key];
    // An empty translation would leave a label or button without text: keep the default.
    if (typeof value === 'string' && value.trim() !== '') strings[key] = value;
  }
  return strings;
}
