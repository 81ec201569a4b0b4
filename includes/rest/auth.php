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

/** Nonce action of the sign-in form (protocol `NONCE_HEADER` carries it). */
const WORKOS_LOGIN_NONCE_ACTION = 'workos_login';

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
	$same_origin = workos_login_rest_same_origin( $request );
	if ( true !== $same_origin ) {
		return $same_origin;
	}
	$nonce = (string) $request->get_header( 'x_workos_nonce' );
	if ( '' === $nonce || ! workos_login_verify_nonce( $nonce ) ) {
		return new WP_Error( 'invalid_nonce', workos_login_error_message( 'invalid_nonce' ), array( 'status' => 403 ) );
	}
	return true;
}

/**
 * Lets a request through only from this site's pages: a browser sends `Origin` with every
 * cross-origin request (and WordPress's REST API would otherwise answer it with CORS headers),
 * and `Sec-Fetch-Site` says `cross-site` for a foreign page.
 *
 * @since 0.6.0
 *
 * @param WP_REST_Request $request The request.
 * @return true|WP_Error `invalid_origin` (403) for a foreign page.
 */
function workos_login_rest_same_origin( WP_REST_Request $request ): bool|WP_Error {
	$origin = $request->get_header( 'origin' );
	$site   = $request->get_header( 'sec_fetch_site' );
	if ( ( null !== $origin && ! in_array( workos_login_origin_of( $origin ), workos_login_allowed_origins(), true ) ) || 'cross-site' === $site ) {
		return new WP_Error( 'invalid_origin', workos_login_error_message( 'invalid_origin' ), array( 'status' => 403 ) );
	}
	return true;
}

/**
 * `GET /wp-json/workos/v1/nonce`: a fresh `workos_login` nonce for the element, which asks for
 * one when its page has none or the one it has expired — a page with the element may be served
 * from a full-page cache long after the nonce printed into it stopped working (ARCHITECTURE
 * rule 9). Never cached itself; same-origin only.
 *
 * @since 0.6.0
 */
function workos_login_register_nonce_route(): void {
	register_rest_route(
		'workos/v1',
		'/nonce',
		array(
			'methods'             => WP_REST_Server::READABLE,
			'callback'            => 'workos_login_rest_nonce',
			'permission_callback' => 'workos_login_rest_same_origin',
			'args'                => array(),
		)
	);
}
add_action( 'rest_api_init', 'workos_login_register_nonce_route' );

/**
 * Answers `GET nonce` (protocol `NonceResponse`).
 *
 * @since 0.6.0
 */
function workos_login_rest_nonce(): WP_REST_Response {
	return workos_login_rest_response( array( 'nonce' => workos_login_create_nonce() ), 200 );
}

/**
 * Creates a `workos_login` nonce for the visitor the cookies prove (see workos_login_verify_nonce():
 * on a REST request without `X-WP-Nonce` core has reset the current user to 0).
 *
 * @since 0.6.0
 */
function workos_login_create_nonce(): string {
	return workos_login_as_cookie_user(
		static function (): string {
			return wp_create_nonce( WORKOS_LOGIN_NONCE_ACTION );
		}
	);
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
	return workos_login_as_cookie_user(
		static function () use ( $nonce ): bool {
			return false !== wp_verify_nonce( $nonce, WORKOS_LOGIN_NONCE_ACTION );
		}
	);
}

/**
 * Runs a nonce function as the user the logged-in cookie proves, when core has reset the
 * current user to 0 (a REST request without `X-WP-Nonce`). The session-token part of the nonce
 * is read from that same cookie, so this matches exactly what a page signed for that visitor.
 *
 * @since 0.6.0
 *
 * @template T
 * @param callable(): T $nonce_function Creates or verifies a `workos_login` nonce.
 * @return T
 */
function workos_login_as_cookie_user( callable $nonce_function ): mixed {
	$cookie_user = (int) wp_validate_auth_cookie( '', 'logged_in' );
	$as_cookie   = static function ( $uid, $action = -1 ) use ( $cookie_user ) {
		return WORKOS_LOGIN_NONCE_ACTION === $action ? $cookie_user : $uid;
	};
	$switch      = 0 === get_current_user_id() && $cookie_user > 0;
	if ( $switch ) {
		add_filter( 'nonce_user_logged_out', $as_cookie, PHP_INT_MAX, 2 );
	}
	$result = $nonce_function();
	remove_filter( 'nonce_user_logged_out', $as_cookie, PHP_INT_MAX );
	return $result;
}

/**
 * Refuses a JSON body that is not an object on the plugin's routes, before core reads it: core
 * iterates the body's parameters, and a scalar (`5`, `"x"`, `true`) makes PHP log a warning on
 * every such request — any visitor could fill the log that way.
 *
 * @since 0.6.0
 *
 * @param mixed           $result  The answer so far (null to go on).
 * @param WP_REST_Server  $server  The server.
 * @param WP_REST_Request $request The request.
 * @return mixed
 */
function workos_login_rest_refuse_scalar_json( $result, $server, $request ) {
	unset( $server );
	if ( null !== $result || ! $request instanceof WP_REST_Request || ! str_starts_with( $request->get_route(), '/workos/v1/' ) ) {
		return $result;
	}
	$json = $request->get_json_params();
	if ( null === $json || is_array( $json ) ) {
		return $result;
	}
	return new WP_Error( 'rest_invalid_json', __( 'The request body must be a JSON object.', 'workos-login' ), array( 'status' => 400 ) );
}
add_filter( 'rest_pre_dispatch', 'workos_login_rest_refuse_scalar_json', 10, 3 );
