<?php
/**
 * What changes to accounts and configuration write to the audit log: linking, creation, role
 * sync, suspension, Login Profiles, settings and routing rules.
 *
 * @package WorkOS_Login
 * @since   0.3.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * `user_linked`: an existing WordPress user was linked to a WorkOS user.
 *
 * @since 0.3.0
 *
 * @param WP_User              $user     The user.
 * @param array<string, mixed> $identity The identity.
 */
function workos_login_audit_on_user_linked( $user, $identity ): void {
	workos_login_audit_account_event( 'user_linked', $user, $identity );
}
add_action( 'workos_login_user_linked', 'workos_login_audit_on_user_linked', 10, 2 );

/**
 * `user_created`: a WordPress user was created for a WorkOS user.
 *
 * @since 0.3.0
 *
 * @param WP_User              $user     The new user.
 * @param array<string, mixed> $identity The identity.
 */
function workos_login_audit_on_user_created( $user, $identity ): void {
	workos_login_audit_account_event( 'user_created', $user, $identity, array( 'roles' => $user instanceof WP_User ? array_values( $user->roles ) : array() ) );
}
add_action( 'workos_login_user_created', 'workos_login_audit_on_user_created', 10, 2 );

/**
 * Records an event about a user reached through an identity.
 *
 * @since 0.3.0
 *
 * @param string               $event    Event name.
 * @param WP_User              $user     The user.
 * @param array<string, mixed> $identity The identity.
 * @param array<string, mixed> $detail   Extra detail.
 */
function workos_login_audit_account_event( string $event, $user, $identity, array $detail = array() ): void {
	if ( ! $user instanceof WP_User ) {
		return;
	}
	$identity = is_array( $identity ) ? $identity : array();
	workos_login_audit(
		$event,
		array( 'user_id' => $user->ID ) + workos_login_audit_identity_fields( $identity ) + array( 'detail' => $detail )
	);
}

/**
 * `email_conflict`: WorkOS reported an email another WordPress account uses; the change was refused.
 *
 * @since 0.3.0
 *
 * @param WP_User              $user     The signing-in user (keeps its email).
 * @param int                  $other_id The account that has the email.
 * @param array<string, mixed> $identity The identity.
 */
function workos_login_audit_on_email_conflict( $user, $other_id, $identity ): void {
	workos_login_audit_account_event( 'email_conflict', $user, $identity, array( 'conflicting_user_id' => (int) $other_id ) );
}
add_action( 'workos_login_email_conflict', 'workos_login_audit_on_email_conflict', 10, 3 );

/**
 * `role_changed`: role sync applied a mapped role.
 *
 * @since 0.3.0
 *
 * @param WP_User  $user        The user.
 * @param string[] $old_roles   WordPress roles before.
 * @param string   $new_role    WordPress role after.
 * @param string   $workos_role The WorkOS role it was mapped from.
 */
function workos_login_audit_on_role_changed( $user, $old_roles = array(), $new_role = '', $workos_role = '' ): void {
	if ( ! $user instanceof WP_User ) {
		return;
	}
	workos_login_audit(
		'role_changed',
		workos_login_audit_user_fields( $user ) + array(
			'method'  => workos_login_audit_request_method(),
			'profile' => workos_login_audit_request_profile(),
			'detail'  => array(
				'old_roles'   => array_values( array_map( 'strval', (array) $old_roles ) ),
				'new_role'    => (string) $new_role,
				'workos_role' => (string) $workos_role,
			),
		)
	);
}
add_action( 'workos_login_role_changed', 'workos_login_audit_on_role_changed', 10, 4 );

/**
 * `user_suspended`: a user was suspended or allowed back (by an administrator or a re-sync).
 *
 * @since 0.3.0
 *
 * @param WP_User $user      The user.
 * @param bool    $suspended True when suspended, false when lifted.
 * @param string  $reason    Why.
 */
