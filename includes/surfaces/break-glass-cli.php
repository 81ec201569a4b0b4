<?php
/**
 * `wp workos-login break-glass <user> [--ttl=<minutes>]`: issues a break-glass link from the
 * command line (break-glass-link.php) and prints it. Registered only when WP-CLI runs.
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
 *     wp workos-login break-glass admin --ttl=10
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
		WP_CLI::error( 'No user has that username, email address or ID.' );
		return;
	}
	$ttl    = (string) ( $assoc_args['ttl'] ?? WORKOS_LOGIN_BREAK_GLASS_DEFAULT_MINUTES );
	$issued = workos_login_break_glass_issue( $user, workos_login_break_glass_minutes( $ttl ), 'cli', get_current_user_id() );
	if ( is_wp_error( $issued ) ) {
		WP_CLI::error( $issued->get_error_message() );
		return;
	}
	WP_CLI::line( $issued['url'] );
	WP_CLI::success( sprintf( 'Single-use link for %s, valid until %s UTC. It is not stored: hand it over privately.', $user->user_login, gmdate( 'Y-m-d H:i', $issued['link']['expires'] ) ) );
}

if ( defined( 'WP_CLI' ) && WP_CLI && class_exists( 'WP_CLI' ) ) {
	WP_CLI::add_command( 'workos-login break-glass', 'workos_login_break_glass_cli' );
}
