/**
 * Installs WordPress into a prepared site, non-interactively, in three PHP runs: install
 * (WP_INSTALLING), activate the plugin (a normal load), flush rewrite rules (a load with the
 * plugin active, so its `init` rules are in the flushed set).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runPhp, type PhpContext } from './php-runner.ts';

export const SITE_TITLE = 'WorkOS Login Demo';
export const PERMALINKS = '/%postname%/';

export interface AdminUser {
  username: string;
  password: string;
  email: string;
}

const INSTALL = `
// No mail server here; wp_install() would try to send the "new site" email.
function wp_new_blog_notification() {}
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
$workos_result = wp_install(
	getenv( 'WORKOS_WP_TITLE' ),
	getenv( 'WORKOS_WP_ADMIN_USER' ),
	getenv( 'WORKOS_WP_ADMIN_EMAIL' ),
	true,
	'',
	wp_slash( getenv( 'WORKOS_WP_ADMIN_PASSWORD' ) )
);
if ( is_wp_error( $workos_result ) || empty( $workos_result['user_id'] ) ) {
	fwrite( STDERR, 'wp_install failed: ' . wp_json_encode( $workos_result ) );
	exit( 1 );
}
update_option( 'permalink_structure', getenv( 'WORKOS_WP_PERMALINKS' ) );
update_option( 'show_avatars', 0 );
// wp-admin's first visit otherwise fires a compression test that writes this option while the
// page loads; on SQLite a write racing another one fails with "database is locked".
update_site_option( 'can_compress_scripts', 0 );
update_option( 'blogdescription', '' );
// The block editor's welcome guides cover what tests click; start with them dismissed.
update_user_meta(
	$workos_result['user_id'],
	$GLOBALS['wpdb']->get_blog_prefix() . 'persisted_preferences',
	array(
		'core/edit-post' => array( 'welcomeGuide' => false ),
		'core/edit-site' => array( 'welcomeGuide' => false, 'welcomeGuideStyles' => false, 'welcomeGuidePage' => false, 'welcomeGuideTemplate' => false ),
		'core'           => array( 'enableChoosePatternModal' => false ),
		'_modified'      => gmdate( 'c' ),
	)
);
echo 'installed';
`;

const ACTIVATE = `
require_once ABSPATH . 'wp-admin/includes/plugin.php';
$workos_plugin = getenv( 'WORKOS_WP_PLUGIN' );
$workos_result = activate_plugin( $workos_plugin );
if ( is_wp_error( $workos_result ) ) {
	$workos_message = $workos_result->get_error_message() . ' ' . wp_json_encode( $workos_result->get_error_data() );
	// "Unexpected output" still leaves the plugin active: report it, do not fail.
	if ( is_plugin_active( $workos_plugin ) ) {
		echo 'warning: ' . $workos_message;
		exit( 0 );
	}
	fwrite( STDERR, $workos_message );
	exit( 1 );
}
echo 'activated';
`;

const FLUSH = `
global $wp_rewrite;
$wp_rewrite->set_permalink_structure( getenv( 'WORKOS_WP_PERMALINKS' ) );
flush_rewrite_rules( false );
echo count( (array) get_option( 'rewrite_rules' ) );
`;

/**
 * Installs the site. `pluginSlug/pluginFile` is activated when the file exists; otherwise a
 * warning is printed and the site comes up without it. No plugin (null): the site comes up
 * without one, quietly (a test installs it).
 */
export async function installSite(
  ctx: PhpContext,
  admin: AdminUser,
  plugin: { slug: string; file: string; dir: string } | null,
): Promise<{ pluginActive: boolean }> {
  const env = {
    WORKOS_WP_TITLE: SITE_TITLE,
    WORKOS_WP_ADMIN_USER: admin.username,
    WORKOS_WP_ADMIN_EMAIL: admin.email,
    WORKOS_WP_ADMIN_PASSWORD: admin.password,
    WORKOS_WP_PERMALINKS: PERMALINKS,
    WORKOS_WP_PLUGIN: plugin ? `${plugin.slug}/${plugin.file}` : '',
  };
  await runPhp(ctx, INSTALL, { installing: true, env });

  let pluginActive = false;
  if (plugin && existsSync(join(plugin.dir, plugin.file))) {
    const out = await runPhp(ctx, ACTIVATE, { env }).catch((error: Error) => {
      throw new Error(`activating ${env.WORKOS_WP_PLUGIN} failed: ${error.message}`);
    });
    if (out.startsWith('warning:')) console.warn(`[wp] activating ${env.WORKOS_WP_PLUGIN}: ${out}`);
    pluginActive = true;
  } else if (plugin) {
    console.warn(`[wp] ${join(plugin.dir, plugin.file)} does not exist yet: the site runs without the plugin`);
  }
  await runPhp(ctx, FLUSH, { env });
  return { pluginActive };
}
