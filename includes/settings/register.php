<?php
/**
 * Registers every setting of settings/registry.php with the Settings API: a sanitiser that
 * validates (a bad field keeps its previous value and is reported, nothing else is lost), a
 * default, and `workos_login_settings_changed` on every real change.
 *
 * @package WorkOS_Login
 * @since   0.3.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** What the secret's old and new values are replaced by wherever they would be shown. */
const WORKOS_LOGIN_HIDDEN_VALUE = '(hidden)';

/**
 * Registers the settings. On `init`, so values written by code pass the same sanitisers as the
 * screens' (and the change hook fires for them too).
 *
 * @since 0.3.0
 */
function workos_login_register_settings(): void {
	foreach ( workos_login_settings_definitions() as $name => $definition ) {
		register_setting(
			$definition['group'],
			'workos_login_' . $name,
			array(
				'type'              => $definition['type'],
				'description'       => workos_login_setting_label( $name ),
				'default'           => $definition['default'],
				// Not in /wp/v2/settings: the screens and our own routes are the only editors.
				'show_in_rest'      => false,
				'sanitize_callback' => static function ( mixed $value ) use ( $name ): mixed {
					return workos_login_sanitize_setting( $name, $value );
				},
			)
		);
	}
}
add_action( 'init', 'workos_login_register_settings' );

/**
 * A setting's label, as the screens show it and as errors name it.
 *
 * @since 0.3.0
 *
 * @param string $name Setting name.
 */
function workos_login_setting_label( string $name ): string {
	$labels = array(
		'server_url'                 => __( 'Login server URL', 'workos-login' ),
		'secret'                     => __( 'Shared secret', 'workos-login' ),
		'secret_previous'            => __( 'Previous shared secret (during a rotation)', 'workos-login' ),
		'organization_id'            => __( 'Site organization', 'workos-login' ),
		'gate_enabled'               => __( 'Entitlement gate', 'workos-login' ),
		'gate_message'               => __( 'Denial message', 'workos-login' ),
		'user_creation'              => __( 'New users', 'workos-login' ),
		'default_role'               => __( 'Role for created users', 'workos-login' ),
		'role_map'                   => __( 'Role mapping', 'workos-login' ),
		'login_redirects'            => __( 'Redirect after sign-in', 'workos-login' ),
		'logout_redirects'           => __( 'Redirect after logout', 'workos-login' ),
		'hosted_logout'              => __( 'Hosted logout', 'workos-login' ),
		'allow_impersonation'        => __( 'WorkOS dashboard impersonation', 'workos-login' ),
		'audit_enabled'              => __( 'Audit log', 'workos-login' ),
		'audit_retention_days'       => __( 'Keep audit entries for', 'workos-login' ),
		'audit_forward'              => __( 'Forward to WorkOS Audit Logs', 'workos-login' ),
		'trusted_proxies'            => __( 'Trusted proxies', 'workos-login' ),
		'delete_data_on_uninstall'   => __( 'Delete data on uninstall', 'workos-login' ),
		'passkey_rp_id'              => __( 'Passkey domain (relying party ID)', 'workos-login' ),
		'passkey_step_up_roles'      => __( 'Roles that need a passkey or second factor', 'workos-login' ),
		'passkey_prompt_snooze_days' => __( 'Ask again after “Not now”', 'workos-login' ),
		'passkey_reauth_minutes'     => __( 'Recent sign-in to add a passkey', 'workos-login' ),
		'password_paths'             => __( 'WordPress passwords', 'workos-login' ),
		'headless_forms'             => __( 'Other plugins’ sign-in forms', 'workos-login' ),
	);
	return $labels[ $name ] ?? $name;
}

/**
 * The sanitiser of every setting.
 *
 * A value fixed by a constant or the environment is never overwritten by a form (its field is
 * disabled, so the form sends nothing): the stored value stays. An invalid value is reported
 * with add_settings_error() and the previous value is kept — for maps, entry by entry.
 *
 * @since 0.3.0
 *
 * @param string $name  Setting name.
 * @param mixed  $value What was submitted (or passed to update_option()).
 * @return mixed The value to store.
 */
