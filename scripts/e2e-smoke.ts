/**
 * A smoke lane's share of tests/e2e: spec file → the starts of the test titles that run there,
 * unchanged (playwright.oldest.config.ts, playwright.install.config.ts).
 */
import { readFileSync } from 'node:fs';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Playwright's `testMatch` and `grep` for the tests named. A renamed test would leave the lane
 * silently smaller: this throws naming the entry that no longer matches.
 */
export function smokeSelection(config: string, smoke: Record<string, string[]>): { testMatch: RegExp; grep: RegExp[] } {
  for (const [file, titles] of Object.entries(smoke)) {
    const source = readFileSync(new URL(`../tests/e2e/${file}.spec.ts`, import.meta.url), 'utf8');
    for (const title of titles) {
      if (!source.includes(`test('${title}`) && !source.includes(`test(\`${title}`)) {
        throw new Error(`${config}: no test in ${file}.spec.ts starts with "${title}"`);
      }
    }
  }
  return {
    testMatch: new RegExp(`tests/e2e/(${Object.keys(smoke).join('|')})\\.spec\\.ts$`),
    // Playwright matches grep against "<file> <describe…> <title>".
    grep: Object.entries(smoke).flatMap(([file, titles]) =>
      titles.map((title) => new RegExp(`${escape(file)}\\.spec\\.ts .*${escape(title)}`)),
    ),
  };
}
