/**
 * Serves a site with PHP's built-in server: `php -S localhost:<port>` with our router, four
 * workers, output in the site's logs/server.log.
 */
import { join } from 'node:path';
import { startProc, waitForHttp } from '../proc.ts';
import { SCRIPTS_DIR } from './paths.ts';
import type { Site } from './site.ts';
import { assertPortFree, logTail, waitPortFree, type Server } from './serve-util.ts';

export async function serveNative(site: Site, opts: { workers?: number; timeoutMs?: number } = {}): Promise<Server> {
  if (!site.phpBinary) throw new Error('native serving needs PHP: none was found (use mode "playground")');
  await assertPortFree(site.port);
  const proc = startProc(
    `wp:${site.name}`,
    site.phpBinary,
    ['-S', `localhost:${site.port}`, '-t', site.docroot, join(SCRIPTS_DIR, 'router.php')],
    {
      cwd: site.docroot,
      env: { PHP_CLI_SERVER_WORKERS: String(opts.workers ?? 4) },
      logFile: site.serverLog,
    },
  );
  try {
    await waitForHttp(proc, `${site.url}/wp-login.php`, opts.timeoutMs ?? 30_000);
  } catch (error) {
    await proc.stop();
    throw new Error(`${(error as Error).message}\n--- ${site.debugLog} ---\n${logTail(site.debugLog)}`, {
      cause: error,
    });
  }
  return {
    url: site.url,
    mode: 'native',
    pid: proc.child.pid,
    stop: async () => {
      await proc.stop();
      await waitPortFree(site.port, proc.child.pid);
    },
  };
}
