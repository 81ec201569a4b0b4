<?php
/**
 * Reading and writing passkeys (passkeys/schema.php): by credential id (through its hash), by
 * WordPress user and by WorkOS user. Never the public key outside this file and the envelope to
 * the login server.
 *
 * @package WorkOS_Login
 * @since   0.5.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The stored key of a credential id: its SHA-256, hex.
 *
 * @since 0.5.0
 *
 * @param string $credential_id Credential id, base64url.
 */
function workos_login_passkey_hash( string $credential_id ): string {
	return hash( 'sha256', $credential_id );
}

/**
 * A passkey by its credential id.
 *
 * @since 0.5.0
 *
 * @param string $credential_id Credential id, base64url.
 * @return array<string, string>|null The row (every column as a string; `last_used_at` may be null).
 */
function workos_login_passkey_find( string $credential_id ): ?array {
	if ( ! workos_login_is_credential_id( $credential_id ) || ! workos_login_passkeys_maybe_upgrade() ) {
		return null;
	}
	global $wpdb;
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- the plugin's own table; a credential must never be served stale.
	$row = $wpdb->get_row( $wpdb->prepare( 'SELECT * FROM %i WHERE credential_hash = %s', workos_login_passkeys_table(), workos_login_passkey_hash( $credential_id ) ), ARRAY_A );
	return is_array( $row ) && hash_equals( (string) $row['credential_id'], $credential_id ) ? $row : null;
}

/**
 * A WordPress user's passkeys, oldest first.
 *
 * @since 0.5.0
 *
 * @param int $user_id WordPress user id.
 * @return list<array<string, string>>
 */
function workos_login_passkeys_of_user( int $user_id ): array {
	if ( $user_id <= 0 || ! workos_login_passkeys_maybe_upgrade() ) {
		return array();
	}
	global $wpdb;
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- the plugin's own table.
	$rows = $wpdb->get_results( $wpdb->prepare( 'SELECT * FROM %i WHERE user_id = %d ORDER BY id ASC', workos_login_passkeys_table(), $user_id ), ARRAY_A );
	return is_array( $rows ) ? array_values( $rows ) : array();
}

/**
 * How many passkeys each of some WordPress users has (one query, for the Users list).
 *
 * @since 0.5.0
 *
 * @param int[] $user_ids WordPress user ids.
 * @return array<int, int> User id → count (users without passkeys are absent).
 */
function workos_login_passkey_counts( array $user_ids ): array {
	$user_ids = array_values( array_filter( array_map( 'intval', $user_ids ), static fn ( int $id ): bool => $id > 0 ) );
	if ( ! $user_ids || ! workos_login_passkeys_maybe_upgrade() ) {
		return array();
	}
	global $wpdb;
	$placeholders = implode( ',', array_fill( 0, count( $user_ids ), '%d' ) );
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- the plugin's own table; $placeholders is one %d per id.
	$rows   = $wpdb->get_results( $wpdb->prepare( "SELECT user_id, COUNT(*) AS n FROM %i WHERE user_id IN ($placeholders) GROUP BY user_id", workos_login_passkeys_table(), ...$user_ids ), ARRAY_A );
	$counts = array();
	foreach ( is_array( $rows ) ? $rows : array() as $row ) {
		$counts[ (int) $row['user_id'] ] = (int) $row['n'];
	}
	return $counts;
}

/**
 * How many passkeys a WorkOS user has on this site.
 *
 * @since 0.5.0
 *
 * @param string $workos_user_id WorkOS user id.
 */
function workos_login_passkeys_count_for_workos_user( string $workos_user_id ): int {
	if ( '' === $workos_user_id || ! workos_login_passkeys_maybe_upgrade() ) {
		return 0;
	}
	global $wpdb;
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- the plugin's own table.
	return (int) $wpdb->get_var( $wpdb->prepare( 'SELECT COUNT(*) FROM %i WHERE workos_user_id = %s', workos_login_passkeys_table(), $workos_user_id ) );
}

/**
 * Stores a credential the login server verified at registration.
 *
 * @since 0.5.0
 *
 * @param int                                                                                                                                 $user_id        WordPress user.
 * @param string                                                                                                                              $workos_user_id Its WorkOS user id.
 * @param array{id: string, public_key: string, counter: int, transports: list<string>, device_type: string, backed_up: bool, aaguid: string} $credential     Protocol `NewPasskey`.
 * @param string                                                                                                                              $name           Name chosen ('' for one from the device type and date).
 * @return array<string, string>|WP_Error The stored row, or `passkey_exists` (409) / `internal_error` (500).
 */
