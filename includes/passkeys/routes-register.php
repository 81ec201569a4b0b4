<?php
/**
 * Registering a passkey from a signed-in session (the profile screen, or the prompt after a
 * sign-in): `POST /workos/v1/passkeys/register/options` → the login server's creation options
 * (step `passkey_register`, sealed flow) → the browser creates the credential →
 * `POST /workos/v1/passkeys/register/verify {flow, response, name?}` → verified by the login
 * server (for the same WorkOS user), stored, audited `passkey_registered`.
 *
 * Both require the user's own account, linked to WorkOS, and a recent sign-in (the session
 * token's `login` time within `passkey_reauth_minutes`): a stolen session alone cannot add a
 * passkey that outlives it.
 *
 * @package WorkOS_Login
 * @since   0.5.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Registers the two routes.
 *
 * @since 0.5.0
 */
function workos_login_register_passkey_registration_routes(): void {
	register_rest_route(
		'workos/v1',
		'/passkeys/register/options',
		array(
			'methods'             => WP_REST_Server::CREATABLE,
			'callback'            => 'workos_login_rest_passkey_registration_options',
			'permission_callback' => 'workos_login_rest_passkeys_signed_in',
			'args'                => array(),
		)
	);
	register_rest_route(
		'workos/v1',
		'/passkeys/register/verify',
		array(
			'methods'             => WP_REST_Server::CREATABLE,
			'callback'            => 'workos_login_rest_passkey_registration_verify',
			'permission_callback' => 'workos_login_rest_passkeys_signed_in',
			'args'                => array_intersect_key(
				workos_login_rest_args_from_schema( WORKOS_LOGIN_REQUEST_SCHEMAS['passkey_register_verify'] ),
				array_flip( array( 'flow', 'response' ) )
			) + array(
				'name' => array(
					'type'      => 'string',
					'maxLength' => WORKOS_LOGIN_PASSKEY_NAME_MAX,
				),
			),
		)
	);
}
add_action( 'rest_api_init', 'workos_login_register_passkey_registration_routes' );

/**
 * `POST /workos/v1/passkeys/register/options` (protocol `PasskeyRegistrationOptionsResponse`).
 *
 * @since 0.5.0
 *
 * @return WP_REST_Response|WP_Error
 */
function workos_login_rest_passkey_registration_options(): WP_REST_Response|WP_Error {
	$user = workos_login_passkey_registrant();
	if ( is_wp_error( $user ) ) {
		return $user;
	}
	$workos_id = (string) get_user_meta( $user->ID, WORKOS_LOGIN_USER_META, true );
	$outcome   = workos_login_passkey_server_request(
		'passkey_register_options',
		array(
			'user'    => array(
				'id'           => $workos_id,
				'name'         => (string) $user->user_email,
				'display_name' => '' !== (string) $user->display_name ? (string) $user->display_name : (string) $user->user_email,
			),
			'exclude' => array_column( workos_login_passkeys_of_user( $user->ID ), 'credential_id' ),
			'rp_name' => workos_login_passkey_rp_name(),
		),
		null,
		array( 'step' )
	);
	if ( is_wp_error( $outcome ) ) {
		return $outcome;
	}
	if ( 'passkey_register' !== $outcome['step'] || ! isset( $outcome['data']->options ) ) {
		workos_login_log( sprintf( 'passkey_register_options answered the %s step.', $outcome['step'] ) );
		return workos_login_passkey_rest_error( 'server_unavailable', 503 );
	}
	return workos_login_rest_response(
		array(
			'options' => $outcome['data']->options,
			'flow'    => $outcome['flow'],
		),
		200
	);
}

/**
 * `POST /workos/v1/passkeys/register/verify` (protocol `PasskeyResponse`). The flow is used once.
 *
 * @since 0.5.0
 *
 * @param WP_REST_Request $request The request (validated).
 * @return WP_REST_Response|WP_Error
 */
