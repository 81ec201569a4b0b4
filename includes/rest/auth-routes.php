<?php
/**
 * The browser routes `POST /wp-json/workos/v1/auth/<route>` (protocol `BrowserRoute`): one row
 * per route with every rule of it — its REST arguments (generated from the protocol), what the
 * profile must offer, its limits, one-time flows, outcome types, answer floor, flow tags and audit
 * events. One handler serves them all (auth-steps.php).
 *
 * @package WorkOS_Login
 * @since   0.4.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Every browser route, declared once.
 *
 * - `args`: the route's body (protocol `BrowserRoute` request, generated into
 *   WORKOS_LOGIN_REQUEST_SCHEMAS from server/browser-schemas.ts).
 * - `offered`: what the Login Profile must offer for the route to start a sign-in — a method
 *   (`password`, `magic_code`, `passkey`), `authorize` (by the target's kind), `signup`,
 *   `invitations` or `password_reset`; '' for a route that only continues a flow the login
 *   server sealed for this profile (allowed on every profile, AuthKit ones included: a callback
 *   may resume at them). See workos_login_auth_route_refusal().
 * - `limit`: the per-email limit counted (workos_login_rate_limits()), '' for none.
 * - `once`: the request's flow may complete only once (a verification moved past it).
 * - `types`: the outcome types the login server may answer with.
 * - `floor`: `always` when every answer waits for the answer floor (the route answers the same
 *   whatever the email), `failure` when only its refusals do (a wrong password), '' for none.
 * - `passthrough`: a first factor WorkOS may answer with `sso_required`; the visitor's choices
 *   travel along to be sealed into the OAuth state.
 * - `tag`: the flows this route starts carry its name, so the steps continuing them know how
 *   they started (the audit log's `signup`, `mfa_enrolled`).
 * - `audit`: the audit events of the route's answers: `ok` on success; `ok:<tag>` on success of a
 *   flow tagged so; `<error code>` on that refusal (includes/audit/listeners-flows.php).
 *
 * @since 0.4.0
 * @since 0.5.0 The passkey routes.
 * @since 0.6.0 Arguments generated from the protocol; every rule of a route in its row.
 *
 * @return array<string, array{args: array<string, array<string, mixed>>, offered: string, limit: string, once: bool, types: string[], floor: string, passthrough: bool, tag: bool, audit: array<string, string>}>
 */
function workos_login_auth_routes(): array {
	static $routes = null;
	if ( null !== $routes ) {
		return $routes;
	}
	$continues = array( 'offered' => '' );
	$rows      = array(
		// `flow` on first factors: an invitation read by `invitation` (sign in and accept it).
		'password'                 => array(
			'offered'     => 'password',
			'limit'       => 'password',
			'floor'       => 'failure',
			'passthrough' => true,
		),
		'magic_code_send'          => array(
			'offered'     => 'magic_code',
			'limit'       => 'magic_code',
			'types'       => array( 'step' ),
			'floor'       => 'always',
			'passthrough' => true,
		),
		'magic_code_verify'        => array(
			'offered'     => 'magic_code',
			'once'        => true,
			'passthrough' => true,
		),
		'authorize'                => array(
			'offered' => 'authorize',
			'types'   => array( 'redirect' ),
		),
		'signup'                   => array(
			'offered' => 'signup',
			'limit'   => 'signup',
			'floor'   => 'always',
			'tag'     => true,
		),
		'email_verify'             => array( 'once' => true ) + $continues,
		'invitation'               => array(
			'offered' => 'invitations',
			'types'   => array( 'step' ),
		),
		'reset_request'            => array(
			'offered' => 'password_reset',
			'limit'   => 'reset',
			'types'   => array( 'reset_token' ),
			'floor'   => 'always',
		),
		'reset_confirm'            => array(
			'offered' => 'password_reset',
			'audit'   => array( 'ok' => 'password_reset' ),
		),
		'mfa_enroll'               => array( 'tag' => true ) + $continues,
		'mfa_challenge'            => $continues,
		'mfa_verify'               => array(
			'once'  => true,
			'audit' => array(
				'ok:mfa_enroll' => 'mfa_enrolled',
				'invalid_code'  => 'mfa_challenge_failed',
			),
		) + $continues,
		'org_select'               => array( 'once' => true ) + $continues,
		// Passkeys (passkeys/routes-auth.php): IP and flow limits only, never an email bucket.
		// Without a flow, `passkey_options` starts a usernameless sign-in; with an MFA step's flow,
		// it is that sign-in's second factor (a continuation).
		'passkey_options'          => array(
			'offered' => 'passkey',
			'types'   => array( 'step' ),
		),
		'passkey_verify'           => array(
			'once'  => true,
			'types' => array( 'step', 'authenticated' ),
		) + $continues,
		'passkey_register_options' => array( 'types' => array( 'step' ) ) + $continues,
		'passkey_register_verify'  => array(
			'once'  => true,
			'types' => array( 'step', 'authenticated' ),
		) + $continues,
	);
	$routes = array();
	foreach ( $rows as $route => $row ) {
		$routes[ $route ] = array( 'args' => workos_login_rest_args_from_schema( WORKOS_LOGIN_REQUEST_SCHEMAS[ $route ] ) ) + $row + array(
			'limit'       => '',
			'once'        => false,
			'types'       => array( 'step', 'redirect', 'authenticated' ),
			'floor'       => '',
			'passthrough' => false,
			'tag'         => false,
			'audit'       => array(),
		);
	}
	return $routes;
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
