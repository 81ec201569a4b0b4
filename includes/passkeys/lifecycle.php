<?php
/**
 * Passkeys go with their WordPress user: deleting the user (or removing it from a site of a
 * network) deletes its passkeys there.
 *
 * @package WorkOS_Login
 * @since   0.5.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Deletes the passkeys of a user deleted from this site (`deleted_user`, also fired when a
 * network site removes a user).
 *
 * @since 0.5.0
 *
 * @param int $user_id The deleted user.
 */
function workos_login_passkeys_on_deleted_user( $user_id ): void {
	workos_login_passkeys_delete_for_user( (int) $user_id );
}
add_action( 'deleted_user', 'workos_login_passkeys_on_deleted_user' );

/**
 * Deletes a network user's passkeys on every site it belongs to (`wpmu_delete_user`, before the
 * user is gone: its sites can still be listed).
 *
 * @since 0.5.0
 *
 * @param int $user_id The user being deleted from the network.
 */
function workos_login_passkeys_on_wpmu_delete_user( $user_id ): void {
	$user_id = (int) $user_id;
	foreach ( array_keys( get_blogs_of_user( $user_id, true ) ) as $site_id ) {
		switch_to_blog( (int) $site_id );
		// The version option is per site: the table may not exist on this one.
		if ( (int) get_option( WORKOS_LOGIN_PASSKEYS_DB_VERSION_OPTION, 0 ) > 0 ) {
			global $wpdb;
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- the plugin's own table.
			$wpdb->delete( workos_login_passkeys_table(), array( 'user_id' => $user_id ), array( '%d' ) );
		}
		restore_current_blog();
	}
}
add_action( 'wpmu_delete_user', 'workos_login_passkeys_on_wpmu_delete_user' );
