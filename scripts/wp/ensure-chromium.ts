/**
 * Finds a Chromium for Playwright (`npx playwright install` cannot download here), installing
 * Debian's `chromium` package when we are root. Null when there is none.
 */
import { aptInstall } from './apt.ts';
import { which } from './exec.ts';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];

let cached: Promise<string | null> | undefined;

/** `$CHROMIUM_PATH`, else the first Chromium on PATH, else installs `chromium` via apt. */
export function ensureChromium(): Promise<string | null> {
  cached ??= (async () => {
    const found = await find();
    if (found) return found;
    return (await aptInstall(['chromium'])) ? find() : null;
  })();
  return cached;
}

async function find(): Promise<string | null> {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const name of NAMES) {
    const path = await which(name);
    if (path) return path;
  }
  return null;
}
