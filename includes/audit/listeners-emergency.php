<?php
/**
 * What emergency access writes to the audit log: every break-glass link issued and every use of
 * one (signed in, wrong password, refused), with whom it signs in (the row's user), who issued it,
 * the path it was issued through (`screen`, `cli`, `wp-config`), its id and its expiry — never the
 * token. And the retirement of the old Settings → General switch (`settings_changed`).
 *
 * The rows are `native_login_used` rows (the emergency-access event) with method `break_glass`
 * and `detail.action` saying which: `issued`, `signed_in`, `wrong_password`, `refused`.
 * A refusal is recorded once per link (or, for a link that is not genuine, per address) and
 * reason every WORKOS_LOGIN_AUDIT_REFUSAL_WINDOW seconds: a flood of bad links cannot fill the log.
 *
 * @package WorkOS_Login
 * @since   0.3.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** The event emergency access is recorded as. */
const WORKOS_LOGIN_AUDIT_EMERGENCY_EVENT = 'native_login_used';

/** Seconds during which the same refusal is recorded once. */
const WORKOS_LOGIN_AUDIT_REFUSAL_WINDOW = 10 * MINUTE_IN_SECONDS;

/**
 * Writes one break-glass row.
 *
 * @since 0.6.0
 *
 * @param string                                                                     $action `issued`, `signed_in`, `wrong_password` or `refused`.
 * @param array{id: string, user_id: int, expires: int, issuer_id: int, via: string} $link   The link.
 * @param array<string, scalar>                                                      $extra  More detail (e.g. `reason`).
 * @return bool Whether the row was written.
 */
function workos_login_audit_break_glass( string $action, array $link, array $extra = array() ): bool {
	$user   = get_userdata( (int) $link['user_id'] );
	$issuer = (int) $link['issuer_id'] > 0 ? get_userdata( (int) $link['issuer_id'] ) : false;
	$fields = $user ? workos_login_audit_user_fields( $user ) : array( 'user_id' => (int) $link['user_id'] );
	return workos_login_audit(
		WORKOS_LOGIN_AUDIT_EMERGENCY_EVENT,
		$fields + array(
			'method' => 'break_glass',
			'detail' => array(
				'action'    => $action,
				'link'      => (string) $link['id'],
				'path'      => (string) $link['via'],
				'issuer'    => $issuer ? $issuer->user_login : '',
				'issuer_id' => (int) $link['issuer_id'],
				'expires'   => gmdate( 'Y-m-d\TH:i:s\Z', (int) $link['expires'] ),
			) + $extra,
		)
	);
}

/**
 * The row of a break-glass sign-in; true when written or when the log is off. Called by the
 * sign-in itself before the cookie is set (ARCHITECTURE rule 7).
 *
 * @since 0.6.0
 *
 * @param WP_User                                                                    $user The user signed in.
 * @param array{id: string, user_id: int, expires: int, issuer_id: int, via: string} $link The link.
 */
function workos_login_audit_break_glass_sign_in( WP_User $user, array $link ): bool {
	if ( ! workos_login_option( 'audit_enabled' ) ) {
		return true;
	}
	return workos_login_audit_break_glass( 'signed_in', array( 'user_id' => $user->ID ) + $link );
}

/**
 * `issued`.
 *
 * @since 0.6.0
 *
 * @param WP_User              $user Whom the link signs in.
 * @param array<string, mixed> $link The link.
 */
function workos_login_audit_on_break_glass_issued( $user, $link ): void {
	if ( is_array( $link ) ) {
		workos_login_audit_break_glass( 'issued', $link );
	}
}
add_action( 'workos_login_break_glass_issued', 'workos_login_audit_on_break_glass_issued', 10, 2 );

/**
 * `wrong_password` (the reason is WordPress's error code).
 *
 * @since 0.6.0
 *
 * @param array<string, mixed> $link  The link.
 * @param WP_Error             $error Why.
 */
function workos_login_audit_on_break_glass_failed( $link, $error ): void {
	if ( is_array( $link ) ) {
		workos_login_audit_break_glass( 'wrong_password', $link, array( 'reason' => $error instanceof WP_Error ? (string) $error->get_error_code() : '' ) );
	}
}
add_action( 'workos_login_break_glass_failed', 'workos_login_audit_on_break_glass_failed', 10, 2 );

/**
 * `refused`, once per window for the same link (or address) and reason.
 *
 * @since 0.6.0
 *
 * @param string                    $reason Why.
 * @param array<string, mixed>|null $link   The link, when genuine.
 */
function workos_login_audit_on_break_glass_refused( $reason, $link = null ): void {
	$reason = (string) $reason;
	$who    = is_array( $link ) ? 'link:' . $link['id'] : 'ip:' . workos_login_client_ip();
	if ( true !== workos_login_limits_mark( 'refused:break-glass:' . $who . ':' . $reason, WORKOS_LOGIN_AUDIT_REFUSAL_WINDOW ) ) {
		return;
	}
	if ( is_array( $link ) ) {
		workos_login_audit_break_glass( 'refused', $link, array( 'reason' => $reason ) );
		return;
	}
	workos_login_audit(
		WORKOS_LOGIN_AUDIT_EMERGENCY_EVENT,
		array(
			'method' => 'break_glass',
			'detail' => array(
				'action' => 'refused',
				'reason' => $reason,
			),
		)
	);
}
add_action( 'workos_login_break_glass_refused', 'workos_login_audit_on_break_glass_refused', 10, 2 );

/**
 * `settings_changed`: the old Settings → General switch was on and is gone.
 *
 * @since 0.6.0
 *
 * @param bool $was_on Whether it was on.
 */
function workos_login_audit_on_native_option_retired( $was_on ): void {
	if ( $was_on ) {
		workos_login_audit(
			'settings_changed',
			array(
				'detail' => array(
					'setting' => 'allow_native_login',
					'old'     => true,
					'new'     => null,
					'reason'  => 'replaced by break-glass links',
				),
			)
		);
	}
}
add_action( 'workos_login_native_option_retired', 'workos_login_audit_on_native_option_retired' );
