<?php
/**
 * What signing in and out writes to the audit log: the hooks login completion fires, and core's
 * `wp_login_failed` and `after_password_reset`.
 *
 * @package WorkOS_Login
 * @since   0.3.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The fields every identity-related event shares.
 *
 * @since 0.3.0
 *
 * @param array<string, mixed> $identity Protocol `Identity` (possibly partial).
 * @param string               $profile  Login Profile slug, '' when unknown.
 * @return array{email: string, workos_user_id: string, method: string, profile: string}
 */
function workos_login_audit_identity_fields( array $identity, string $profile = '' ): array {
	$user = is_array( $identity['user'] ?? null ) ? $identity['user'] : array();
	return array(
		'email'          => is_string( $user['email'] ?? null ) ? $user['email'] : '',
		'workos_user_id' => is_string( $user['id'] ?? null ) ? $user['id'] : '',
		'method'         => is_string( $identity['method'] ?? null ) ? $identity['method'] : workos_login_audit_request_method(),
		'profile'        => '' !== $profile ? $profile : workos_login_audit_request_profile(),
	);
}

/**
 * The organization and membership of an identity, for `detail`.
 *
 * @since 0.3.0
 *
 * @param array<string, mixed> $identity Protocol `Identity`.
 * @return array<string, string>
 */
function workos_login_audit_membership_detail( array $identity ): array {
	$detail = array();
	if ( is_string( $identity['organization_id'] ?? null ) ) {
		$detail['organization_id'] = $identity['organization_id'];
	}
	if ( is_array( $identity['membership'] ?? null ) ) {
		$detail['membership_role']   = (string) ( $identity['membership']['role'] ?? '' );
		$detail['membership_status'] = (string) ( $identity['membership']['status'] ?? '' );
	}
	return $detail;
}

/**
 * How an identity signed in, for `detail`: WorkOS's own name of a method this version does not
 * know (`workos_method`), and a WorkOS dashboard impersonation's impersonator.
 *
 * @since 0.6.0
 *
 * @param array<string, mixed> $identity Protocol `Identity`.
 * @return array<string, string>
 */
function workos_login_audit_method_detail( array $identity ): array {
	$detail = array();
	if ( is_string( $identity['workos_method'] ?? null ) ) {
		$detail['workos_method'] = workos_login_audit_cut( (string) preg_replace( '/[^A-Za-z0-9_-]/', '', $identity['workos_method'] ), 64 );
	}
	if ( workos_login_is_impersonation( $identity ) ) {
		$impersonator                 = workos_login_impersonator_of( $identity );
		$detail['impersonator_email'] = workos_login_audit_cut( $impersonator['email'], WORKOS_LOGIN_IMPERSONATOR_EMAIL_MAX );
		if ( null !== $impersonator['reason'] ) {
			$detail['impersonator_reason'] = workos_login_audit_cut( $impersonator['reason'], WORKOS_LOGIN_IMPERSONATOR_REASON_MAX );
		}
	}
	return $detail;
}

/**
 * `login`: a WorkOS identity signs in. Called by login completion before the session's cookie is
 * set, so a sign-in is never answered without its row (ARCHITECTURE rule 7).
 *
 * @since 0.3.0
 * @since 0.5.0 `second_factor` in the detail, when the sign-in passed one.
 * @since 0.6.0 Called by completion (no longer on `workos_login_signed_in`); says whether it is stored.
 *
 * @param WP_User              $user         The user.
 * @param array<string, mixed> $identity     The identity.
 * @param string               $profile_slug Login Profile slug.
 * @return bool Whether the row is stored (true when the audit log is switched off).
 */
function workos_login_audit_sign_in( WP_User $user, array $identity, string $profile_slug ): bool {
	if ( ! workos_login_option( 'audit_enabled' ) ) {
		return true;
	}
	$detail = workos_login_audit_membership_detail( $identity ) + workos_login_audit_method_detail( $identity );
	if ( is_string( $identity['second_factor'] ?? null ) ) {
		$detail['second_factor'] = $identity['second_factor'];
	}
	if ( 'headless_form' === ( $identity['via'] ?? null ) ) {
		$detail['via'] = 'headless_form'; // Another plugin's form, checked against WorkOS (identity/password-headless.php).
	}
	return workos_login_audit(
		'login',
		array( 'user_id' => $user->ID ) + workos_login_audit_identity_fields( $identity, $profile_slug ) + array( 'detail' => $detail )
	);
}

/**
 * `login_failed`: core's `wp_login_failed`, from any sign-in form (ours put the identity and the
 * profile in the error's data when known).
 *
 * A refusal already recorded as `login_denied` in this request is not recorded twice (nor a
 * step-up refusal of WordPress's own form, recorded as `login_denied` too).
 *
 * @since 0.3.0
 *
 * @param string        $username What was typed (an email or a username).
 * @param WP_Error|null $error    Why (WordPress 5.4+).
 */
