<?php
/**
 * Re-sync: brings one WordPress user in step with WorkOS now, outside a sign-in.
 *
 * Asks the login server for the linked WorkOS user and its live membership in the site
 * organization, then applies what a sign-in would: names and verified email, the mapped role,
 * and the entitlement gate — a user the gate would deny is suspended (by `resync`), and a user
 * suspended by an earlier re-sync whom the gate admits again is reinstated. A suspension an
 * administrator set is never lifted here.
 *
 * @package WorkOS_Login
 * @since   0.3.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Re-syncs one user.
 *
 * @since 0.3.0
 *
 * @param WP_User $user A user linked to WorkOS (`_workos_user_id`).
 * @return array{suspended: bool, role_changed: bool, gate: array{allowed: bool, reason: string}}|WP_Error
 *         `not_linked`, `not_found` (WorkOS has no such user any more: suspended too) or `server_unavailable`.
 */
function workos_login_resync_user( WP_User $user ): array|WP_Error {
	$workos_id = (string) get_user_meta( $user->ID, WORKOS_LOGIN_USER_META, true );
	if ( '' === $workos_id ) {
		return new WP_Error( 'not_linked', __( 'This user is not linked to a WorkOS user yet: they need to sign in with WorkOS once.', 'workos-login' ), array( 'status' => 400 ) );
	}
	$organization = workos_login_site_organization_id();
	$outcome      = workos_login_server_request(
		'admin/user',
		array(
			'input' => array(
				'user_id'         => $workos_id,
				'organization_id' => $organization,
			),
		),
		array( 'user' )
	);
	if ( is_wp_error( $outcome ) || 'user' !== $outcome['type'] ) {
		return new WP_Error( 'server_unavailable', __( 'WorkOS could not be asked right now; nothing was changed. Try again later.', 'workos-login' ), array( 'status' => 503 ) );
	}
	if ( null === $outcome['user'] ) {
		workos_login_set_suspended( $user, true, 'resync', 'WorkOS user no longer exists' );
		return new WP_Error( 'not_found', __( 'WorkOS has no such user any more; the WordPress user is now suspended.', 'workos-login' ), array( 'status' => 404 ) );
	}

	workos_login_sync_user( $user, $outcome['user'], array( 'user' => $outcome['user'] ) );
	$role_changed = false;
	if ( null !== $outcome['membership'] ) {
		$role_changed = workos_login_apply_mapped_role( $user, $outcome['membership']['role'] );
	}

	$gate = workos_login_gate_decision( $outcome['membership'], $organization, $organization );
	if ( ! $gate['allowed'] ) {
		workos_login_set_suspended( $user, true, 'resync', 'entitlement gate: ' . $gate['reason'] );
	} elseif ( 'resync' === workos_login_suspended_by( $user->ID ) ) {
		workos_login_set_suspended( $user, false, 'resync', 'entitlement gate admits the user again' );
	}
	return array(
		'suspended'    => workos_login_is_suspended( $user ),
		'role_changed' => $role_changed,
		'gate'         => $gate,
	);
}
