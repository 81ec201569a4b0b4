<?php
/**
 * The dry-run preview in sentences, for the Roles screen and the REST answer.
 *
 * @package WorkOS_Login
 * @since   0.3.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * One sentence per part of a preview (plain text).
 *
 * @since 0.3.0
 *
 * @param array<string, mixed> $preview workos_login_preview_sign_in()'s answer.
 * @return array{workos_user: string, membership: string, gate: string, account: string, suspended: string, roles: string, decision: string}
 */
function workos_login_preview_sentences( array $preview ): array {
	$user       = $preview['workos_user'];
	$membership = $preview['membership'];
	$org        = $preview['organization_id'] ?? __( '(none)', 'workos-login' );

	if ( null === $user ) {
		$found = __( 'No WorkOS user was found.', 'workos-login' );
	} else {
		$found = sprintf(
			/* translators: 1: email, 2: WorkOS user id, 3: "verified" or "not verified". */
			__( 'Found: %1$s (%2$s), email %3$s.', 'workos-login' ),
			$user['email'],
			$user['id'],
			$user['email_verified'] ? __( 'verified', 'workos-login' ) : __( 'not verified', 'workos-login' )
		);
	}

	if ( null === $preview['organization_id'] ) {
		$member = __( 'No organization to look in: neither the profile nor the site names one.', 'workos-login' );
	} elseif ( null === $membership ) {
		/* translators: %s: organization id. */
		$member = sprintf( __( 'Not a member of %s.', 'workos-login' ), $org );
	} else {
		/* translators: 1: WorkOS role slug, 2: membership status (active, inactive, pending), 3: organization id. */
		$member = sprintf( __( 'Role “%1$s”, membership %2$s, in %3$s.', 'workos-login' ), $membership['role'], $membership['status'], $org );
	}

	return array(
		'workos_user' => $found,
		'membership'  => $member,
		'gate'        => workos_login_preview_gate_sentence( $preview['gate']['reason'], $org, $membership ),
		'account'     => workos_login_preview_account_sentence( $preview['account'] ),
		'suspended'   => $preview['suspended'] ? __( 'Yes: this account is suspended and cannot sign in.', 'workos-login' ) : __( 'No.', 'workos-login' ),
		'roles'       => workos_login_preview_roles_sentence( $preview['roles'] ),
		'decision'    => workos_login_preview_decision_sentence( $preview['decision'] ),
	);
}

/**
 * The gate's decision in words.
 *
 * @since 0.3.0
 *
 * @param string                                   $reason     workos_login_gate_decision() reason.
 * @param string                                   $org        Organization id (or "(none)").
 * @param array{role: string, status: string}|null $membership Live membership.
 */
function workos_login_preview_gate_sentence( string $reason, string $org, ?array $membership ): string {
	switch ( $reason ) {
		case 'gate_off':
			return __( 'Off: the gate lets everyone through.', 'workos-login' );
		case 'member':
			/* translators: %s: organization id. */
			return sprintf( __( 'Allowed: an active member of %s.', 'workos-login' ), $org );
		case 'no_organization':
			return __( 'Denied: the gate is on but no organization is set, so nobody can be checked (it fails closed).', 'workos-login' );
		case 'inactive':
			/* translators: 1: organization id, 2: membership status. */
			return sprintf( __( 'Denied: the membership in %1$s is %2$s, not active.', 'workos-login' ), $org, (string) ( $membership['status'] ?? '' ) );
		default:
			/* translators: %s: organization id. */
			return sprintf( __( 'Denied: not a member of %s.', 'workos-login' ), $org );
	}
}

/**
 * Which WordPress account sign-in would use, in words.
 *
 * @since 0.3.0
 *
 * @param array{action: string, user_id: int|null, user_login: string|null, reason: string|null, same_as_chosen: bool|null} $account The preview's account part.
 */
