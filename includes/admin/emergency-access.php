<?php
/**
 * WorkOS → Emergency access: issue a break-glass link for one user (shown once, never stored),
 * see the recent emergency access in the audit log, and the state of the two wp-config.php
 * mechanisms (WORKOS_LOGIN_BREAK_GLASS, WORKOS_LOGIN_ALLOW_NATIVE_LOGIN).
 *
 * The form posts back to the screen (a nonce, the break-glass capability): the link is printed
 * in that answer only.
 *
 * @package WorkOS_Login
 * @since   0.3.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** The screen's page slug. */
const WORKOS_LOGIN_EMERGENCY_PAGE = 'workos-login-emergency';

/** Nonce action of the issuing form. */
const WORKOS_LOGIN_EMERGENCY_ISSUE_ACTION = 'workos_login_issue_break_glass';

/**
 * Adds WorkOS → Emergency access.
 *
 * @since 0.6.0
 */
function workos_login_emergency_menu(): void {
	$hook = add_submenu_page(
		WORKOS_LOGIN_ADMIN_MENU,
		__( 'Emergency access', 'workos-login' ),
		__( 'Emergency access', 'workos-login' ),
		workos_login_break_glass_capability(),
		WORKOS_LOGIN_EMERGENCY_PAGE,
		'workos_login_render_emergency_screen'
	);
	if ( $hook ) {
		add_action( 'load-' . $hook, 'workos_login_emergency_handle_issue' );
	}
}
add_action( 'admin_menu', 'workos_login_emergency_menu', 30 );

/**
 * What the issuing form produced in this request: the link, or an error.
 *
 * @since 0.6.0
 *
 * @param array{url?: string, user?: string, expires?: int, error?: string}|null $set What to remember, null to read.
 * @return array{url?: string, user?: string, expires?: int, error?: string}
 */
function workos_login_emergency_result( ?array $set = null ): array {
	static $result = array();
	if ( null !== $set ) {
		$result = $set;
	}
	return $result;
}

/**
 * Issues a link when the form was sent (before the screen prints).
 *
 * @since 0.6.0
 */
function workos_login_emergency_handle_issue(): void {
	if ( ! isset( $_SERVER['REQUEST_METHOD'] ) || 'POST' !== $_SERVER['REQUEST_METHOD'] ) {
		return;
	}
	if ( ! current_user_can( workos_login_break_glass_capability() ) ) {
		wp_die( esc_html__( 'Sorry, you are not allowed to issue emergency links.', 'workos-login' ), 403 );
	}
	check_admin_referer( WORKOS_LOGIN_EMERGENCY_ISSUE_ACTION );
	$who     = isset( $_POST['workos_break_glass_user'] ) && is_string( $_POST['workos_break_glass_user'] ) ? trim( sanitize_text_field( wp_unslash( $_POST['workos_break_glass_user'] ) ) ) : '';
	$minutes = isset( $_POST['workos_break_glass_minutes'] ) && is_string( $_POST['workos_break_glass_minutes'] ) ? workos_login_break_glass_minutes( wp_unslash( $_POST['workos_break_glass_minutes'] ) ) : 0; // phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- parsed by an exact pattern.
	$user    = workos_login_break_glass_find_user( $who );
	if ( ! $user ) {
		workos_login_emergency_result( array( 'error' => __( 'No user has that username or email address.', 'workos-login' ) ) );
		return;
	}
	$issued = workos_login_break_glass_issue( $user, $minutes, 'screen', get_current_user_id() );
	if ( is_wp_error( $issued ) ) {
		workos_login_emergency_result( array( 'error' => $issued->get_error_message() ) );
		return;
	}
	workos_login_emergency_result(
		array(
			'url'     => $issued['url'],
			'user'    => $user->user_login,
			'expires' => $issued['link']['expires'],
		)
	);
}

/**
 * Prints the screen.
 *
 * @since 0.6.0
 */
