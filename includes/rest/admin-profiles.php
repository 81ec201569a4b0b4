<?php
/**
 * Admin REST routes for Login Profiles, `workos/v1/admin/profiles`: registration and permission.
 *
 * Authenticated like the rest of wp-admin's REST calls (auth cookie + `X-WP-Nonce` of action
 * `wp_rest`); callbacks are in admin-profiles-handlers.php.
 *
 * @package WorkOS_Login
 * @since   0.2.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** The slug in a route: protocol `LIMITS.profileSlugPattern` without its anchors. */
const WORKOS_LOGIN_ROUTE_SLUG = '(?P<slug>[a-z0-9][a-z0-9_-]{0,63})';

/**
 * Registers the list/create, read/update/delete and duplicate routes.
 *
 * @since 0.2.0
 */
function workos_login_register_admin_profile_routes(): void {
	$permission = 'workos_login_rest_can_manage_profiles';
	$write      = array(
		'permission_callback' => $permission,
		'validate_callback'   => 'workos_login_rest_check_profile_body',
		'args'                => workos_login_profile_schema()['properties'],
	);

	register_rest_route(
		'workos/v1',
		'/admin/profiles',
		array(
			array(
				'methods'             => WP_REST_Server::READABLE,
				'callback'            => 'workos_login_rest_list_profiles',
				'permission_callback' => $permission,
			),
			array(
				'methods'  => WP_REST_Server::CREATABLE,
				'callback' => 'workos_login_rest_create_profile',
			) + $write,
			'schema' => 'workos_login_profile_schema',
		)
	);

	register_rest_route(
		'workos/v1',
		'/admin/profiles/' . WORKOS_LOGIN_ROUTE_SLUG,
		array(
			array(
				'methods'             => WP_REST_Server::READABLE,
				'callback'            => 'workos_login_rest_get_profile',
				'permission_callback' => $permission,
			),
			array(
				// PUT and PATCH both merge onto the stored profile (fields left out keep their value).
				'methods'  => WP_REST_Server::EDITABLE,
				'callback' => 'workos_login_rest_update_profile',
			) + $write,
			array(
				'methods'             => WP_REST_Server::DELETABLE,
				'callback'            => 'workos_login_rest_delete_profile',
				'permission_callback' => $permission,
			),
			'schema' => 'workos_login_profile_schema',
		)
	);

	register_rest_route(
		'workos/v1',
		'/admin/profiles/' . WORKOS_LOGIN_ROUTE_SLUG . '/duplicate',
		array(
			'methods'             => WP_REST_Server::CREATABLE,
			'callback'            => 'workos_login_rest_duplicate_profile',
			'permission_callback' => $permission,
		)
	);
}
add_action( 'rest_api_init', 'workos_login_register_admin_profile_routes' );

/**
 * Only administrators manage Login Profiles (they decide who may sign in, and where to).
 *
 * @since 0.2.0
 *
 * @return bool|WP_Error True when allowed; core answers 401 to visitors and 403 to other users.
 */
function workos_login_rest_can_manage_profiles(): bool|WP_Error {
	if ( current_user_can( 'manage_options' ) ) {
		return true;
	}
	return new WP_Error( 'rest_forbidden', __( 'Sorry, you are not allowed to manage Login Profiles.', 'workos-login' ), array( 'status' => rest_authorization_required_code() ) );
}
