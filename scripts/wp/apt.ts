/**
 * Debian package installs for the runtime's system needs (PHP, Chromium). Only as root on a
 * Debian-like system; anything else returns false and the caller falls back.
 */
import { existsSync } from 'node:fs';
import { run } from './exec.ts';

/** True when we may install system packages ourselves. */
export function canUseApt(): boolean {
  return process.getuid?.() === 0 && existsSync('/usr/bin/apt-get') && existsSync('/etc/debian_version');
}

let updated = false;

/**
 * Installs `packages` non-interactively. Tries without `apt-get update` first (fast when the
 * package lists are fresh) and updates once only when that fails.
 */
export async function aptInstall(packages: string[]): Promise<boolean> {
  if (!canUseApt()) return false;
  console.log(`[wp] installing Debian packages: ${packages.join(' ')}`);
  const install = () =>
    run('apt-get', ['install', '-y', '--no-install-recommends', ...packages], {
      env: { DEBIAN_FRONTEND: 'noninteractive' },
      timeoutMs: 15 * 60_000,
    });
  let result = await install();
  if (result.code !== 0 && !updated) {
    updated = true;
    await run('apt-get', ['update'], { env: { DEBIAN_FRONTEND: 'noninteractive' }, timeoutMs: 10 * 60_000 });
    result = await install();
  }
  if (result.code !== 0) {
    console.warn(`[wp] apt-get install failed:\n${result.stderr.trim().slice(-1500)}`);
  }
  return result.code === 0;
}
