<?php
/**
 * The parts of an Outcome that passkeys add (protocol/passkeys.ts): `subject` on steps,
 * `second_factor` on identities, `passkey_used` / `passkey_registered` on `authenticated`, and
 * the `passkey_registered` outcome of a signed-in user's registration, checked against their
 * generated schemas (WORKOS_LOGIN_OUTCOME_SCHEMAS).
 *
 * @package WorkOS_Login
 * @since   0.5.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Copies a valid `subject` from the raw step outcome onto the parsed one.
 *
 * @since 0.5.0
 *
 * @param array<string, mixed>|null $parsed  The step parsed so far (null: already refused).
 * @param array<string, mixed>      $outcome The decoded outcome.
 * @return array<string, mixed>|null Null when `subject` is present but malformed.
 */
function workos_login_with_subject( ?array $parsed, array $outcome ): ?array {
	if ( null === $parsed || ! array_key_exists( 'subject', $outcome ) ) {
		return $parsed;
	}
	$subject = $outcome['subject'];
	// A WorkOS user id (protocol `LIMITS.idPattern`).
	if ( ! is_string( $subject ) || 1 !== preg_match( '/' . WORKOS_LOGIN_ID_PATTERN . '/', $subject ) ) {
		return null;
	}
	$parsed['subject'] = $subject;
	return $parsed;
}

/**
 * Copies valid `passkey_used` / `passkey_registered` from the raw `authenticated` outcome.
 *
 * @since 0.5.0
 *
 * @param array<string, mixed>|null $parsed  The outcome parsed so far (null: already refused).
 * @param array<string, mixed>      $outcome The decoded outcome.
 * @return array<string, mixed>|null Null when either is present but malformed.
 */
function workos_login_with_passkey_fields( ?array $parsed, array $outcome ): ?array {
	if ( null === $parsed ) {
		return null;
	}
	if ( array_key_exists( 'passkey_used', $outcome ) ) {
		$used = workos_login_parse_passkey_use( $outcome['passkey_used'] );
		if ( null === $used ) {
			return null;
		}
		$parsed['passkey_used'] = $used;
	}
	if ( array_key_exists( 'passkey_registered', $outcome ) ) {
		$credential = workos_login_parse_new_passkey( $outcome['passkey_registered'] );
		if ( null === $credential ) {
			return null;
		}
		$parsed['passkey_registered'] = $credential;
	}
	return $parsed;
}

/**
 * Validates a `PasskeyRegisteredOutcome` (its generated schema, from server/passkey-schemas.ts).
 *
 * @since 0.5.0
 * @since 0.6.0 Generated schema.
 *
 * @param array<string, mixed> $outcome Decoded JSON with `type` `passkey_registered`.
 * @return array{type: 'passkey_registered', credential: array{id: string, public_key: string, counter: int, transports: list<string>, device_type: string, backed_up: bool, aaguid: string}}|null
 */
function workos_login_parse_passkey_registered_outcome( array $outcome ): ?array {
	$parsed = workos_login_by_schema( $outcome, WORKOS_LOGIN_OUTCOME_SCHEMAS['passkey_registered'] );
	if ( null !== $parsed ) {
		$parsed['credential'] = workos_login_parse_new_passkey( $parsed['credential'] );
	}
	return $parsed;
}

/**
 * Validates a `PasskeyUse` (its generated schema).
 *
 * @since 0.5.0
 * @since 0.6.0 Generated schema.
 *
 * @param mixed $used Decoded JSON.
 * @return array{id: string, counter: int, backed_up: bool}|null
 */
function workos_login_parse_passkey_use( mixed $used ): ?array {
	return workos_login_by_schema( $used, WORKOS_LOGIN_OUTCOME_SCHEMAS['passkey_used'] );
}

/**
 * Validates a `NewPasskey` (its generated schema); each transport is kept once.
 *
 * @since 0.5.0
 * @since 0.6.0 Generated schema.
 *
 * @param mixed $credential Decoded JSON.
 * @return array{id: string, public_key: string, counter: int, transports: list<string>, device_type: string, backed_up: bool, aaguid: string}|null
 */
function workos_login_parse_new_passkey( mixed $credential ): ?array {
	$parsed = workos_login_by_schema( $credential, WORKOS_LOGIN_OUTCOME_SCHEMAS['new_passkey'] );
	if ( null !== $parsed ) {
		$parsed['transports'] = array_values( array_unique( $parsed['transports'] ) );
	}
	return $parsed;
}

/**
 * Whether a value is a credential id (`LIMITS.credentialIdPattern`).
 *
 * @since 0.5.0
 *
 * @param mixed $value Anything.
 */
function workos_login_is_credential_id( mixed $value ): bool {
	return is_string( $value ) && 1 === preg_match( '/' . WORKOS_LOGIN_CREDENTIAL_ID_PATTERN . '/', $value );
}