function workos_login_render_emergency_screen(): void {
	if ( ! current_user_can( workos_login_break_glass_capability() ) ) {
		wp_die( esc_html__( 'Sorry, you are not allowed to issue emergency links.', 'workos-login' ), 403 );
	}
	$result = workos_login_emergency_result();
	echo '<div class="wrap workos-login-emergency">';
	echo '<h1>' . esc_html__( 'Emergency access', 'workos-login' ) . '</h1>';
	echo '<p>' . esc_html__( 'When WorkOS sign-in cannot work (an outage, a lost configuration), a break-glass link lets one person sign in with their WordPress username and password, bypassing WorkOS, its MFA and its policies. It works once, for the user it names, for the minutes you choose; five wrong passwords end it. Every issue and every use is recorded in the audit log.', 'workos-login' ) . '</p>';

	if ( isset( $result['error'] ) ) {
		printf( '<div class="notice notice-error inline"><p>%s</p></div>', esc_html( $result['error'] ) );
	} elseif ( isset( $result['url'] ) ) {
		$when = wp_date( (string) get_option( 'date_format' ) . ' ' . (string) get_option( 'time_format' ), (int) $result['expires'] );
		echo '<div class="notice notice-success inline workos-login-break-glass-issued">';
		/* translators: 1: a username, 2: date and time. */
		echo '<p>' . esc_html( sprintf( __( 'Break-glass link for %1$s, valid once until %2$s. It is shown only now: copy it and hand it over privately.', 'workos-login' ), $result['user'], $when ) ) . '</p>';
		printf(
			'<p><label for="workos-break-glass-link" class="screen-reader-text">%1$s</label><input type="text" id="workos-break-glass-link" class="large-text code" readonly value="%2$s" onfocus="this.select()"> <button type="button" class="button" id="workos-break-glass-copy">%3$s</button></p>',
			esc_html__( 'Break-glass link', 'workos-login' ),
			esc_attr( $result['url'] ),
			esc_html__( 'Copy', 'workos-login' )
		);
		wp_print_inline_script_tag( "document.getElementById('workos-break-glass-copy').addEventListener('click',function(){var i=document.getElementById('workos-break-glass-link');i.select();if(navigator.clipboard){navigator.clipboard.writeText(i.value);}else{document.execCommand('copy');}});" );
		echo '</div>';
	}

	echo '<h2>' . esc_html__( 'Issue a break-glass link', 'workos-login' ) . '</h2>';
	echo '<form method="post" action="' . esc_url( admin_url( 'admin.php?page=' . WORKOS_LOGIN_EMERGENCY_PAGE ) ) . '">';
	wp_nonce_field( WORKOS_LOGIN_EMERGENCY_ISSUE_ACTION );
	echo '<table class="form-table" role="presentation">';
	printf(
		'<tr><th scope="row"><label for="workos-break-glass-user">%1$s</label></th><td><input type="text" id="workos-break-glass-user" name="workos_break_glass_user" class="regular-text" list="workos-break-glass-admins" autocomplete="off" required><datalist id="workos-break-glass-admins">%2$s</datalist><p class="description">%3$s</p></td></tr>',
		esc_html__( 'User (username or email)', 'workos-login' ),
		workos_login_emergency_admin_options(), // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- escaped inside.
		esc_html__( 'The link opens WordPress’s sign-in form for this user only; they need their WordPress password.', 'workos-login' )
	);
	printf(
		'<tr><th scope="row"><label for="workos-break-glass-minutes">%1$s</label></th><td><input type="number" id="workos-break-glass-minutes" name="workos_break_glass_minutes" min="1" max="%2$d" value="%3$d" class="small-text" required> %4$s</td></tr>',
		esc_html__( 'Valid for', 'workos-login' ),
		(int) WORKOS_LOGIN_BREAK_GLASS_MAX_MINUTES,
		(int) WORKOS_LOGIN_BREAK_GLASS_DEFAULT_MINUTES,
		/* translators: %d: the most minutes a link may last. */
		esc_html( sprintf( __( 'minutes (at most %d)', 'workos-login' ), WORKOS_LOGIN_BREAK_GLASS_MAX_MINUTES ) )
	);
	echo '</table>';
	submit_button( __( 'Issue link', 'workos-login' ) );
	echo '</form>';

	workos_login_render_emergency_recent();
	workos_login_render_emergency_constants();
	echo '</div>';
}

