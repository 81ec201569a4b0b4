<?php
/**
 * Emergency access, told to administrators:
 *
 * - the old switch (`workos_login_allow_native_login`, Settings → General and REST) is retired on
 *   the first load after the upgrade: deleted, audited when it was on, and administrators get a
 *   notice about break-glass links until they dismiss it;
 * - while `WORKOS_LOGIN_BREAK_GLASS` is defined in wp-config.php, a notice and a Site Health test
 *   say so (and whether its link works); its link is audited as issued the first time it is seen.
 *
 * @package WorkOS_Login
 * @since   0.3.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** The retired option. */
const WORKOS_LOGIN_RETIRED_NATIVE_OPTION = 'workos_login_allow_native_login';

/** Autoloaded state: `{version: int, notice: bool}` (reading it costs no query). */
const WORKOS_LOGIN_EMERGENCY_STATE_OPTION = 'workos_login_emergency_state';

/** The admin-post action that dismisses the notice. */
const WORKOS_LOGIN_EMERGENCY_DISMISS_ACTION = 'workos_login_dismiss_emergency_notice';

/**
 * The capability that issues break-glass links and sees these notices (on a network, the
 * network's: a link lets a WordPress password around WorkOS for any account).
 *
 * @since 0.6.0
 */
function workos_login_break_glass_capability(): string {
	return is_multisite() ? 'manage_network_options' : 'manage_options';
}

/**
 * Retires the old switch, once per site.
 *
 * @since 0.6.0
 */
function workos_login_retire_native_option(): void {
	$state = get_option( WORKOS_LOGIN_EMERGENCY_STATE_OPTION );
	if ( is_array( $state ) && ( $state['version'] ?? 0 ) >= 1 ) {
		return;
	}
	$old = get_option( WORKOS_LOGIN_RETIRED_NATIVE_OPTION, null );
	// Only the request whose DELETE removed the row reports it (parallel first loads).
	$was_on = null !== $old && delete_option( WORKOS_LOGIN_RETIRED_NATIVE_OPTION ) && rest_sanitize_boolean( $old ); // @phpstan-ignore argument.templateType (a stored option: any type.)
	if ( null !== $old ) {
		/**
		 * Fires when the old `workos_login_allow_native_login` option was deleted.
		 *
		 * @since 0.6.0
		 *
		 * @param bool $was_on Whether it was on (then audited as `settings_changed`).
		 */
		do_action( 'workos_login_native_option_retired', $was_on );
	}
	update_option(
		WORKOS_LOGIN_EMERGENCY_STATE_OPTION,
		array(
			'version' => 1,
			'notice'  => $was_on || ( is_array( $state ) && ! empty( $state['notice'] ) ),
		),
		true
	);
}
add_action( 'init', 'workos_login_retire_native_option', 5 );

/**
 * The notices.
 *
 * @since 0.6.0
 */
function workos_login_emergency_notices(): void {
	if ( ! current_user_can( workos_login_break_glass_capability() ) ) {
		return;
	}
	$screen = admin_url( 'admin.php?page=' . WORKOS_LOGIN_EMERGENCY_PAGE );
	$state  = get_option( WORKOS_LOGIN_EMERGENCY_STATE_OPTION );
	if ( is_array( $state ) && ! empty( $state['notice'] ) ) {
		$dismiss = wp_nonce_url( admin_url( 'admin-post.php?action=' . WORKOS_LOGIN_EMERGENCY_DISMISS_ACTION ), WORKOS_LOGIN_EMERGENCY_DISMISS_ACTION );
		printf(
			'<div class="notice notice-warning workos-login-emergency-retired"><p>%1$s</p><p><a href="%2$s">%3$s</a> · <a href="%4$s">%5$s</a></p></div>',
			esc_html__( 'WorkOS Login turned off “Emergency sign-in form” (Settings → General): that switch offered WordPress’s own password form to anyone. For emergencies, issue a break-glass link instead: it opens WordPress’s own form for one user, once, for up to an hour, and every use is recorded.', 'workos-login' ),
			esc_url( $screen ),
			esc_html__( 'Emergency access', 'workos-login' ),
			esc_url( $dismiss ),
			esc_html__( 'Dismiss', 'workos-login' )
		);
	}
	$config = workos_login_break_glass_config();
	if ( $config['defined'] ) {
		workos_login_break_glass_config_seen( $config );
		printf( '<div class="notice notice-warning workos-login-emergency-config"><p>%s</p></div>', esc_html( workos_login_break_glass_config_text( $config ) ) );
	}
}
add_action( 'admin_notices', 'workos_login_emergency_notices' );
add_action( 'network_admin_notices', 'workos_login_emergency_notices' );

