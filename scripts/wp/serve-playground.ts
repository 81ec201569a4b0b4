/**
 * Serves a site with WordPress Playground (WebAssembly PHP, nothing to install) when there is
 * no native PHP. Slow (~1 s a request, ~20 s to boot) but needs only npm. The site's files are
 * mounted, so the database lands in the same place as with native PHP.
 */
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { startProc, waitForHttp } from '../proc.ts';
import { SITE_TITLE, PERMALINKS } from './site-install.ts';
import type { Site } from './site.ts';
import { WP_VERSION } from './paths.ts';
import { assertPortFree, logTail, waitPortFree, type Server } from './serve-util.ts';
import { phpLiteral } from './wp-config.ts';

/** Pinned: newer CLIs change flags; this one was tested here (see RUNTIME-NOTES). */
export const PLAYGROUND_CLI = '@wp-playground/cli@3.1.56';

export async function servePlayground(
  site: Site,
  opts: { workers?: number; timeoutMs?: number } = {},
): Promise<Server> {
  await assertPortFree(site.port);
  const blueprint = join(site.dir, 'playground-blueprint.json');
  await writeFile(blueprint, JSON.stringify(playgroundBlueprint(site), null, 2), { mode: 0o600 });
  const log = createWriteStream(site.serverLog, { flags: 'w' });
  const args = [
    '-y',
    PLAYGROUND_CLI,
    'server',
    `--port=${site.port}`,
    `--site-url=${site.url}`,
    '--php=8.2',
    `--workers=${opts.workers ?? 2}`,
    '--wordpress-install-mode=install-from-existing-files-if-needed',
    '--mount-dir-before-install',
    site.docroot,
    '/wordpress',
    // wp-config.php logs to dirname(ABSPATH)/logs/debug.log: /logs inside Playground.
    '--mount-dir',
    dirname(site.debugLog),
    '/logs',
    // The plugin is a symlink to a folder outside the site. Mount it explicitly: with
    // --follow-symlinks only the worker that meets the link mounts it, and the others see no
    // plugin (REST routes missing at random; wp-admin would deactivate it).
    '--mount-dir',
    site.pluginDir,
    `/wordpress/wp-content/plugins/${site.pluginSlug}`,
    `--blueprint=${blueprint}`,
  ];
  const proc = startProc(`wp:${site.name}`, 'npx', args, {
    cwd: site.dir,
    // Run the CLI on our Node (22), not whatever `node` the PATH finds first.
    env: { PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}` },
    quiet: true,
  });
  proc.child.stdout?.pipe(log, { end: false });
  proc.child.stderr?.pipe(log, { end: false });
  try {
    // The first run downloads the CLI (~600 MB into the npm cache): minutes, not seconds.
    await waitForHttp(proc, `${site.url}/wp-login.php`, opts.timeoutMs ?? 10 * 60_000);
  } catch (error) {
    await proc.stop();
    throw new Error(
      `WordPress Playground did not start: ${(error as Error).message}\n` +
        `--- ${site.debugLog} ---\n${logTail(site.debugLog)}\n` +
        'Native PHP is the supported runtime for tests; install php8.2-cli php8.2-sqlite3 php8.2-mbstring php8.2-xml php8.2-curl.',
      { cause: error },
    );
  }
  return {
    url: site.url,
    mode: 'playground',
    pid: proc.child.pid,
    stop: async () => {
      await proc.stop();
      await waitPortFree(site.port, proc.child.pid);
      log.end();
    },
  };
}

/**
 * PHP 8.2 like the native runtime. A site installed natively needs no steps; otherwise
 * Playground installs it (admin/password, its own title) and this step makes it match a
 * native install. It runs on every boot, so it must stay idempotent.
 */
export function playgroundBlueprint(site: Site): object {
  const plugin = `${site.pluginSlug}/${site.pluginFile}`;
  const setup = [
    '<?php',
    "require_once '/wordpress/wp-load.php';",
    "require_once ABSPATH . 'wp-admin/includes/plugin.php';",
    `$user = get_user_by( 'id', 1 );`,
    `if ( $user ) { wp_update_user( array( 'ID' => 1, 'user_email' => ${phpLiteral(site.admin.email)} ) ); wp_set_password( ${phpLiteral(site.admin.password)}, 1 ); }`,
    `update_option( 'blogname', ${phpLiteral(SITE_TITLE)} );`,
    `update_option( 'permalink_structure', ${phpLiteral(PERMALINKS)} );`,
    "update_option( 'show_avatars', 0 );",
    "update_site_option( 'can_compress_scripts', 0 );",
    `if ( file_exists( WP_PLUGIN_DIR . '/' . ${phpLiteral(plugin)} ) && ! is_plugin_active( ${phpLiteral(plugin)} ) ) { activate_plugin( ${phpLiteral(plugin)} ); }`,
    // Rules rebuild on the next request, with the plugin loaded and its rules registered.
    "delete_option( 'rewrite_rules' );",
  ].join('\n');
  return {
    // The mounted core is what runs; this names the same build (Playground takes `nightly`, `6.5`, …).
    preferredVersions: { php: '8.2', wp: WP_VERSION },
    steps: site.installed ? [] : [{ step: 'runPHP', code: setup }],
  };
}
