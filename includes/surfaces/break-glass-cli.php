<?php
/**
 * `wp workos break-glass <user> [--ttl=<minutes>]`: issues a break-glass link from the command
 * line (break-glass-link.php) and prints it. Registered with the other `wp workos` commands
 * (cli/load.php) only when WP-CLI runs, also under its old name `wp workos-login break-glass`.
 *
 * @package WorkOS_Login
 * @since   0.3.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Issues a single-use link that opens WordPress's own sign-in form for one user.
 *
 * ## OPTIONS
 *
 * <user>
 * : Username, email address or ID of the user the link signs in.
 *
 * [--ttl=<minutes>]
 * : Minutes the link lasts, 1 to 60.
 * ---
 * default: 15
 * ---
 *
 * ## EXAMPLES
 *
 *     $ wp workos break-glass admin --ttl=10
 *
 * @since 0.6.0
 *
 * @param string[]              $args       Positional arguments: the user.
 * @param array<string, string> $assoc_args `ttl`.
 */
function workos_login_break_glass_cli( array $args, array $assoc_args ): void {
	$who  = (string) ( $args[0] ?? '' );
	$user = 1 === preg_match( '/^[1-9][0-9]*$/D', $who ) ? get_userdata( (int) $who ) : workos_login_break_glass_find_user( $who );
	if ( ! $user ) {
		WP_CLI::error( __( 'No user has that username, email address or ID.', 'workos-login' ) );
		return;
	}
	$ttl    = (string) ( $assoc_args['ttl'] ?? WORKOS_LOGIN_BREAK_GLASS_DEFAULT_MINUTES );
	$issued = workos_login_break_glass_issue( $user, workos_login_break_glass_minutes( $ttl ), 'cli', get_current_user_id() );
	if ( is_wp_error( $issued ) ) {
		WP_CLI::error( $issued->get_error_message() );
		return;
	}
	WP_CLI::line( $issued['url'] );
	/* translators: 1: a username, 2: a date and time (UTC). */
	WP_CLI::success( sprintf( __( 'Single-use link for %1$s, valid until %2$s UTC. It is not stored: hand it over privately.', 'workos-login' ), $user->user_login, gmdate( 'Y-m-d H:i', $issued['link']['expires'] ) ) );
}
