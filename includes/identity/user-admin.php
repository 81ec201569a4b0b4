<?php
/**
 * Users screens: a "WorkOS" column, suspension on the user edit screen, and "Re-sync from
 * WorkOS" (a row action and a button).
 *
 * @package WorkOS_Login
 * @since   0.3.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Whether the current user may suspend / re-sync this user (never themselves).
 *
 * @since 0.3.0
 *
 * @param int $user_id Target user.
 */
function workos_login_can_manage_identity( int $user_id ): bool {
	return get_current_user_id() !== $user_id && current_user_can( 'edit_users' ) && current_user_can( 'edit_user', $user_id );
}

/**
 * Adds the "WorkOS" column.
 *
 * @since 0.3.0
 *
 * @param array<string, string> $columns Columns.
 * @return array<string, string>
 */
function workos_login_users_columns( $columns ) {
	$columns['workos_login'] = __( 'WorkOS', 'workos-login' );
	return $columns;
}
add_filter( 'manage_users_columns', 'workos_login_users_columns' );

/**
 * Prints the "WorkOS" column: linked or not, suspended, and the last WorkOS dashboard
 * impersonation (identity/impersonation.php).
 *
 * @since 0.3.0
 *
 * @param string $output  Column output so far.
 * @param string $column  Column name.
 * @param int    $user_id User.
 * @return string
 */
function workos_login_users_column( $output, $column, $user_id ) {
	if ( 'workos_login' !== $column ) {
		return $output;
	}
	$linked = '' !== (string) get_user_meta( (int) $user_id, WORKOS_LOGIN_USER_META, true );
	$parts  = array( $linked ? esc_html__( 'Linked', 'workos-login' ) : esc_html__( 'Not linked', 'workos-login' ) );
	if ( workos_login_is_suspended( (int) $user_id ) ) {
		$parts[] = '<strong class="workos-login-suspended">' . esc_html__( 'Suspended', 'workos-login' ) . '</strong>';
	}
	$impersonation = workos_login_last_impersonation( (int) $user_id );
	if ( null !== $impersonation ) {
		$parts[] = '<span class="workos-login-impersonated">' . esc_html( workos_login_impersonation_text( $impersonation ) ) . '</span>';
	}
	return implode( '<br>', $parts );
}

/**
 * "Impersonated by X on <date> (reason)" for a recorded impersonation (plain text).
 *
 * @since 0.6.0
 *
 * @param array{email: string, reason: string|null, at: int} $impersonation From workos_login_last_impersonation() (or a session's mark, `at` = its login).
 */
function workos_login_impersonation_text( array $impersonation ): string {
	$by   = '' !== $impersonation['email'] ? $impersonation['email'] : __( 'an unnamed WorkOS team member', 'workos-login' );
	$when = wp_date( get_option( 'date_format' ) . ' ' . get_option( 'time_format' ), $impersonation['at'] );
	/* translators: 1: the impersonator's email, 2: date and time. */
	$text = sprintf( __( 'Impersonated by %1$s on %2$s', 'workos-login' ), $by, (string) $when );
	if ( null !== $impersonation['reason'] ) {
		/* translators: 1: "Impersonated by … on …", 2: the reason the impersonator gave. */
		$text = sprintf( __( '%1$s (reason: %2$s)', 'workos-login' ), $text, workos_login_audit_cut( $impersonation['reason'], 120 ) );
	}
	return $text;
}
add_filter( 'manage_users_custom_column', 'workos_login_users_column', 10, 3 );

/**
 * The admin-post URL that re-syncs a user.
 *
 * @since 0.3.0
 *
 * @param int $user_id User.
 */
function workos_login_resync_url( int $user_id ): string {
	return wp_nonce_url( admin_url( 'admin-post.php?action=workos_login_resync&user_id=' . $user_id ), 'workos_login_resync_' . $user_id );
}

/**
 * Adds "Re-sync from WorkOS" to linked users' row actions.
 *
 * @since 0.3.0
 *
 * @param array<string, string> $actions Row actions.
 * @param WP_User               $user    The row's user.
 * @return array<string, string>
 */
function workos_login_user_row_actions( $actions, $user ) {
	if ( $user instanceof WP_User && workos_login_can_manage_identity( $user->ID ) && '' !== (string) get_user_meta( $user->ID, WORKOS_LOGIN_USER_META, true ) ) {
		$actions['workos_login_resync'] = sprintf( '<a href="%s">%s</a>', esc_url( workos_login_resync_url( $user->ID ) ), esc_html__( 'Re-sync from WorkOS', 'workos-login' ) );
	}
	return $actions;
}
add_filter( 'user_row_actions', 'workos_login_user_row_actions', 10, 2 );

/**
 * Handles "Re-sync from WorkOS", then returns to where the administrator was.
 *
 * @since 0.3.0
 */
function workos_login_handle_resync(): void {
	$user_id = isset( $_GET['user_id'] ) ? absint( $_GET['user_id'] ) : 0;
	check_admin_referer( 'workos_login_resync_' . $user_id );
	$user = get_user_by( 'id', $user_id );
	if ( ! $user || ! workos_login_can_manage_identity( $user_id ) ) {
		wp_die( esc_html__( 'Sorry, you are not allowed to re-sync this user.', 'workos-login' ), 403 );
	}
	$result = workos_login_resync_user( $user );
	$code   = is_wp_error( $result ) ? (string) $result->get_error_code() : ( $result['suspended'] ? 'suspended' : 'ok' );
	$back   = wp_get_referer();
	$back   = $back ? $back : admin_url( 'users.php' );
	wp_safe_redirect( add_query_arg( 'workos_resync', rawurlencode( $code ), remove_query_arg( 'workos_resync', $back ) ) );
	exit;
}
add_action( 'admin_post_workos_login_resync', 'workos_login_handle_resync' );

