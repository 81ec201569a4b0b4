<?php
/**
 * The plugin's settings: one definition per setting, read in one way everywhere.
 *
 * Each setting is an option `workos_login_<name>` registered with `register_setting` (screens:
 * WorkOS → Settings and → Roles), and can instead be fixed by a `wp-config.php` constant — then
 * the constant wins and the screen shows the field read-only with its source. The first three
 * can also come from the environment (how the embedded default and containers configure them).
 *
 * @package WorkOS_Login
 * @since   0.3.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Every setting: its constant, type, default and the screen (group) that edits it.
 *
 * `type` is the `register_setting` type; `env` marks settings also read from the environment;
 * `secret` marks values never printed back.
 *
 * @since 0.3.0
 * @since 0.5.0 The passkey settings.
 *
 * @return array<string, array{constant: string, type: string, default: mixed, group: string, env?: bool, secret?: bool}>
 */
function workos_login_settings_definitions(): array {
	// Read on every option lookup: built once per request (no translations in it, so no locale to follow).
	static $definitions   = null;
	return $definitions ??= array(
		'server_url'                 => array(
			'constant' => 'WORKOS_LOGIN_SERVER_URL',
			'type'     => 'string',
			'default'  => '',
			'group'    => 'workos_login_settings',
			'env'      => true,
		),
		'secret'                     => array(
			'constant' => 'WORKOS_LOGIN_SECRET',
			'type'     => 'string',
			'default'  => '',
			'group'    => 'workos_login_settings',
			'env'      => true,
			'secret'   => true,
		),
		'secret_previous'            => array(
			'constant' => 'WORKOS_LOGIN_SECRET_PREVIOUS',
			'type'     => 'string',
			'default'  => '',
			'group'    => 'workos_login_settings',
			'env'      => true,
			'secret'   => true,
		),
		'organization_id'            => array(
			'constant' => 'WORKOS_ORGANIZATION_ID',
			'type'     => 'string',
			'default'  => '',
			'group'    => 'workos_login_settings',
			'env'      => true,
		),
		// Entitlement gate: an active membership in the required organization to sign in.
		'gate_enabled'               => array(
			'constant' => 'WORKOS_LOGIN_GATE_ENABLED',
			'type'     => 'boolean',
			'default'  => false,
			'group'    => 'workos_login_settings',
		),
		// Shown to denied users; '' = the built-in message.
		'gate_message'               => array(
			'constant' => 'WORKOS_LOGIN_GATE_MESSAGE',
			'type'     => 'string',
			'default'  => '',
			'group'    => 'workos_login_settings',
		),
		// 'create': a first sign-in creates the WordPress user; 'link_only': only existing users.
		'user_creation'              => array(
			'constant' => 'WORKOS_LOGIN_USER_CREATION',
			'type'     => 'string',
			'default'  => 'create',
			'group'    => 'workos_login_settings',
		),
		// Role given to created users; '' = WordPress's own default role (Settings → General).
		'default_role'               => array(
			'constant' => 'WORKOS_LOGIN_DEFAULT_ROLE',
			'type'     => 'string',
			'default'  => '',
			'group'    => 'workos_login_roles',
		),
		// WorkOS role slug => WordPress role. Nothing is implied.
		'role_map'                   => array(
			'constant' => 'WORKOS_LOGIN_ROLE_MAP',
			'type'     => 'object',
			'default'  => array(),
			'group'    => 'workos_login_roles',
		),
		// WordPress role => URL after sign-in (below redirect_to and the profile's own).
		'login_redirects'            => array(
			'constant' => 'WORKOS_LOGIN_LOGIN_REDIRECTS',
			'type'     => 'object',
			'default'  => array(),
			'group'    => 'workos_login_roles',
		),
		// WordPress role => URL after logout.
		'logout_redirects'           => array(
			'constant' => 'WORKOS_LOGIN_LOGOUT_REDIRECTS',
			'type'     => 'object',
			'default'  => array(),
			'group'    => 'workos_login_roles',
		),
		// Send the browser through WorkOS's logout URL so the hosted session ends too.
		'hosted_logout'              => array(
			'constant' => 'WORKOS_LOGIN_HOSTED_LOGOUT',
			'type'     => 'boolean',
			'default'  => false,
			'group'    => 'workos_login_settings',
		),
		// Let a WorkOS dashboard member sign in as a user (impersonation, identity/impersonation.php); refused by default.
		'allow_impersonation'        => array(
			'constant' => 'WORKOS_LOGIN_ALLOW_IMPERSONATION',
			'type'     => 'boolean',
			'default'  => false,
			'group'    => 'workos_login_settings',
		),
		'audit_enabled'              => array(
			'constant' => 'WORKOS_LOGIN_AUDIT_ENABLED',
			'type'     => 'boolean',
			'default'  => true,
			'group'    => 'workos_login_settings',
		),
		'audit_retention_days'       => array(
			'constant' => 'WORKOS_LOGIN_AUDIT_RETENTION_DAYS',
			'type'     => 'integer',
			'default'  => 90,
			'group'    => 'workos_login_settings',
		),
		// Forward each audit event to WorkOS Audit Logs (through the login server).
		'audit_forward'              => array(
			'constant' => 'WORKOS_LOGIN_AUDIT_FORWARD',
			'type'     => 'boolean',
			'default'  => false,
			'group'    => 'workos_login_settings',
		),
		// IPs / CIDRs whose X-Forwarded-For is believed; empty = REMOTE_ADDR only.
		'trusted_proxies'            => array(
			'constant' => 'WORKOS_LOGIN_TRUSTED_PROXIES',
			'type'     => 'array',
			'default'  => array(),
			'group'    => 'workos_login_settings',
		),
		// Passkeys (passkeys/settings.php): the WebAuthn relying party id; '' = the home URL's host.
		'passkey_rp_id'              => array(
			'constant' => 'WORKOS_LOGIN_PASSKEY_RP_ID',
			'type'     => 'string',
			'default'  => '',
			'group'    => 'workos_login_settings',
		),
		// WordPress roles that must sign in with a passkey or a second factor (role-based step-up).
		'passkey_step_up_roles'      => array(
			'constant' => 'WORKOS_LOGIN_PASSKEY_STEP_UP_ROLES',
			'type'     => 'array',
			'default'  => array(),
			'group'    => 'workos_login_settings',
		),
		// Days the "Sign in faster next time?" prompt stays away after "Not now".
		'passkey_prompt_snooze_days' => array(
			'constant' => 'WORKOS_LOGIN_PASSKEY_PROMPT_SNOOZE_DAYS',
			'type'     => 'integer',
			'default'  => 30,
			'group'    => 'workos_login_settings',
		),
		// Adding a passkey needs a sign-in at most this many minutes old.
		'passkey_reauth_minutes'     => array(
			'constant' => 'WORKOS_LOGIN_PASSKEY_REAUTH_MINUTES',
			'type'     => 'integer',
			'default'  => 10,
			'group'    => 'workos_login_settings',
		),
		// Path (WORKOS_LOGIN_PASSWORD_PATH_NAMES) => the roles whose WordPress passwords it lets through; none by default.
		'password_paths'             => array(
			'constant' => 'WORKOS_LOGIN_PASSWORD_PATHS',
			'type'     => 'object',
			'default'  => array(),
			'group'    => 'workos_login_settings',
		),
		// Other plugins' sign-in forms check email and password against WorkOS (identity/password-headless.php).
		'headless_forms'             => array(
			'constant' => 'WORKOS_LOGIN_HEADLESS_FORMS',
			'type'     => 'boolean',
			'default'  => false,
			'group'    => 'workos_login_settings',
		),
		'delete_data_on_uninstall'   => array(
			'constant' => 'WORKOS_LOGIN_DELETE_DATA_ON_UNINSTALL',
			'type'     => 'boolean',
			'default'  => false,
			'group'    => 'workos_login_settings',
		),
	);
}

