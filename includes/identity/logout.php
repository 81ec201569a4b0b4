<?php
/**
 * Logout: the WordPress session ends, exactly its WorkOS session is revoked, and the browser
 * follows the role-based logout redirect — optionally through WorkOS's hosted logout.
 *
 * The WorkOS session id lives on the WordPress session token (completion.php), and core destroys
 * that token before `wp_logout` fires, so the id is read earlier: when the auth cookie of the
 * request is validated. Nothing here exits: every other `wp_logout` hook still runs.
 *
 * @package WorkOS_Login
 * @since   0.3.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The WorkOS session of the session token this request authenticated with.
 *
 * @since 0.3.0
 *
 * @param array{user_id: int, session_id: string|null}|null $set Records it (from the auth cookie hook).
 * @return array{user_id: int, session_id: string|null}|null
 */
function workos_login_request_session( ?array $set = null ): ?array {
	static $current = null;
	if ( null !== $set ) {
		$current = $set;
	}
	return $current;
}

/**
 * Remembers the WorkOS session id of the validated auth cookie's session token.
 *
 * @since 0.3.0
 *
 * @param array{token?: string} $cookie_elements Parsed cookie.
 * @param WP_User               $user            The user.
 */
function workos_login_capture_session( array $cookie_elements, WP_User $user ): void {
	$token = (string) ( $cookie_elements['token'] ?? '' );
	if ( '' === $token ) {
		return;
	}
	$session = WP_Session_Tokens::get_instance( $user->ID )->get( $token );
	$sid     = is_array( $session ) && is_string( $session['workos_session_id'] ?? null ) ? $session['workos_session_id'] : null;
	workos_login_request_session(
		array(
			'user_id'    => $user->ID,
			'session_id' => $sid,
		)
	);
}
add_action( 'auth_cookie_valid', 'workos_login_capture_session', 10, 2 );

/**
 * Asks the login server to revoke one WorkOS session (and, with `$return_to`, for WorkOS's
 * hosted logout URL). A failure is logged; it never keeps anyone signed in.
 *
 * @since 0.3.0
 *
 * @param string $session_id WorkOS session id.
 * @param string $return_to  Absolute URL WorkOS sends the browser back to; '' for none.
 * @return array{revoked: bool, logout_url: string|null}
 */
function workos_login_revoke_workos_session( string $session_id, string $return_to = '' ): array {
	$input = array( 'session_id' => $session_id );
	if ( '' !== $return_to ) {
		$input['return_to'] = $return_to;
	}
	$outcome = workos_login_server_request( 'session/revoke', array( 'input' => $input ), array( 'session_revoked' ) );
	if ( is_wp_error( $outcome ) || 'session_revoked' !== $outcome['type'] ) {
		workos_login_log( sprintf( 'revoking WorkOS session %s failed: %s', $session_id, is_wp_error( $outcome ) ? $outcome->get_error_code() : $outcome['code'] ) );
		return array(
			'revoked'    => false,
			'logout_url' => null,
		);
	}
	if ( ! $outcome['revoked'] ) {
		workos_login_log( sprintf( 'WorkOS did not revoke session %s.', $session_id ) );
	}
	return array(
		'revoked'    => $outcome['revoked'],
		'logout_url' => $outcome['logout_url'],
	);
}

/**
 * Pending hosted logout: the WorkOS session to end through the logout URL once the
 * destination is known (`logout_redirect`).
 *
 * @since 0.3.0
 *
 * @param array{user_id: int, session_id: string}|false|null $set An entry, false to clear.
 * @return array{user_id: int, session_id: string}|null
 */
function workos_login_pending_hosted_logout( array|false|null $set = null ): ?array {
	static $pending = null;
	if ( false === $set ) {
		$pending = null;
	} elseif ( null !== $set ) {
		$pending = $set;
	}
	return $pending;
}

/**
 * On `wp_logout`: revokes the WorkOS session of the ended WordPress session.
 *
 * With hosted logout on, wp-login.php's logout waits for `logout_redirect` (one call both revokes
 * and returns the hosted logout URL for the final destination); a shutdown hook revokes anyway
 * should that filter never run.
 *
 * @since 0.3.0
 *
 * @param int $user_id The user who logged out.
 */
