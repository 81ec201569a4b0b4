/**
 * Finds a Chromium for Playwright (`npx playwright install` cannot download here), installing
 * Debian's `chromium` package when we are root. Null when there is none.
 */
import { findChromium } from '../chromium.ts';
import { aptInstall } from './apt.ts';

let cached: Promise<string | null> | undefined;

/** `$CHROMIUM_PATH`, else the first Chromium on PATH, else installs `chromium` via apt. */
export function ensureChromium(): Promise<string | null> {
  cached ??= (async () => findChromium() ?? ((await aptInstall(['chromium'])) ? findChromium() : null))();
  return cached;
}
