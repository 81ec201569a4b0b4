<?php
/**
 * The parts of an Outcome that issue 4's flows add: `passthrough` (the choices sealed in an
 * OAuth state), `problems` (why a new password was refused), and the `reset_token` outcome.
 * Also the shared field limits (protocol `LIMITS`) PHP checks against.
 *
 * @package WorkOS_Login
 * @since   0.4.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Whether a sealed flow token is spelled the one way the login server spells it. Flows are marked
 * spent and rate-limited by their text: a second spelling of the same bytes (`flow~`, stray bits
 * in the last character) would be a second name for a spent or limited flow. The login server
 * refuses the same spellings.
 *
 * @since 0.6.0
 *
 * @param string $flow The token.
 */
function workos_login_flow_is_canonical( string $flow ): bool {
	if ( 1 !== preg_match( '/' . WORKOS_LOGIN_FLOW_PATTERN . '/', $flow ) ) {
		return false;
	}
	$encoded = substr( $flow, 3 );
	$bytes   = base64_decode( strtr( $encoded, '-_', '+/' ), true ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_decode -- a flow token's bytes, only compared.
	return false !== $bytes && rtrim( strtr( base64_encode( $bytes ), '+/', '-_' ), '=' ) === $encoded; // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- the canonical spelling of those bytes.
}

/**
 * Copies a valid `passthrough` from the raw outcome onto the parsed one.
 *
 * @since 0.4.0
 *
 * @param array<string, mixed> $parsed  The outcome parsed so far.
 * @param array<string, mixed> $outcome The decoded outcome.
 * @return array<string, mixed>|null Null when `passthrough` is present but malformed.
 */
function workos_login_with_passthrough( array $parsed, array $outcome ): ?array {
	if ( ! array_key_exists( 'passthrough', $outcome ) ) {
		return $parsed;
	}
	$passthrough = $outcome['passthrough'];
	if ( ! is_array( $passthrough ) || ! is_string( $passthrough['redirect_to'] ?? null ) || strlen( $passthrough['redirect_to'] ) > WORKOS_LOGIN_REDIRECT_MAX || ! is_bool( $passthrough['remember'] ?? null ) ) {
		return null;
	}
	$parsed['passthrough'] = array(
		'redirect_to' => $passthrough['redirect_to'],
		'remember'    => $passthrough['remember'],
	);
	return $parsed;
}

/**
 * Validates a `ResetTokenOutcome`.
 *
 * @since 0.4.0
 *
 * @param array<string, mixed> $outcome Decoded JSON with `type` `reset_token`.
 * @return array{type: 'reset_token', email: string, token: string|null, expires_at: string|null}|null
 */
function workos_login_parse_reset_token_outcome( array $outcome ): ?array {
	$email    = $outcome['email'] ?? null;
	$token    = array_key_exists( 'token', $outcome ) ? $outcome['token'] : false;
	$expires  = array_key_exists( 'expires_at', $outcome ) ? $outcome['expires_at'] : false;
	$token_ok = null === $token || ( is_string( $token ) && strlen( $token ) <= WORKOS_LOGIN_TOKEN_MAX && 1 === preg_match( '/' . WORKOS_LOGIN_TOKEN_PATTERN . '/', $token ) );
	if ( ! is_string( $email ) || ! is_email( $email ) || ! $token_ok || ! ( null === $expires || is_string( $expires ) ) ) {
		return null;
	}
	return array(
		'type'       => 'reset_token',
		'email'      => $email,
		'token'      => $token,
		'expires_at' => $expires,
	);
}
