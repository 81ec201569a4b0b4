<?php
/**
 * Suspended users: a flag an administrator (or a re-sync) sets, which refuses every sign-in.
 *
 * The flag lives in user meta `_workos_suspended` as `{ by, at }`. Setting it ends the user's
 * WordPress sessions; it is enforced by login completion (every WorkOS method), by WordPress's
 * own password check (the emergency native form, application passwords, XML-RPC) and on every
 * request carrying an old auth cookie.
 *
 * @package WorkOS_Login
 * @since   0.3.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** User meta holding the suspension. */
const WORKOS_LOGIN_SUSPENDED_META = '_workos_suspended';

/**
 * Whether a user is suspended.
 *
 * @since 0.3.0
 *
 * @param WP_User|int $user User or ID.
 */
function workos_login_is_suspended( WP_User|int $user ): bool {
	$id = $user instanceof WP_User ? $user->ID : $user;
	return '' !== get_user_meta( $id, WORKOS_LOGIN_SUSPENDED_META, true );
}

/**
 * Who suspended the user: 'admin' or 'resync', '' when not suspended.
 *
 * @since 0.3.0
 *
 * @param int $user_id User ID.
 */
function workos_login_suspended_by( int $user_id ): string {
	$value = get_user_meta( $user_id, WORKOS_LOGIN_SUSPENDED_META, true );
	return is_array( $value ) ? (string) ( $value['by'] ?? 'admin' ) : ( '' === $value ? '' : 'admin' );
}

/**
 * Suspends or reinstates a user; suspending ends every session the user has.
 *
 * @since 0.3.0
 *
 * @param WP_User $user      The user.
 * @param bool    $suspended True to suspend, false to reinstate.
 * @param string  $by        'admin' or 'resync'.
 * @param string  $reason    Short English reason for the audit log.
 * @return bool Whether anything changed.
 */
function workos_login_set_suspended( WP_User $user, bool $suspended, string $by, string $reason ): bool {
	if ( workos_login_is_suspended( $user ) === $suspended ) {
		return false;
	}
	if ( $suspended ) {
		update_user_meta(
			$user->ID,
			WORKOS_LOGIN_SUSPENDED_META,
			array(
				'by' => $by,
				'at' => gmdate( 'c' ),
			)
		);
		WP_Session_Tokens::get_instance( $user->ID )->destroy_all();
	} else {
		delete_user_meta( $user->ID, WORKOS_LOGIN_SUSPENDED_META );
	}
	/**
	 * Fires when a user is suspended or reinstated.
	 *
	 * @since 0.3.0
	 *
	 * @param WP_User $user      The user.
	 * @param bool    $suspended The new state.
	 * @param string  $reason    Why (English, for the audit log).
	 */
	do_action( 'workos_login_user_suspended', $user, $suspended, $reason );
	return true;
}

/**
 * Refuses WordPress's own password sign-in (native form, application passwords, XML-RPC) for
 * suspended users, with the same words as everywhere else.
 *
 * @since 0.3.0
 *
 * @param WP_User|WP_Error $user The user being authenticated.
 * @return WP_User|WP_Error
 */
function workos_login_refuse_suspended_authentication( $user ) {
	if ( $user instanceof WP_User && workos_login_is_suspended( $user ) ) {
		return new WP_Error( 'sign_in_refused', workos_login_error_message( 'sign_in_refused' ) );
	}
	return $user;
}
add_filter( 'wp_authenticate_user', 'workos_login_refuse_suspended_authentication', 20 );

/**
 * Treats any request of a suspended user as signed out: a cookie that survived, an application
 * password, anything `determine_current_user` resolved.
 *
 * @since 0.3.0
 *
 * @param int|false $user_id The user the request authenticated as.
 * @return int|false
 */
function workos_login_drop_suspended_session( $user_id ) {
	return ( is_int( $user_id ) && $user_id > 0 && workos_login_is_suspended( $user_id ) ) ? false : $user_id;
}
add_filter( 'determine_current_user', 'workos_login_drop_suspended_session', 99 );
