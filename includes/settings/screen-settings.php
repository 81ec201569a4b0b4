<?php
/**
 * WorkOS → Settings: connection, site organization, entitlement gate, new users, logout, audit
 * log, trusted proxies, passkeys and uninstall — a Settings API form posted to options.php.
 *
 * @package WorkOS_Login
 * @since   0.3.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** Slug of the Settings screen (also its Settings API page). */
const WORKOS_LOGIN_SETTINGS_PAGE = 'workos-login-settings';

/**
 * Adds WorkOS → Settings.
 *
 * @since 0.3.0
 */
function workos_login_settings_menu(): void {
	add_submenu_page(
		WORKOS_LOGIN_ADMIN_MENU,
		__( 'WorkOS Login Settings', 'workos-login' ),
		__( 'Settings', 'workos-login' ),
		'manage_options',
		WORKOS_LOGIN_SETTINGS_PAGE,
		'workos_login_render_settings_screen'
	);
}
add_action( 'admin_menu', 'workos_login_settings_menu', 20 );

/**
 * Declares the screen's sections and fields (when the screen is printed: options.php needs only
 * the registered settings, settings/register.php).
 *
 * @since 0.3.0
 */
function workos_login_settings_sections(): void {
	$page   = WORKOS_LOGIN_SETTINGS_PAGE;
	$render = 'workos_login_render_field';

	add_settings_section( 'workos_login_connection', __( 'Connection', 'workos-login' ), 'workos_login_render_connection_intro', $page );
	add_settings_field(
		'server_url',
		esc_html( workos_login_setting_label( 'server_url' ) ),
		$render,
		$page,
		'workos_login_connection',
		workos_login_field_args(
			'server_url',
			array(
				'kind'        => 'url',
				'description' => __( 'Where WordPress reaches the login server (a loopback or private address; browsers never call it).', 'workos-login' ),
				'placeholder' => 'http://127.0.0.1:4101',
			)
		)
	);
	add_settings_field( 'secret', esc_html( workos_login_setting_label( 'secret' ) ), 'workos_login_render_secret_field', $page, 'workos_login_connection', workos_login_field_args( 'secret' ) );
	add_settings_field(
		'organization_id',
		esc_html( workos_login_setting_label( 'organization_id' ) ),
		$render,
		$page,
		'workos_login_connection',
		workos_login_field_args(
			'organization_id',
			array(
				'description' => __( 'The WorkOS organization of this site (org_…): the entitlement gate and the role mapping use it unless a Login Profile pins its own.', 'workos-login' ),
				'placeholder' => 'org_…',
			)
		)
	);

	add_settings_section( 'workos_login_access', __( 'Access', 'workos-login' ), '__return_null', $page );
	add_settings_field(
		'gate_enabled',
		esc_html( workos_login_setting_label( 'gate_enabled' ) ),
		$render,
		$page,
		'workos_login_access',
		workos_login_field_args(
			'gate_enabled',
			array(
				'kind'           => 'checkbox',
				'checkbox_label' => __( 'Only active members of the required organization may sign in', 'workos-login' ),
				'description'    => __( 'Checked live with WorkOS at every sign-in; when it cannot be checked, sign-in is refused.', 'workos-login' ),
			)
		)
	);
	add_settings_field(
		'gate_message',
		esc_html( workos_login_setting_label( 'gate_message' ) ),
		$render,
		$page,
		'workos_login_access',
		workos_login_field_args(
			'gate_message',
			array(
				'kind'        => 'textarea',
				'description' => __( 'Shown to people the gate turns away. Leave empty for the built-in message.', 'workos-login' ),
			)
		)
	);
	add_settings_field(
		'user_creation',
		esc_html( workos_login_setting_label( 'user_creation' ) ),
		$render,
		$page,
		'workos_login_access',
		array(
			'name'        => 'user_creation',
			'kind'        => 'radio',
			'choices'     => array(
				'create'    => __( 'Create a WordPress user at the first sign-in', 'workos-login' ),
				'link_only' => __( 'Only link existing WordPress users (by verified email)', 'workos-login' ),
			),
			'description' => __( 'The role of created users is chosen on the Roles screen.', 'workos-login' ),
		)
	);
	add_settings_field(
		'hosted_logout',
		esc_html( workos_login_setting_label( 'hosted_logout' ) ),
		$render,
		$page,
		'workos_login_access',
		workos_login_field_args(
			'hosted_logout',
			array(
				'kind'           => 'checkbox',
				'checkbox_label' => __( 'Log out of WorkOS too (through WorkOS’s logout page)', 'workos-login' ),
			)
		)
	);
	add_settings_field(
		'allow_impersonation',
		esc_html( workos_login_setting_label( 'allow_impersonation' ) ),
		$render,
		$page,
		'workos_login_access',
		workos_login_field_args(
			'allow_impersonation',
			array(
				'kind'           => 'checkbox',
				'checkbox_label' => __( 'Let members of your WorkOS team sign in as a user from the WorkOS dashboard', 'workos-login' ),
				'description'    => __( 'Off: such sign-ins are refused and audited. On: each is audited with the impersonator’s email and reason, shown on the Users screen, and its session ends after an hour. An impersonator gets everything that user may do, administrators included.', 'workos-login' ),
			)
		)
	);

	workos_login_settings_sections_more( $page, $render );
}

