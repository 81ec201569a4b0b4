<?php
/**
 * Login completion: the one place where a WorkOS identity becomes a WordPress session.
 *
 * Every sign-in method ends here (password, codes, OAuth, SSO, passkeys), so the rules — who may
 * sign in, which account, which session, where to go — hold for all of them.
 *
 * @package WorkOS_Login
 * @since   0.1.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Signs a WorkOS identity in to WordPress.
 *
 * In the order of ARCHITECTURE "Login completion": the entitlement gate (live membership in the
 * required organization), then the account (by WorkOS id, else verified email, else created per
 * the creation policy), suspension, name/email sync, role mapping, the session (with the WorkOS
 * session id on that session token), `wp_login`, and the destination. Every refusal fires
 * `wp_login_failed` and `workos_login_denied`.
 *
 * A user of a step-up role (setting `passkey_step_up_roles`) who signed in with one factor gets
 * a second-factor step instead of a session (passkeys/step-up.php). A verified passkey's counter
 * is recorded whatever the outcome; a passkey enrolled as the second factor is stored once the
 * user is signed in (passkeys/completion.php).
 *
 * @since 0.1.0
 * @since 0.3.0 Entitlement gate, creation policy, suspension, role sync; `profile` and `organization_id` in `$request`.
 * @since 0.5.0 `$passkey`; role-based step-up answers `array{step: array}`.
 *
 * @param array{user: array{id: string, email: string, email_verified: bool, first_name: string|null, last_name: string|null}, organization_id: string|null, membership: array{role: string, status: string}|null, session_id: string|null, method: string, second_factor?: string} $identity From an `authenticated` outcome.
 * @param array{redirect_to?: string, remember?: bool, post_login_redirect?: string, profile?: string, organization_id?: string|null}                                                                                                                                               $request  The visitor's choices; the profile's slug, destination and required organization (workos_login_required_organization()).
 * @param array{passkey_used?: array{id: string, counter: int, backed_up: bool}, passkey_registered?: array<string, mixed>}                                                                                                                                                         $passkey  The outcome's passkey fields (workos_login_passkey_outcome_fields()).
 * @return array{user_id: int, redirect_to: string}|array{step: array<string, mixed>}|WP_Error `sign_in_refused`, `server_unavailable` or `internal_error` on failure.
 */
function workos_login_complete( array $identity, array $request, array $passkey = array() ): array|WP_Error {
	$profile_slug = (string) ( $request['profile'] ?? 'default' );
	$required_org = array_key_exists( 'organization_id', $request ) ? $request['organization_id'] : workos_login_site_organization_id();
	if ( isset( $passkey['passkey_used'] ) ) {
		// The assertion verified: its counter counts even if this sign-in is refused below.
		workos_login_passkey_record_use( $passkey['passkey_used'], false );
	}
	// A WorkOS dashboard impersonation, unless the site allows it, changes nothing (identity/impersonation.php).
	$impersonation = workos_login_impersonation_refusal( $identity, $profile_slug );
	if ( null !== $impersonation ) {
		return $impersonation;
	}

	$user = workos_login_admit( $identity, $profile_slug, $required_org );
	if ( ! $user instanceof WP_User ) {
		return $user;
	}
	// Durable before it is answered (ARCHITECTURE rule 7): the session token and the audit row
	// are stored before the browser gets a cookie; if either fails, nothing is left behind.
	$remember = ! empty( $request['remember'] );
	$token    = workos_login_store_session( $user, $identity['session_id'], $remember );
	if ( null === $token ) {
		return workos_login_abandon( 'session', $identity, $profile_slug, $user );
	}
	if ( ! workos_login_audit_sign_in( $user, $identity, $profile_slug ) ) {
		WP_Session_Tokens::get_instance( $user->ID )->destroy( $token );
		return workos_login_abandon( 'audit', $identity, $profile_slug, $user );
	}
	workos_login_start_session( $user, $token, $remember );
	$redirect_to = workos_login_redirect_after_sign_in( $user, (string) ( $request['redirect_to'] ?? '' ), (string) ( $request['post_login_redirect'] ?? '' ) );

	/**
	 * Fires after a WorkOS identity signed in to WordPress (after `wp_login`).
	 *
	 * @since 0.1.0
	 * @since 0.3.0 The profile slug.
	 *
	 * @param WP_User $user         The user.
	 * @param array   $identity     The identity.
	 * @param string  $redirect_to  Where the browser goes next.
	 * @param string  $profile_slug The Login Profile signed in through.
	 */
	do_action( 'workos_login_signed_in', $user, $identity, $redirect_to, $profile_slug );
	workos_login_passkey_after_sign_in( $user, $identity, $passkey );

	return array(
		'user_id'     => $user->ID,
		'redirect_to' => $redirect_to,
	);
}