function workos_login_passkey_insert( int $user_id, string $workos_user_id, array $credential, string $name = '' ): array|WP_Error {
	if ( ! workos_login_passkeys_maybe_upgrade() ) {
		return new WP_Error( 'internal_error', __( 'The passkey could not be saved.', 'workos-login' ), array( 'status' => 500 ) );
	}
	global $wpdb;
	$name       = workos_login_passkey_clean_name( $name );
	$suppressed = $wpdb->suppress_errors( true );
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- the plugin's own table.
	$inserted = $wpdb->insert(
		workos_login_passkeys_table(),
		array(
			'credential_hash' => workos_login_passkey_hash( $credential['id'] ),
			'credential_id'   => $credential['id'],
			'user_id'         => $user_id,
			'workos_user_id'  => $workos_user_id,
			'public_key'      => $credential['public_key'],
			'counter'         => $credential['counter'],
			'transports'      => workos_login_passkey_transports_column( $credential['transports'] ),
			'device_type'     => $credential['device_type'],
			'backed_up'       => $credential['backed_up'] ? 1 : 0,
			'aaguid'          => $credential['aaguid'],
			'name'            => '' !== $name ? $name : workos_login_passkey_default_name( $credential['device_type'] ),
			'created_at'      => gmdate( 'Y-m-d H:i:s' ),
		),
		array( '%s', '%s', '%d', '%s', '%s', '%d', '%s', '%s', '%d', '%s', '%s', '%s' )
	);
	$wpdb->suppress_errors( $suppressed );
	$row = workos_login_passkey_find( $credential['id'] );
	if ( 1 !== $inserted ) {
		if ( null !== $row ) {
			return new WP_Error( 'passkey_exists', __( 'This passkey is already registered.', 'workos-login' ), array( 'status' => 409 ) );
		}
		workos_login_log( 'a passkey could not be stored.' );
		return new WP_Error( 'internal_error', __( 'The passkey could not be saved.', 'workos-login' ), array( 'status' => 500 ) );
	}
	return null !== $row ? $row : new WP_Error( 'internal_error', __( 'The passkey could not be saved.', 'workos-login' ), array( 'status' => 500 ) );
}

/**
 * Records a verified assertion: the new counter and backup state always (a clone must not
 * slip under an old counter), the time of use when it signed someone in.
 *
 * @since 0.5.0
 *
 * @param array{id: string, counter: int, backed_up: bool} $used      Protocol `PasskeyUse`.
 * @param bool                                             $signed_in Whether the sign-in completed.
 */
function workos_login_passkey_record_use( array $used, bool $signed_in ): void {
	if ( ! workos_login_passkeys_maybe_upgrade() ) {
		return;
	}
	global $wpdb;
	$fields = array(
		'counter'   => $used['counter'],
		'backed_up' => $used['backed_up'] ? 1 : 0,
	);
	if ( $signed_in ) {
		$fields['last_used_at'] = gmdate( 'Y-m-d H:i:s' );
	}
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- the plugin's own table.
	$wpdb->update( workos_login_passkeys_table(), $fields, array( 'credential_hash' => workos_login_passkey_hash( $used['id'] ) ), $signed_in ? array( '%d', '%d', '%s' ) : array( '%d', '%d' ), array( '%s' ) );
}

/**
 * Renames a passkey.
 *
 * @since 0.5.0
 *
 * @param string $credential_id Credential id.
 * @param string $name          New name (cleaned here; must not end up empty).
 * @return bool Whether a row was found and the name is valid.
 */
function workos_login_passkey_rename( string $credential_id, string $name ): bool {
	$name = workos_login_passkey_clean_name( $name );
	if ( '' === $name || null === workos_login_passkey_find( $credential_id ) ) {
		return false;
	}
	global $wpdb;
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- the plugin's own table.
	return false !== $wpdb->update( workos_login_passkeys_table(), array( 'name' => $name ), array( 'credential_hash' => workos_login_passkey_hash( $credential_id ) ), array( '%s' ), array( '%s' ) );
}

/**
 * Deletes one passkey.
 *
 * @since 0.5.0
 *
 * @param string $credential_id Credential id.
 * @return bool Whether a row was deleted.
 */
function workos_login_passkey_delete( string $credential_id ): bool {
	if ( ! workos_login_passkeys_maybe_upgrade() ) {
		return false;
	}
	global $wpdb;
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- the plugin's own table.
	return 1 === $wpdb->delete( workos_login_passkeys_table(), array( 'credential_hash' => workos_login_passkey_hash( $credential_id ) ), array( '%s' ) );
}

/**
 * Deletes every passkey of a WordPress user on this site.
 *
 * @since 0.5.0
 *
 * @param int $user_id WordPress user id.
 * @return int How many were deleted.
 */
function workos_login_passkeys_delete_for_user( int $user_id ): int {
	if ( $user_id <= 0 || ! workos_login_passkeys_maybe_upgrade() ) {
		return 0;
	}
	global $wpdb;
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- the plugin's own table.
	return (int) $wpdb->delete( workos_login_passkeys_table(), array( 'user_id' => $user_id ), array( '%d' ) );
}

/**
 * Transports as stored: a comma list of whole entries within the column's 255 characters.
 *
 * @since 0.5.0
 *
 * @param string[] $transports Validated transports.
 */
function workos_login_passkey_transports_column( array $transports ): string {
	$kept = array();
	foreach ( $transports as $transport ) {
		if ( strlen( implode( ',', array_merge( $kept, array( $transport ) ) ) ) <= 255 ) {
			$kept[] = $transport;
		}
	}
	return implode( ',', $kept );
}

/**
 * A name as stored: plain text on one line, at most `LIMITS.passkeyNameMax` characters.
 *
 * @since 0.5.0
 *
 * @param string $name What was typed.
 */
function workos_login_passkey_clean_name( string $name ): string {
	return trim( mb_substr( sanitize_text_field( $name ), 0, WORKOS_LOGIN_PASSKEY_NAME_MAX, 'UTF-8' ) );
}

/**
 * The name of a passkey registered without one: its kind and the date.
 *
 * @since 0.5.0
 *
 * @param string $device_type `singleDevice` or `multiDevice`.
 */
function workos_login_passkey_default_name( string $device_type ): string {
	$date = wp_date( get_option( 'date_format' ) ? (string) get_option( 'date_format' ) : 'Y-m-d' );
	return workos_login_passkey_clean_name(
		'multiDevice' === $device_type
			/* translators: %s: a date. */
			? sprintf( __( 'Synced passkey, %s', 'workos-login' ), $date )
			/* translators: %s: a date. */
			: sprintf( __( 'Passkey on this device, %s', 'workos-login' ), $date )
	);
}
