<?php
/**
 * Role-based step-up: users of the roles in `passkey_step_up_roles` sign in with a passkey or
 * with a second factor — never with one factor alone. Login completion asks the login server
 * for the second-factor step (`step_up`) instead of starting a session; WordPress's own
 * password sign-in (the emergency form, XML-RPC) is refused for them. Break glass: the
 * `WORKOS_LOGIN_PASSKEY_STEP_UP_ROLES` constant (e.g. `array()`) overrides the setting.
 *
 * @package WorkOS_Login
 * @since   0.5.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** The `wp_login_failed` error code of a refused native sign-in (the audit log records it as `login_denied` only). */
const WORKOS_LOGIN_STEP_UP_ERROR = 'workos_step_up_required';

/**
 * Whether a user has a role that must step up.
 *
 * @since 0.5.0
 *
 * @param WP_User $user The user.
 */
function workos_login_has_step_up_role( WP_User $user ): bool {
	$roles = (array) workos_login_option( 'passkey_step_up_roles' );
	return (bool) array_intersect( $roles, (array) $user->roles );
}

/**
 * Whether this sign-in still needs a second factor: a step-up role, signed in neither with a
 * passkey nor through a second factor.
 *
 * @since 0.5.0
 *
 * @param WP_User              $user     The user found for the identity (roles already mapped).
 * @param array<string, mixed> $identity The identity.
 */
function workos_login_step_up_required( WP_User $user, array $identity ): bool {
	return 'passkey' !== ( $identity['method'] ?? '' ) && empty( $identity['second_factor'] ) && workos_login_has_step_up_role( $user );
}

/**
 * Asks the login server for the second-factor step of a step-up (`step_up`, input `{identity}`):
 * an MFA step whose flow holds the identity.
 *
 * @since 0.5.0
 *
 * @param array<string, mixed> $identity     The identity (protocol `Identity`).
 * @param string               $profile_slug The profile signed in through.
 * @return array{step: array<string, mixed>}|WP_Error The step outcome, or the refusal (wp_login_failed fired).
 */
function workos_login_step_up( array $identity, string $profile_slug ): array|WP_Error {
	$profile = workos_login_get_profile( $profile_slug ) ?? workos_login_default_profile();
	$outcome = workos_login_server_step( 'step_up', $profile, array( 'identity' => $identity ), array( 'step' ) );
	if ( ! is_wp_error( $outcome ) && 'step' === $outcome['type'] ) {
		return array( 'step' => $outcome );
	}
	$code   = is_wp_error( $outcome ) ? 'server_unavailable' : (string) $outcome['code'];
	$status = is_wp_error( $outcome ) ? 503 : (int) $outcome['status'];
	// Nothing stays signed in anywhere: the first factor alone is not enough for this user.
	if ( ! empty( $identity['session_id'] ) ) {
		workos_login_revoke_workos_session( (string) $identity['session_id'] );
	}
	workos_login_log( sprintf( 'step-up for %s could not start: %s', $identity['user']['id'], $code ) );
	$error = new WP_Error(
		$code,
		workos_login_error_message( $code ),
		array(
			'status'          => $status,
			'workos_identity' => $identity,
			'profile'         => $profile_slug,
		)
	);
	/** This action is documented in wp-includes/pluggable.php */
	do_action( 'wp_login_failed', $identity['user']['email'], $error ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound -- WordPress core's hook, run as core runs it.
	return $error;
}

/**
 * Refuses WordPress's own password sign-in to users of a step-up role: that form checks one
 * factor only. Runs after core checked the password (priority 20), so the answer says nothing
 * to someone who does not know it. Application passwords are not sign-ins (scoped API
 * credentials an administrator issued; identity/password-paths.php decides them) and pass, and
 * so does a break-glass link (surfaces/break-glass*.php), the emergency way in.
 *
 * @since 0.5.0
 *
 * @param WP_User|WP_Error|null $user     The authenticated user so far.
 * @param string                $username What was typed.
 * @return WP_User|WP_Error|null
 */
function workos_login_step_up_refuse_password( $user, $username = '' ) {
	// Until WorkOS sign-in works (verified configuration), WordPress's own form is the way in.
	if ( ! $user instanceof WP_User || did_action( 'application_password_did_authenticate' ) || ! workos_login_has_step_up_role( $user ) || ! workos_login_config_verified() ) {
		return $user;
	}
	// A break-glass link is the emergency way in for exactly these accounts (audited, single-use).
	if ( function_exists( 'workos_login_emergency_form_path' ) && 'break_glass' === workos_login_emergency_form_path() ) {
		return $user;
	}
	/**
	 * Fires when WordPress's own password sign-in was refused for a step-up role (audited as
	 * `login_denied`, reason `step_up_required`).
	 *
	 * @since 0.5.0
	 *
	 * @param WP_User $user The user who gave the right password.
	 */
	do_action( 'workos_login_step_up_refused', $user );
	return new WP_Error(
		WORKOS_LOGIN_STEP_UP_ERROR,
		__( 'Your account must sign in with a passkey or a second factor. Use the sign-in page.', 'workos-login' )
	);
}
add_filter( 'authenticate', 'workos_login_step_up_refuse_password', 50, 2 );
