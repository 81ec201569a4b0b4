<?php
/**
 * WorkOS → Diagnostics: every health test run now, server-side, then the configuration with
 * where each value comes from (screen-config.php). Plain admin markup, no script.
 *
 * @package WorkOS_Login
 * @since   0.3.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** Slug of the Diagnostics screen (`admin.php?page=…`). */
const WORKOS_LOGIN_DIAGNOSTICS_PAGE = 'workos-login-diagnostics';

/**
 * Adds WorkOS → Diagnostics for administrators.
 *
 * @since 0.3.0
 */
function workos_login_diagnostics_menu(): void {
	add_submenu_page(
		WORKOS_LOGIN_ADMIN_MENU,
		__( 'WorkOS Login Diagnostics', 'workos-login' ),
		__( 'Diagnostics', 'workos-login' ),
		'manage_options',
		WORKOS_LOGIN_DIAGNOSTICS_PAGE,
		'workos_login_render_diagnostics_screen'
	);
}
add_action( 'admin_menu', 'workos_login_diagnostics_menu', 20 );

/**
 * Prints the screen. Each visit runs the tests again (the login server is asked once).
 *
 * @since 0.3.0
 */
function workos_login_render_diagnostics_screen(): void {
	if ( ! current_user_can( 'manage_options' ) ) {
		wp_die( esc_html__( 'Sorry, you are not allowed to see WorkOS Login diagnostics.', 'workos-login' ), 403 );
	}
	$results = array();
	foreach ( array_keys( workos_login_health_tests() ) as $name ) {
		$results[ $name ] = workos_login_run_health_test( $name );
	}

	echo '<div class="wrap workos-diagnostics">';
	echo '<h1>' . esc_html__( 'WorkOS Login Diagnostics', 'workos-login' ) . '</h1>';
	printf(
		'<p>%1$s <a href="%2$s" class="button">%3$s</a> <a href="%4$s">%5$s</a></p>',
		/* translators: %s: a date and time. */
		esc_html( sprintf( __( 'Tests run at %s.', 'workos-login' ), wp_date( get_option( 'date_format' ) . ' ' . get_option( 'time_format' ) ) ) ),
		esc_url( admin_url( 'admin.php?page=' . WORKOS_LOGIN_DIAGNOSTICS_PAGE ) ),
		esc_html__( 'Run again', 'workos-login' ),
		esc_url( admin_url( 'site-health.php' ) ),
		esc_html__( 'Site Health', 'workos-login' )
	);

	echo '<h2>' . esc_html__( 'Tests', 'workos-login' ) . '</h2>';
	workos_login_render_diagnostics_results( $results );
	workos_login_render_diagnostics_configuration();
	echo '</div>';
}

/**
 * The results table: status, label, description (with the fix).
 *
 * @since 0.3.0
 *
 * @param array<string, array{label: string, status: string, description: string}|null> $results Name => result.
 */
function workos_login_render_diagnostics_results( array $results ): void {
	$statuses = array(
		'good'        => array( __( 'Good', 'workos-login' ), 'dashicons-yes-alt', '#008a20' ),
		'recommended' => array( __( 'Recommended', 'workos-login' ), 'dashicons-warning', '#996800' ),
		'critical'    => array( __( 'Critical', 'workos-login' ), 'dashicons-dismiss', '#d63638' ),
	);
	echo '<table class="widefat striped workos-diagnostics-tests"><thead><tr>';
	echo '<th scope="col" style="width:10em">' . esc_html__( 'Status', 'workos-login' ) . '</th>';
	echo '<th scope="col" style="width:30%">' . esc_html__( 'Test', 'workos-login' ) . '</th>';
	echo '<th scope="col">' . esc_html__( 'Details', 'workos-login' ) . '</th>';
	echo '</tr></thead><tbody>';
	foreach ( $results as $name => $result ) {
		if ( null === $result ) {
			continue;
		}
		list( $text, $icon, $color ) = $statuses[ $result['status'] ];
		printf(
			'<tr data-test="%1$s" data-status="%2$s"><td><span class="dashicons %3$s" style="color:%4$s" aria-hidden="true"></span> %5$s</td><th scope="row" style="vertical-align:top"><strong>%6$s</strong></th><td>%7$s</td></tr>',
			esc_attr( $name ),
			esc_attr( $result['status'] ),
			esc_attr( $icon ),
			esc_attr( $color ),
			esc_html( $text ),
			esc_html( $result['label'] ),
			wp_kses_post( $result['description'] )
		);
	}
	echo '</tbody></table>';
}
