<?php
/**
 * `POST /wp-json/workos/v1/auth/password`: email and password, checked by the login server.
 *
 * Served by the shared handler since 0.4.0 (auth-steps.php); kept for code that calls it.
 *
 * @package WorkOS_Login
 * @since   0.1.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Sends the credentials to the login server and answers the browser (protocol `AuthResponse`).
 *
 * @since 0.1.0
 * @since 0.4.0 Delegates to workos_login_rest_step().
 *
 * @param WP_REST_Request $request Validated by the route's args (protocol `PasswordRequest`).
 */
function workos_login_rest_password( WP_REST_Request $request ): WP_REST_Response {
	return workos_login_rest_step( $request );
}
