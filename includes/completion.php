<?php
/**
 * Login completion: the one place where a WorkOS identity becomes a WordPress session.
 *
 * Every sign-in method ends here (password now; codes, OAuth, SSO and passkeys later), so the
 * rules — who may sign in, which account, which session, where to go — hold for all of them.
 *
 * @package WorkOS_Login
 * @since   0.1.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Signs a WorkOS identity in to WordPress.
 *
 * Finds the user (by WorkOS id, else by verified email) or creates one, syncs the name, sets
 * the auth cookie with the WorkOS session id attached to that session token, fires `wp_login`,
 * and picks the destination. Refusals fire `wp_login_failed`.
 *
 * @since 0.1.0
 *
 * @param array{user: array{id: string, email: string, email_verified: bool, first_name: string|null, last_name: string|null}, organization_id: string|null, membership: array{role: string, status: string}|null, session_id: string|null, method: string} $identity From an `authenticated` outcome.
 * @param array{redirect_to?: string, remember?: bool, post_login_redirect?: string}                                                                                                                                                       $request  The visitor's choices, and the profile's destination.
 * @return array{user_id: int, redirect_to: string}|WP_Error `sign_in_refused` or `internal_error` on failure.
 */
function workos_login_complete( array $identity, array $request ): array|WP_Error {
	$workos_user = $identity['user'];

	$user = workos_login_find_user( $workos_user );
	if ( is_wp_error( $user ) ) {
		return workos_login_refuse( 'sign_in_refused', $user->get_error_message(), $identity );
	}
	if ( null === $user ) {
		/**
		 * Filters whether a WorkOS identity without a WordPress account gets one.
		 *
		 * @since 0.1.0
		 *
		 * @param bool  $allow    Default true.
		 * @param array $identity The identity.
		 */
		if ( ! apply_filters( 'workos_login_allow_user_creation', true, $identity ) ) {
			return workos_login_refuse( 'sign_in_refused', 'No WordPress user, and creation is not allowed.', $identity );
		}
		$user = workos_login_create_user( $workos_user );
		if ( is_wp_error( $user ) ) {
			return workos_login_refuse( 'internal_error', 'Creating the WordPress user failed: ' . $user->get_error_code(), $identity );
		}
		/**
		 * Fires after a WordPress user was created for a WorkOS identity.
		 *
		 * @since 0.1.0
		 *
		 * @param WP_User $user     The new user.
		 * @param array   $identity The identity.
		 */
		do_action( 'workos_login_user_created', $user, $identity );
	}
	if ( is_multisite() && is_user_spammy( $user ) ) {
		return workos_login_refuse( 'sign_in_refused', 'The user is marked as spam.', $identity );
	}

	workos_login_sync_user( $user, $workos_user );
	workos_login_start_session( $user, $identity['session_id'], ! empty( $request['remember'] ) );
	$redirect_to = workos_login_redirect_after_sign_in( $user, (string) ( $request['redirect_to'] ?? '' ), (string) ( $request['post_login_redirect'] ?? '' ) );

	/**
	 * Fires after a WorkOS identity signed in to WordPress (after `wp_login`).
	 *
	 * @since 0.1.0
	 *
	 * @param WP_User $user        The user.
	 * @param array   $identity    The identity.
	 * @param string  $redirect_to Where the browser goes next.
	 */
	do_action( 'workos_login_signed_in', $user, $identity, $redirect_to );

	return array(
		'user_id'     => $user->ID,
		'redirect_to' => $redirect_to,
	);
}

/**
 * Sets the auth cookie, attaching the WorkOS session id to this WordPress session token only.
 *
 * @since 0.1.0
 *
 * @param WP_User     $user       The user.
 * @param string|null $session_id WorkOS session id (`sid`), if any.
 * @param bool        $remember   Whether to keep the session past the browser session.
 */
function workos_login_start_session( WP_User $user, ?string $session_id, bool $remember ): void {
	$attach = static function ( $session ) use ( $session_id ) {
		$session                      = is_array( $session ) ? $session : array();
		$session['workos_session_id'] = $session_id;
		return $session;
	};
	// Added just around the call so no other session created in this request carries it.
	if ( null !== $session_id ) {
		add_filter( 'attach_session_information', $attach );
	}
	wp_set_auth_cookie( $user->ID, $remember );
	remove_filter( 'attach_session_information', $attach );

	wp_set_current_user( $user->ID );
	/** This action is documented in wp-includes/user.php */
	do_action( 'wp_login', $user->user_login, $user );
}

/**
 * Refuses a sign-in: logs why, tells security plugins (`wp_login_failed`), returns the error.
 *
 * @since 0.1.0
 *
 * @param string                                    $code     `sign_in_refused` or `internal_error`.
 * @param string                                    $reason   English reason for the log (no secrets, no email).
 * @param array{user: array{id: string, email: string}} $identity The identity.
 * @return WP_Error With the translated message and an HTTP status.
 */
function workos_login_refuse( string $code, string $reason, array $identity ): WP_Error {
	workos_login_log( sprintf( 'sign-in refused for %s: %s', $identity['user']['id'], $reason ) );
	$error = new WP_Error( $code, workos_login_error_message( $code ), array( 'status' => 'internal_error' === $code ? 500 : 403 ) );
	/** This action is documented in wp-includes/pluggable.php */
	do_action( 'wp_login_failed', $identity['user']['email'], $error );
	return $error;
}