function workos_login_audit_on_login_failed( $username, $error = null ): void {
	$username = is_string( $username ) ? $username : '';
	$data     = $error instanceof WP_Error ? $error->get_error_data() : null;
	$data     = is_array( $data ) ? $data : array();
	$identity = is_array( $data['workos_identity'] ?? null ) ? $data['workos_identity'] : array();
	$fields   = workos_login_audit_identity_fields( $identity, is_string( $data['profile'] ?? null ) ? $data['profile'] : '' );
	if ( '' !== $fields['workos_user_id'] && in_array( $fields['workos_user_id'], workos_login_audit_denied_in_request(), true ) ) {
		return;
	}
	if ( $error instanceof WP_Error && WORKOS_LOGIN_STEP_UP_ERROR === $error->get_error_code() ) {
		return; // Recorded as `login_denied` (listeners-passkeys.php).
	}
	if ( $error instanceof WP_Error && 'rate_limited' === $error->get_error_code() && workos_login_rate_refusal_repeated() ) {
		return; // This bucket's refusal is recorded once per window.
	}
	if ( '' === $fields['email'] && is_email( $username ) ) {
		$fields['email'] = $username;
	}
	$detail = array( 'code' => $error instanceof WP_Error ? (string) $error->get_error_code() : '' );
	if ( ! is_email( $username ) && '' !== $username ) {
		$detail['username'] = workos_login_audit_cut( $username, 100 );
	}
	if ( isset( $data['status'] ) && is_int( $data['status'] ) ) {
		$detail['status'] = $data['status'];
	}
	$user = '' !== $username ? get_user_by( is_email( $username ) ? 'email' : 'login', $username ) : false;
	if ( '' === $fields['method'] && workos_login_audit_is_native_form() ) {
		$fields['method'] = 'native';
	}
	workos_login_audit( 'login_failed', array( 'user_id' => $user ? $user->ID : 0 ) + $fields + array( 'detail' => $detail ) );
}
add_action( 'wp_login_failed', 'workos_login_audit_on_login_failed', 10, 2 );

/**
 * `login_denied`: login completion refused an identity (gate, suspension, linking rules).
 *
 * @since 0.3.0
 *
 * @param array<string, mixed> $identity     The identity.
 * @param string               $reason       `not_member`, `inactive`, `suspended` and the like.
 * @param string               $profile_slug Login Profile slug.
 */
function workos_login_audit_on_denied( $identity, $reason = '', $profile_slug = '' ): void {
	$identity = is_array( $identity ) ? $identity : array();
	$fields   = workos_login_audit_identity_fields( $identity, (string) $profile_slug );
	if ( '' !== $fields['workos_user_id'] ) {
		workos_login_audit_denied_in_request( $fields['workos_user_id'] );
	}
	workos_login_audit(
		'login_denied',
		array( 'user_id' => workos_login_audit_user_id_of( $fields['workos_user_id'] ) ) + $fields + array(
			'detail' => array( 'reason' => (string) $reason ) + workos_login_audit_membership_detail( $identity ) + workos_login_audit_method_detail( $identity ),
		)
	);
}
add_action( 'workos_login_denied', 'workos_login_audit_on_denied', 10, 3 );

/**
 * WorkOS user ids denied during this request (so `wp_login_failed` does not repeat them).
 *
 * @since 0.3.0
 *
 * @param string|null $add A WorkOS user id to remember.
 * @return string[]
 */
function workos_login_audit_denied_in_request( ?string $add = null ): array {
	static $denied = array();
	if ( null !== $add ) {
		$denied[] = $add;
	}
	return $denied;
}

/**
 * `logout`.
 *
 * @since 0.3.0
 *
 * @param int         $user_id           The user who signed out.
 * @param string|null $workos_session_id Their WorkOS session id, if the session had one (not recorded).
 * @param bool        $revoked           Whether WorkOS confirmed the revocation.
 */
function workos_login_audit_on_logged_out( $user_id, $workos_session_id = null, $revoked = false ): void {
	$user   = get_userdata( (int) $user_id );
	$fields = $user ? workos_login_audit_user_fields( $user ) : array( 'user_id' => (int) $user_id );
	workos_login_audit(
		'logout',
		$fields + array(
			'detail' => array(
				'workos_session' => is_string( $workos_session_id ) && '' !== $workos_session_id,
				'revoked'        => (bool) $revoked,
			),
		)
	);
}
add_action( 'workos_login_logged_out', 'workos_login_audit_on_logged_out', 10, 3 );

/**
 * `password_reset`: WordPress's own password reset (WorkOS resets record their own event).
 *
 * @since 0.3.0
 *
 * @param WP_User $user The user.
 */
function workos_login_audit_on_password_reset( $user ): void {
	if ( $user instanceof WP_User ) {
		workos_login_audit( 'password_reset', workos_login_audit_user_fields( $user ) + array( 'method' => 'native' ) );
	}
}
add_action( 'after_password_reset', 'workos_login_audit_on_password_reset' );

/**
 * `native_login_used`: a sign-in attempt through the emergency native form.
 *
 * @since 0.3.0
 *
 * @param WP_User|string $user_or_username The signed-in user, or the username of a failed attempt.
 */
function workos_login_audit_on_native_login( $user_or_username ): void {
	if ( $user_or_username instanceof WP_User ) {
		$fields = workos_login_audit_user_fields( $user_or_username ) + array( 'detail' => array( 'success' => true ) );
	} else {
		$username = is_string( $user_or_username ) ? $user_or_username : '';
		$fields   = array(
			'email'  => is_email( $username ) ? $username : '',
			'detail' => array( 'success' => false ) + ( is_email( $username ) || '' === $username ? array() : array( 'username' => workos_login_audit_cut( $username, 100 ) ) ),
		);
	}
	workos_login_audit( 'native_login_used', array( 'method' => 'native' ) + $fields );
}
add_action( 'workos_login_native_login_used', 'workos_login_audit_on_native_login' );
