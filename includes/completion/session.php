<?php
/**
 * The durable end of login completion (ARCHITECTURE rule 7): the session is stored before any
 * cookie carries it, and a sign-in the database would not store is given up without leaving
 * anything behind.
 *
 * @package WorkOS_Login
 * @since   0.6.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Stores a new WordPress session for the user, with the WorkOS session id attached to this
 * session token only, and says whether it is durable — before any cookie carries it.
 *
 * @since 0.6.0
 *
 * @param WP_User     $user       The user.
 * @param string|null $session_id WorkOS session id (`sid`), if any.
 * @param bool        $remember   Whether the session outlives the browser session.
 * @return string|null The session token, or null when it could not be stored.
 */
function workos_login_store_session( WP_User $user, ?string $session_id, bool $remember ): ?string {
	$attach = static function ( $session ) use ( $session_id ) {
		$session                      = is_array( $session ) ? $session : array();
		$session['workos_session_id'] = $session_id;
		return $session;
	};
	// Added just around the call so no other session created in this request carries it.
	if ( null !== $session_id ) {
		add_filter( 'attach_session_information', $attach );
	}
	/** This filter is documented in wp-includes/pluggable.php (the lifetime wp_set_auth_cookie() gives the cookie). */
	$lifetime = (int) apply_filters( 'auth_cookie_expiration', ( $remember ? 14 : 2 ) * DAY_IN_SECONDS, $user->ID, $remember ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound -- WordPress core's hook, run as core runs it.
	$manager  = WP_Session_Tokens::get_instance( $user->ID );
	$token    = $manager->create( time() + $lifetime );
	remove_filter( 'attach_session_information', $attach );

	$stored = $manager instanceof WorkOS_Login\Session_Tokens ? WorkOS_Login\Session_Tokens::stored( $token ) : null !== $manager->get( $token );
	return $stored ? $token : null;
}

/**
 * Sets the auth cookie of a stored session and signs the user in for this request.
 *
 * @since 0.1.0
 * @since 0.6.0 Takes the session token workos_login_store_session() stored.
 *
 * @param WP_User $user     The user.
 * @param string  $token    The stored session token.
 * @param bool    $remember Whether to keep the session past the browser session.
 */
function workos_login_start_session( WP_User $user, string $token, bool $remember ): void {
	wp_set_auth_cookie( $user->ID, $remember, '', $token );
	wp_set_current_user( $user->ID );
	/** This action is documented in wp-includes/user.php */
	do_action( 'wp_login', $user->user_login, $user ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound -- WordPress core's hook, run as core runs it.
}

/**
 * Gives up a sign-in the database would not store: nothing is left half-done (the WordPress
 * session, if any, is destroyed by the caller; the WorkOS session is revoked here), the visitor
 * is asked to try again, and the incident is recorded where a refusing database cannot lose it.
 *
 * @since 0.6.0
 *
 * @param string                                                                                   $kind         `session`, `audit` or `user`: what could not be stored.
 * @param array{user: array{id: string, email: string}, session_id?: string|null, method?: string} $identity     The identity.
 * @param string                                                                                   $profile_slug The profile signed in through.
 * @param WP_User|null                                                                             $user         The WordPress user, when known.
 * @return WP_Error `database_unavailable` (503, `retry_after`).
 */
function workos_login_abandon( string $kind, array $identity, string $profile_slug, ?WP_User $user = null ): WP_Error {
	if ( ! empty( $identity['session_id'] ) ) {
		workos_login_revoke_workos_session( (string) $identity['session_id'] );
	}
	workos_login_log( sprintf( 'sign-in of %s abandoned: the %s could not be stored; the visitor was asked to try again.', $identity['user']['id'], $kind ) );
	workos_login_incident(
		$kind,
		array(
			'event'          => 'login',
			'user_id'        => null === $user ? 0 : $user->ID,
			'workos_user_id' => $identity['user']['id'],
			'profile'        => $profile_slug,
			'method'         => (string) ( $identity['method'] ?? '' ),
		)
	);
	return new WP_Error(
		'database_unavailable',
		workos_login_error_message( 'database_unavailable' ),
		array(
			'status'      => 503,
			'retry_after' => WORKOS_LOGIN_DATABASE_RETRY_AFTER,
			'profile'     => $profile_slug,
		)
	);
}
