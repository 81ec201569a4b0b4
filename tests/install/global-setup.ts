/**
 * The install lane's start: the release packed from the build (`npm run dist`; the end-to-end lane
 * built everything when E2E_SKIP_BUILD is set), the login-server package unpacked with `tar` into
 * an empty folder, and the lane's WordPress removed, so every run installs the plugin into a
 * WordPress that never had it.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from '../../scripts/build.ts';
import { pack } from '../../scripts/dist.ts';
import { e2eLaneEnv } from '../../scripts/prod/env.ts';
import { REPO_ROOT, SITES_DIR } from '../../scripts/wp/paths.ts';
import { DIST_DIR, SERVER_DIR, SERVER_TGZ } from './release.ts';

export default function globalSetup(): void {
  if (!process.env.E2E_SKIP_BUILD) {
    execFileSync(process.execPath, [join(REPO_ROOT, 'scripts/generate-php.ts')], { stdio: 'inherit' });
    build();
  }
  const release = pack(REPO_ROOT, DIST_DIR);
  if (release.server.file !== SERVER_TGZ) throw new Error(`install lane: expected ${SERVER_TGZ}`);
  rmSync(SERVER_DIR, { recursive: true, force: true });
  mkdirSync(SERVER_DIR, { recursive: true });
  execFileSync('tar', ['-xzf', SERVER_TGZ, '-C', SERVER_DIR]);
  rmSync(join(SITES_DIR, e2eLaneEnv().site), { recursive: true, force: true });
}