/**
 * The audit, network, passkeys and uninstall sections.
 *
 * @since 0.3.0
 * @since 0.5.0 Passkeys (passkeys/settings-screen.php).
 *
 * @param string   $page   Settings page.
 * @param callable $render Field renderer.
 */
function workos_login_settings_sections_more( string $page, callable $render ): void {
	add_settings_section( 'workos_login_audit', __( 'Audit log', 'workos-login' ), '__return_null', $page );
	add_settings_field(
		'audit_enabled',
		esc_html( workos_login_setting_label( 'audit_enabled' ) ),
		$render,
		$page,
		'workos_login_audit',
		workos_login_field_args(
			'audit_enabled',
			array(
				'kind'           => 'checkbox',
				'checkbox_label' => __( 'Record sign-ins, denials, logouts and changes', 'workos-login' ),
			)
		)
	);
	add_settings_field(
		'audit_retention_days',
		esc_html( workos_login_setting_label( 'audit_retention_days' ) ),
		$render,
		$page,
		'workos_login_audit',
		workos_login_field_args(
			'audit_retention_days',
			array(
				'kind'        => 'number',
				'min'         => WORKOS_LOGIN_RETENTION_DAYS_MIN,
				'max'         => WORKOS_LOGIN_RETENTION_DAYS_MAX,
				/* translators: 1: smallest number of days, 2: largest. */
				'description' => sprintf( __( 'Days (%1$d–%2$d); older entries are removed automatically.', 'workos-login' ), WORKOS_LOGIN_RETENTION_DAYS_MIN, WORKOS_LOGIN_RETENTION_DAYS_MAX ),
			)
		)
	);
	add_settings_field(
		'audit_forward',
		esc_html( workos_login_setting_label( 'audit_forward' ) ),
		$render,
		$page,
		'workos_login_audit',
		workos_login_field_args(
			'audit_forward',
			array(
				'kind'           => 'checkbox',
				'checkbox_label' => __( 'Also send each event to WorkOS Audit Logs', 'workos-login' ),
			)
		)
	);

	add_settings_section( 'workos_login_network', __( 'Network', 'workos-login' ), '__return_null', $page );
	add_settings_field(
		'trusted_proxies',
		esc_html( workos_login_setting_label( 'trusted_proxies' ) ),
		$render,
		$page,
		'workos_login_network',
		workos_login_field_args(
			'trusted_proxies',
			array(
				'kind'        => 'lines',
				'description' => __( 'One IP address or CIDR range per line (IPv4 or IPv6). Only requests from these proxies have their X-Forwarded-For header believed. Leave empty when visitors reach WordPress directly.', 'workos-login' ),
				'extra_html'  => workos_login_client_ip_note(),
			)
		)
	);

	workos_login_passkey_settings_section( $page, $render );
	workos_login_password_paths_settings_section( $page, $render );

	add_settings_section( 'workos_login_uninstall', __( 'Uninstall', 'workos-login' ), '__return_null', $page );
	add_settings_field(
		'delete_data_on_uninstall',
		esc_html( workos_login_setting_label( 'delete_data_on_uninstall' ) ),
		$render,
		$page,
		'workos_login_uninstall',
		workos_login_field_args(
			'delete_data_on_uninstall',
			array(
				'kind'           => 'checkbox',
				'checkbox_label' => __( 'Remove the audit log, settings and user links when the plugin is deleted', 'workos-login' ),
			)
		)
	);
}