/**
 * Everything login completion decides before the session: the entitlement gate, the account
 * (found, linked or created), suspension, name/email sync, role mapping, and role-based step-up.
 * Also the start of headless sign-ins (identity/password-headless.php), whose session
 * `wp_signon()` makes.
 *
 * @since 0.6.0
 *
 * @param array<string, mixed> $identity     From an `authenticated` outcome (see workos_login_complete()).
 * @param string               $profile_slug The profile signed in through.
 * @param string|null          $required_org The organization a membership is required in.
 * @return WP_User|array{step: array<string, mixed>}|WP_Error The user to sign in, a step-up step, or the refusal.
 */
function workos_login_admit( array $identity, string $profile_slug, ?string $required_org ): WP_User|array|WP_Error {
	$workos_user = $identity['user'];
	$gate        = workos_login_gate_decision( $identity['membership'], $identity['organization_id'], $required_org );
	if ( ! $gate['allowed'] ) {
		return workos_login_deny( $gate['reason'], $identity, $profile_slug, workos_login_gate_message() );
	}

	$user = workos_login_find_user( $workos_user );
	if ( is_wp_error( $user ) ) {
		return workos_login_deny( (string) $user->get_error_code(), $identity, $profile_slug );
	}
	if ( null === $user ) {
		$user = workos_login_provision_user( $identity, $profile_slug );
		if ( is_wp_error( $user ) ) {
			return $user;
		}
	} elseif ( (string) get_user_meta( $user->ID, WORKOS_LOGIN_USER_META, true ) !== $workos_user['id'] ) {
		// Found by verified email and not linked yet: link it now, and say so.
		update_user_meta( $user->ID, WORKOS_LOGIN_USER_META, $workos_user['id'] );
		/**
		 * Fires when an existing WordPress user is linked to a WorkOS user (by verified email).
		 *
		 * @since 0.3.0
		 *
		 * @param WP_User $user     The user.
		 * @param array   $identity The identity.
		 */
		do_action( 'workos_login_user_linked', $user, $identity );
	}
	if ( is_multisite() && is_user_spammy( $user ) ) {
		return workos_login_deny( 'suspended', $identity, $profile_slug );
	}
	if ( workos_login_is_suspended( $user ) ) {
		return workos_login_deny( 'suspended', $identity, $profile_slug );
	}

	workos_login_sync_user( $user, $workos_user, $identity );
	if ( null !== $identity['membership'] && $identity['organization_id'] === $required_org ) {
		workos_login_apply_mapped_role( $user, $identity['membership']['role'] );
	}
	if ( workos_login_step_up_required( $user, $identity ) ) {
		return workos_login_step_up( $identity, $profile_slug );
	}
	return $user;
}

/**
 * Creates the WordPress user for a new WorkOS identity, when the creation policy allows it.
 *
 * @since 0.3.0
 *
 * @param array{user: array{id: string, email: string, email_verified: bool, first_name: string|null, last_name: string|null}} $identity     The identity.
 * @param string                                                                                                               $profile_slug The profile signed in through.
 * @return WP_User|WP_Error
 */
