<?php
/**
 * Validation of the identity administration outcomes (protocol/admin.ts): `user`, `roles`,
 * `health`, `session_revoked`, `audit_forwarded`. Callers name the types they accept
 * in workos_login_server_request()'s third argument; anything off-contract becomes null there.
 *
 * @package WorkOS_Login
 * @since   0.3.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Validates one of the identity administration outcomes against its generated schema
 * (WORKOS_LOGIN_OUTCOME_SCHEMAS, from server/admin/identity-schemas.ts), then the rule a schema
 * cannot say: a logout URL is http(s). (An API key's `api_key_last4` is exactly 4 characters:
 * never more of a key than a screen shows.)
 *
 * @since 0.3.0
 * @since 0.6.0 Generated schemas; as strict as the login server's (no unknown field).
 *
 * @param array<string, mixed> $outcome Decoded JSON with one of the types above.
 * @return array<string, mixed>|null The outcome, or null.
 */
function workos_login_parse_identity_admin_outcome( array $outcome ): ?array {
	$parsed = workos_login_by_schema( $outcome, WORKOS_LOGIN_OUTCOME_SCHEMAS[ (string) $outcome['type'] ] ?? array( 'type' => 'null' ) );
	if ( null === $parsed ) {
		return null;
	}
	if ( 'session_revoked' === $parsed['type'] && null !== $parsed['logout_url'] && ! in_array( wp_parse_url( $parsed['logout_url'], PHP_URL_SCHEME ), array( 'http', 'https' ), true ) ) {
		return null;
	}
	return $parsed;
}
