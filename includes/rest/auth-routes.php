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

/** `LIMITS.codePattern`. */
const WORKOS_LOGIN_CODE_PATTERN = '^[0-9]{6}$';

/** `LIMITS.idPattern`: WorkOS ids (`org_…`, `auth_factor_…`). */
const WORKOS_LOGIN_ID_PATTERN = '^[a-z_]{2,32}_[A-Za-z0-9]{1,64}$';

/** `LIMITS.phonePattern` (E.164). */
const WORKOS_LOGIN_PHONE_PATTERN = '^\+[1-9][0-9]{6,14}$';

/** Protocol `OAuthProvider`. */
const WORKOS_LOGIN_OAUTH_PROVIDERS = array( 'google', 'microsoft', 'github', 'apple' );

/**
 * Every browser route.
 *
 * `limit`: the per-email limit counted (workos_login_rate_limits()), '' for none. `once`: the
 * request's flow may complete only once (a verification moved past it). `types`: the outcome
 * types the login server may answer with.
 *
 * @since 0.4.0
 * @since 0.5.0 The passkey routes.
 *
 * @return array<string, array{args: array<string, array<string, mixed>>, limit: string, once: bool, types: string[]}>
 */
function workos_login_auth_routes(): array {
	$code      = array(
		'type'     => 'string',
		'pattern'  => WORKOS_LOGIN_CODE_PATTERN,
		'required' => true,
	);
	$flow      = workos_login_rest_flow_arg( true );
	$invite    = workos_login_rest_flow_arg( false );
	$email     = array(
		'type'      => 'string',
		'format'    => 'email',
		'maxLength' => 254,
		'required'  => true,
	);
	$password  = array(
		'type'      => 'string',
		'minLength' => 1,
		'maxLength' => 1024,
		'required'  => true,
	);
	$name      = array(
		'type'      => 'string',
		'minLength' => 1,
		'maxLength' => 128,
		'required'  => true,
	);
	$id        = array(
		'type'     => 'string',
		'pattern'  => WORKOS_LOGIN_ID_PATTERN,
		'required' => true,
	);
	$row       = static function ( array $args, string $limit = '', bool $once = false, array $types = array( 'step', 'redirect', 'authenticated' ) ): array {
		return compact( 'args', 'limit', 'once', 'types' );
	};

	return array(
		// `flow` on first factors: an invitation read by `invitation` (sign in and accept it).
		'password'                 => $row( compact( 'email', 'password' ) + array( 'flow' => $invite ), 'password' ),
		'magic_code_send'          => $row( compact( 'email' ) + array( 'flow' => $invite ), 'magic_code', false, array( 'step' ) ),
		'magic_code_verify'        => $row( compact( 'code', 'flow' ), '', true ),
		'authorize'                => $row(
			array(
				'kind'        => array(
					'type'     => 'string',
					'enum'     => array( 'oauth', 'sso', 'sso_organization', 'authkit' ),
					'required' => true,
				),
				'provider'    => array(
					'type' => 'string',
					'enum' => WORKOS_LOGIN_OAUTH_PROVIDERS,
				),
				'email'       => array( 'required' => false ) + $email,
				'screen_hint' => array(
					'type' => 'string',
					'enum' => array( 'sign-in', 'sign-up' ),
				),
				'flow'        => $invite,
			),
			'',
			false,
			array( 'redirect' )
		),
		'signup'                   => $row(
			compact( 'email', 'password' ) + array(
				'first_name' => $name,
				'last_name'  => $name,
				'flow'       => $invite,
			),
			'signup'
		),
		'email_verify'             => $row( compact( 'code', 'flow' ), '', true ),
		'invitation'               => $row( array( 'invitation_token' => workos_login_rest_token_arg( true ) ), '', false, array( 'step' ) ),
		'reset_request'            => $row( compact( 'email' ), 'reset', false, array( 'reset_token' ) ),
		'reset_confirm'            => $row(
			array(
				'token'    => workos_login_rest_token_arg( true ),
				'password' => $password,
			)
		),
		'mfa_enroll'               => $row(
			array(
				'type'         => array(
					'type'     => 'string',
					'enum'     => array( 'totp', 'sms' ),
					'required' => true,
				),
				'phone_number' => array(
					'type'    => 'string',
					'pattern' => WORKOS_LOGIN_PHONE_PATTERN,
				),
				'flow'         => $flow,
			)
		),
		'mfa_challenge'            => $row( array( 'factor_id' => $id ) + compact( 'flow' ) ),
		'mfa_verify'               => $row( compact( 'code', 'flow' ), '', true ),
		'org_select'               => $row( array( 'organization_id' => $id ) + compact( 'flow' ), '', true ),
		// Passkeys (passkeys/routes-auth.php): IP and flow limits only, never an email bucket.
		// Without a flow, `passkey_options` starts a usernameless sign-in; with an MFA step's flow,
		// it is that sign-in's second factor.
		'passkey_options'          => $row( array( 'flow' => $invite ), '', false, array( 'step' ) ),
		'passkey_verify'           => $row(
			array(
				'flow'     => $flow,
				'response' => workos_login_passkey_response_arg( false ),
			),
			'',
			true,
			array( 'step', 'authenticated' )
		),
		'passkey_register_options' => $row( compact( 'flow' ), '', false, array( 'step' ) ),
		'passkey_register_verify'  => $row(
			array(
				'flow'     => $flow,
				'response' => workos_login_passkey_response_arg( true ),
			),
			'',
			true,
			array( 'step', 'authenticated' )
		),
	);
}

/**
 * A token argument: sealed flows, invitation and reset tokens (`LIMITS.tokenMax`, URL-safe).
 *
 * @since 0.4.0
 *
 * @param bool $required Whether the route needs it.
 * @return array<string, mixed>
 */
function workos_login_rest_token_arg( bool $required ): array {
	return array(
		'type'      => 'string',
		'minLength' => 1,
		'maxLength' => WORKOS_LOGIN_TOKEN_MAX,
		'pattern'   => WORKOS_LOGIN_TOKEN_PATTERN,
		'required'  => $required,
	);
}

/**
 * A sealed flow argument: its one canonical spelling only (workos_login_flow_is_canonical()).
 *
 * @since 0.6.0
 *
 * @param bool $required Whether the route needs it.
 * @return array<string, mixed>
 */
function workos_login_rest_flow_arg( bool $required ): array {
	return array(
		'pattern'           => WORKOS_LOGIN_FLOW_PATTERN,
		'validate_callback' => 'workos_login_rest_validate_flow',
	) + workos_login_rest_token_arg( $required );
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
				'args'                => workos_login_rest_common_args() + $spec['args'],
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