/**
 * Dismisses the retirement notice.
 *
 * @since 0.6.0
 */
function workos_login_dismiss_emergency_notice(): void {
	if ( ! current_user_can( workos_login_break_glass_capability() ) ) {
		wp_die( esc_html__( 'Sorry, you are not allowed to do that.', 'workos-login' ), 403 );
	}
	check_admin_referer( WORKOS_LOGIN_EMERGENCY_DISMISS_ACTION );
	update_option(
		WORKOS_LOGIN_EMERGENCY_STATE_OPTION,
		array(
			'version' => 1,
			'notice'  => false,
		),
		true
	);
	wp_safe_redirect( wp_get_referer() ? wp_get_referer() : admin_url() );
	exit;
}
add_action( 'admin_post_' . WORKOS_LOGIN_EMERGENCY_DISMISS_ACTION, 'workos_login_dismiss_emergency_notice' );

/**
 * What the wp-config.php link is, in a sentence.
 *
 * @since 0.6.0
 *
 * @param array{defined: bool, error: string, user_login: string, expires: int} $config From workos_login_break_glass_config().
 */
function workos_login_break_glass_config_text( array $config ): string {
	if ( '' !== $config['error'] ) {
		/* translators: %s: why the link does not work. */
		return sprintf( __( 'WORKOS_LOGIN_BREAK_GLASS is defined in wp-config.php but its link does not work: %s Remove it from wp-config.php.', 'workos-login' ), $config['error'] );
	}
	return sprintf(
		/* translators: 1: a username, 2: date and time. */
		__( 'WORKOS_LOGIN_BREAK_GLASS is defined in wp-config.php: its link signs %1$s in once with their WordPress password, until %2$s. Remove it from wp-config.php as soon as it has served.', 'workos-login' ),
		$config['user_login'],
		wp_date( (string) get_option( 'date_format' ) . ' ' . (string) get_option( 'time_format' ), $config['expires'] )
	);
}

/**
 * Records the wp-config.php link as issued, the first time it is seen working.
 *
 * @since 0.6.0
 *
 * @param array{error: string, link: array<string, mixed>|null} $config From workos_login_break_glass_config().
 */
function workos_login_break_glass_config_seen( array $config ): void {
	$link = $config['link'];
	if ( '' !== $config['error'] || null === $link ) {
		return;
	}
	if ( true === workos_login_limits_mark( 'seen:break-glass:' . $link['id'], workos_login_break_glass_mark_ttl( $link ) ) ) {
		$user = get_userdata( $link['user_id'] );
		if ( $user ) {
			/** This action is documented in includes/surfaces/break-glass-link.php */
			do_action( 'workos_login_break_glass_issued', $user, $link );
		}
	}
}

/**
 * The Site Health test (WorkOS → Diagnostics too): a wp-config.php link is worth removing.
 *
 * @since 0.6.0
 *
 * @param array<string, array<string, mixed>> $tests Name => entry.
 * @return array<string, array<string, mixed>>
 */
function workos_login_register_emergency_health_test( array $tests ): array {
	$tests['break_glass_constant'] = array(
		'label'    => __( 'WorkOS Login emergency link in wp-config.php', 'workos-login' ),
		'callback' => 'workos_login_health_test_break_glass_constant',
	);
	return $tests;
}
add_filter( 'workos_login_health_tests', 'workos_login_register_emergency_health_test' );

/**
 * The test itself.
 *
 * @since 0.6.0
 *
 * @return array{status: string, label: string, description: string}
 */
function workos_login_health_test_break_glass_constant(): array {
	$config = workos_login_break_glass_config();
	if ( ! $config['defined'] ) {
		return array(
			'status'      => 'good',
			'label'       => __( 'No emergency link is defined in wp-config.php', 'workos-login' ),
			'description' => '<p>' . esc_html__( 'Break-glass links are issued on WorkOS → Emergency access when needed.', 'workos-login' ) . '</p>',
		);
	}
	return array(
		'status'      => 'recommended',
		'label'       => __( 'An emergency link is defined in wp-config.php', 'workos-login' ),
		'description' => '<p>' . esc_html( workos_login_break_glass_config_text( $config ) ) . '</p>',
	);
}
