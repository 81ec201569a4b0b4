<?php
/**
 * How an identity signed in (protocol `Identity.method`, `workos_method`, `impersonator`):
 * the names both sides know, and the check of what the login server says about them.
 *
 * A profile offers only `WORKOS_LOGIN_METHODS`; WorkOS's hosted pages (AuthKit) and WorkOS
 * itself sign people in other ways too, which are recorded, never offered. A method this
 * version does not know arrives as `unknown` with WorkOS's own name beside it.
 *
 * @package WorkOS_Login
 * @since   0.3.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Validates the method fields of an `Identity`.
 *
 * @since 0.6.0
 *
 * @param array<string, mixed> $identity Decoded JSON.
 * @return array{method: string, workos_method?: string, impersonator?: array{email: string, reason: string|null}}|null
 *         The fields, or null when they do not match the contract.
 */
function workos_login_parse_identity_method( array $identity ): ?array {
	$method = $identity['method'] ?? null;
	if ( ! in_array( $method, WORKOS_LOGIN_IDENTITY_METHODS, true ) ) {
		return null;
	}
	$fields = array( 'method' => $method );
	if ( array_key_exists( 'workos_method', $identity ) ) {
		$named = $identity['workos_method'];
		if ( 'unknown' !== $method || ! is_string( $named ) || 1 !== preg_match( '/' . WORKOS_LOGIN_WORKOS_METHOD_PATTERN . '/', $named ) ) {
			return null;
		}
		$fields['workos_method'] = $named;
	}
	if ( array_key_exists( 'impersonator', $identity ) ) {
		$impersonator = workos_login_parse_impersonator( $identity['impersonator'] );
		if ( null === $impersonator ) {
			return null;
		}
		$fields['impersonator'] = $impersonator;
	}
	return $fields;
}

/**
 * Validates an `Impersonator`: exactly `email` and `reason`, bounded, no control characters.
 *
 * @since 0.6.0
 *
 * @param mixed $impersonator Decoded JSON.
 * @return array{email: string, reason: string|null}|null
 */
function workos_login_parse_impersonator( mixed $impersonator ): ?array {
	if ( ! is_array( $impersonator ) ) {
		return null;
	}
	$keys = array_keys( $impersonator );
	sort( $keys );
	if ( array( 'email', 'reason' ) !== $keys ) {
		return null;
	}
	$email  = $impersonator['email'];
	$reason = $impersonator['reason'];
	$ok     = workos_login_is_bounded_text( $email, WORKOS_LOGIN_IMPERSONATOR_EMAIL_MAX )
		&& ( null === $reason || ( '' !== $reason && workos_login_is_bounded_text( $reason, WORKOS_LOGIN_IMPERSONATOR_REASON_MAX ) ) );
	return $ok ? array(
		'email'  => $email,
		'reason' => $reason,
	) : null;
}

/**
 * Whether a value is a string of at most `$max` characters without control characters.
 *
 * @since 0.6.0
 *
 * @param mixed $value Anything.
 * @param int   $max   Most characters (code points).
 */
function workos_login_is_bounded_text( mixed $value, int $max ): bool {
	return is_string( $value ) && mb_strlen( $value, 'UTF-8' ) <= $max && 1 !== preg_match( '/\p{Cc}/u', $value );
}
