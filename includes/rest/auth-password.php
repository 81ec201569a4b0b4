<?php
/**
 * `POST /wp-json/workos/v1/auth/password`: email and password, checked by the login server.
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
 *
 * @param WP_REST_Request $request Validated by the route's args (protocol `PasswordRequest`).
 */
function workos_login_rest_password( WP_REST_Request $request ): WP_REST_Response {
	$email   = (string) $request['email'];
	$profile = workos_login_get_profile( (string) $request['profile'] );
	if ( null === $profile ) {
		return workos_login_rest_error( 'invalid_request', 404, $email );
	}
	$choices = array(
		'redirect_to' => (string) ( $request['redirect_to'] ?? '' ),
		'remember'    => workos_login_profile_remember( $profile, (bool) $request['remember'] ),
	);
	// The profile's destination applies when the request names none (see redirect.php); its
	// required organization is what the entitlement gate checks (see completion.php).
	$choices['post_login_redirect'] = (string) ( $profile['post_login_redirect'] ?? '' );
	$choices['profile']             = (string) $profile['slug'];
	$choices['organization_id']     = workos_login_required_organization( $profile );

	$outcome = workos_login_server_request(
		'password',
		array(
			'profile' => workos_login_resolved_profile( $profile ),
			'input'   => array(
				'email'    => $email,
				'password' => (string) $request['password'],
			),
			'context' => workos_login_request_context(),
		)
	);
	return workos_login_rest_answer( $outcome, $email, $choices );
}