function workos_login_sanitize_setting( string $name, mixed $value ): mixed {
	$definition = workos_login_settings_definitions()[ $name ];
	$stored     = get_option( 'workos_login_' . $name, $definition['default'] );
	if ( in_array( workos_login_option_source( $name ), array( 'constant', 'environment' ), true ) ) {
		return $stored;
	}
	$previous = workos_login_coerce_option( $name, $stored );

	switch ( $name ) {
		case 'server_url':
			$result = workos_login_sanitize_server_url( $value, $previous );
			break;
		case 'secret':
		case 'secret_previous':
			$result = workos_login_sanitize_secret( $value, $previous );
			break;
		case 'organization_id':
			$result = workos_login_sanitize_organization_id( $value, $previous );
			break;
		case 'gate_message':
			$result = workos_login_sanitize_gate_message( $value, $previous );
			break;
		case 'user_creation':
			$result = workos_login_sanitize_user_creation( $value, $previous );
			break;
		case 'default_role':
			$result = workos_login_sanitize_default_role( $value, $previous );
			break;
		case 'role_map':
			$result = workos_login_sanitize_role_map( $value, $previous );
			break;
		case 'login_redirects':
		case 'logout_redirects':
			$result = workos_login_sanitize_role_redirects( $value, $previous );
			break;
		case 'audit_retention_days':
			$result = workos_login_sanitize_retention_days( $value, $previous );
			break;
		case 'trusted_proxies':
			$result = workos_login_sanitize_trusted_proxies( $value, $previous );
			break;
		case 'passkey_rp_id':
			$result = workos_login_sanitize_passkey_rp_id( $value, $previous );
			break;
		case 'passkey_step_up_roles':
			$result = workos_login_sanitize_step_up_roles( $value, $previous );
			break;
		case 'password_paths':
			$result = workos_login_sanitize_password_paths( $value, $previous );
			break;
		case 'passkey_prompt_snooze_days':
			$result = workos_login_sanitize_whole_number( $value, $previous, 1, 365, __( 'days', 'workos-login' ) );
			break;
		case 'passkey_reauth_minutes':
			$result = workos_login_sanitize_whole_number( $value, $previous, 1, 1440, __( 'minutes', 'workos-login' ) );
			break;
		default:
			// Booleans: a checkbox sends '1' or nothing at all.
			$result = array( workos_login_coerce_option( $name, $value ?? false ), array() );
	}

	foreach ( $result[1] as $index => $problem ) {
		workos_login_report_setting_error( $name, $index, $problem );
	}
	return $result[0];
}

/**
 * Reports a problem with a submitted setting to the administrator (Settings API notice).
 *
 * @since 0.3.0
 *
 * @param string $name    Setting name.
 * @param int    $index   Problem number within the setting, for a unique notice id.
 * @param string $problem Plain-text sentence (escaped here: settings_errors() prints raw HTML).
 */
function workos_login_report_setting_error( string $name, int $index, string $problem ): void {
	if ( ! function_exists( 'add_settings_error' ) ) {
		return; // Outside wp-admin (code calling update_option()): the value was kept all the same.
	}
	$message = sprintf(
		/* translators: 1: setting label, 2: what is wrong, 3: sentence saying the previous value was kept. */
		__( '%1$s: %2$s %3$s', 'workos-login' ),
		workos_login_setting_label( $name ),
		$problem,
		__( 'The previous value was kept.', 'workos-login' )
	);
	add_settings_error( 'workos_login_' . $name, 'workos_login_' . $name . ( $index > 0 ? '_' . $index : '' ), esc_html( $message ), 'error' );
}

/**
 * Fires `workos_login_settings_changed` when a stored setting really changed.
 *
 * @since 0.3.0
 *
 * @param string $option    Option name.
 * @param mixed  $old_value Value before (raw, as stored).
 * @param mixed  $value     Value after (raw).
 */
function workos_login_settings_option_updated( string $option, mixed $old_value, mixed $value ): void {
	if ( ! str_starts_with( $option, 'workos_login_' ) ) {
		return;
	}
	$name = substr( $option, strlen( 'workos_login_' ) );
	if ( ! isset( workos_login_settings_definitions()[ $name ] ) ) {
		return;
	}
	$old = workos_login_coerce_option( $name, $old_value );
	$new = workos_login_coerce_option( $name, $value );
	if ( is_array( $old ) && is_array( $new ) && ! array_is_list( $old ) && ! array_is_list( $new ) ) {
		ksort( $old );
		ksort( $new );
	}
	if ( $old === $new ) {
		return;
	}
	if ( ! empty( workos_login_settings_definitions()[ $name ]['secret'] ) ) {
		$old = '' === $old ? '' : WORKOS_LOGIN_HIDDEN_VALUE;
		$new = '' === $new ? '' : WORKOS_LOGIN_HIDDEN_VALUE;
	}
	/**
	 * Fires when a WorkOS Login setting changed (the audit log records it as `settings_changed`).
	 *
	 * The shared secret's values are never passed: each is `(hidden)`, or '' when unset.
	 *
	 * @since 0.3.0
	 *
	 * @param string $name Setting name (workos_login_settings_definitions() key).
	 * @param mixed  $old  Previous value, of the setting's type.
	 * @param mixed  $new  New value, of the setting's type.
	 */
	do_action( 'workos_login_settings_changed', $name, $old, $new );
}
add_action( 'updated_option', 'workos_login_settings_option_updated', 10, 3 );

/**
 * The same for a setting stored for the first time: the value before was the default.
 *
 * @since 0.3.0
 *
 * @param string $option Option name.
 * @param mixed  $value  Value stored.
 */
function workos_login_settings_option_added( string $option, mixed $value ): void {
	$name = str_starts_with( $option, 'workos_login_' ) ? substr( $option, strlen( 'workos_login_' ) ) : '';
	if ( isset( workos_login_settings_definitions()[ $name ] ) ) {
		workos_login_settings_option_updated( $option, workos_login_settings_definitions()[ $name ]['default'], $value );
	}
}
add_action( 'added_option', 'workos_login_settings_option_added', 10, 2 );
