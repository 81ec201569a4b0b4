<?php
/**
 * The entitlement gate and the role mapping: pure decisions over WorkOS data.
 *
 * Login completion applies them; the Roles screen's dry-run preview shows them without applying
 * anything. Both read the same functions, so the preview cannot disagree with a real sign-in.
 *
 * @package WorkOS_Login
 * @since   0.3.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The organization a sign-in through this profile must belong to: the profile's pinned
 * organization, else the site organization.
 *
 * @since 0.3.0
 *
 * @param array{organization_id?: string|null}|null $profile The stored profile, null for none.
 * @return string|null Null when neither is set.
 */
function workos_login_required_organization( ?array $profile ): ?string {
	$pinned = is_array( $profile ) ? ( $profile['organization_id'] ?? null ) : null;
	return is_string( $pinned ) && '' !== $pinned ? $pinned : workos_login_site_organization_id();
}

/**
 * Whether the gate lets this membership through.
 *
 * Decides from the membership the login server looked up live for `$membership_org`; a
 * membership in any other organization counts for nothing. With the gate off everyone passes.
 *
 * @since 0.3.0
 *
 * @param array{role: string, status: string}|null $membership     Live membership, null when none.
 * @param string|null                              $membership_org The organization that membership is in.
 * @param string|null                              $required_org   workos_login_required_organization().
 * @return array{allowed: bool, reason: string} `reason`: 'gate_off', 'member', 'no_organization'
 *                                              (gate on but nothing to check against: fail closed),
 *                                              'not_member', 'inactive' (any status but active).
 */
function workos_login_gate_decision( ?array $membership, ?string $membership_org, ?string $required_org ): array {
	if ( ! workos_login_option( 'gate_enabled' ) ) {
		return array(
			'allowed' => true,
			'reason'  => 'gate_off',
		);
	}
	if ( null === $required_org ) {
		return array(
			'allowed' => false,
			'reason'  => 'no_organization',
		);
	}
	if ( null === $membership || $membership_org !== $required_org ) {
		return array(
			'allowed' => false,
			'reason'  => 'not_member',
		);
	}
	if ( 'active' !== ( $membership['status'] ?? '' ) ) {
		return array(
			'allowed' => false,
			'reason'  => 'inactive',
		);
	}
	return array(
		'allowed' => true,
		'reason'  => 'member',
	);
}

/**
 * The message a denied visitor sees: the administrator's, else the built-in one.
 *
 * @since 0.3.0
 *
 * @return string Plain text (escape when printing).
 */
function workos_login_gate_message(): string {
	$message = trim( (string) workos_login_option( 'gate_message' ) );
	return '' !== $message ? $message : __( 'Your account does not have access to this site. Ask your organization’s administrator for access.', 'workos-login' );
}

/**
 * The WordPress role a WorkOS role maps to, if the administrator mapped it.
 *
 * No mapping is ever implied: an unmapped slug, or one mapped to a role that no longer exists,
 * gives null (change nothing). `administrator` is only ever the result of an explicit mapping.
 *
 * @since 0.3.0
 *
 * @param string|null $workos_role WorkOS role slug, null without a membership.
 * @return string|null WordPress role slug.
 */
function workos_login_mapped_role( ?string $workos_role ): ?string {
	if ( null === $workos_role || '' === $workos_role ) {
		return null;
	}
	$map  = (array) workos_login_option( 'role_map' );
	$role = $map[ $workos_role ] ?? null;
	return is_string( $role ) && null !== get_role( $role ) ? $role : null;
}
