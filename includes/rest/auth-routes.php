<?php
/**
 * The browser routes `POST /wp-json/workos/v1/auth/<route>` (protocol `BrowserRoute`): one row
 * per route — its REST arguments (the `*Request` types with `LIMITS`), the email limit it counts
 * against, whether its flow is used once, and the outcome types it accepts. One handler serves
 * them all (auth-steps.php).
 *
 * @package WorkOS_Login
 * @since   0.4.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Every browser route.
 *
 * `args`: the route's body (protocol `BrowserRoute` request, generated into
 * WORKOS_LOGIN_REQUEST_SCHEMAS from server/browser-schemas.ts). `limit`: the per-email limit
 * counted (workos_login_rate_limits()), '' for none. `once`: the request's flow may complete only
 * once (a verification moved past it). `types`: the outcome types the login server may answer with.
 *
 * @since 0.4.0
 * @since 0.5.0 The passkey routes.
 * @since 0.6.0 Arguments generated from the protocol.
 *
 * @return array<string, array{args: array<string, array<string, mixed>>, limit: string, once: bool, types: string[]}>
 */
function workos_login_auth_routes(): array {
	$row = static function ( string $route, string $limit = '', bool $once = false, array $types = array( 'step', 'redirect', 'authenticated' ) ): array {
		return array(
			'args'  => workos_login_rest_args_from_schema( WORKOS_LOGIN_REQUEST_SCHEMAS[ $route ] ),
			'limit' => $limit,
			'once'  => $once,
			'types' => $types,
		);
	};

	return array(
		// `flow` on first factors: an invitation read by `invitation` (sign in and accept it).
		'password'                 => $row( 'password', 'password' ),
		'magic_code_send'          => $row( 'magic_code_send', 'magic_code', false, array( 'step' ) ),
		'magic_code_verify'        => $row( 'magic_code_verify', '', true ),
		'authorize'                => $row( 'authorize', '', false, array( 'redirect' ) ),
		'signup'                   => $row( 'signup', 'signup' ),
		'email_verify'             => $row( 'email_verify', '', true ),
		'invitation'               => $row( 'invitation', '', false, array( 'step' ) ),
		'reset_request'            => $row( 'reset_request', 'reset', false, array( 'reset_token' ) ),
		'reset_confirm'            => $row( 'reset_confirm' ),
		'mfa_enroll'               => $row( 'mfa_enroll' ),
		'mfa_challenge'            => $row( 'mfa_challenge' ),
		'mfa_verify'               => $row( 'mfa_verify', '', true ),
		'org_select'               => $row( 'org_select', '', true ),
		// Passkeys (passkeys/routes-auth.php): IP and flow limits only, never an email bucket.
		// Without a flow, `passkey_options` starts a usernameless sign-in; with an MFA step's flow,
		// it is that sign-in's second factor.
		'passkey_options'          => $row( 'passkey_options', '', false, array( 'step' ) ),
		'passkey_verify'           => $row( 'passkey_verify', '', true, array( 'step', 'authenticated' ) ),
		'passkey_register_options' => $row( 'passkey_register_options', '', false, array( 'step' ) ),
		'passkey_register_verify'  => $row( 'passkey_register_verify', '', true, array( 'step', 'authenticated' ) ),
	);
}

/**
 * REST arguments from a generated request schema: one argument per property, `required` from
 * the schema's list, and sealed flows checked for their one canonical spelling too.
 *
 * @since 0.6.0
 *
 * @param array<string, mixed> $schema An object schema of WORKOS_LOGIN_REQUEST_SCHEMAS.
 * @return array<string, array<string, mixed>>
 */
function workos_login_rest_args_from_schema( array $schema ): array {
	$required = (array) ( $schema['required'] ?? array() );
	$args     = array();
	foreach ( (array) $schema['properties'] as $name => $property ) {
		$args[ $name ] = array( 'required' => in_array( $name, $required, true ) ) + (array) $property;
		if ( 'flow' === $name ) {
			$args[ $name ]['validate_callback'] = 'workos_login_rest_validate_flow';
		}
	}
	return $args;
}

/**
 * Validates a flow argument: the schema first, then the spelling.
 *
 * @since 0.6.0
 *
 * @param mixed           $value   The value.
 * @param WP_REST_Request $request The request.
 * @param string          $param   The argument's name.
 * @return true|WP_Error
 */
function workos_login_rest_validate_flow( $value, WP_REST_Request $request, string $param ): bool|WP_Error {
	$valid = rest_validate_request_arg( $value, $request, $param );
	if ( true !== $valid ) {
		return $valid;
	}
	return workos_login_flow_is_canonical( (string) $value )
		? true
		/* translators: %s: a request argument's name. */
		: new WP_Error( 'rest_invalid_param', sprintf( __( '%s is not a valid flow token.', 'workos-login' ), $param ), array( 'status' => 400 ) );
}

/**
 * Registers every browser route.
 *
 * @since 0.1.0
 * @since 0.4.0 Every route of workos_login_auth_routes(), one handler.
 */
function workos_login_register_rest_routes(): void {
	foreach ( workos_login_auth_routes() as $route => $spec ) {
		register_rest_route(
			'workos/v1',
			'/auth/' . $route,
			array(
				'methods'             => WP_REST_Server::CREATABLE,
				'callback'            => 'workos_login_rest_step',
				'permission_callback' => 'workos_login_rest_permission',
				'args'                => $spec['args'],
			)
		);
	}
}
add_action( 'rest_api_init', 'workos_login_register_rest_routes' );

/**
 * The browser route a request was sent to.
 *
 * @since 0.4.0
 *
 * @param WP_REST_Request $request The request.
 * @return string A key of workos_login_auth_routes(), '' for none.
 */
function workos_login_auth_route_of( WP_REST_Request $request ): string {
	$route = 1 === preg_match( '#^/workos/v1/auth/([a-z_]+)$#', $request->get_route(), $match ) ? $match[1] : '';
	return isset( workos_login_auth_routes()[ $route ] ) ? $route : '';
}
