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
		echo '</ul></div>';
		return;
	}

	$failed_at = get_transient( WORKOS_LOGIN_UNREACHABLE_TRANSIENT );
	if ( false === $failed_at ) {
		return;
	}
	$message = sprintf(
		/* translators: 1: the login server address, 2: a time span such as "5 mins". */
		__( 'The WorkOS login server at %1$s did not answer properly %2$s ago. Visitors cannot sign in with WorkOS until it does. Check that it is running and uses the same WORKOS_LOGIN_SECRET; the PHP error log has details.', 'workos-login' ),
		workos_login_server_url(),
		human_time_diff( (int) $failed_at )
	);
	echo '<div class="notice notice-warning"><p>' . esc_html( $message ) . '</p></div>';
}
add_action( 'admin_notices', 'workos_login_admin_notices' );
add_action( 'network_admin_notices', 'workos_login_admin_notices' );