function workos_login_on_logout( $user_id ): void {
	$current = workos_login_request_session();
	$sid     = ( null !== $current && (int) $user_id === $current['user_id'] ) ? $current['session_id'] : null;
	if ( null === $sid ) {
		workos_login_logged_out( (int) $user_id, null, false );
		return;
	}
	// phpcs:ignore WordPress.Security.NonceVerification.Recommended, WordPress.Security.ValidatedSanitizedInput.MissingUnslash, WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- wp-login.php verified the logout nonce; only compared with a literal.
	$wp_login_logout = did_action( 'login_init' ) && 'logout' === ( $_REQUEST['action'] ?? '' );
	if ( $wp_login_logout && workos_login_option( 'hosted_logout' ) ) {
		workos_login_pending_hosted_logout(
			array(
				'user_id'    => (int) $user_id,
				'session_id' => $sid,
			)
		);
		add_action( 'shutdown', 'workos_login_finish_pending_logout' );
		return;
	}
	$result = workos_login_revoke_workos_session( $sid );
	workos_login_logged_out( (int) $user_id, $sid, $result['revoked'] );
}
add_action( 'wp_logout', 'workos_login_on_logout', 10 );

/**
 * Revokes a hosted logout's session if `logout_redirect` never did (another plugin redirected).
 *
 * @since 0.3.0
 */
function workos_login_finish_pending_logout(): void {
	$pending = workos_login_pending_hosted_logout();
	if ( null === $pending ) {
		return;
	}
	workos_login_pending_hosted_logout( false );
	$result = workos_login_revoke_workos_session( $pending['session_id'] );
	workos_login_logged_out( $pending['user_id'], $pending['session_id'], $result['revoked'] );
}

/**
 * Fires `workos_login_logged_out`.
 *
 * @since 0.3.0
 *
 * @param int         $user_id    The user.
 * @param string|null $session_id The WorkOS session, null when the session had none.
 * @param bool        $revoked    Whether WorkOS revoked it.
 */
function workos_login_logged_out( int $user_id, ?string $session_id, bool $revoked ): void {
	/**
	 * Fires after a logout, once the WorkOS session (if any) was asked to end.
	 *
	 * @since 0.3.0
	 *
	 * @param int         $user_id    The user.
	 * @param string|null $session_id The WorkOS session id, null when none was attached.
	 * @param bool        $revoked    Whether WorkOS revoked it.
	 */
	do_action( 'workos_login_logged_out', $user_id, $session_id, $revoked );
}

/**
 * The logout destination: the role-based logout redirect when the request names none, then —
 * with hosted logout on — WorkOS's logout URL returning there.
 *
 * @since 0.3.0
 *
 * @param string           $redirect_to The destination so far.
 * @param string           $requested   The `redirect_to` the request carried.
 * @param WP_User|WP_Error $user        The user who logged out.
 * @return string
 */
function workos_login_logout_redirect( $redirect_to, $requested, $user ) {
	if ( '' === (string) $requested && $user instanceof WP_User ) {
		$role_redirect = workos_login_role_redirect( $user, 'logout_redirects' );
		if ( '' !== $role_redirect ) {
			$redirect_to = $role_redirect;
		}
	}

	$pending = workos_login_pending_hosted_logout();
	if ( null === $pending ) {
		return $redirect_to;
	}
	workos_login_pending_hosted_logout( false );
	$return_to = wp_validate_redirect( (string) $redirect_to, home_url( '/' ) );
	if ( ! preg_match( '#^https?://#i', $return_to ) ) {
		$return_to = home_url( $return_to );
	}
	$result = workos_login_revoke_workos_session( $pending['session_id'], $return_to );
	workos_login_logged_out( $pending['user_id'], $pending['session_id'], $result['revoked'] );
	if ( null === $result['logout_url'] ) {
		return $redirect_to;
	}
	$host = (string) wp_parse_url( $result['logout_url'], PHP_URL_HOST );
	add_filter(
		'allowed_redirect_hosts',
		static function ( $hosts ) use ( $host ) {
			$hosts[] = $host;
			return $hosts;
		}
	);
	return $result['logout_url'];
}
add_filter( 'logout_redirect', 'workos_login_logout_redirect', 20, 3 );
