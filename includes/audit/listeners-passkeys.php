<?php
/**
 * What passkeys write to the audit log: `passkey_registered`, `passkey_removed` (by the owner or
 * an administrator), `passkey_counter_regression` (a possible clone, refused), and the refusal of
 * WordPress's own form to a step-up role (`login_denied`, reason `step_up_required`). A passkey
 * sign-in itself is a `login` with method `passkey` (listeners-sign-in.php).
 *
 * A credential is named by the first 16 hex digits of the SHA-256 of its id, never the id.
 *
 * @package WorkOS_Login
 * @since   0.5.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * How the log names a credential: the start of its stored hash.
 *
 * @since 0.5.0
 *
 * @param string $credential_hash SHA-256 (hex) of the credential id.
 */
function workos_login_audit_credential_label( string $credential_hash ): string {
	return substr( $credential_hash, 0, 16 );
}

/**
 * `passkey_registered`.
 *
 * @since 0.5.0
 *
 * @param WP_User               $user The owner.
 * @param array<string, string> $row  The stored passkey.
 * @param string                $via  `profile` or `mfa_enroll`.
 */
function workos_login_audit_on_passkey_registered( $user, $row, $via = '' ): void {
	if ( ! $user instanceof WP_User || ! is_array( $row ) ) {
		return;
	}
	workos_login_audit(
		'passkey_registered',
		workos_login_audit_user_fields( $user ) + array(
			'method' => 'passkey',
			'detail' => array(
				'credential'  => workos_login_audit_credential_label( (string) ( $row['credential_hash'] ?? '' ) ),
				'name'        => (string) ( $row['name'] ?? '' ),
				'device_type' => (string) ( $row['device_type'] ?? '' ),
				'backed_up'   => '1' === (string) ( $row['backed_up'] ?? '' ),
				'via'         => (string) $via,
			),
		)
	);
}
add_action( 'workos_login_passkey_registered', 'workos_login_audit_on_passkey_registered', 10, 3 );

/**
 * `passkey_removed`: the user row is the owner; the detail names who removed them.
 *
 * @since 0.5.0
 *
 * @param int      $user_id  The owner.
 * @param int      $count    How many.
 * @param int      $actor_id Who removed them.
 * @param string[] $hashes   SHA-256 of their credential ids.
 */
function workos_login_audit_on_passkeys_removed( $user_id, $count = 0, $actor_id = 0, $hashes = array() ): void {
	$owner  = get_userdata( (int) $user_id );
	$fields = $owner ? workos_login_audit_user_fields( $owner ) : array( 'user_id' => (int) $user_id );
	workos_login_audit(
		'passkey_removed',
		$fields + array(
			'method' => 'passkey',
			'detail' => array(
				'count'       => (int) $count,
				'actor'       => workos_login_audit_user_label( (int) $actor_id ),
				'actor_id'    => (int) $actor_id,
				'credentials' => array_map( 'workos_login_audit_credential_label', array_slice( array_map( 'strval', (array) $hashes ), 0, 20 ) ),
			),
		)
	);
}
add_action( 'workos_login_passkeys_removed', 'workos_login_audit_on_passkeys_removed', 10, 4 );

/**
 * `passkey_counter_regression`: the sign-in was refused (the visitor saw `passkey_refused`).
 *
 * @since 0.5.0
 *
 * @param array<string, string> $row     The stored passkey.
 * @param string                $profile Login Profile slug.
 */
function workos_login_audit_on_passkey_refused( $row, $profile = '' ): void {
	if ( ! is_array( $row ) ) {
		return;
	}
	$owner = get_userdata( (int) ( $row['user_id'] ?? 0 ) );
	workos_login_audit(
		'passkey_counter_regression',
		( $owner ? workos_login_audit_user_fields( $owner ) : array( 'user_id' => (int) ( $row['user_id'] ?? 0 ) ) ) + array(
			'workos_user_id' => (string) ( $row['workos_user_id'] ?? '' ),
			'method'         => 'passkey',
			'profile'        => (string) $profile,
			'detail'         => array(
				'credential'     => workos_login_audit_credential_label( (string) ( $row['credential_hash'] ?? '' ) ),
				'stored_counter' => (int) ( $row['counter'] ?? 0 ),
			),
		)
	);
}
add_action( 'workos_login_passkey_refused', 'workos_login_audit_on_passkey_refused', 10, 2 );

/**
 * `login_denied` (reason `step_up_required`): WordPress's own form refused a step-up role.
 *
 * @since 0.5.0
 *
 * @param WP_User $user The user.
 */
function workos_login_audit_on_step_up_refused( $user ): void {
	if ( $user instanceof WP_User ) {
		workos_login_audit(
			'login_denied',
			workos_login_audit_user_fields( $user ) + array(
				'method' => 'native',
				'detail' => array(
					'reason' => 'step_up_required',
					'roles'  => array_values( $user->roles ),
				),
			)
		);
	}
}
add_action( 'workos_login_step_up_refused', 'workos_login_audit_on_step_up_refused' );