function workos_login_provision_user( array $identity, string $profile_slug ): WP_User|WP_Error {
	$allowed = 'create' === workos_login_option( 'user_creation' );
	/**
	 * Filters whether a WorkOS identity without a WordPress account gets one.
	 *
	 * @since 0.1.0
	 * @since 0.3.0 The default follows the creation policy (WorkOS → Settings).
	 *
	 * @param bool  $allow    Whether the creation policy allows it.
	 * @param array $identity The identity.
	 */
	if ( ! apply_filters( 'workos_login_allow_user_creation', $allowed, $identity ) ) {
		return workos_login_deny( 'link_only', $identity, $profile_slug );
	}
	// One request creates the account; parallel first sign-ins of the same person (several tabs,
	// a double click) wait for it instead of racing WordPress's check-then-insert into two
	// accounts or a failure.
	$creator = workos_login_limits_mark( 'provision:' . $identity['user']['id'], MINUTE_IN_SECONDS );
	if ( null === $creator ) {
		return workos_login_abandon( 'user', $identity, $profile_slug );
	}
	$user = $creator ? workos_login_create_user( $identity['user'] ) : workos_login_wait_for_user( $identity['user'] );
	if ( $creator && ! $user instanceof WP_User ) {
		workos_login_limits_unmark( 'provision:' . $identity['user']['id'] ); // Those waiting stop now.
	}
	if ( null === $user || ( is_wp_error( $user ) && in_array( $user->get_error_code(), array( 'db_insert_error', 'db_update_error' ), true ) ) ) {
		return workos_login_abandon( 'user', $identity, $profile_slug );
	}
	if ( is_wp_error( $user ) ) {
		return workos_login_refuse( 'internal_error', 'Creating the WordPress user failed: ' . $user->get_error_code(), $identity, $profile_slug );
	}
	/**
	 * Fires after a WordPress user was created for a WorkOS identity.
	 *
	 * @since 0.1.0
	 *
	 * @param WP_User $user     The new user.
	 * @param array   $identity The identity.
	 */
	do_action( 'workos_login_user_created', $user, $identity );
	return $user;
}

/**
 * Denies a sign-in for a reason the audit log records (`workos_login_denied`), and ends the
 * WorkOS session the sign-in just opened so nothing stays signed in anywhere.
 *
 * @since 0.3.0
 *
 * @param string                                                                  $reason       See workos_login_gate_decision(); also `unverified_email`, `linked_elsewhere`, `link_only`, `suspended`.
 * @param array{user: array{id: string, email: string}, session_id?: string|null} $identity     The identity.
 * @param string                                                                  $profile_slug The profile signed in through.
 * @param string                                                                  $message      Shown to the visitor; '' = the generic refusal.
 * @return WP_Error `sign_in_refused`.
 */
function workos_login_deny( string $reason, array $identity, string $profile_slug, string $message = '' ): WP_Error {
	/**
	 * Fires when login completion refuses a WorkOS identity.
	 *
	 * @since 0.3.0
	 *
	 * @param array  $identity     The identity.
	 * @param string $reason       Machine-readable reason.
	 * @param string $profile_slug The profile signed in through.
	 */
	do_action( 'workos_login_denied', $identity, $reason, $profile_slug );
	if ( ! empty( $identity['session_id'] ) ) {
		workos_login_revoke_workos_session( (string) $identity['session_id'] );
	}
	return workos_login_refuse( 'sign_in_refused', 'denied: ' . $reason, $identity, $profile_slug, $message );
}

/**
 * Refuses a sign-in: logs why, tells security plugins (`wp_login_failed`), returns the error.
 *
 * @since 0.1.0
 * @since 0.3.0 The profile and an optional message for the visitor.
 *
 * @param string                                        $code         `sign_in_refused` or `internal_error`.
 * @param string                                        $reason       English reason for the log (no secrets, no email).
 * @param array{user: array{id: string, email: string}} $identity     The identity.
 * @param string                                        $profile_slug The profile signed in through.
 * @param string                                        $message      Shown to the visitor; '' = the code's own message.
 * @return WP_Error With the translated message and an HTTP status.
 */
function workos_login_refuse( string $code, string $reason, array $identity, string $profile_slug = 'default', string $message = '' ): WP_Error {
	workos_login_log( sprintf( 'sign-in refused for %s: %s', $identity['user']['id'], $reason ) );
	$error = new WP_Error(
		$code,
		'' !== $message ? $message : workos_login_error_message( $code ),
		array(
			'status'          => 'internal_error' === $code ? 500 : 403,
			'workos_identity' => $identity,
			'profile'         => $profile_slug,
		)
	);
	/** This action is documented in wp-includes/pluggable.php */
	do_action( 'wp_login_failed', $identity['user']['email'], $error ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound -- WordPress core's hook, run as core runs it.
	return $error;
}