function workos_login_preview_account_sentence( array $account ): string {
	$login = (string) $account['user_login'];
	switch ( $account['action'] ) {
		case 'existing':
			/* translators: %s: username. */
			$text = sprintf( __( '“%s”, linked by its WorkOS user id.', 'workos-login' ), $login );
			break;
		case 'link':
			/* translators: %s: username. */
			$text = sprintf( __( '“%s”, found by its verified email; it would be linked to this WorkOS user.', 'workos-login' ), $login );
			break;
		case 'create':
			/* translators: %s: role name. */
			$text = sprintf( __( 'None yet: a new WordPress user would be created (role: %s).', 'workos-login' ), workos_login_role_name( workos_login_default_role() ) );
			break;
		case 'none':
			return __( 'None: without a WorkOS user there is nothing to sign in.', 'workos-login' );
		default:
			if ( 'unverified_email' === $account['reason'] ) {
				/* translators: %s: username. */
				$text = sprintf( __( 'Would be refused: “%s” has this email, but WorkOS has not verified it, so it is not linked.', 'workos-login' ), $login );
			} elseif ( 'linked_elsewhere' === $account['reason'] ) {
				/* translators: %s: username. */
				$text = sprintf( __( 'Would be refused: “%s” has this email but is linked to another WorkOS user.', 'workos-login' ), $login );
			} else {
				$text = __( 'Would be refused (link only): no WordPress user matches, and new users are not created.', 'workos-login' );
			}
	}
	if ( false === $account['same_as_chosen'] ) {
		$text .= ' ' . __( 'Note: this is not the WordPress user you chose.', 'workos-login' );
	}
	return $text;
}

/**
 * The role change in words.
 *
 * @since 0.3.0
 *
 * @param array{current: string[], workos_role: string|null, mapped: string|null, after: string[]} $roles The preview's roles part.
 */
function workos_login_preview_roles_sentence( array $roles ): string {
	$names   = static fn( array $slugs ): string => $slugs ? implode( ', ', array_map( 'workos_login_role_name', $slugs ) ) : __( '(no role)', 'workos-login' );
	$current = $names( $roles['current'] );
	if ( null === $roles['workos_role'] ) {
		/* translators: %s: WordPress role names. */
		return sprintf( __( '%s → no change (no membership to map).', 'workos-login' ), $current );
	}
	if ( null === $roles['mapped'] ) {
		/* translators: 1: WordPress role names, 2: WorkOS role slug. */
		return sprintf( __( '%1$s → no change (WorkOS role “%2$s” is not mapped).', 'workos-login' ), $current, $roles['workos_role'] );
	}
	if ( array( $roles['mapped'] ) === $roles['current'] ) {
		/* translators: 1: WordPress role names, 2: WorkOS role slug. */
		return sprintf( __( '%1$s → no change (WorkOS role “%2$s” maps to it already).', 'workos-login' ), $current, $roles['workos_role'] );
	}
	/* translators: 1: WordPress role names now, 2: the mapped role name, 3: WorkOS role slug. */
	return sprintf( __( '%1$s → %2$s (mapped from WorkOS role “%3$s”).', 'workos-login' ), $current, workos_login_role_name( $roles['mapped'] ), $roles['workos_role'] );
}

/**
 * The overall answer in words.
 *
 * @since 0.3.0
 *
 * @param array{allowed: bool, reason: string} $decision The preview's decision.
 */
function workos_login_preview_decision_sentence( array $decision ): string {
	if ( $decision['allowed'] ) {
		return __( 'Sign-in would be allowed.', 'workos-login' );
	}
	$reasons = array(
		'no_workos_user'   => __( 'WorkOS has no such user.', 'workos-login' ),
		'not_member'       => __( 'the entitlement gate denies it (not a member).', 'workos-login' ),
		'inactive'         => __( 'the entitlement gate denies it (membership not active).', 'workos-login' ),
		'no_organization'  => __( 'the entitlement gate denies it (no organization set).', 'workos-login' ),
		'unverified_email' => __( 'the email is not verified, so the existing account is not linked.', 'workos-login' ),
		'linked_elsewhere' => __( 'the account with this email is linked to another WorkOS user.', 'workos-login' ),
		'link_only'        => __( 'no WordPress user matches and new users are not created.', 'workos-login' ),
		'suspended'        => __( 'the account is suspended.', 'workos-login' ),
	);
	/* translators: %s: the reason. */
	return sprintf( __( 'Sign-in would be refused: %s', 'workos-login' ), $reasons[ $decision['reason'] ] ?? $decision['reason'] );
}
