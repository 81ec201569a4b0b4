<?php
/**
 * Site Health: "WorkOS Login audit log is writable".
 *
 * Checks the table for real (a probe row written and deleted) and reports failed writes the
 * log remembered (log.php), so a failure that happened silently during a sign-in is seen.
 *
 * @package WorkOS_Login
 * @since   0.3.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** Failed writes older than this no longer make the test "recommended". */
const WORKOS_LOGIN_AUDIT_FAILURE_WINDOW = 30 * DAY_IN_SECONDS;

/**
 * Adds the test to the plugin's health tests, which includes/diagnostics registers with Site
 * Health (as `workos_login_audit_writable`) and shows on WorkOS → Diagnostics.
 *
 * @since 0.3.0
 *
 * @param array<string, array{label: string, callback: callable, async?: bool}> $tests Name => entry.
 * @return array<string, array{label: string, callback: callable, async?: bool}>
 */
function workos_login_audit_health_tests( $tests ): array {
	$tests                   = is_array( $tests ) ? $tests : array();
	$tests['audit_writable'] = array(
		'label'    => __( 'WorkOS Login audit log is writable', 'workos-login' ),
		'callback' => 'workos_login_audit_health_test',
	);
	return $tests;
}
add_filter( 'workos_login_health_tests', 'workos_login_audit_health_tests' );

/**
 * The test: `critical` when the table cannot be written now or writes failed since the last
 * success, `recommended` when writes failed in the last 30 days but work again, else `good`
 * (also when the log is switched off: nothing to write then).
 *
 * @since 0.3.0
 *
 * @return array{label: string, status: string, badge: array{label: string, color: string}, description: string, actions: string, test: string}
 */
function workos_login_audit_health_test(): array {
	$failures = workos_login_audit_failures();
	$probe    = workos_login_audit_probe();
	$failing  = $failures['failing'];
	$recent   = $failures['count'] > 0 && $failures['last_at'] > time() - WORKOS_LOGIN_AUDIT_FAILURE_WINDOW;

	$description = '<p>' . esc_html__( 'Sign-ins, refusals and configuration changes are recorded in the WorkOS Login audit log.', 'workos-login' ) . '</p>';
	if ( true !== $probe ) {
		$status       = 'critical';
		$label        = __( 'The WorkOS Login audit log cannot be written', 'workos-login' );
		$description .= '<p>' . esc_html( sprintf( /* translators: %s: the database's error message. */ __( 'A test write failed: %s', 'workos-login' ), $probe ) ) . '</p>';
	} elseif ( $failing || $recent ) {
		$status = $failing ? 'critical' : 'recommended';
		$label  = $failing
			? __( 'WorkOS Login audit log writes are failing', 'workos-login' )
			: __( 'Some WorkOS Login audit log writes failed recently', 'workos-login' );
	} else {
		$status = 'good';
		$label  = __( 'WorkOS Login audit log is writable', 'workos-login' );
	}
	if ( $failures['count'] > 0 && ( $failing || $recent ) ) {
		$description .= '<p>' . esc_html(
			sprintf(
				/* translators: 1: number of failed writes, 2: date and time of the last one, 3: the database's error message. */
				_n( '%1$d audit event could not be written (last at %2$s): %3$s', '%1$d audit events could not be written (last at %2$s): %3$s', $failures['count'], 'workos-login' ),
				$failures['count'],
				wp_date( get_option( 'date_format' ) . ' ' . get_option( 'time_format' ), $failures['last_at'] ),
				'' !== $failures['last_error'] ? $failures['last_error'] : __( 'unknown error', 'workos-login' )
			)
		) . '</p>';
		if ( ! $failing ) {
			$description .= '<p>' . esc_html__( 'Writing has worked again since then.', 'workos-login' ) . '</p>';
		}
	}
	return array(
		'label'       => $label,
		'status'      => $status,
		'badge'       => array(
			'label' => __( 'WorkOS Login', 'workos-login' ),
			'color' => 'blue',
		),
		'description' => $description,
		'actions'     => sprintf( '<p><a href="%s">%s</a></p>', esc_url( admin_url( 'admin.php?page=' . WORKOS_LOGIN_AUDIT_PAGE ) ), esc_html__( 'Open the audit log', 'workos-login' ) ),
		'test'        => 'workos_login_audit_writable',
	);
}

/**
 * Writes and deletes a probe row (not an event: it never shows and is never forwarded).
 *
 * @since 0.3.0
 *
 * @return true|string True, or the database's error.
 */
function workos_login_audit_probe(): bool|string {
	global $wpdb;
	workos_login_audit_maybe_upgrade();
	$table      = workos_login_audit_table();
	$suppressed = $wpdb->suppress_errors( true );
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- a write test of the plugin's own table.
	$written = $wpdb->insert(
		$table,
		array(
			'uuid'        => wp_generate_uuid4(),
			'occurred_at' => gmdate( 'Y-m-d H:i:s' ),
			'event'       => '_probe',
			'detail'      => '{}',
		),
		array( '%s', '%s', '%s', '%s' )
	);
	$error   = (string) $wpdb->last_error;
	if ( $written ) {
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- removing the probe row.
		$wpdb->delete( $table, array( 'id' => (int) $wpdb->insert_id ), array( '%d' ) );
	}
	$wpdb->suppress_errors( $suppressed );
	if ( $written ) {
		return true;
	}
	return workos_login_audit_db_error( $error );
}
