<?php
/**
 * The parts of an Outcome that passkeys add (protocol/passkeys.ts): `subject` on steps,
 * `second_factor` on identities, `passkey_used` / `passkey_registered` on `authenticated`, and
 * the `passkey_registered` outcome of a signed-in user's registration. Also the WebAuthn limits
 * (protocol `LIMITS`) PHP checks against.
 *
 * @package WorkOS_Login
 * @since   0.5.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** WebAuthn transports (`usb`, `nfc`, `ble`, `internal`, `hybrid`, `smart-card`…), as the login server accepts them. */
const WORKOS_LOGIN_PASSKEY_TRANSPORT_PATTERN = '^[a-z-]{1,32}\z';

/** At most this many transports per credential (the login server's limit). */
const WORKOS_LOGIN_PASSKEY_TRANSPORTS_MAX = 8;

/** Protocol `PasskeyDeviceType`. */
const WORKOS_LOGIN_PASSKEY_DEVICE_TYPES = array( 'singleDevice', 'multiDevice' );

/** WorkOS user ids as a step's `subject` carries them. */
const WORKOS_LOGIN_SUBJECT_PATTERN = '/^[A-Za-z0-9_]{1,64}$/D';

/** An authenticator model id (`xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`). */
const WORKOS_LOGIN_AAGUID_PATTERN = '/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/D';

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
	if ( ! is_string( $subject ) || 1 !== preg_match( WORKOS_LOGIN_SUBJECT_PATTERN, $subject ) ) {
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
 * Validates a `PasskeyRegisteredOutcome`.
 *
 * @since 0.5.0
 *
 * @param array<string, mixed> $outcome Decoded JSON with `type` `passkey_registered`.
 * @return array{type: 'passkey_registered', credential: array{id: string, public_key: string, counter: int, transports: list<string>, device_type: string, backed_up: bool, aaguid: string}}|null
 */
function workos_login_parse_passkey_registered_outcome( array $outcome ): ?array {
	$credential = workos_login_parse_new_passkey( $outcome['credential'] ?? null );
	return null === $credential ? null : array(
		'type'       => 'passkey_registered',
		'credential' => $credential,
	);
}

/**
 * Validates a `PasskeyUse`.
 *
 * @since 0.5.0
 *
 * @param mixed $used Decoded JSON.
 * @return array{id: string, counter: int, backed_up: bool}|null
 */
function workos_login_parse_passkey_use( mixed $used ): ?array {
	if ( ! is_array( $used ) || ! workos_login_is_credential_id( $used['id'] ?? null ) || ! is_int( $used['counter'] ?? null ) || $used['counter'] < 0 || ! is_bool( $used['backed_up'] ?? null ) ) {
		return null;
	}
	return array(
		'id'        => $used['id'],
		'counter'   => $used['counter'],
		'backed_up' => $used['backed_up'],
	);
}

/**
 * Validates a `NewPasskey`.
 *
 * @since 0.5.0
 *
 * @param mixed $credential Decoded JSON.
 * @return array{id: string, public_key: string, counter: int, transports: list<string>, device_type: string, backed_up: bool, aaguid: string}|null
 */
function workos_login_parse_new_passkey( mixed $credential ): ?array {
	if ( ! is_array( $credential ) ) {
		return null;
	}
	$key        = $credential['public_key'] ?? null;
	$transports = workos_login_parse_transports( $credential['transports'] ?? null );
	$ok         = workos_login_is_credential_id( $credential['id'] ?? null )
		&& is_string( $key ) && strlen( $key ) <= WORKOS_LOGIN_WEBAUTHN_FIELD_MAX && 1 === preg_match( '/^[A-Za-z0-9_-]+$/', $key )
		&& is_int( $credential['counter'] ?? null ) && $credential['counter'] >= 0
		&& null !== $transports
		&& in_array( $credential['device_type'] ?? null, WORKOS_LOGIN_PASSKEY_DEVICE_TYPES, true )
		&& is_bool( $credential['backed_up'] ?? null )
		&& is_string( $credential['aaguid'] ?? null ) && 1 === preg_match( WORKOS_LOGIN_AAGUID_PATTERN, $credential['aaguid'] );
	if ( ! $ok ) {
		return null;
	}
	return array(
		'id'          => $credential['id'],
		'public_key'  => $key,
		'counter'     => $credential['counter'],
		'transports'  => $transports,
		'device_type' => $credential['device_type'],
		'backed_up'   => $credential['backed_up'],
		'aaguid'      => $credential['aaguid'],
	);
}

/**
 * Validates a list of WebAuthn transports: short lowercase words, at most
 * WORKOS_LOGIN_PASSKEY_TRANSPORTS_MAX, kept once each.
 *
 * @since 0.5.0
 *
 * @param mixed $transports Decoded JSON.
 * @return list<string>|null Null when malformed.
 */
function workos_login_parse_transports( mixed $transports ): ?array {
	if ( ! is_array( $transports ) || ! array_is_list( $transports ) || count( $transports ) > WORKOS_LOGIN_PASSKEY_TRANSPORTS_MAX ) {
		return null;
	}
	foreach ( $transports as $transport ) {
		if ( ! is_string( $transport ) || 1 !== preg_match( '/' . WORKOS_LOGIN_PASSKEY_TRANSPORT_PATTERN . '/', $transport ) ) {
			return null;
		}
	}
	return array_values( array_unique( $transports ) );
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
