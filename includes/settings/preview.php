<?php
/**
 * The dry-run preview of the Roles screen: what a sign-in by this person through this Login
 * Profile would decide right now — gate, account, suspension, role — changing nothing.
 *
 * It asks the login server for the live WorkOS user and membership (`POST /v1/admin/user`) and
 * then runs the same decisions login completion runs (identity/gate.php, users.php), without
 * any of completion's effects. `POST /wp-json/workos/v1/admin/preview` exposes it as JSON.
 *
 * @package WorkOS_Login
 * @since   0.3.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Which WordPress user (if any) a typed "username or email" means.
 *
 * @since 0.3.0
 *
 * @param string $who A username or an email address.
 * @return WP_User|string|WP_Error The user; the email when no user has it; an error when it is
 *                                 neither a username nor an email address.
 */
function workos_login_preview_subject( string $who ): WP_User|string|WP_Error {
	$who  = trim( $who );
	$user = '' === $who ? false : get_user_by( 'login', $who );
	if ( ! $user && is_email( $who ) ) {
		$user = get_user_by( 'email', $who );
		if ( ! $user ) {
			return $who;
		}
	}
	if ( ! $user ) {
		return new WP_Error( 'workos_login_unknown_user', __( 'No WordPress user has this username, and it is not an email address.', 'workos-login' ), array( 'status' => 404 ) );
	}
	return $user;
}

/**
 * Previews a sign-in.
 *
 * @since 0.3.0
 *
 * @param WP_User|string $subject      A WordPress user, or a plain email address.
 * @param string         $profile_slug Login Profile slug.
 * @return array{profile: string, organization_id: string|null, lookup: string, workos_user: array{id: string, email: string, email_verified: bool, first_name: string|null, last_name: string|null}|null, membership: array{role: string, status: string}|null, gate: array{enabled: bool, allowed: bool, reason: string}, account: array{action: string, user_id: int|null, user_login: string|null, reason: string|null, same_as_chosen: bool|null}, suspended: bool, roles: array{current: string[], workos_role: string|null, mapped: string|null, after: string[]}, decision: array{allowed: bool, reason: string}}|WP_Error
 *         `workos_login_unknown_profile` (404), or the login server's failure (503, …).
 */
function workos_login_preview_sign_in( WP_User|string $subject, string $profile_slug ): array|WP_Error {
	$profile = workos_login_get_profile( $profile_slug );
	if ( null === $profile ) {
		return new WP_Error( 'workos_login_unknown_profile', __( 'There is no Login Profile with this slug.', 'workos-login' ), array( 'status' => 404 ) );
	}
	$organization = workos_login_required_organization( $profile );
	$chosen       = $subject instanceof WP_User ? $subject : null;
	$linked_id    = null !== $chosen ? (string) get_user_meta( $chosen->ID, WORKOS_LOGIN_USER_META, true ) : '';
	$input        = '' !== $linked_id
		? array( 'user_id' => $linked_id )
		: array( 'email' => null !== $chosen ? $chosen->user_email : (string) $subject );

	$outcome = workos_login_server_request( 'admin/user', array( 'input' => $input + array( 'organization_id' => $organization ) ), array( 'user' ) );
	if ( is_wp_error( $outcome ) || 'error' === $outcome['type'] ) {
		return workos_login_settings_server_error( $outcome, $organization );
	}
	$workos_user = $outcome['user'];
	$membership  = null === $workos_user || null === $organization ? null : $outcome['membership'];

	$gate    = workos_login_gate_decision( $membership, $organization, $organization );
	$account = workos_login_preview_account( $workos_user, $membership, $organization );
	$user    = null !== $account['user_id'] ? get_user_by( 'id', $account['user_id'] ) : false;

	$suspended = $user && in_array( $account['action'], array( 'existing', 'link' ), true ) && workos_login_is_suspended( $user );
	$current   = $user ? array_values( $user->roles ) : ( 'create' === $account['action'] ? array( workos_login_default_role() ) : array() );
	$mapped    = null !== $membership ? workos_login_mapped_role( $membership['role'] ) : null;

	// Login completion's order: gate, account, suspension (without a WorkOS user nothing starts).
	if ( 'none' === $account['action'] ) {
		$reason = 'no_workos_user';
	} elseif ( ! $gate['allowed'] ) {
		$reason = $gate['reason'];
	} elseif ( 'refused' === $account['action'] ) {
		$reason = (string) $account['reason'];
	} else {
		$reason = $suspended ? 'suspended' : 'allowed';
	}

	return array(
		'profile'         => $profile_slug,
		'organization_id' => $organization,
		'lookup'          => '' !== $linked_id ? 'user_id' : 'email',
		'workos_user'     => $workos_user,
		'membership'      => $membership,
		'gate'            => array( 'enabled' => (bool) workos_login_option( 'gate_enabled' ) ) + $gate,
		'account'         => $account + array( 'same_as_chosen' => null === $chosen ? null : ( $user && $user->ID === $chosen->ID ) ),
		'suspended'       => $suspended,
		'roles'           => array(
			'current'     => $current,
			'workos_role' => null !== $membership ? $membership['role'] : null,
			'mapped'      => $mapped,
			'after'       => null !== $mapped ? array( $mapped ) : $current,
		),
		'decision'        => array(
			'allowed' => 'allowed' === $reason,
			'reason'  => $reason,
		),
	);
}

/**
 * The WordPress account a sign-in would use: the same search login completion makes.
 *
 * @since 0.3.0
 *
 * @param array{id: string, email: string, email_verified: bool, first_name: string|null, last_name: string|null}|null $workos_user  Live WorkOS user, null when none.
 * @param array{role: string, status: string}|null                                                                     $membership   Live membership.
 * @param string|null                                                                                                  $organization Required organization.
 * @return array{action: string, user_id: int|null, user_login: string|null, reason: string|null}
 *         `action`: `existing` (linked by WorkOS id), `link` (by verified email), `create`,
 *         `refused` (`reason`: `unverified_email`, `linked_elsewhere`, `link_only`), `none` (no WorkOS user).
 */
function workos_login_preview_account( ?array $workos_user, ?array $membership, ?string $organization ): array {
	$answer = array(
		'action'     => 'none',
		'user_id'    => null,
		'user_login' => null,
		'reason'     => null,
	);
	if ( null === $workos_user ) {
		return array( 'reason' => 'no_workos_user' ) + $answer;
	}
	$found = workos_login_find_user( $workos_user );
	if ( $found instanceof WP_User ) {
		$linked = (string) get_user_meta( $found->ID, WORKOS_LOGIN_USER_META, true ) === $workos_user['id'];
		return array(
			'action'     => $linked ? 'existing' : 'link',
			'user_id'    => $found->ID,
			'user_login' => $found->user_login,
		) + $answer;
	}
	if ( is_wp_error( $found ) ) {
		$holder = get_user_by( 'email', $workos_user['email'] );
		return array(
			'action'     => 'refused',
			'user_id'    => $holder ? $holder->ID : null,
			'user_login' => $holder ? $holder->user_login : null,
			'reason'     => (string) $found->get_error_code(),
		);
	}
	$identity = array(
		'user'            => $workos_user,
		'organization_id' => $organization,
		'membership'      => $membership,
		'session_id'      => null,
		'method'          => 'password',
	);
	/** This filter is documented in includes/completion/complete.php */
	$create = (bool) apply_filters( 'workos_login_allow_user_creation', 'create' === workos_login_option( 'user_creation' ), $identity );
	return $create
		? array( 'action' => 'create' ) + $answer
		: array(
			'action' => 'refused',
			'reason' => 'link_only',
		) + $answer;
}
