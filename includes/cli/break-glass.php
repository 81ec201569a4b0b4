<?php
/**
 * `wp workos-login break-glass`, the old name of `wp workos break-glass`
 * (surfaces/break-glass-cli.php): still works, with a warning naming the new one.
 *
 * @package WorkOS_Login
 * @since   0.6.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Deprecated: use `wp workos break-glass`. Issues a single-use link that opens WordPress's own
 * sign-in form for one user.
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
function workos_login_break_glass_cli_deprecated( array $args, array $assoc_args ): void {
	WP_CLI::warning( __( '`wp workos-login break-glass` is deprecated; use `wp workos break-glass`.', 'workos-login' ) );
	workos_login_break_glass_cli( $args, $assoc_args );
}
