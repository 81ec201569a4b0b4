<?php
/**
 * The WorkOS roles of an organization, listed live through the login server
 * (`POST /v1/admin/roles`), for the Roles screen and `GET /wp-json/workos/v1/admin/roles`.
 *
 * @package WorkOS_Login
 * @since   0.3.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The roles members of an organization can have, asked of the login server right now.
 *
 * @since 0.3.0
 *
 * @param string $organization_id WorkOS organization id.
 * @return list<array{slug: string, name: string}>|WP_Error Sorted by name; a REST-ready error
 *         (`server_unavailable` 503, or the server's own code and status).
 */
function workos_login_fetch_workos_roles( string $organization_id ): array|WP_Error {
	$outcome = workos_login_server_request( 'admin/roles', array( 'input' => array( 'organization_id' => $organization_id ) ), array( 'roles' ) );
	if ( is_wp_error( $outcome ) || 'error' === $outcome['type'] ) {
		return workos_login_settings_server_error( $outcome, $organization_id );
	}
	$roles = array();
	foreach ( $outcome['roles'] as $role ) {
		// Only slugs the mapping can store (settings/sanitize-maps.php).
		if ( 1 === preg_match( WORKOS_LOGIN_WORKOS_ROLE_PATTERN, $role['slug'] ) ) {
			$roles[ $role['slug'] ] = array(
				'slug' => $role['slug'],
				'name' => '' !== $role['name'] ? $role['name'] : $role['slug'],
			);
		}
	}
	$roles = array_values( $roles );
	usort(
		$roles,
		static function ( array $a, array $b ): int {
			$by_name = strnatcasecmp( $a['name'], $b['name'] );
			return 0 !== $by_name ? $by_name : strcmp( $a['slug'], $b['slug'] );
		}
	);
	return $roles;
}

/**
 * A failed admin exchange with the login server as a REST error worded for administrators.
 *
 * @since 0.3.0
 *
 * @param array{type: string, code?: string, status?: int}|WP_Error $outcome         What workos_login_server_request() answered.
 * @param string|null                                               $organization_id The organization asked about.
 * @return WP_Error `server_unavailable` (503), `workos_login_unknown_organization` (404) or the server's code.
 */
function workos_login_settings_server_error( array|WP_Error $outcome, ?string $organization_id ): WP_Error {
	if ( is_wp_error( $outcome ) ) {
		return new WP_Error( 'server_unavailable', __( 'The login server cannot be reached, or its answer was not valid (see WorkOS → Diagnostics).', 'workos-login' ), array( 'status' => 503 ) );
	}
	if ( 404 === $outcome['status'] && null !== $organization_id ) {
		/* translators: %s: organization id. */
		return new WP_Error( 'workos_login_unknown_organization', sprintf( __( 'WorkOS has no organization %s.', 'workos-login' ), $organization_id ), array( 'status' => 404 ) );
	}
	if ( 'workos_unavailable' === $outcome['code'] ) {
		return new WP_Error( 'workos_unavailable', __( 'WorkOS did not answer the login server; try again in a moment.', 'workos-login' ), array( 'status' => $outcome['status'] ) );
	}
	return workos_login_rest_admin_error( (string) $outcome['code'], (int) $outcome['status'] );
}

/**
 * Registers `GET /workos/v1/admin/roles`.
 *
 * @since 0.3.0
 */
function workos_login_register_admin_roles_route(): void {
	register_rest_route(
		'workos/v1',
		'/admin/roles',
		array(
			'methods'             => WP_REST_Server::READABLE,
			'callback'            => 'workos_login_rest_list_workos_roles',
			'permission_callback' => 'workos_login_rest_can_manage_settings',
			'args'                => array(
				'organization_id' => array(
					'description' => __( 'The organization whose roles to list; the site organization when omitted.', 'workos-login' ),
					'type'        => 'string',
					'pattern'     => WORKOS_LOGIN_ORGANIZATION_ID_PATTERN,
				),
			),
		)
	);
}
add_action( 'rest_api_init', 'workos_login_register_admin_roles_route' );

/**
 * Only administrators (`manage_options`) reach the settings routes.
 *
 * @since 0.3.0
 *
 * @return true|WP_Error
 */
function workos_login_rest_can_manage_settings(): bool|WP_Error {
	if ( current_user_can( 'manage_options' ) ) {
		return true;
	}
	return new WP_Error( 'rest_forbidden', __( 'Sorry, you are not allowed to manage WorkOS Login settings.', 'workos-login' ), array( 'status' => rest_authorization_required_code() ) );
}

/**
 * `GET /admin/roles`: `{ organization_id, roles: [{slug, name}] }`.
 *
 * @since 0.3.0
 *
 * @param WP_REST_Request $request The request (`organization_id`).
 * @return WP_REST_Response|WP_Error 409 `workos_login_no_organization` when no organization is
 *                                   given or set; 503 when the login server cannot answer.
 */
function workos_login_rest_list_workos_roles( WP_REST_Request $request ): WP_REST_Response|WP_Error {
	$organization_id = is_string( $request['organization_id'] ) ? $request['organization_id'] : workos_login_site_organization_id();
	if ( null === $organization_id ) {
		return workos_login_no_organization_error();
	}
	$roles = workos_login_fetch_workos_roles( $organization_id );
	if ( is_wp_error( $roles ) ) {
		return $roles;
	}
	return workos_login_rest_response(
		array(
			'organization_id' => $organization_id,
			'roles'           => $roles,
		),
		200
	);
}

/**
 * The error for "no organization to look in".
 *
 * @since 0.3.0
 */
function workos_login_no_organization_error(): WP_Error {
	return new WP_Error(
		'workos_login_no_organization',
		__( 'No WorkOS organization is set: choose the site organization on WorkOS → Settings (or pin one in the Login Profile).', 'workos-login' ),
		array( 'status' => 409 )
	);
}
