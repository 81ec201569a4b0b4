<?php
/**
 * The takeover of wp-login.php by the `default` profile — or the profile a routing rule picks.
 *
 * Sign-in (`action=login`, no action, unknown actions, recovery mode's) shows the profile's page
 * — or 302s to its custom path with every query argument — and native sign-in POSTs are refused
 * unless the emergency native form is on (native-login.php). `logout`, `postpass`,
 * `confirmaction`, `lostpassword`, `rp`/`resetpass`, `register` and every other action stay
 * core's. (Password reset moves to the profile's own flow when that flow exists.)
 *
 * @package WorkOS_Login
 * @since   0.2.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Whether wp-login.php's sign-in is taken over: not before the configuration is complete and
 * proven (a site that is not set up, or set up wrong, keeps WordPress's own form — nobody is
 * locked out), and never when the filter says so (benchmarks compare with WordPress's own form;
 * a site may keep it while testing).
 *
 * @since 0.2.0
 * @since 0.6.0 Only with a verified configuration (workos_login_config_ready()).
 */
function workos_login_takes_over_wp_login(): bool {
	if ( ! workos_login_config_ready() ) {
		return false;
	}
	/**
	 * Filters whether the `default` profile replaces wp-login.php's sign-in form.
	 *
	 * @since 0.2.0
	 *
	 * @param bool $take_over Default true.
	 */
	return (bool) apply_filters( 'workos_login_take_over_wp_login', true );
}

/**
 * Takes over wp-login.php's sign-in actions. Runs on `login_init`, after core chose the action
 * (unknown actions become `login`) and after handlers at the default priority (recovery mode).
 *
 * @since 0.2.0
 */
function workos_login_take_over_wp_login(): void {
	global $action;
	$signs_in = in_array( $action, array( 'login', WP_Recovery_Mode_Link_Service::LOGIN_ACTION_ENTERED ), true );
	if ( ! $signs_in || ! workos_login_takes_over_wp_login() ) {
		return;
	}
	if ( null === workos_login_get_profile( 'default' ) || workos_login_native_form_requested() ) {
		return;
	}
	$method = isset( $_SERVER['REQUEST_METHOD'] ) ? strtoupper( sanitize_key( wp_unslash( $_SERVER['REQUEST_METHOD'] ) ) ) : 'GET';
	if ( 'POST' === $method ) {
		workos_login_refuse_native_post();
	}
	// `default`, unless a routing rule sends this visit elsewhere (includes/routing/match.php).
	$profile = workos_login_wp_login_profile();
	if ( null === $profile ) {
		return;
	}
	$custom_path = (string) ( $profile['custom_path'] ?? '' );
	if ( '' !== $custom_path ) {
		wp_safe_redirect( workos_login_custom_path_url( $custom_path, workos_login_current_query() ), 302, 'WorkOS Login' );
		exit;
	}
	workos_login_serve_login_page( $profile );
}
add_action( 'login_init', 'workos_login_take_over_wp_login', 20 );

/**
 * Refuses a sign-in POST to wp-login.php: the form that sends it is not offered here. Security
 * plugins still see the attempt through `wp_login_failed`.
 *
 * @since 0.2.0
 */
function workos_login_refuse_native_post(): never {
	// phpcs:ignore WordPress.Security.NonceVerification.Missing -- refused; the name is only reported.
	$username = isset( $_POST['log'] ) && is_string( $_POST['log'] ) ? sanitize_user( wp_unslash( $_POST['log'] ) ) : '';
	$message  = __( 'This sign-in form is turned off. Sign in on the sign-in page instead.', 'workos-login' );
	if ( '' !== $username ) {
		/** This action is documented in wp-includes/pluggable.php */
		do_action( 'wp_login_failed', $username, new WP_Error( 'workos_native_login_disabled', $message ) ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound -- WordPress core's hook, run as core runs it.
	}
	wp_die(
		sprintf( '<p>%s</p><p><a href="%s">%s</a></p>', esc_html( $message ), esc_url( wp_login_url() ), esc_html__( 'Go to the sign-in page', 'workos-login' ) ),
		esc_html__( 'Sign-in form turned off', 'workos-login' ),
		array( 'response' => 403 )
	);
	exit; // @phpstan-ignore deadCode.unreachable (a `wp_die_handler` filter may return.)
}
