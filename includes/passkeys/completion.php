<?php
/**
 * What login completion does with an outcome's passkey fields: the verified passkey's counter,
 * backup state and time of use; the passkey enrolled as the second factor, stored for the user
 * who just signed in.
 *
 * @package WorkOS_Login
 * @since   0.5.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The passkey fields of an `authenticated` outcome, for workos_login_complete().
 *
 * @since 0.5.0
 *
 * @param array<string, mixed> $outcome An `authenticated` outcome.
 * @return array{passkey_used?: array{id: string, counter: int, backed_up: bool}, passkey_registered?: array<string, mixed>}
 */
function workos_login_passkey_outcome_fields( array $outcome ): array {
	return array_intersect_key( $outcome, array_flip( array( 'passkey_used', 'passkey_registered' ) ) );
}

/**
 * After the session started: the passkey that signed in gets its time of use; a passkey
 * enrolled as the second factor is stored for this user (audited `passkey_registered`).
 *
 * @since 0.5.0
 *
 * @param WP_User              $user     The signed-in user.
 * @param array<string, mixed> $identity The identity.
 * @param array<string, mixed> $passkey  See workos_login_passkey_outcome_fields().
 */
function workos_login_passkey_after_sign_in( WP_User $user, array $identity, array $passkey ): void {
	if ( isset( $passkey['passkey_used'] ) ) {
		workos_login_passkey_record_use( $passkey['passkey_used'], true );
	}
	if ( isset( $passkey['passkey_registered'] ) ) {
		workos_login_passkey_store_for( $user, (string) $identity['user']['id'], $passkey['passkey_registered'], '', 'mfa_enroll' );
	}
}

/**
 * Stores a new passkey for a user and announces it.
 *
 * @since 0.5.0
 *
 * @param WP_User              $user           The owner.
 * @param string               $workos_user_id Its WorkOS user id.
 * @param array<string, mixed> $credential     Protocol `NewPasskey` (validated).
 * @param string               $name           Name ('' for the default).
 * @param string               $via            `profile` (signed-in registration) or `mfa_enroll` (second factor at sign-in).
 * @return array<string, string>|WP_Error The stored row, or `passkey_exists` / `internal_error`.
 */
function workos_login_passkey_store_for( WP_User $user, string $workos_user_id, array $credential, string $name, string $via ): array|WP_Error {
	$row = workos_login_passkey_insert( $user->ID, $workos_user_id, $credential, $name );
	if ( is_wp_error( $row ) ) {
		return $row;
	}
	/**
	 * Fires after a passkey was registered for a user (the audit log records `passkey_registered`).
	 *
	 * @since 0.5.0
	 *
	 * @param WP_User               $user The owner.
	 * @param array<string, string> $row  The stored passkey (never send its public key anywhere).
	 * @param string                $via  `profile` or `mfa_enroll`.
	 */
	do_action( 'workos_login_passkey_registered', $user, $row, $via );
	return $row;
}
