<?php
/**
 * `GET|PUT /wp-json/workos/v1/admin/routing-rules`: the routing rules of wp-login.php
 * (includes/routing/), read and replaced as a whole list.
 *
 * @package WorkOS_Login
 * @since   0.2.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Registers the route.
 *
 * @since 0.2.0
 */
function workos_login_register_admin_routing_routes(): void {
	register_rest_route(
		'workos/v1',
		'/admin/routing-rules',
		array(
			array(
				'methods'             => WP_REST_Server::READABLE,
				'callback'            => 'workos_login_rest_get_routing_rules',
				'permission_callback' => 'workos_login_rest_can_manage_profiles',
			),
			array(
				'methods'             => 'PUT',
				'callback'            => 'workos_login_rest_put_routing_rules',
				'permission_callback' => 'workos_login_rest_can_manage_profiles',
				// Checked here rather than by core's per-argument validation, so the error names the
				// exact field (`rules[2].pattern`) in `data.field`, as the profile routes do.
				'validate_callback'   => 'workos_login_rest_check_routing_body',
				'args'                => array( 'rules' => workos_login_routing_rules_schema() ),
			),
			'schema' => 'workos_login_routing_resource_schema',
		)
	);
}
add_action( 'rest_api_init', 'workos_login_register_admin_routing_routes' );

/**
 * The schema of the `rules` list (protocol `RoutingRule[]`). Patterns are checked by
 * workos_login_check_routing_rule(): their syntax depends on `match`.
 *
 * @since 0.2.0
 *
 * @return array<string, mixed>
 */
function workos_login_routing_rules_schema(): array {
	return array(
		'description' => __( 'Ordered routing rules; the first match picks the Login Profile.', 'workos-login' ),
		'type'        => 'array',
		'maxItems'    => WORKOS_LOGIN_ROUTING_RULES_MAX,
		'items'       => array(
			'type'                 => 'object',
			'additionalProperties' => false,
			'properties'           => array(
				'match'   => array(
					'type' => 'string',
					'enum' => array_keys( WORKOS_LOGIN_ROUTING_PATTERNS ),
				),
				'pattern' => array(
					'type'      => 'string',
					'minLength' => 1,
					'maxLength' => WORKOS_LOGIN_ROUTING_PATTERN_MAX,
				),
				'profile' => array(
					'type'    => 'string',
					'pattern' => WORKOS_LOGIN_PROFILE_SLUG_PATTERN,
				),
			),
		),
	);
}

/**
 * The resource schema (protocol `RoutingRules`).
 *
 * @since 0.2.0
 *
 * @return array{'$schema': string, title: string, type: string, properties: array{rules: array<string, mixed>}}
 */
function workos_login_routing_resource_schema(): array {
	return array(
		'$schema'    => 'http://json-schema.org/draft-04/schema#',
		'title'      => 'workos-login-routing-rules',
		'type'       => 'object',
		'properties' => array( 'rules' => workos_login_routing_rules_schema() ),
	);
}

/**
 * Checks the PUT body: a JSON object with exactly `rules`, every rule valid.
 *
 * @since 0.2.0
 *
 * @param WP_REST_Request $request The request.
 * @return true|WP_Error `workos_login_invalid_routing_rules` (400, `data.field`).
 */
function workos_login_rest_check_routing_body( WP_REST_Request $request ): bool|WP_Error {
	$body = $request->is_json_content_type() ? $request->get_json_params() : null;
	if ( ! is_array( $body ) || ( $body && array_is_list( $body ) ) ) {
		return workos_login_routing_error( '', __( 'The request body must be a JSON object with rules.', 'workos-login' ) );
	}
	foreach ( array_keys( $body ) as $key ) {
		if ( 'rules' !== $key ) {
			/* translators: %s: a field name. */
			return workos_login_routing_error( (string) $key, sprintf( __( 'Unknown field: %s.', 'workos-login' ), $key ) );
		}
	}
	if ( ! array_key_exists( 'rules', $body ) ) {
		return workos_login_routing_error( 'rules', __( 'Send the list of rules (it may be empty).', 'workos-login' ) );
	}
	$rules = workos_login_validate_routing_rules( $body['rules'] );
	return is_wp_error( $rules ) ? $rules : true;
}

/**
 * `GET /admin/routing-rules`.
 *
 * @since 0.2.0
 */
function workos_login_rest_get_routing_rules(): WP_REST_Response {
	return rest_ensure_response( array( 'rules' => workos_login_get_routing_rules() ) );
}

/**
 * `PUT /admin/routing-rules`: replaces the whole list.
 *
 * @since 0.2.0
 *
 * @param WP_REST_Request $request The request (checked by workos_login_rest_check_routing_body()).
 * @return WP_REST_Response|WP_Error `{ rules }` as stored.
 */
function workos_login_rest_put_routing_rules( WP_REST_Request $request ): WP_REST_Response|WP_Error {
	$body  = (array) $request->get_json_params();
	$rules = workos_login_save_routing_rules( $body['rules'] ?? null );
	return is_wp_error( $rules ) ? $rules : rest_ensure_response( array( 'rules' => $rules ) );
}
