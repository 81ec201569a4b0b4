<?php
/**
 * The JSON Schema of a Login Profile (protocol `LoginProfile`), for the admin REST routes.
 *
 * The schema is the first gate on the fields a request names (types, enums, patterns, no
 * unknown properties); validate.php checks the whole merged profile and what only WordPress
 * knows (slugs and custom paths free, attachments, redirects).
 *
 * @package WorkOS_Login
 * @since   0.2.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The `LoginProfile` schema, as a REST resource schema (generated from server/profile-schema.ts).
 *
 * @since 0.2.0
 * @since 0.6.0 Generated.
 *
 * @return array<string, mixed>
 */
function workos_login_profile_schema(): array {
	return array(
		'$schema' => 'http://json-schema.org/draft-04/schema#',
		'title'   => 'workos-login-profile',
	) + WORKOS_LOGIN_PROFILE_SCHEMA;
}

/**
 * Checks a request body against the schema, before the permission check and the callback.
 *
 * Used as the routes' own `validate_callback`, so its error reaches the client as is, with
 * `data.field` naming the field (`branding.primary_color`), like validation errors do.
 *
 * @since 0.2.0
 *
 * @param WP_REST_Request $request The request.
 * @return true|WP_Error `workos_login_invalid_profile` (400).
 */
function workos_login_rest_check_profile_body( WP_REST_Request $request ): bool|WP_Error {
	$body = workos_login_rest_profile_body( $request );
	if ( null === $body ) {
		return new WP_Error( 'workos_login_invalid_profile', __( 'The request body must be a JSON object.', 'workos-login' ), array( 'status' => 400 ) );
	}
	return workos_login_check_profile_value( $body, WORKOS_LOGIN_PROFILE_SCHEMA, '', false );
}

/**
 * The fields a request sends: its JSON object body, else its form body.
 *
 * @since 0.2.0
 *
 * @param WP_REST_Request $request The request.
 * @return array<string, mixed>|null Null when the body is not an object.
 */
function workos_login_rest_profile_body( WP_REST_Request $request ): ?array {
	$body = $request->is_json_content_type() ? $request->get_json_params() : $request->get_body_params();
	if ( null === $body && '' === trim( (string) $request->get_body() ) ) {
		return array();
	}
	return is_array( $body ) && ( ! $body || ! array_is_list( $body ) ) ? $body : null;
}
