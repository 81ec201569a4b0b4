<?php
/**
 * `GET /wp-json/workos/v1/profiles/<slug>`: the public view of a Login Profile.
 *
 * @package WorkOS_Login
 * @since   0.2.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Registers the public profile route.
 *
 * @since 0.2.0
 */
function workos_login_register_public_profile_route(): void {
	register_rest_route(
		'workos/v1',
		'/profiles/' . WORKOS_LOGIN_ROUTE_SLUG,
		array(
			'methods'             => WP_REST_Server::READABLE,
			'callback'            => 'workos_login_rest_public_profile',
			// Public on purpose: every visitor's sign-in UI needs it, and workos_login_public_profile()
			// holds only what those pages show anyway — no organization, redirect or path.
			'permission_callback' => '__return_true',
		)
	);
}
add_action( 'rest_api_init', 'workos_login_register_public_profile_route' );

/**
 * Answers with the `PublicProfile`, or 404.
 *
 * @since 0.2.0
 *
 * @param WP_REST_Request $request The request.
 * @return WP_REST_Response|WP_Error
 */
function workos_login_rest_public_profile( WP_REST_Request $request ): WP_REST_Response|WP_Error {
	$profile = workos_login_get_profile( (string) $request->get_url_params()['slug'] );
	if ( null === $profile ) {
		return workos_login_rest_profile_not_found();
	}
	return rest_ensure_response( workos_login_public_profile( $profile ) );
}
