<?php
/**
 * Removes what the plugin stored: its options and transients on every site, and `_workos_`
 * user meta. WordPress users it created stay: they are people's accounts.
 *
 * @package WorkOS_Login
 * @since   0.1.0
 */

if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
	exit;
}

/**
 * Deletes one site's options and transients.
 *
 * @since 0.1.0
 */
function workos_login_uninstall_site(): void {
	delete_option( 'workos_login_rewrite_version' );
	delete_transient( 'workos_login_server_unreachable' );
}

/**
 * Deletes everything, on every site of a network.
 *
 * @since 0.1.0
 */
function workos_login_uninstall(): void {
	if ( is_multisite() ) {
		foreach ( get_sites( array( 'fields' => 'ids', 'number' => 0 ) ) as $site_id ) {
			switch_to_blog( (int) $site_id );
			workos_login_uninstall_site();
			restore_current_blog();
		}
	} else {
		workos_login_uninstall_site();
	}

	// Every `_workos_` user meta key the plugin writes; add new keys here. Core's API keeps the
	// caches right and runs one DELETE per key.
	foreach ( array( '_workos_user_id' ) as $meta_key ) {
		delete_metadata( 'user', 0, $meta_key, '', true );
	}
}

workos_login_uninstall();
