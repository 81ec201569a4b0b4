<?php
/**
 * Session tokens in the plugin's table (one row per session), for every sign-in on the site.
 *
 * @package WorkOS_Login
 * @since   0.6.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

require_once __DIR__ . '/schema.php';
require_once __DIR__ . '/class-session-tokens.php';

/**
 * Makes WordPress store session tokens in the table — once it exists (else WordPress keeps its
 * own store, and nothing is lost).
 *
 * @since 0.6.0
 *
 * @param string $manager Class name WordPress would use.
 */
function workos_login_session_token_manager( $manager ): string {
	return workos_login_sessions_ready() ? WorkOS_Login\Session_Tokens::class : (string) $manager;
}
add_filter( 'session_token_manager', 'workos_login_session_token_manager' );

/**
 * Removes a deleted user's sessions (WordPress deletes its user meta by itself).
 *
 * @since 0.6.0
 *
 * @param int $user_id The deleted user.
 */
function workos_login_sessions_delete_user( $user_id ): void {
	if ( workos_login_sessions_ready() ) {
		WP_Session_Tokens::get_instance( (int) $user_id )->destroy_all();
	}
}
add_action( 'deleted_user', 'workos_login_sessions_delete_user' );
