<?php
/**
 * Removes what the plugin stored — only when the administrator chose "delete data on
 * uninstall" (setting `delete_data_on_uninstall`, or the constant
 * WORKOS_LOGIN_DELETE_DATA_ON_UNINSTALL). Otherwise everything stays for a reinstall.
 *
 * Removed then, per site: the plugin's tables (`{prefix}workos_login_*`: the audit log, the
 * rate-limit counters and break-glass marks, the passkeys, …), its options and transients
 * (`workos_login_*`: the emergency-access state and a not yet retired `workos_login_allow_native_login`
 * included; break-glass links themselves are never stored) and its
 * wp-cron events; and once, the user meta `_workos_*` (WorkOS links, suspensions, the passkey
 * prompt's snooze) and `workos_login_*` (screen options). WordPress users the plugin created
 * stay: they are people's accounts.
 *
 * WordPress runs this file without loading the plugin, so it reads the setting through the
 * plugin's settings registry alone (a file without side effects).
 *
 * @package WorkOS_Login
 * @since   0.1.0
 */

if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
	exit;
}

if ( ! function_exists( 'workos_login_option' ) ) {
	require_once __DIR__ . '/includes/settings/registry.php';
}

/**
 * Whether this site's administrator chose to delete the plugin's data.
 *
 * @since 0.3.0
 */
function workos_login_uninstall_wanted(): bool {
	return true === workos_login_option( 'delete_data_on_uninstall' );
}

/**
 * Deletes one site's tables, options, transients and cron events.
 *
 * @since 0.1.0
 * @since 0.3.0 Everything the plugin stores on a site, by prefix.
 */
function workos_login_uninstall_site(): void {
	global $wpdb;

	// phpcs:disable WordPress.DB.DirectDatabaseQuery -- uninstalling: the plugin's own tables and rows.
	$tables = $wpdb->get_col( $wpdb->prepare( 'SHOW TABLES LIKE %s', $wpdb->esc_like( $wpdb->prefix . 'workos_login_' ) . '%' ) );
	foreach ( $tables as $table ) {
		$wpdb->query( $wpdb->prepare( 'DROP TABLE IF EXISTS %i', $table ) );
	}

	$like    = $wpdb->esc_like( 'workos_login_' ) . '%';
	$options = $wpdb->get_col(
		$wpdb->prepare(
			"SELECT option_name FROM {$wpdb->options} WHERE option_name LIKE %s OR option_name LIKE %s OR option_name LIKE %s",
			$like,
			$wpdb->esc_like( '_transient_workos_login_' ) . '%',
			$wpdb->esc_like( '_transient_timeout_workos_login_' ) . '%'
		)
	);
	// phpcs:enable WordPress.DB.DirectDatabaseQuery
	foreach ( $options as $option ) {
		if ( str_starts_with( $option, '_transient_timeout_' ) ) {
			continue; // Deleted with its transient.
		}
		if ( str_starts_with( $option, '_transient_' ) ) {
			delete_transient( substr( $option, strlen( '_transient_' ) ) );
		} else {
			delete_option( $option );
		}
	}

	foreach ( _get_cron_array() as $hooks ) {
		foreach ( array_keys( (array) $hooks ) as $hook ) {
			if ( str_starts_with( (string) $hook, 'workos_login_' ) ) {
				wp_unschedule_hook( (string) $hook );
			}
		}
	}

	// The incident record (includes/incidents/record.php): a folder of its own in uploads.
	$uploads = wp_upload_dir( null, false );
	$folder  = empty( $uploads['error'] ) ? trailingslashit( (string) $uploads['basedir'] ) . 'workos-login' : '';
	if ( '' !== $folder && is_dir( $folder ) ) {
		foreach ( (array) glob( $folder . '/{,.}*', GLOB_BRACE ) as $file ) {
			if ( is_file( (string) $file ) ) {
				wp_delete_file( (string) $file );
			}
		}
		rmdir( $folder ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_rmdir -- an empty folder of ours.
	}
}

/**
 * Deletes the plugin's user meta (one table for the whole network).
 *
 * @since 0.3.0
 */
function workos_login_uninstall_user_meta(): void {
	global $wpdb;
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- uninstalling: listing the plugin's meta keys.
	$keys = $wpdb->get_col(
		$wpdb->prepare(
			"SELECT DISTINCT meta_key FROM {$wpdb->usermeta} WHERE meta_key LIKE %s OR meta_key LIKE %s",
			$wpdb->esc_like( '_workos_' ) . '%',
			$wpdb->esc_like( 'workos_login_' ) . '%'
		)
	);
	// Core's API keeps the caches right; one DELETE per key.
	foreach ( $keys as $meta_key ) {
		delete_metadata( 'user', 0, $meta_key, '', true );
	}
}

/**
 * Deletes the data of every site that asked for it; user meta when the main site did.
 *
 * @since 0.1.0
 */
function workos_login_uninstall(): void {
	if ( is_multisite() ) {
		// Read before the loop deletes the main site's options, this setting included.
		switch_to_blog( get_main_site_id() );
		$users = workos_login_uninstall_wanted();
		restore_current_blog();
		foreach ( get_sites(
			array(
				'fields' => 'ids',
				'number' => 0,
			)
		) as $site_id ) {
			switch_to_blog( (int) $site_id );
			if ( workos_login_uninstall_wanted() ) {
				workos_login_uninstall_site();
			}
			restore_current_blog();
		}
	} else {
		$users = workos_login_uninstall_wanted();
		if ( $users ) {
			workos_login_uninstall_site();
		}
	}
	if ( $users ) {
		workos_login_uninstall_user_meta();
	}
}

workos_login_uninstall();
