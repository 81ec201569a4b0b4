<?php
/**
 * The management REST routes of a signed-in user (cookie authentication with `X-WP-Nonce`):
 * list, rename (PATCH, or POST/PUT) and delete passkeys — one's own, or another user's with `edit_user` on them —
 * and an administrator's "remove all passkeys" of a user. Registration: routes-register.php.
 *
 * Errors are WordPress REST errors `{code, message, data: {status}}` with the codes of protocol
 * `PasskeyManagementError`.
 *
 * @package WorkOS_Login
 * @since   0.5.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Registers `GET /passkeys`, `PATCH|DELETE /passkeys/<id>` and `DELETE /users/<user>/passkeys`.
 *
 * @since 0.5.0
 */
function workos_login_register_passkey_routes(): void {
	$id = array(
		'type'     => 'string',
		'pattern'  => WORKOS_LOGIN_CREDENTIAL_ID_PATTERN,
		'required' => true,
	);
	register_rest_route(
		'workos/v1',
		'/passkeys',
		array(
			'methods'             => WP_REST_Server::READABLE,
			'callback'            => 'workos_login_rest_list_passkeys',
			'permission_callback' => 'workos_login_rest_passkeys_signed_in',
			'args'                => array(
				'user' => array(
					'type'    => 'integer',
					'minimum' => 1,
				),
			),
		)
	);
	register_rest_route(
		'workos/v1',
		'/passkeys/(?P<id>[A-Za-z0-9_-]{22,1364})',
		array(
			array(
				'methods'             => WP_REST_Server::EDITABLE,
				'callback'            => 'workos_login_rest_rename_passkey',
				'permission_callback' => 'workos_login_rest_passkeys_signed_in',
				'args'                => array(
					'id'   => $id,
					'name' => array(
						'type'      => 'string',
						'minLength' => 1,
						'maxLength' => WORKOS_LOGIN_PASSKEY_NAME_MAX,
						'required'  => true,
					),
				),
			),
			array(
				'methods'             => WP_REST_Server::DELETABLE,
				'callback'            => 'workos_login_rest_delete_passkey',
				'permission_callback' => 'workos_login_rest_passkeys_signed_in',
				'args'                => array( 'id' => $id ),
			),
		)
	);
	register_rest_route(
		'workos/v1',
		'/users/(?P<user>\d+)/passkeys',
		array(
			'methods'             => WP_REST_Server::DELETABLE,
			'callback'            => 'workos_login_rest_remove_user_passkeys',
			'permission_callback' => 'workos_login_rest_can_edit_passkeys_user',
			'args'                => array(
				'user' => array(
					'type'     => 'integer',
					'minimum'  => 1,
					'required' => true,
				),
			),
		)
	);
}
add_action( 'rest_api_init', 'workos_login_register_passkey_routes' );

/**
 * Permission: a signed-in user (the routes check ownership themselves).
 *
 * @since 0.5.0
 *
 * @return true|WP_Error `rest_forbidden` (401) when signed out or without a valid `X-WP-Nonce`.
 */
function workos_login_rest_passkeys_signed_in(): bool|WP_Error {
	return is_user_logged_in() ? true : workos_login_passkey_forbidden();
}

/**
 * Permission: `edit_user` on the route's `user`.
 *
 * @since 0.5.0
 *
 * @param WP_REST_Request $request The request.
 * @return true|WP_Error
 */
function workos_login_rest_can_edit_passkeys_user( WP_REST_Request $request ): bool|WP_Error {
	return is_user_logged_in() && current_user_can( 'edit_user', (int) $request['user'] ) ? true : workos_login_passkey_forbidden();
}

/**
 * The refusal of a management route.
 *
 * @since 0.5.0
 */
function workos_login_passkey_forbidden(): WP_Error {
	return new WP_Error( 'rest_forbidden', __( 'Sorry, you are not allowed to manage these passkeys.', 'workos-login' ), array( 'status' => rest_authorization_required_code() ) );
}

/**
 * `GET /workos/v1/passkeys[?user=<id>]` (protocol `PasskeyListResponse`).
 *
 * @since 0.5.0
 *
 * @param WP_REST_Request $request The request.
 * @return WP_REST_Response|WP_Error
 */
function workos_login_rest_list_passkeys( WP_REST_Request $request ): WP_REST_Response|WP_Error {
	$current = get_current_user_id();
	$user_id = null === $request['user'] ? $current : (int) $request['user'];
	if ( $user_id !== $current && ! current_user_can( 'edit_user', $user_id ) ) {
		return workos_login_passkey_forbidden();
	}
	if ( ! get_userdata( $user_id ) ) {
		return new WP_Error( 'not_found', __( 'There is no such user.', 'workos-login' ), array( 'status' => 404 ) );
	}
	$workos_id = (string) get_user_meta( $user_id, WORKOS_LOGIN_USER_META, true );
	$own       = $user_id === $current;
	$recent    = $own && '' !== $workos_id && workos_login_passkey_recently_authenticated( $current );
	return workos_login_rest_response(
		array(
			'user_id'      => $user_id,
			'passkeys'     => array_map( 'workos_login_passkey_summary', workos_login_passkeys_of_user( $user_id ) ),
			// "Now": a sign-in too old to add one shows the way to sign in again instead.
			'can_register' => $own && '' !== $workos_id && $recent,
			'reauth_url'   => $own && '' !== $workos_id && ! $recent ? workos_login_passkey_reauth_url() : null,
			'rp_id'        => workos_login_passkey_rp_id(),
			'user_handle'  => '' !== $workos_id ? workos_login_passkey_user_handle( $workos_id ) : null,
		),
		200
	);
}

