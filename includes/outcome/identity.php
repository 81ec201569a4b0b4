<?php
/**
 * How an identity signed in (protocol `Identity.method`, `workos_method`, `impersonator`):
 * the names both sides know, and the rules of what the login server says about them that its
 * generated schema cannot say.
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
 * The rules of an `Identity`'s method fields that its generated schema cannot say (the login
 * server's zod refinements): `workos_method` only beside `unknown`; the impersonator's text
 * bounded in characters, without control characters, and a reason never empty.
 *
 * @since 0.6.0
 *
 * @param array<string, mixed> $identity An identity its schema accepted (workos_login_by_schema()).
 */
function workos_login_identity_rules_hold( array $identity ): bool {
	if ( array_key_exists( 'workos_method', $identity ) && 'unknown' !== $identity['method'] ) {
		return false;
	}
	if ( ! array_key_exists( 'impersonator', $identity ) ) {
		return true;
	}
	$reason = $identity['impersonator']['reason'];
	return workos_login_is_bounded_text( $identity['impersonator']['email'], WORKOS_LOGIN_IMPERSONATOR_EMAIL_MAX )
		&& ( null === $reason || ( '' !== $reason && workos_login_is_bounded_text( $reason, WORKOS_LOGIN_IMPERSONATOR_REASON_MAX ) ) );
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
