<?php
/**
 * Callbacks of the admin Login Profile routes (see admin-profiles.php). Bodies have passed the
 * schema check; workos_login_save_profile() validates the rest.
 *
 * @package WorkOS_Login
 * @since   0.2.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * `GET /admin/profiles`: every profile, `default` first.
 *
 * @since 0.2.0
 */
function workos_login_rest_list_profiles(): WP_REST_Response {
	return rest_ensure_response( array_values( workos_login_get_profiles() ) );
}

/**
 * `POST /admin/profiles`: creates a profile from `PROFILE_DEFAULTS` and the body.
 *
 * @since 0.2.0
 *
 * @param WP_REST_Request $request The request.
 * @return WP_REST_Response|WP_Error 201 with the profile; 409 for a taken slug.
 */
function workos_login_rest_create_profile( WP_REST_Request $request ): WP_REST_Response|WP_Error {
	$input = (array) workos_login_rest_profile_body( $request );
	$slug  = $input['slug'] ?? null;
	if ( is_string( $slug ) && null !== workos_login_get_profile( $slug ) ) {
		// Checked here: workos_login_save_profile() would take a known slug as an update.
		return workos_login_profile_exists_error( $slug );
	}
	return workos_login_rest_created( workos_login_save_profile( $input ) );
}

/**
 * `GET /admin/profiles/<slug>`.
 *
 * @since 0.2.0
 *
 * @param WP_REST_Request $request The request.
 * @return WP_REST_Response|WP_Error 404 for an unknown slug.
 */
function workos_login_rest_get_profile( WP_REST_Request $request ): WP_REST_Response|WP_Error {
	$profile = workos_login_get_profile( (string) $request->get_url_params()['slug'] );
	return null === $profile ? workos_login_rest_profile_not_found() : rest_ensure_response( $profile );
}

/**
 * `PUT|PATCH /admin/profiles/<slug>`: merges the body onto the profile (a `slug` renames it).
 *
 * @since 0.2.0
 *
 * @param WP_REST_Request $request The request.
 * @return WP_REST_Response|WP_Error
 */
function workos_login_rest_update_profile( WP_REST_Request $request ): WP_REST_Response|WP_Error {
	$slug = (string) $request->get_url_params()['slug'];
	if ( null === workos_login_get_profile( $slug ) ) {
		return workos_login_rest_profile_not_found();
	}
	$profile = workos_login_save_profile( (array) workos_login_rest_profile_body( $request ), $slug );
	return is_wp_error( $profile ) ? $profile : rest_ensure_response( $profile );
}

/**
 * `DELETE /admin/profiles/<slug>`.
 *
 * @since 0.2.0
 *
 * @param WP_REST_Request $request The request.
 * @return WP_REST_Response|WP_Error `{ deleted: true, previous: LoginProfile }`.
 */
function workos_login_rest_delete_profile( WP_REST_Request $request ): WP_REST_Response|WP_Error {
	$slug     = (string) $request->get_url_params()['slug'];
	$previous = workos_login_get_profile( $slug );
	$deleted  = workos_login_delete_profile( $slug );
	if ( is_wp_error( $deleted ) ) {
		return $deleted;
	}
	return rest_ensure_response(
		array(
			'deleted'  => true,
			'previous' => $previous,
		)
	);
}

/**
 * `POST /admin/profiles/<slug>/duplicate`: a copy under the first free `<slug>-copy`,
 * `<slug>-copy-2`, …, titled "… (copy)", without the custom path (paths are unique).
 *
 * @since 0.2.0
 *
 * @param WP_REST_Request $request The request.
 * @return WP_REST_Response|WP_Error 201 with the copy.
 */
function workos_login_rest_duplicate_profile( WP_REST_Request $request ): WP_REST_Response|WP_Error {
	$source = workos_login_get_profile( (string) $request->get_url_params()['slug'] );
	if ( null === $source ) {
		return workos_login_rest_profile_not_found();
	}
	$copy = $source;
	$n    = 1;
	while ( null !== workos_login_get_profile( $copy['slug'] ) ) {
		$suffix       = 1 === $n ? '-copy' : '-copy-' . $n;
		$copy['slug'] = substr( $source['slug'], 0, 64 - strlen( $suffix ) ) . $suffix;
		++$n;
	}
	/* translators: %s: the title of the profile being duplicated. */
	$copy['title']       = mb_substr( sprintf( __( '%s (copy)', 'workos-login' ), $source['title'] ), 0, WORKOS_LOGIN_PROFILE_SCHEMA['properties']['title']['maxLength'] );
	$copy['custom_path'] = '';
	return workos_login_rest_created( workos_login_save_profile( $copy ) );
}

/**
 * A 201 answer for a new profile, with its `Location`.
 *
 * @since 0.2.0
 *
 * @param array<string, mixed>|WP_Error $profile The saved profile, or the error to pass on.
 * @return WP_REST_Response|WP_Error
 */
function workos_login_rest_created( array|WP_Error $profile ): WP_REST_Response|WP_Error {
	if ( is_wp_error( $profile ) ) {
		return $profile;
	}
	$response = new WP_REST_Response( $profile, 201 );
	$response->header( 'Location', rest_url( 'workos/v1/admin/profiles/' . $profile['slug'] ) );
	return $response;
}

/**
 * The 404 for an unknown slug.
 *
 * @since 0.2.0
 */
function workos_login_rest_profile_not_found(): WP_Error {
	return new WP_Error( 'workos_login_profile_not_found', __( 'No Login Profile has this slug.', 'workos-login' ), array( 'status' => 404 ) );
}
