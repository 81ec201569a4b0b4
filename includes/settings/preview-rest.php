<?php
/**
 * `POST /wp-json/workos/v1/admin/preview`: the dry-run preview as JSON (administrators only).
 *
 * @package WorkOS_Login
 * @since   0.3.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Registers the route.
 *
 * @since 0.3.0
 */
function workos_login_register_admin_preview_route(): void {
	register_rest_route(
		'workos/v1',
		'/admin/preview',
		array(
			'methods'             => WP_REST_Server::CREATABLE,
			'callback'            => 'workos_login_rest_preview',
			'permission_callback' => 'workos_login_rest_can_manage_settings',
			'args'                => array(
				'user_id' => array(
					'description' => __( 'A WordPress user (give this or email).', 'workos-login' ),
					'type'        => 'integer',
					'minimum'     => 1,
				),
				'email'   => array(
					'description' => __( 'An email address (give this or user_id); a WordPress user with this email is used when there is one.', 'workos-login' ),
					'type'        => 'string',
					'format'      => 'email',
					'maxLength'   => 254,
				),
				'profile' => array(
					'description' => __( 'The Login Profile the sign-in would go through.', 'workos-login' ),
					'type'        => 'string',
					'pattern'     => WORKOS_LOGIN_PROFILE_SLUG_PATTERN,
					'default'     => 'default',
				),
			),
		)
	);
}
add_action( 'rest_api_init', 'workos_login_register_admin_preview_route' );

/**
 * `POST /admin/preview`: workos_login_preview_sign_in()'s answer plus its `sentences`.
 *
 * @since 0.3.0
 *
 * @param WP_REST_Request $request The request (`user_id` | `email`, `profile`).
 * @return WP_REST_Response|WP_Error 400 unless exactly one of user_id and email; 404 for an
 *                                   unknown user or profile; 503 when the login server cannot answer.
 */
function workos_login_rest_preview( WP_REST_Request $request ): WP_REST_Response|WP_Error {
	$has_id    = null !== $request['user_id'];
	$has_email = null !== $request['email'];
	if ( $has_id === $has_email ) {
		return new WP_Error( 'rest_invalid_param', __( 'Give either user_id or email.', 'workos-login' ), array( 'status' => 400 ) );
	}
	if ( $has_id ) {
		$subject = get_user_by( 'id', (int) $request['user_id'] );
		if ( ! $subject ) {
			return new WP_Error( 'workos_login_unknown_user', __( 'There is no WordPress user with this ID.', 'workos-login' ), array( 'status' => 404 ) );
		}
	} else {
		$subject = get_user_by( 'email', (string) $request['email'] );
		$subject = $subject ? $subject : (string) $request['email'];
	}

	$preview = workos_login_preview_sign_in( $subject, (string) $request['profile'] );
	if ( is_wp_error( $preview ) ) {
		return $preview;
	}
	return workos_login_rest_response( $preview + array( 'sentences' => workos_login_preview_sentences( $preview ) ), 200 );
}
