<?php
/**
 * `GET /wp-json/workos/v1/admin/organizations`: the WorkOS organizations for the organization
 * picker of wp-admin, asked of the login server (PHP never calls WorkOS, ARCHITECTURE rule 1)
 * and cached for a few minutes.
 *
 * @package WorkOS_Login
 * @since   0.2.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** How long a list stays cached (seconds); `refresh=1` asks again at once. */
const WORKOS_LOGIN_ORGANIZATIONS_TTL = 600;

/** Pages of 100 asked for at most (a picker with more organizations relies on `search`). */
const WORKOS_LOGIN_ORGANIZATIONS_PAGES = 10;

/**
 * Registers the route.
 *
 * @since 0.2.0
 */
function workos_login_register_admin_organization_routes(): void {
	register_rest_route(
		'workos/v1',
		'/admin/organizations',
		array(
			'methods'             => WP_REST_Server::READABLE,
			'callback'            => 'workos_login_rest_list_organizations',
			'permission_callback' => 'workos_login_rest_can_manage_profiles',
			'args'                => array(
				'refresh' => array(
					'description' => __( 'Ask the login server again instead of using the cached list.', 'workos-login' ),
					'type'        => 'boolean',
					'default'     => false,
				),
				'search'  => array(
					'description' => __( 'Only organizations whose name matches.', 'workos-login' ),
					'type'        => 'string',
					'maxLength'   => 100,
					'default'     => '',
				),
			),
		)
	);
}
add_action( 'rest_api_init', 'workos_login_register_admin_organization_routes' );

/**
 * `GET /admin/organizations`: `{ organizations: [{id, name}], fetched_at }`, sorted by name.
 *
 * @since 0.2.0
 *
 * @param WP_REST_Request $request The request (`refresh`, `search`).
 * @return WP_REST_Response|WP_Error 503 `server_unavailable` / `workos_unavailable` when the list
 *                                   cannot be had (a failed refresh does not fall back to the cache).
 */
function workos_login_rest_list_organizations( WP_REST_Request $request ): WP_REST_Response|WP_Error {
	$search = trim( (string) $request['search'] );
	$key    = 'workos_login_orgs_' . md5( $search );
	if ( ! $request['refresh'] ) {
		$cached = get_transient( $key );
		if ( is_array( $cached ) && isset( $cached['organizations'], $cached['fetched_at'] ) ) {
			return workos_login_rest_response( $cached, 200 );
		}
	}

	$organizations = workos_login_fetch_organizations( $search );
	if ( is_wp_error( $organizations ) ) {
		return $organizations;
	}
	$now  = microtime( true );
	$body = array(
		'organizations' => $organizations,
		'fetched_at'    => gmdate( 'Y-m-d\TH:i:s', (int) $now ) . sprintf( '.%03dZ', (int) ( ( $now - floor( $now ) ) * 1000 ) ),
	);
	set_transient( $key, $body, WORKOS_LOGIN_ORGANIZATIONS_TTL );
	return workos_login_rest_response( $body, 200 );
}

/**
 * Every organization (up to WORKOS_LOGIN_ORGANIZATIONS_PAGES pages), page by page from the
 * login server, sorted by name.
 *
 * @since 0.2.0
 *
 * @param string $search Name filter, '' for all.
 * @return list<array{id: string, name: string}>|WP_Error
 */
function workos_login_fetch_organizations( string $search ): array|WP_Error {
	$organizations = array();
	$after         = null;
	for ( $page = 0; $page < WORKOS_LOGIN_ORGANIZATIONS_PAGES; $page++ ) {
		$input = array( 'limit' => 100 );
		if ( null !== $after ) {
			$input['after'] = $after;
		}
		if ( '' !== $search ) {
			$input['search'] = $search;
		}
		$outcome = workos_login_server_request( 'admin/organizations', array( 'input' => $input ), WORKOS_LOGIN_ORGANIZATIONS_OUTCOME_TYPES );
		if ( is_wp_error( $outcome ) ) {
			return workos_login_rest_admin_error( 'server_unavailable', 503 );
		}
		if ( 'error' === $outcome['type'] ) {
			return workos_login_rest_admin_error( $outcome['code'], $outcome['status'] );
		}
		array_push( $organizations, ...$outcome['organizations'] );
		$after = $outcome['after'];
		if ( null === $after ) {
			break;
		}
	}
	usort(
		$organizations,
		static function ( array $a, array $b ): int {
			$by_name = strnatcasecmp( $a['name'], $b['name'] );
			return 0 !== $by_name ? $by_name : strcmp( $a['id'], $b['id'] );
		}
	);
	return $organizations;
}

/**
 * A REST error for an admin screen, with the site's translated text for a protocol `ErrorCode`.
 *
 * @since 0.2.0
 *
 * @param string $code   Protocol `ErrorCode`.
 * @param int    $status HTTP status.
 */
function workos_login_rest_admin_error( string $code, int $status ): WP_Error {
	return new WP_Error( $code, workos_login_error_message( $code ), array( 'status' => $status ) );
}
