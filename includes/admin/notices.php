<?php
/**
 * Admin notices: missing configuration, and a login server that stopped answering.
 *
 * @package WorkOS_Login
 * @since   0.1.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** Transient holding the Unix time of the last failed exchange with the login server. */
const WORKOS_LOGIN_UNREACHABLE_TRANSIENT = 'workos_login_server_unreachable';

/**
 * Remembers that the login server failed just now, so administrators hear about it.
 *
 * @since 0.1.0
 */
function workos_login_mark_server_unreachable(): void {
	set_transient( WORKOS_LOGIN_UNREACHABLE_TRANSIENT, time(), 30 * MINUTE_IN_SECONDS );
}

/**
 * Forgets an earlier failure after a good exchange.
 *
 * Reads before deleting: the read is usually served from cache, the delete is a write.
 *
 * @since 0.1.0
 */
function workos_login_mark_server_reachable(): void {
	if ( false !== get_transient( WORKOS_LOGIN_UNREACHABLE_TRANSIENT ) ) {
		delete_transient( WORKOS_LOGIN_UNREACHABLE_TRANSIENT );
	}
}

/** Transient holding `{first_at, last_at, count}` while WorkOS keeps failing the login server. */
const WORKOS_LOGIN_WORKOS_FAILING_TRANSIENT = 'workos_login_workos_failing';

/**
 * Keeps track of WorkOS's health as the login server reports it: an answer `workos_unavailable`
 * starts or extends a failing period; any other answer ends it. Writes only when that changes
 * (or once a minute while failing).
 *
 * @since 0.6.0
 *
 * @param array<string, mixed> $outcome A validated outcome.
 */
function workos_login_note_workos_health( array $outcome ): void {
	$failing = get_transient( WORKOS_LOGIN_WORKOS_FAILING_TRANSIENT );
	if ( 'error' === $outcome['type'] && 'workos_unavailable' === $outcome['code'] ) {
		$now = time();
		if ( ! is_array( $failing ) || $now - (int) ( $failing['last_at'] ?? 0 ) >= MINUTE_IN_SECONDS ) {
			$first = is_array( $failing ) ? (int) ( $failing['first_at'] ?? $now ) : $now;
			$count = is_array( $failing ) ? (int) ( $failing['count'] ?? 0 ) : 0;
			set_transient(
				WORKOS_LOGIN_WORKOS_FAILING_TRANSIENT,
				array(
					'first_at' => $first,
					'last_at'  => $now,
					'count'    => $count + 1,
				),
				HOUR_IN_SECONDS
			);
		}
		return;
	}
	if ( false !== $failing && 'error' !== $outcome['type'] ) {
		delete_transient( WORKOS_LOGIN_WORKOS_FAILING_TRANSIENT );
	}
}

/**
 * Since when WorkOS has been failing, if it is.
 *
 * @since 0.6.0
 *
 * @return array{first_at: int, last_at: int, count: int}|null
 */
function workos_login_workos_failing(): ?array {
	$failing = get_transient( WORKOS_LOGIN_WORKOS_FAILING_TRANSIENT );
	if ( ! is_array( $failing ) ) {
		return null;
	}
	return array(
		'first_at' => (int) ( $failing['first_at'] ?? 0 ),
		'last_at'  => (int) ( $failing['last_at'] ?? 0 ),
		'count'    => (int) ( $failing['count'] ?? 0 ),
	);
}

/**
 * Prints the configuration and reachability notices for administrators on every admin screen.
 *
 * @since 0.1.0
 */
function workos_login_admin_notices(): void {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}

	$errors = workos_login_config_errors();
	if ( $errors ) {
		echo '<div class="notice notice-error"><p><strong>' . esc_html__( 'WorkOS Login is not configured, so nobody can sign in with it yet:', 'workos-login' ) . '</strong></p><ul>';
		foreach ( $errors as $error ) {
			echo '<li>' . esc_html( $error ) . '</li>';
		}
		echo '</ul><p>' . esc_html__( 'Until it is, wp-login.php stays WordPress’s own sign-in form.', 'workos-login' ) . '</p></div>';
		return;
	}
	if ( ! workos_login_config_ready() ) {
		$message = sprintf(
			/* translators: %s: the login server address. */
			__( 'WorkOS Login has not yet completed a signed exchange with the login server at %s, so wp-login.php stays WordPress’s own sign-in form. Check that the login server runs there, that it uses exactly the same WORKOS_LOGIN_SECRET, and that both clocks are right; WorkOS → Diagnostics runs the check.', 'workos-login' ),
			workos_login_server_url()
		);
		echo '<div class="notice notice-error"><p>' . esc_html( $message ) . '</p></div>';
		return;
	}

	$incidents = workos_login_incidents_status();
	if ( 'good' !== $incidents['status'] ) {
		printf( '<div class="notice notice-%s"><p>%s</p></div>', 'critical' === $incidents['status'] ? 'error' : 'warning', esc_html( $incidents['message'] ) ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- one of two literal class names; the message is escaped.
	}
	$workos = workos_login_workos_failing();
	if ( null !== $workos ) {
		$message = sprintf(
			/* translators: 1: a time span such as "5 mins", 2: a time span. */
			__( 'WorkOS has been failing the login server for %1$s (last failure %2$s ago): visitors are told sign-in is unavailable and asked to try again. Check status.workos.com and the login server\'s log; WorkOS → Diagnostics has details.', 'workos-login' ),
			human_time_diff( $workos['first_at'] ),
			human_time_diff( $workos['last_at'] )
		);
		echo '<div class="notice notice-warning"><p>' . esc_html( $message ) . '</p></div>';
	}

	$failed_at = get_transient( WORKOS_LOGIN_UNREACHABLE_TRANSIENT );
	if ( false === $failed_at ) {
		return;
	}
	$message = sprintf(
		/* translators: 1: the login server address, 2: a time span such as "5 mins". */
		__( 'The WorkOS login server at %1$s did not answer properly %2$s ago. Visitors cannot sign in with WorkOS until it does. Check that it is running, that it uses the same WORKOS_LOGIN_SECRET and that both clocks are right; the PHP error log has details.', 'workos-login' ),
		workos_login_server_url(),
		human_time_diff( (int) $failed_at )
	);
	echo '<div class="notice notice-warning"><p>' . esc_html( $message ) . '</p></div>';
}
add_action( 'admin_notices', 'workos_login_admin_notices' );
add_action( 'network_admin_notices', 'workos_login_admin_notices' );