function workos_login_audit_on_user_suspended( $user, $suspended = true, $reason = '' ): void {
	if ( ! $user instanceof WP_User ) {
		return;
	}
	workos_login_audit(
		'user_suspended',
		workos_login_audit_user_fields( $user ) + array(
			'detail' => array(
				'suspended' => (bool) $suspended,
				'reason'    => workos_login_audit_cut( (string) $reason, 200 ),
				'by'        => get_current_user_id(),
			),
		)
	);
}
add_action( 'workos_login_user_suspended', 'workos_login_audit_on_user_suspended', 10, 3 );

/**
 * `profile_changed`: a Login Profile was created, updated, renamed or deleted.
 *
 * @since 0.3.0
 *
 * @param string                    $slug The profile's slug.
 * @param array<string, mixed>|null $old  Before; null when created.
 * @param array<string, mixed>|null $new  After; null when deleted.
 */
function workos_login_audit_on_profile_changed( $slug, $old = null, $new = null ): void {
	$old    = is_array( $old ) ? $old : null;
	$new    = is_array( $new ) ? $new : null;
	$action = null === $old ? 'created' : ( null === $new ? 'deleted' : 'updated' );
	$detail = array( 'action' => $action );
	if ( $old && $new ) {
		$detail['changed'] = array_values(
			array_filter(
				array_unique( array_merge( array_keys( $old ), array_keys( $new ) ) ),
				static function ( $key ) use ( $old, $new ): bool {
					return ( $old[ $key ] ?? null ) !== ( $new[ $key ] ?? null );
				}
			)
		);
		if ( ( $old['slug'] ?? $slug ) !== $slug ) {
			$detail['renamed_from'] = (string) $old['slug'];
		}
	}
	workos_login_audit(
		'profile_changed',
		workos_login_audit_actor_fields() + array(
			'profile' => (string) $slug,
			'detail'  => $detail,
		)
	);
}
add_action( 'workos_login_profile_changed', 'workos_login_audit_on_profile_changed', 10, 3 );

/**
 * `settings_changed`: a plugin setting changed. A secret's value is never recorded, only that
 * it changed.
 *
 * @since 0.3.0
 *
 * @param string $name Setting name (workos_login_settings_definitions()).
 * @param mixed  $old  Value before.
 * @param mixed  $new  Value after.
 */
function workos_login_audit_on_settings_changed( $name, $old = null, $new = null ): void {
	$name       = (string) $name;
	$definition = workos_login_settings_definitions()[ $name ] ?? array();
	$detail     = array( 'setting' => $name );
	if ( ! empty( $definition['secret'] ) || 1 === preg_match( '/secret|password|token|api_key/i', $name ) ) {
		$detail['secret'] = true;
	} else {
		$detail['old'] = $old;
		$detail['new'] = $new;
	}
	$fields = workos_login_audit_actor_fields() + array( 'detail' => $detail );
	// Switching the log off is the last thing it records.
	if ( 'audit_enabled' === $name && ! $new ) {
		workos_login_audit_write( 'settings_changed', $fields );
	} else {
		workos_login_audit( 'settings_changed', $fields );
	}
}
add_action( 'workos_login_settings_changed', 'workos_login_audit_on_settings_changed', 10, 3 );

/**
 * `settings_changed` for the routing rules (WorkOS → Login Profiles → routing).
 *
 * @since 0.3.0
 *
 * @param array<int, array<string, string>> $rules    Rules after.
 * @param array<int, array<string, string>> $previous Rules before.
 */
function workos_login_audit_on_routing_rules( $rules, $previous = array() ): void {
	workos_login_audit(
		'settings_changed',
		workos_login_audit_actor_fields() + array(
			'detail' => array(
				'setting' => 'routing_rules',
				'old'     => is_array( $previous ) ? array_values( $previous ) : array(),
				'new'     => is_array( $rules ) ? array_values( $rules ) : array(),
			),
		)
	);
}
add_action( 'workos_login_routing_rules_updated', 'workos_login_audit_on_routing_rules', 10, 2 );

/**
 * The signed-in user who made a change (administrator events), if any.
 *
 * @since 0.3.0
 *
 * @return array{user_id?: int, email?: string, workos_user_id?: string}
 */
function workos_login_audit_actor_fields(): array {
	$user = wp_get_current_user();
	return $user->exists() ? workos_login_audit_user_fields( $user ) : array();
}
