<?php
/**
 * What a browser route may do on a Login Profile, and what it forwards: the profile check
 * (`method_disabled`), the envelope's `input` (protocol `StepInputs`), the visitor's choices.
 *
 * @package WorkOS_Login
 * @since   0.4.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Whether the profile offers what the request asks for (the route's `offered`, see
 * workos_login_auth_routes()).
 *
 * @since 0.4.0
 * @since 0.6.0 From the route's row.
 *
 * @param string               $route   Browser route.
 * @param array<string, mixed> $profile The `LoginProfile`.
 * @param WP_REST_Request      $request The request (validated by the route's args).
 * @return array{0: string, 1: int}|null `[error code, HTTP status]` when refused, null when allowed.
 */
function workos_login_auth_route_refusal( string $route, array $profile, WP_REST_Request $request ): ?array {
	$disabled = array( 'method_disabled', 403 );
	$offered  = workos_login_auth_routes()[ $route ]['offered'];
	$kind     = (string) ( $request['kind'] ?? '' );
	if ( 'authorize' === $offered && null === workos_login_authorize_target( $request ) ) {
		return array( 'invalid_request', 400 );
	}
	// A continuation, or a passkey as the second factor of a sign-in under way.
	if ( '' === $offered || ( 'passkey' === $offered && is_string( $request['flow'] ) ) ) {
		return null;
	}
	// Hosted AuthKit: WorkOS's page does the rest; this profile starts nothing else.
	if ( 'authkit_redirect' === $profile['mode'] ) {
		return 'authorize' === $offered && 'authkit' === $kind ? null : $disabled;
	}
	$methods = (array) $profile['methods'];
	$allowed = match ( $offered ) {
		'authorize'                     => match ( $kind ) {
			'oauth'            => in_array( 'oauth_' . $request['provider'], $methods, true ),
			'sso'              => in_array( 'sso', $methods, true ),
			'sso_organization' => in_array( 'sso', $methods, true ) && is_string( $profile['organization_id'] ) && '' !== $profile['organization_id'],
			default            => false, // `authkit` belongs to AuthKit profiles.
		},
		'signup'                        => ! empty( $profile['signup']['enabled'] ),
		'invitations', 'password_reset' => ! empty( $profile[ $offered ] ),
		default                         => in_array( $offered, $methods, true ),
	};
	return $allowed ? null : $disabled;
}

/**
 * The `authorize` request's target (protocol `AuthorizeTarget`), or null when its fields do not
 * fit its kind.
 *
 * @since 0.4.0
 *
 * @param WP_REST_Request $request The request.
 * @return array{kind: string, provider?: string, email?: string, screen_hint?: string}|null
 */
function workos_login_authorize_target( WP_REST_Request $request ): ?array {
	$kind = (string) $request['kind'];
	switch ( $kind ) {
		case 'oauth':
			return is_string( $request['provider'] ) ? array(
				'kind'     => 'oauth',
				'provider' => $request['provider'],
			) : null;
		case 'sso':
			return is_string( $request['email'] ) && '' !== $request['email'] ? array(
				'kind'  => 'sso',
				'email' => $request['email'],
			) : null;
		case 'sso_organization':
			return array( 'kind' => 'sso_organization' );
		case 'authkit':
			$target = array( 'kind' => 'authkit' );
			if ( is_string( $request['screen_hint'] ) ) {
				$target['screen_hint'] = $request['screen_hint'];
			}
			return $target;
	}
	return null;
}

/**
 * The visitor's choices and the profile's settings that login completion needs.
 *
 * @since 0.4.0
 *
 * @param array<string, mixed> $profile     The `LoginProfile`.
 * @param string               $redirect_to The requested destination, raw ('' for none).
 * @param bool                 $remember    The visitor's remember-me choice.
 * @return array{redirect_to: string, remember: bool, post_login_redirect: string, profile: string, organization_id: string|null}
 */
function workos_login_auth_choices( array $profile, string $redirect_to, bool $remember ): array {
	return array(
		'redirect_to'         => $redirect_to,
		'remember'            => workos_login_profile_remember( $profile, $remember ),
		// The profile's destination applies when the request names none (see redirect.php); its
		// required organization is what the entitlement gate checks (see completion.php).
		'post_login_redirect' => (string) ( $profile['post_login_redirect'] ?? '' ),
		'profile'             => (string) $profile['slug'],
		'organization_id'     => workos_login_required_organization( $profile ),
	);
}

/**
 * The envelope's `input` for a route (protocol `StepInputs[route]`).
 *
 * @since 0.4.0
 *
 * @since 0.5.0 The passkey routes (passkeys/routes-auth.php); `{}` for `passkey_options`.
 *
 * @param string                                     $route   Browser route.
 * @param WP_REST_Request                            $request The request (validated).
 * @param array{redirect_to: string, remember: bool} $choices workos_login_auth_choices().
 * @return array<string, mixed>|stdClass
 */
function workos_login_auth_input( string $route, WP_REST_Request $request, array $choices ): array|stdClass {
	if ( str_starts_with( $route, 'passkey_' ) ) {
		return workos_login_passkey_auth_input( $route, $request );
	}
	if ( 'authorize' === $route ) {
		// Sealed in the OAuth state and handed back by the callback: validated now.
		return array(
			'request'     => workos_login_authorize_target( $request ),
			'redirect_to' => workos_login_requested_redirect( $choices['redirect_to'] ),
			'remember'    => $choices['remember'],
		);
	}
	// The route's own fields: its body but what every route carries besides its input.
	$fields = array_diff( array_keys( workos_login_auth_routes()[ $route ]['args'] ), array( 'profile', 'redirect_to', 'remember', 'flow' ) );
	$input  = array();
	foreach ( $fields as $field ) {
		if ( is_string( $request[ $field ] ) ) {
			$input[ $field ] = $request[ $field ];
		}
	}
	return $input;
}
