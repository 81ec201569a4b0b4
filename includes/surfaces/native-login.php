<?php
/**
 * The emergency native form: WordPress's own username/password form at
 * `wp-login.php?workos-native=1`, for when WorkOS or the login server cannot sign anyone in.
 *
 * Off unless an administrator turns it on: the `WORKOS_LOGIN_ALLOW_NATIVE_LOGIN` constant (which,
 * when defined, decides) or the `workos_login_allow_native_login` option (`manage_options`).
 * Every sign-in attempt through it fires `workos_login_native_login_used`.
 *
 * @package WorkOS_Login
 * @since   0.2.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** Option switching the emergency native form on. */
const WORKOS_LOGIN_NATIVE_OPTION = 'workos_login_allow_native_login';

/**
 * Whether the emergency native form is on.
 *
 * @since 0.2.0
 */
function workos_login_native_login_allowed(): bool {
	if ( defined( 'WORKOS_LOGIN_ALLOW_NATIVE_LOGIN' ) ) {
		return true === WORKOS_LOGIN_ALLOW_NATIVE_LOGIN || 1 === WORKOS_LOGIN_ALLOW_NATIVE_LOGIN || '1' === WORKOS_LOGIN_ALLOW_NATIVE_LOGIN;
	}
	return (bool) get_option( WORKOS_LOGIN_NATIVE_OPTION, false );
}

/**
 * Whether this wp-login.php request asks for the native form and may have it. When it may, the
 * form carries the flag on to its POST and every attempt is reported.
 *
 * @since 0.2.0
 */
function workos_login_native_form_requested(): bool {
	// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- a switch; core's form has no nonce.
	if ( empty( $_REQUEST['workos-native'] ) || ! workos_login_native_login_allowed() ) {
		return false;
	}
	add_action( 'login_form', 'workos_login_native_form_field' );
	add_filter( 'login_message', 'workos_login_native_form_message' );
	add_action( 'wp_login', 'workos_login_native_login_used', 10, 2 );
	add_action( 'wp_login_failed', 'workos_login_native_login_used', 10, 1 );
	return true;
}

/**
 * Keeps the form's POST on the native path.
 *
 * @since 0.2.0
 */
function workos_login_native_form_field(): void {
	echo '<input type="hidden" name="workos-native" value="1" />';
}

/**
 * Tells whoever sees the native form what it is.
 *
 * @since 0.2.0
 *
 * @param string $message Messages above the form (HTML).
 */
function workos_login_native_form_message( $message ): string {
	$notice = esc_html__( 'Emergency sign-in form: every use is recorded.', 'workos-login' );
	return (string) $message . '<p class="message">' . $notice . '</p>';
}

/**
 * Reports a sign-in attempt through the native form.
 *
 * @since 0.2.0
 *
 * @param string       $username The username (or email) typed.
 * @param WP_User|null $user     The user, on success.
 */
function workos_login_native_login_used( $username, $user = null ): void {
	/**
	 * Fires for every sign-in attempt through the emergency native form.
	 *
	 * @since 0.2.0
	 *
	 * @param WP_User|string $user_or_username The signed-in user, or the username of a failed attempt.
	 */
	do_action( 'workos_login_native_login_used', $user instanceof WP_User ? $user : (string) $username );
}

/**
 * Registers the option (REST and Settings → General, both `manage_options`).
 *
 * @since 0.2.0
 */
function workos_login_register_native_setting(): void {
	register_setting(
		'general',
		WORKOS_LOGIN_NATIVE_OPTION,
		array(
			'type'              => 'boolean',
			'description'       => __( 'Offer WordPress’s own sign-in form at wp-login.php?workos-native=1 (emergency access).', 'workos-login' ),
			'sanitize_callback' => 'rest_sanitize_boolean',
			'default'           => false,
			'show_in_rest'      => true,
		)
	);
}
add_action( 'init', 'workos_login_register_native_setting' );

/**
 * Adds the switch to Settings → General.
 *
 * @since 0.2.0
 */
function workos_login_add_native_setting_field(): void {
	add_settings_field(
		WORKOS_LOGIN_NATIVE_OPTION,
		__( 'Emergency sign-in form', 'workos-login' ),
		'workos_login_render_native_setting_field',
		'general'
	);
}
add_action( 'admin_init', 'workos_login_add_native_setting_field' );

/**
 * Prints the switch; disabled when the constant decides.
 *
 * @since 0.2.0
 */
function workos_login_render_native_setting_field(): void {
	$locked = defined( 'WORKOS_LOGIN_ALLOW_NATIVE_LOGIN' );
	printf(
		'<label><input type="checkbox" name="%1$s" value="1" %2$s %3$s /> %4$s</label><p class="description">%5$s</p>',
		esc_attr( WORKOS_LOGIN_NATIVE_OPTION ),
		checked( workos_login_native_login_allowed(), true, false ),
		disabled( $locked, true, false ),
		esc_html__( 'Offer WordPress’s own sign-in form at wp-login.php?workos-native=1', 'workos-login' ),
		esc_html( $locked ? __( 'Set by the WORKOS_LOGIN_ALLOW_NATIVE_LOGIN constant in wp-config.php.', 'workos-login' ) : __( 'For emergencies only, when WorkOS sign-in is unavailable. Every use is recorded.', 'workos-login' ) )
	);
}