function workos_login_rest_passkey_registration_verify( WP_REST_Request $request ): WP_REST_Response|WP_Error {
	$user = workos_login_passkey_registrant();
	if ( is_wp_error( $user ) ) {
		return $user;
	}
	$flow   = (string) $request['flow'];
	$once   = 'once:flow:' . hash( 'sha256', $flow );
	$marked = workos_login_limits_mark( $once, WORKOS_LOGIN_FLOW_MARK_TTL );
	if ( true !== $marked ) {
		return null === $marked ? workos_login_passkey_rest_error( 'database_unavailable', 503 ) : workos_login_passkey_rest_error( 'flow_expired', 400 );
	}
	$workos_id = (string) get_user_meta( $user->ID, WORKOS_LOGIN_USER_META, true );
	$outcome   = workos_login_passkey_server_request(
		'passkey_register_verify',
		array(
			'response' => workos_login_passkey_response_input( (array) $request['response'] ),
			'user_id'  => $workos_id,
		),
		$flow,
		array( 'passkey_registered' )
	);
	if ( is_wp_error( $outcome ) ) {
		workos_login_limits_unmark( $once );
		return $outcome;
	}
	$row = workos_login_passkey_store_for( $user, $workos_id, $outcome['credential'], (string) ( $request['name'] ?? '' ), 'profile' );
	if ( is_wp_error( $row ) ) {
		return $row;
	}
	return workos_login_rest_response( array( 'passkey' => workos_login_passkey_summary( $row ) ), 200 );
}

/**
 * The signed-in user, when they may register a passkey now.
 *
 * @since 0.5.0
 *
 * @return WP_User|WP_Error `not_linked` (400), `reauth_required` (403, `data.reauth_url`) or
 *                          `rate_limited` (429).
 */
function workos_login_passkey_registrant(): WP_User|WP_Error {
	$user = wp_get_current_user();
	if ( '' === (string) get_user_meta( $user->ID, WORKOS_LOGIN_USER_META, true ) ) {
		return new WP_Error( 'not_linked', __( 'Sign in with WorkOS once before adding a passkey: this account is not linked to WorkOS yet.', 'workos-login' ), array( 'status' => 400 ) );
	}
	if ( ! workos_login_passkey_recently_authenticated( $user->ID ) ) {
		return new WP_Error(
			'reauth_required',
			workos_login_error_message( 'reauth_required' ),
			array(
				'status'     => 403,
				'reauth_url' => workos_login_passkey_reauth_url(),
			)
		);
	}
	$refusal = workos_login_rate_limit( workos_login_rate_buckets( 'passkeys_register' ) );
	if ( null !== $refusal ) {
		return new WP_Error(
			$refusal['code'],
			workos_login_error_message( $refusal['code'] ),
			array(
				'status'      => $refusal['status'],
				'retry_after' => $refusal['retry_after'],
			)
		);
	}
	return $user;
}

/**
 * Whether the current session signed in within `passkey_reauth_minutes`.
 *
 * @since 0.5.0
 *
 * @param int $user_id The signed-in user.
 */
function workos_login_passkey_recently_authenticated( int $user_id ): bool {
	$token = wp_get_session_token();
	if ( '' === $token ) {
		return false;
	}
	$session = WP_Session_Tokens::get_instance( $user_id )->get( $token );
	$login   = is_array( $session ) ? (int) ( $session['login'] ?? 0 ) : 0;
	return $login > 0 && time() - $login <= MINUTE_IN_SECONDS * max( 1, (int) workos_login_option( 'passkey_reauth_minutes' ) );
}

/**
 * Where to sign in again before adding a passkey: the sign-in page with `reauth=1` (it signs
 * the visitor out first), back to the profile screen afterwards.
 *
 * @since 0.5.0
 */
function workos_login_passkey_reauth_url(): string {
	return add_query_arg( 'reauth', '1', wp_login_url( admin_url( 'profile.php' ) ) );
}

/**
 * Sends a registration step to the login server (the `default` profile's envelope).
 *
 * @since 0.5.0
 *
 * @param string               $step  `passkey_register_options` or `passkey_register_verify`.
 * @param array<string, mixed> $input Protocol `StepInputs[step]`.
 * @param string|null          $flow  The sealed flow, if any.
 * @param string[]             $types Outcome types accepted.
 * @return array<string, mixed>|WP_Error The outcome, or its error as a REST error.
 */
function workos_login_passkey_server_request( string $step, array $input, ?string $flow, array $types ): array|WP_Error {
	$profile = workos_login_get_profile( 'default' ) ?? workos_login_default_profile();
	$outcome = workos_login_server_step( $step, $profile, $input, $types, array( 'flow' => $flow ) );
	if ( is_wp_error( $outcome ) ) {
		return workos_login_passkey_rest_error( 'server_unavailable', 503 );
	}
	if ( 'error' === $outcome['type'] ) {
		return workos_login_passkey_rest_error( $outcome['code'], $outcome['status'] );
	}
	return $outcome;
}

/**
 * A management error with the site's translated text for a protocol `ErrorCode`.
 *
 * @since 0.5.0
 *
 * @param string $code   Error code.
 * @param int    $status HTTP status.
 */
function workos_login_passkey_rest_error( string $code, int $status ): WP_Error {
	return new WP_Error( $code, workos_login_error_message( $code ), array( 'status' => $status ) );
}