/**
 * The passkey a route names, if the current user may manage it.
 *
 * @since 0.5.0
 *
 * @param string $credential_id Credential id.
 * @return array<string, string>|WP_Error The row, `not_found` (404) or `rest_forbidden`.
 */
function workos_login_passkey_managed( string $credential_id ): array|WP_Error {
	$row = workos_login_passkey_find( $credential_id );
	if ( null === $row ) {
		return new WP_Error( 'not_found', __( 'There is no such passkey.', 'workos-login' ), array( 'status' => 404 ) );
	}
	$owner = (int) $row['user_id'];
	return get_current_user_id() === $owner || current_user_can( 'edit_user', $owner ) ? $row : workos_login_passkey_forbidden();
}

/**
 * `PATCH /workos/v1/passkeys/<id> {name}` (protocol `PasskeyResponse`).
 *
 * @since 0.5.0
 *
 * @param WP_REST_Request $request The request.
 * @return WP_REST_Response|WP_Error
 */
function workos_login_rest_rename_passkey( WP_REST_Request $request ): WP_REST_Response|WP_Error {
	$row = workos_login_passkey_managed( (string) $request['id'] );
	if ( is_wp_error( $row ) ) {
		return $row;
	}
	if ( ! workos_login_passkey_rename( $row['credential_id'], (string) $request['name'] ) ) {
		return new WP_Error( 'rest_invalid_param', __( 'Give the passkey a name.', 'workos-login' ), array( 'status' => 400 ) );
	}
	return workos_login_rest_response( array( 'passkey' => workos_login_passkey_summary( (array) workos_login_passkey_find( $row['credential_id'] ) ) ), 200 );
}

/**
 * `DELETE /workos/v1/passkeys/<id>` (protocol `PasskeyDeletedResponse`); audited `passkey_removed`.
 *
 * @since 0.5.0
 *
 * @param WP_REST_Request $request The request.
 * @return WP_REST_Response|WP_Error
 */
function workos_login_rest_delete_passkey( WP_REST_Request $request ): WP_REST_Response|WP_Error {
	$row = workos_login_passkey_managed( (string) $request['id'] );
	if ( is_wp_error( $row ) ) {
		return $row;
	}
	if ( workos_login_passkey_delete( $row['credential_id'] ) ) {
		workos_login_passkeys_removed( (int) $row['user_id'], 1, array( $row['credential_hash'] ) );
	}
	return workos_login_rest_response(
		array(
			'deleted' => true,
			'id'      => $row['credential_id'],
			'rp_id'   => workos_login_passkey_rp_id(),
		),
		200
	);
}

/**
 * `DELETE /workos/v1/users/<user>/passkeys` (protocol `PasskeysRemovedResponse`); audited.
 *
 * @since 0.5.0
 *
 * @param WP_REST_Request $request The request.
 * @return WP_REST_Response|WP_Error
 */
function workos_login_rest_remove_user_passkeys( WP_REST_Request $request ): WP_REST_Response|WP_Error {
	$user_id = (int) $request['user'];
	if ( ! get_userdata( $user_id ) ) {
		return new WP_Error( 'not_found', __( 'There is no such user.', 'workos-login' ), array( 'status' => 404 ) );
	}
	$hashes  = array_column( workos_login_passkeys_of_user( $user_id ), 'credential_hash' );
	$removed = workos_login_passkeys_delete_for_user( $user_id );
	if ( $removed > 0 ) {
		workos_login_passkeys_removed( $user_id, $removed, $hashes );
	}
	return workos_login_rest_response( array( 'removed' => $removed ), 200 );
}

/**
 * Announces removed passkeys (the audit log records `passkey_removed`).
 *
 * @since 0.5.0
 *
 * @param int      $user_id The owner.
 * @param int      $count   How many.
 * @param string[] $hashes  Their credential hashes (SHA-256 of the ids).
 */
function workos_login_passkeys_removed( int $user_id, int $count, array $hashes ): void {
	/**
	 * Fires after passkeys of a user were removed by the user or an administrator.
	 *
	 * @since 0.5.0
	 *
	 * @param int      $user_id  The owner.
	 * @param int      $count    How many.
	 * @param int      $actor_id Who removed them.
	 * @param string[] $hashes   SHA-256 of their credential ids.
	 */
	do_action( 'workos_login_passkeys_removed', $user_id, $count, get_current_user_id(), $hashes );
}
