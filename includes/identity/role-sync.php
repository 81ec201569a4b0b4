<?php
/**
 * Role sync: the WorkOS role, mapped by the administrator, becomes the WordPress role.
 *
 * @package WorkOS_Login
 * @since   0.3.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Applies the mapped role for a WorkOS role, when there is one and the user lacks it.
 *
 * An unmapped role changes nothing (workos_login_mapped_role() returns null). A mapped role
 * replaces the user's roles on this site, as "Change role to…" on the Users screen does.
 *
 * @since 0.3.0
 *
 * @param WP_User $user        The user.
 * @param string  $workos_role The live WorkOS role slug in the required organization.
 * @return bool Whether the role changed.
 */
function workos_login_apply_mapped_role( WP_User $user, string $workos_role ): bool {
	$role = workos_login_mapped_role( $workos_role );
	if ( null === $role ) {
		return false;
	}
	$old_roles = array_values( $user->roles );
	if ( array( $role ) === $old_roles ) {
		return false;
	}
	$user->set_role( $role );
	/**
	 * Fires after role sync changed a user's role.
	 *
	 * @since 0.3.0
	 *
	 * @param WP_User  $user        The user.
	 * @param string[] $old_roles   Roles before.
	 * @param string   $new_role    Role now.
	 * @param string   $workos_role The WorkOS role it maps from.
	 */
	do_action( 'workos_login_role_changed', $user, $old_roles, $role, $workos_role );
	return true;
}
