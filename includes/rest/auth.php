<?php
/**
 * REST routes `workos/v1/auth/<route>`: the arguments and the permission check shared by every
 * route (same-origin nonce and Origin header). The routes themselves: auth-routes.php.
 *
 * @package WorkOS_Login
 * @since   0.1.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** Nonce action of the sign-in form (protocol `HEADERS.nonce` carries it). */
const WORKOS_LOGIN_NONCE_ACTION = 'workos_login';

/**
 * Arguments every step takes (protocol `AuthRequestBase`, limits from `LIMITS`).
 *
 * @since 0.1.0
 *
 * @return array<string, array<string, mixed>>
 */
function workos_login_rest_common_args(): array {
	return array(
		'profile'     => array(
			'type'    => 'string',
			'pattern' => WORKOS_LOGIN_PROFILE_SLUG_PATTERN,
			'default' => 'default',
		),
		'redirect_to' => array(
			'type'      => 'string',
			'maxLength' => WORKOS_LOGIN_REDIRECT_MAX,
		),
		'remember'    => array(
			'type'    => 'boolean',
			'default' => false,
		),
	);
}

/**
 * Lets a request through only from this site's pages: Origin (when sent) must be the site's,
 * and `X-WorkOS-Nonce` must be a valid `workos_login` nonce.
 *
 * @since 0.1.0
 *
 * @param WP_REST_Request $request The request.
 * @return bool|WP_Error True, or `invalid_origin` / `invalid_nonce` with status 403.
 */
function workos_login_rest_permission( WP_REST_Request $request ): bool|WP_Error {
	$origin = $request->get_header( 'origin' );
	if ( null !== $origin && ! in_array( workos_login_origin_of( $origin ), workos_login_allowed_origins(), true ) ) {
		return new WP_Error( 'invalid_origin', workos_login_error_message( 'invalid_origin' ), array( 'status' => 403 ) );
	}
	$nonce = (string) $request->get_header( 'x_workos_nonce' );
	if ( '' === $nonce || ! workos_login_verify_nonce( $nonce ) ) {
		return new WP_Error( 'invalid_nonce', workos_login_error_message( 'invalid_nonce' ), array( 'status' => 403 ) );
	}
	return true;
}

/**
 * Verifies a `workos_login` nonce for the visitor the page was rendered for.
 *
 * The page creates the nonce as the cookie's user (0 when logged out) with the cookie's session
 * token. On a REST request without `X-WP-Nonce`, core's rest_cookie_check_errors() resets the
 * current user to 0 — so a logged-in visitor's nonce would fail. Rather than asking the element
 * for a second nonce, verify as the user the logged-in cookie proves: the session token part of
 * the hash is read from that same cookie, so this matches exactly what the page signed.
 *
 * @since 0.1.0
 *
 * @param string $nonce Nonce from the header.
 */
function workos_login_verify_nonce( string $nonce ): bool {
	$cookie_user = (int) wp_validate_auth_cookie( '', 'logged_in' );
	$as_cookie   = static function ( $uid, $action = -1 ) use ( $cookie_user ) {
		return WORKOS_LOGIN_NONCE_ACTION === $action ? $cookie_user : $uid;
	};
	$switch      = 0 === get_current_user_id() && $cookie_user > 0;
	if ( $switch ) {
		add_filter( 'nonce_user_logged_out', $as_cookie, PHP_INT_MAX, 2 );
	}
	$valid = wp_verify_nonce( $nonce, WORKOS_LOGIN_NONCE_ACTION );
	remove_filter( 'nonce_user_logged_out', $as_cookie, PHP_INT_MAX );
	return false !== $valid;
}
