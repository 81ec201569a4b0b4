<?php
/**
 * The "WordPress passwords" section of WorkOS → Settings: which roles may still use a WordPress
 * password through XML-RPC, application passwords, REST Basic Auth and other plugins' forms, and
 * whether those forms check email and password against WorkOS instead. Nothing is open by default.
 *
 * @package WorkOS_Login
 * @since   0.6.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Each path's label and what it is, for the screen.
 *
 * @since 0.6.0
 *
 * @return array<string, array{0: string, 1: string}>
 */
function workos_login_password_path_labels(): array {
	return array(
		'xmlrpc'                => array( __( 'XML-RPC', 'workos-login' ), __( 'xmlrpc.php with a WordPress password (old apps, pingback tools).', 'workos-login' ) ),
		'application_passwords' => array( __( 'Application passwords', 'workos-login' ), __( 'REST API and XML-RPC with an application password (integrations, mobile apps).', 'workos-login' ) ),
		'rest_basic'            => array( __( 'REST API Basic Auth', 'workos-login' ), __( 'REST requests a Basic Auth plugin signs in with a WordPress password.', 'workos-login' ) ),
		'other_forms'           => array( __( 'Other plugins’ forms', 'workos-login' ), __( 'Sign-in forms of other plugins that check a WordPress password (WooCommerce’s account page, membership plugins).', 'workos-login' ) ),
	);
}

/**
 * Declares the section and its fields (called by workos_login_settings_sections_more()).
 *
 * @since 0.6.0
 *
 * @param string   $page   Settings page.
 * @param callable $render Field renderer.
 */
function workos_login_password_paths_settings_section( string $page, callable $render ): void {
	add_settings_section( 'workos_login_password_paths', __( 'WordPress passwords', 'workos-login' ), 'workos_login_render_password_paths_intro', $page );
	add_settings_field(
		'password_paths',
		esc_html( workos_login_setting_label( 'password_paths' ) ),
		'workos_login_render_password_paths_field',
		$page,
		'workos_login_password_paths',
		workos_login_field_args( 'password_paths' )
	);
	add_settings_field(
		'headless_forms',
		esc_html( workos_login_setting_label( 'headless_forms' ) ),
		$render,
		$page,
		'workos_login_password_paths',
		workos_login_field_args(
			'headless_forms',
			array(
				'kind'           => 'checkbox',
				'checkbox_label' => __( 'Check email and password against WorkOS (headless): the same policies, gate and audit as the sign-in page. Accounts that need a second factor are sent to the sign-in page.', 'workos-login' ),
			)
		)
	);
}

/**
 * What the section decides.
 *
 * @since 0.6.0
 */
function workos_login_render_password_paths_intro(): void {
	echo '<p>' . esc_html__( 'Once WorkOS sign-in works, a WordPress password signs nobody in around it — no second factor, no entitlement gate — unless you open a path below for a role. Every use and every refusal is recorded in the audit log with its path. wp-login.php’s own form stays closed; emergency access is a break-glass link.', 'workos-login' ) . '</p>';
}

/**
 * A table: a row per path, a checkbox per role.
 *
 * @since 0.6.0
 *
 * @param array{name: string, label_for: string} $args Field options.
 */
function workos_login_render_password_paths_field( array $args ): void {
	$name   = $args['name'];
	$open   = (array) workos_login_option( $name );
	$locked = workos_login_setting_locked( $name );
	$roles  = wp_roles()->get_names();
	echo '<table class="widefat striped workos-login-password-paths"><thead><tr><th scope="col">' . esc_html__( 'Path', 'workos-login' ) . '</th><th scope="col">' . esc_html__( 'Roles that may use their WordPress password', 'workos-login' ) . '</th></tr></thead><tbody>';
	foreach ( workos_login_password_path_labels() as $path => $label ) {
		$allowed = isset( $open[ $path ] ) && is_array( $open[ $path ] ) ? $open[ $path ] : array();
		printf( '<tr><th scope="row">%1$s<p class="description">%2$s</p></th><td><fieldset><legend class="screen-reader-text">%1$s</legend>', esc_html( $label[0] ), esc_html( $label[1] ) );
		foreach ( $roles as $role => $role_label ) {
			printf(
				'<label><input type="checkbox" id="%1$s" name="%2$s" value="%3$s"%4$s%5$s> %6$s</label><br>',
				esc_attr( workos_login_field_id( $name ) . '-' . $path . '-' . $role ),
				esc_attr( 'workos_login_' . $name . '[' . $path . '][]' ),
				esc_attr( (string) $role ),
				checked( in_array( $role, $allowed, true ), true, false ),
				$locked ? ' disabled' : '',
				esc_html( translate_user_role( $role_label ) )
			);
		}
		echo '</fieldset></td></tr>';
	}
	echo '</tbody></table>';
	// The form sends nothing for a table with no box ticked: this keeps "none" a submitted value.
	printf( '<input type="hidden" name="%s" value="">', esc_attr( 'workos_login_' . $name . '[_submitted]' ) );
	workos_login_print_field_notes( $name, __( 'Nothing ticked: every path refuses WordPress passwords (the default). A user passes when every role they have is ticked.', 'workos-login' ) );
}

/**
 * `password_paths`: path => roles; unknown paths and roles are reported and dropped.
 *
 * @since 0.6.0
 *
 * @param mixed                $value    Submitted value.
 * @param array<string, mixed> $previous Current value.
 * @return array{0: array<string, string[]>, 1: string[]}
 */
function workos_login_sanitize_password_paths( mixed $value, array $previous ): array {
	if ( is_string( $value ) ) {
		$value = json_decode( $value, true );
	}
	if ( null === $value ) {
		$value = array();
	}
	if ( ! is_array( $value ) ) {
		return array( $previous, array( __( 'the WordPress password paths were not understood.', 'workos-login' ) ) );
	}
	unset( $value['_submitted'] );
	$clean    = array();
	$problems = array();
	foreach ( $value as $path => $roles ) {
		if ( ! in_array( $path, WORKOS_LOGIN_PASSWORD_PATH_NAMES, true ) ) {
			/* translators: %s: what was submitted. */
			$problems[] = sprintf( __( 'there is no WordPress password path “%s”.', 'workos-login' ), workos_login_quote_submitted( (string) $path ) );
			continue;
		}
		list( $kept, $bad ) = workos_login_sanitize_step_up_roles( $roles, array() );
		$problems           = array_merge( $problems, $bad );
		if ( array() !== $kept ) {
			$clean[ $path ] = $kept;
		}
	}
	return array( $clean, $problems );
}