/**
 * Says how the last re-sync went.
 *
 * @since 0.3.0
 */
function workos_login_resync_notice(): void {
	// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- only selects which fixed message to show.
	$code     = isset( $_GET['workos_resync'] ) ? sanitize_key( wp_unslash( $_GET['workos_resync'] ) ) : '';
	$messages = array(
		'ok'                 => array( 'success', __( 'Re-synced from WorkOS.', 'workos-login' ) ),
		'suspended'          => array( 'warning', __( 'Re-synced from WorkOS: the user no longer passes the entitlement gate and is suspended.', 'workos-login' ) ),
		'not_linked'         => array( 'error', __( 'This user is not linked to a WorkOS user yet.', 'workos-login' ) ),
		'not_found'          => array( 'warning', __( 'WorkOS has no such user any more; the WordPress user is now suspended.', 'workos-login' ) ),
		'server_unavailable' => array( 'error', __( 'WorkOS could not be asked right now; nothing was changed.', 'workos-login' ) ),
	);
	if ( isset( $messages[ $code ] ) ) {
		printf( '<div class="notice notice-%1$s is-dismissible"><p>%2$s</p></div>', esc_attr( $messages[ $code ][0] ), esc_html( $messages[ $code ][1] ) );
	}
}
add_action( 'admin_notices', 'workos_login_resync_notice' );

/**
 * The "WorkOS" section of another user's edit screen: link, suspension, re-sync.
 *
 * @since 0.3.0
 *
 * @param WP_User $user The user being edited.
 */
function workos_login_user_profile_section( $user ): void {
	if ( ! $user instanceof WP_User || ! workos_login_can_manage_identity( $user->ID ) ) {
		return;
	}
	$workos_id = (string) get_user_meta( $user->ID, WORKOS_LOGIN_USER_META, true );
	echo '<h2>' . esc_html__( 'WorkOS', 'workos-login' ) . '</h2><table class="form-table" role="presentation">';
	echo '<tr><th scope="row">' . esc_html__( 'WorkOS user', 'workos-login' ) . '</th><td>';
	echo '' !== $workos_id ? '<code>' . esc_html( $workos_id ) . '</code>' : esc_html__( 'Not linked yet (linked at the first WorkOS sign-in).', 'workos-login' );
	if ( '' !== $workos_id ) {
		printf( ' <a class="button" href="%s">%s</a>', esc_url( workos_login_resync_url( $user->ID ) ), esc_html__( 'Re-sync from WorkOS', 'workos-login' ) );
	}
	echo '</td></tr>';
	workos_login_user_impersonation_rows( $user->ID );
	echo '<tr><th scope="row">' . esc_html__( 'Suspended', 'workos-login' ) . '</th><td>';
	printf(
		'<label><input type="checkbox" name="workos_login_suspended" value="1" aria-describedby="workos-login-suspended-description" %1$s> %2$s</label>',
		checked( workos_login_is_suspended( $user ), true, false ),
		esc_html__( 'Suspend this user', 'workos-login' )
	);
	echo '<p class="description" id="workos-login-suspended-description">' . esc_html__( 'A suspended user cannot sign in by any method, and is signed out everywhere now.', 'workos-login' ) . '</p>';
	wp_nonce_field( 'workos_login_suspend_' . $user->ID, 'workos_login_suspend_nonce' );
	echo '</td></tr></table>';
}
add_action( 'edit_user_profile', 'workos_login_user_profile_section' );

/**
 * The user edit screen's impersonation rows: the last one, and the sessions it left open.
 *
 * @since 0.6.0
 *
 * @param int $user_id The user being edited.
 */
function workos_login_user_impersonation_rows( int $user_id ): void {
	$last = workos_login_last_impersonation( $user_id );
	if ( null === $last ) {
		return;
	}
	echo '<tr><th scope="row">' . esc_html__( 'Impersonation', 'workos-login' ) . '</th><td><p>' . esc_html( workos_login_impersonation_text( $last ) ) . '</p>';
	foreach ( workos_login_impersonated_sessions( $user_id ) as $session ) {
		$text = workos_login_impersonation_text( array( 'at' => $session['login'] ) + $session );
		/* translators: 1: "Impersonated by … on …", 2: date and time the session ends. */
		printf( '<p class="workos-login-impersonated-session">%s</p>', esc_html( sprintf( __( 'Session open: %1$s, until %2$s', 'workos-login' ), $text, (string) wp_date( get_option( 'time_format' ), $session['expiration'] ) ) ) );
	}
	echo '</td></tr>';
}

/**
 * Saves the suspension checkbox.
 *
 * @since 0.3.0
 *
 * @param int $user_id The user being edited.
 */
function workos_login_save_user_profile_section( $user_id ): void {
	$user_id = (int) $user_id;
	if ( ! isset( $_POST['workos_login_suspend_nonce'] ) || ! workos_login_can_manage_identity( $user_id ) ) {
		return;
	}
	check_admin_referer( 'workos_login_suspend_' . $user_id, 'workos_login_suspend_nonce' );
	$user = get_user_by( 'id', $user_id );
	if ( $user ) {
		workos_login_set_suspended( $user, ! empty( $_POST['workos_login_suspended'] ), 'admin', 'set by an administrator' );
	}
}
add_action( 'edit_user_profile_update', 'workos_login_save_user_profile_section' );