/**
 * Where a setting's value comes from right now.
 *
 * @since 0.3.0
 *
 * @param string $name Setting name (a key of workos_login_settings_definitions()).
 * @return string 'constant', 'environment', 'database' or 'default'.
 */
function workos_login_option_source( string $name ): string {
	$definition = workos_login_settings_definitions()[ $name ] ?? null;
	if ( null === $definition ) {
		return 'default';
	}
	if ( defined( $definition['constant'] ) ) {
		return 'constant';
	}
	if ( ! empty( $definition['env'] ) && is_string( getenv( $definition['constant'] ) ) && '' !== trim( (string) getenv( $definition['constant'] ) ) ) {
		return 'environment';
	}
	if ( null !== get_option( 'workos_login_' . $name, null ) ) {
		return 'database';
	}
	return 'default';
}

/**
 * A setting's value: constant, else environment (where allowed), else option, else default —
 * always of the setting's type (constants and stored values pass the same sanitiser).
 *
 * @since 0.3.0
 *
 * @param string $name Setting name.
 * @return mixed The value; null for an unknown name.
 */
function workos_login_option( string $name ): mixed {
	$definition = workos_login_settings_definitions()[ $name ] ?? null;
	if ( null === $definition ) {
		return null;
	}
	switch ( workos_login_option_source( $name ) ) {
		case 'constant':
			$value = constant( $definition['constant'] );
			break;
		case 'environment':
			$value = getenv( $definition['constant'] );
			break;
		case 'database':
			$value = get_option( 'workos_login_' . $name );
			break;
		default:
			return $definition['default'];
	}
	return workos_login_coerce_option( $name, $value );
}

/**
 * Brings a raw value to the setting's type, falling back to the default when it cannot be.
 *
 * This is type coercion only; the settings screen's sanitisers (which also report errors to the
 * administrator) run before anything is stored.
 *
 * @since 0.3.0
 *
 * @param string $name  Setting name.
 * @param mixed  $value Raw value.
 * @return mixed
 */
function workos_login_coerce_option( string $name, mixed $value ): mixed {
	$definition = workos_login_settings_definitions()[ $name ];
	switch ( $definition['type'] ) {
		case 'boolean':
			return is_bool( $value ) ? $value : in_array( strtolower( trim( (string) ( is_scalar( $value ) ? $value : '' ) ) ), array( '1', 'true', 'yes', 'on' ), true );
		case 'integer':
			return is_numeric( $value ) ? (int) $value : $definition['default'];
		case 'string':
			return is_scalar( $value ) ? trim( (string) $value ) : $definition['default'];
		case 'object':
			if ( is_string( $value ) ) {
				$value = json_decode( $value, true );
			}
			if ( ! is_array( $value ) ) {
				return $definition['default'];
			}
			$map = array();
			foreach ( $value as $key => $item ) {
				if ( is_string( $key ) && is_string( $item ) ) {
					$map[ $key ] = $item;
				} elseif ( is_string( $key ) && is_array( $item ) ) {
					// A list of strings (`password_paths`: path => roles).
					$map[ $key ] = array_values( array_filter( $item, 'is_string' ) );
				}
			}
			return $map;
		case 'array':
			if ( is_string( $value ) ) {
				$value = preg_split( '/[\s,]+/', $value, -1, PREG_SPLIT_NO_EMPTY );
			}
			return is_array( $value ) ? array_values( array_filter( $value, 'is_string' ) ) : $definition['default'];
	}
	return $definition['default'];
}
