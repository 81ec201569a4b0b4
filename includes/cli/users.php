<?php
/**
 * `wp workos users resync`: the users screens' "Re-sync from WorkOS" (identity/resync.php) for
 * one user, several, or every linked user.
 *
 * @package WorkOS_Login
 * @since   0.6.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Brings WordPress users in step with WorkOS now: names and verified email, the mapped role, and
 * the entitlement gate (a user the gate denies is suspended; one an earlier re-sync suspended
 * and the gate admits again is reinstated).
 *
 * Asks the login server, which must be reachable. Exit code 1 when any user could not be
 * re-synced.
 *
 * ## OPTIONS
 *
 * [<user>...]
 * : ID, username or email address of each user.
 *
 * [--all]
 * : Every user linked to a WorkOS user.
 *
 * ## EXAMPLES
 *
 *     $ wp workos users resync ada@example.com
 *     $ wp workos users resync --all
 *
 * @since 0.6.0
 *
 * @param string[]             $args       The users.
 * @param array<string, mixed> $assoc_args `all`.
 */
function workos_login_cli_users_resync( array $args, array $assoc_args ): void {
	$all = ! empty( $assoc_args['all'] );
	if ( $all === (bool) $args ) {
		WP_CLI::error( __( 'Name the users to re-sync, or give --all (not both).', 'workos-login' ) );
	}
	$users = array();
	if ( $all ) {
		$users = get_users(
			array(
				'meta_key'     => WORKOS_LOGIN_USER_META, // phpcs:ignore WordPress.DB.SlowDBQuery.slow_db_query_meta_key -- an administrator's batch command.
				'meta_compare' => 'EXISTS',
				'orderby'      => 'ID',
			)
		);
	}
	foreach ( $args as $key ) {
		$user = workos_login_audit_find_user( $key );
		if ( null === $user ) {
			/* translators: %s: what was given: an ID, username or email address. */
			WP_CLI::error( sprintf( __( 'No user has the ID, username or email address “%s”.', 'workos-login' ), $key ) );
			return;
		}
		$users[] = $user;
	}
	$failed = 0;
	foreach ( $users as $user ) {
		$result = workos_login_resync_user( $user );
		if ( is_wp_error( $result ) ) {
			++$failed;
			WP_CLI::warning( $user->user_login . ': ' . $result->get_error_message() );
		} elseif ( $result['suspended'] ) {
			WP_CLI::warning( $user->user_login . ': ' . __( 'Re-synced from WorkOS: the user no longer passes the entitlement gate and is suspended.', 'workos-login' ) );
		} else {
			WP_CLI::line( $user->user_login . ': ' . ( $result['role_changed'] ? __( 'Re-synced from WorkOS; the role changed.', 'workos-login' ) : __( 'Re-synced from WorkOS.', 'workos-login' ) ) );
		}
	}
	if ( $failed > 0 ) {
		/* translators: 1: users that failed, 2: users asked for. */
		WP_CLI::error( sprintf( __( '%1$s of %2$s users could not be re-synced.', 'workos-login' ), number_format_i18n( $failed ), number_format_i18n( count( $users ) ) ) );
	}
	/* translators: %s: number of users. */
	WP_CLI::success( sprintf( _n( 'Re-synced %s user.', 'Re-synced %s users.', count( $users ), 'workos-login' ), number_format_i18n( count( $users ) ) ) );
}
