<?php
/**
 * What leaves WordPress of a stored passkey: the owner's and administrators' view
 * (`PasskeySummary`, never the public key) and the login server's (`StoredPasskey`).
 *
 * @package WorkOS_Login
 * @since   0.5.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Protocol `PasskeySummary` of a row.
 *
 * @since 0.5.0
 *
 * @param array<string, string|null> $row A row of the passkeys table.
 * @return array{id: string, name: string, created_at: string, last_used_at: string|null, device_type: string, backed_up: bool, transports: list<string>}
 */
function workos_login_passkey_summary( array $row ): array {
	return array(
		'id'           => (string) $row['credential_id'],
		'name'         => (string) $row['name'],
		'created_at'   => (string) workos_login_passkey_iso_time( $row['created_at'] ),
		'last_used_at' => workos_login_passkey_iso_time( $row['last_used_at'] ?? null ),
		'device_type'  => 'multiDevice' === $row['device_type'] ? 'multiDevice' : 'singleDevice',
		'backed_up'    => '1' === (string) $row['backed_up'],
		'transports'   => workos_login_passkey_transports( (string) $row['transports'] ),
	);
}

/**
 * Protocol `StoredPasskey` of a row: what the login server verifies an assertion with.
 *
 * @since 0.5.0
 *
 * @param array<string, string|null> $row A row of the passkeys table.
 * @return array{id: string, public_key: string, counter: int, transports: list<string>, user_id: string}
 */
function workos_login_passkey_stored( array $row ): array {
	return array(
		'id'         => (string) $row['credential_id'],
		'public_key' => (string) $row['public_key'],
		'counter'    => (int) $row['counter'],
		'transports' => workos_login_passkey_transports( (string) $row['transports'] ),
		'user_id'    => (string) $row['workos_user_id'],
	);
}

/**
 * The stored comma list of transports as a list.
 *
 * @since 0.5.0
 *
 * @param string $stored `internal,hybrid`.
 * @return list<string>
 */
function workos_login_passkey_transports( string $stored ): array {
	$valid = static fn ( string $t ): bool => 1 === preg_match( '/' . WORKOS_LOGIN_PASSKEY_TRANSPORT_PATTERN . '/', $t );
	return array_slice( array_values( array_filter( explode( ',', $stored ), $valid ) ), 0, WORKOS_LOGIN_PASSKEY_TRANSPORTS_MAX );
}

/**
 * A stored UTC datetime as ISO 8601 (`2026-11-23T10:00:00Z`).
 *
 * @since 0.5.0
 *
 * @param string|null $datetime `Y-m-d H:i:s` (UTC), or null.
 * @return string|null Null for null or an unreadable value.
 */
function workos_login_passkey_iso_time( ?string $datetime ): ?string {
	$time = null === $datetime || '' === $datetime ? false : strtotime( $datetime . ' UTC' );
	return false === $time ? null : gmdate( 'Y-m-d\TH:i:s\Z', $time );
}

/**
 * The WebAuthn user handle of a WorkOS user: base64url of the UTF-8 bytes of its id (how the
 * login server creates passkeys, protocol `PasskeyUser`).
 *
 * @since 0.5.0
 *
 * @param string $workos_user_id WorkOS user id.
 */
function workos_login_passkey_user_handle( string $workos_user_id ): string {
	return rtrim( strtr( base64_encode( $workos_user_id ), '+/', '-_' ), '=' ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- base64url of an id, not obfuscation.
}

