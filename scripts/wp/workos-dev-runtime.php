<?php
/**
 * Plugin Name: WorkOS Login dev runtime
 * Description: Keeps the offline development and test sites quiet. Written by scripts/wp; not part of the plugin.
 *
 * @package workos-login
 */

// The plugin is a symlink to the repository, and this site lives inside the repository (.wp/).
// WordPress maps paths under the plugin's real folder back to the link (plugin_basename(),
// $wp_plugin_paths), and that prefix would also swallow every path of this site: a mu-plugin's
// plugins_url( 'x.js', __FILE__ ) would point into workos-login/.wp/sites/…. Entries sorted
// before the plugin's (longer real paths sort first) turn paths under the plugin folders into
// relative ones first; the leading slashes are trimmed by plugin_basename().
$GLOBALS['wp_plugin_paths']['/']  = wp_normalize_path( WP_PLUGIN_DIR ) . '/';
$GLOBALS['wp_plugin_paths']['//'] = wp_normalize_path( WPMU_PLUGIN_DIR ) . '/';

// Offline (WP_HTTP_BLOCK_EXTERNAL) every check against WordPress.org fails at once and logs a
// PHP warning into debug.log; nothing here can be updated anyway.
foreach (
	array(
		array( 'admin_init', '_maybe_update_core' ),
		array( 'admin_init', '_maybe_update_plugins' ),
		array( 'admin_init', '_maybe_update_themes' ),
		array( 'wp_version_check', 'wp_version_check' ),
		array( 'wp_update_plugins', 'wp_update_plugins' ),
		array( 'wp_update_themes', 'wp_update_themes' ),
		array( 'load-plugins.php', 'wp_update_plugins' ),
		array( 'load-themes.php', 'wp_update_themes' ),
		array( 'load-update.php', 'wp_update_plugins' ),
		array( 'load-update.php', 'wp_update_themes' ),
		array( 'load-update-core.php', 'wp_update_plugins' ),
		array( 'load-update-core.php', 'wp_update_themes' ),
		array( 'init', 'wp_schedule_update_checks' ),
	) as $workos_login_dev_hook
) {
	remove_action( $workos_login_dev_hook[0], $workos_login_dev_hook[1] );
}
unset( $workos_login_dev_hook );

// The Block Directory searches WordPress.org from the inserter: offline that is an HTTP 500
// and a console error in every editor test.
remove_action( 'enqueue_block_editor_assets', 'wp_enqueue_editor_block_directory_assets' );

/**
 * Removes the dashboard's WordPress.org news and events box, which cannot load offline.
 *
 * @since 0.1.0
 */
function workos_login_dev_remove_dashboard_feeds(): void {
	remove_meta_box( 'dashboard_primary', 'dashboard', 'side' );
}
add_action( 'wp_dashboard_setup', 'workos_login_dev_remove_dashboard_feeds' );

/**
 * Captures every email instead of sending it (there is no mail server offline): one JSON line
 * per email in the site's logs/mail.jsonl — `{to, subject, message, time}` — where tests and
 * `npm start` users read password reset links.
 *
 * @since 0.4.0
 *
 * @param null|bool $short_circuit Null to let wp_mail() send.
 * @param array     $atts          wp_mail()'s arguments: to, subject, message, headers, attachments.
 * @return bool True: "sent".
 */
function workos_login_dev_capture_mail( $short_circuit, $atts ) {
	$to   = $atts['to'] ?? array();
	$line = wp_json_encode(
		array(
			'to'      => implode( ', ', array_map( 'trim', is_array( $to ) ? $to : explode( ',', (string) $to ) ) ),
			'subject' => (string) ( $atts['subject'] ?? '' ),
			'message' => (string) ( $atts['message'] ?? '' ),
			'time'    => gmdate( 'c' ),
		),
		JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE
	);
	$dir = dirname( ABSPATH ) . '/logs';
	if ( ! is_dir( $dir ) ) {
		wp_mkdir_p( $dir );
	}
	// phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_file_put_contents -- a dev log, appended atomically.
	return false !== file_put_contents( $dir . '/mail.jsonl', $line . "\n", FILE_APPEND | LOCK_EX );
}
add_filter( 'pre_wp_mail', 'workos_login_dev_capture_mail', 10, 2 );