/**
 * The address this very request is seen from, so an administrator can check the proxy setup.
 *
 * @since 0.3.0
 *
 * @return string Escaped HTML.
 */
function workos_login_client_ip_note(): string {
	// phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- validated as an IP.
	$remote = isset( $_SERVER['REMOTE_ADDR'] ) ? (string) filter_var( wp_unslash( $_SERVER['REMOTE_ADDR'] ), FILTER_VALIDATE_IP ) : '';
	return ' <span class="workos-login-client-ip">' . esc_html(
		sprintf(
			/* translators: 1: the visitor's IP address as the plugin records it, 2: the address of the connection. */
			__( 'Your address as this site records it: %1$s (connection from %2$s).', 'workos-login' ),
			workos_login_client_ip(),
			$remote
		)
	) . '</span>';
}

/**
 * The connection section's introduction.
 *
 * @since 0.3.0
 */
function workos_login_render_connection_intro(): void {
	echo '<p>' . esc_html__( 'Values set in wp-config.php (or the environment) take precedence and cannot be changed here; wp-config.php is the safer place for the secret.', 'workos-login' ) . '</p>';
}

/**
 * The shared secret: never printed, not even masked in value=""; its length is shown instead.
 *
 * @since 0.3.0
 *
 * @param array{name: string, label_for: string} $args Field options.
 */
function workos_login_render_secret_field( array $args ): void {
	$secret = workos_login_secret();
	$status = '' === $secret
		? __( 'Not set.', 'workos-login' )
		/* translators: %d: number of characters. */
		: sprintf( _n( 'Set, %d character.', 'Set, %d characters.', strlen( $secret ), 'workos-login' ), strlen( $secret ) );
	$locked = workos_login_setting_locked( 'secret' );

	$sentences = array( $status );
	if ( ! $locked && '' !== $secret ) {
		$sentences[] = __( 'Leave empty to keep the current secret.', 'workos-login' );
	}
	/* translators: %d: a number of bytes. */
	$sentences[] = sprintf( __( 'At least %d random bytes, the same value as the login server’s WORKOS_LOGIN_SECRET.', 'workos-login' ), WORKOS_LOGIN_SECRET_MIN_BYTES );

	ob_start();
	$describedby = workos_login_print_field_notes( 'secret', implode( ' ', $sentences ) );
	$notes       = (string) ob_get_clean();

	printf(
		'<input type="password" %s class="regular-text code" autocomplete="new-password" spellcheck="false">',
		workos_login_field_attributes( 'secret', $describedby, 'workos_login_secret[value]' ) // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- built with esc_attr().
	);
	if ( ! $locked && '' !== $secret ) {
		printf(
			'<p><label><input type="checkbox" id="workos-login-secret-remove" name="workos_login_secret[remove]" value="1"> %s</label></p>',
			esc_html__( 'Remove the stored secret', 'workos-login' )
		);
	}
	echo $notes; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- escaped by workos_login_print_field_notes().
}

/**
 * Prints the screen.
 *
 * @since 0.3.0
 */
function workos_login_render_settings_screen(): void {
	if ( ! current_user_can( 'manage_options' ) ) {
		wp_die( esc_html__( 'Sorry, you are not allowed to manage WorkOS Login settings.', 'workos-login' ), 403 );
	}
	echo '<div class="wrap">';
	echo '<h1>' . esc_html__( 'WorkOS Login Settings', 'workos-login' ) . '</h1>';
	settings_errors();
	workos_login_settings_sections();
	echo '<form method="post" action="' . esc_url( admin_url( 'options.php' ) ) . '" novalidate>';
	settings_fields( 'workos_login_settings' );
	do_settings_sections( WORKOS_LOGIN_SETTINGS_PAGE );
	submit_button();
	echo '</form></div>';
}
