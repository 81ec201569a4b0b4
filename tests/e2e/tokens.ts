/** Spellings of sealed tokens, for the replay and aliasing tests. */

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * Other spellings of a sealed token (`v1.<base64url>`) that a lenient decoder reads as the very
 * same bytes: a character outside the alphabet appended, and one inside it (a stray last character
 * when the length allows one, else the last character with an unused bit set). A spent or
 * rate-limited flow must not come back under any of them.
 */
export function aliasesOf(token: string): string[] {
  const at = token.indexOf('v1.') + 3;
  const encoded = token.slice(at);
  const inAlphabet =
    encoded.length % 4 === 0 ? `${encoded}A` : encoded.slice(0, -1) + BASE64URL[BASE64URL.indexOf(encoded.at(-1)!) ^ 1];
  const aliases = [`${encoded}~`, inAlphabet].map((alias) => token.slice(0, at) + alias);
  for (const alias of aliases) {
    if (!Buffer.from(alias.slice(at), 'base64url').equals(Buffer.from(encoded, 'base64url'))) {
      throw new Error(`not an alias of the token: ${alias}`);
    }
  }
  return aliases;
}