/**
 * The `<option>`s of the administrators (a hint; any user can be named).
 *
 * @since 0.6.0
 */
function workos_login_emergency_admin_options(): string {
	$html = '';
	foreach ( get_users(
		array(
			'role'   => 'administrator',
			'number' => 50,
			'fields' => array( 'user_login' ),
		)
	) as $admin ) {
		$html .= '<option value="' . esc_attr( $admin->user_login ) . '"></option>';
	}
	return $html;
}

/**
 * The last emergency-access rows of the audit log.
 *
 * @since 0.6.0
 */
function workos_login_render_emergency_recent(): void {
	$filters = workos_login_audit_filters( array( 'method' => 'break_glass' ) );
	$rows    = workos_login_audit_rows( $filters, 10 );
	echo '<h2>' . esc_html__( 'Recent emergency access', 'workos-login' ) . '</h2>';
	if ( array() === $rows ) {
		echo '<p>' . esc_html__( 'None recorded.', 'workos-login' ) . '</p>';
		return;
	}
	echo '<table class="widefat striped workos-login-emergency-recent"><thead><tr>';
	foreach ( array( __( 'Time', 'workos-login' ), __( 'User', 'workos-login' ), __( 'Details', 'workos-login' ) ) as $heading ) {
		echo '<th scope="col">' . esc_html( $heading ) . '</th>';
	}
	echo '</tr></thead><tbody>';
	foreach ( $rows as $row ) {
		echo '<tr>';
		foreach ( array( 'occurred_at', 'user', 'detail' ) as $column ) {
			echo '<td>' . esc_html( workos_login_audit_cell( $row, $column ) ) . '</td>';
		}
		echo '</tr>';
	}
	echo '</tbody></table>';
	printf( '<p><a href="%s">%s</a></p>', esc_url( admin_url( 'admin.php?page=' . WORKOS_LOGIN_AUDIT_PAGE . '&method=break_glass' ) ), esc_html__( 'All of it in the audit log', 'workos-login' ) );
}

/**
 * The wp-config.php mechanisms: the file-only link and the last-resort switch.
 *
 * @since 0.6.0
 */
function workos_login_render_emergency_constants(): void {
	echo '<h2>' . esc_html__( 'With access to wp-config.php only', 'workos-login' ) . '</h2>';
	$config = workos_login_break_glass_config();
	if ( $config['defined'] ) {
		printf( '<div class="notice notice-warning inline"><p>%s</p></div>', esc_html( workos_login_break_glass_config_text( $config ) ) );
	}
	echo '<p>' . esc_html__( 'Locked out with only file access? Add this line to wp-config.php, with your username, a time at most 24 hours ahead (UTC) and a secret of 32 or more letters and digits you choose; then open wp-login.php?workos-break-glass=<that secret>. It works once. Remove the line afterwards.', 'workos-login' ) . '</p>';
	echo '<p><code>' . esc_html( "define( 'WORKOS_LOGIN_BREAK_GLASS', 'user_login|" . gmdate( 'Y-m-d\TH:i\Z', time() + HOUR_IN_SECONDS ) . "|your-secret-of-32-or-more-characters' );" ) . '</code></p>';
	if ( workos_login_native_login_allowed() ) {
		printf(
			'<div class="notice notice-error inline workos-login-native-constant"><p>%s</p></div>',
			esc_html__( 'WORKOS_LOGIN_ALLOW_NATIVE_LOGIN is defined in wp-config.php: anyone can use WordPress’s own password form at wp-login.php?workos-native=1, without WorkOS, its MFA or its policies. Keep it for development sites and true last resorts, and remove it as soon as you can.', 'workos-login' )
		);
	}
}
