<?php
/**
 * The health tests of what happened to real sign-ins lately — what a live check run now can
 * miss: WorkOS failing the login server's calls, and the database refusing writes.
 *
 * @package WorkOS_Login
 * @since   0.6.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** Minutes after the last WorkOS failure during which the test stays critical. */
const WORKOS_LOGIN_WORKOS_FAILING_CRITICAL_MINUTES = 15;

/**
 * Adds the tests after the connection tests.
 *
 * @since 0.6.0
 *
 * @param array<string, array{label: string, callback: callable, async?: bool}> $tests Name => entry.
 * @return array<string, array{label: string, callback: callable, async?: bool}>
 */
function workos_login_register_recent_health_tests( $tests ): array {
	$tests                    = is_array( $tests ) ? $tests : array();
	$tests['workos_sign_ins'] = array(
		'label'    => __( 'WorkOS answers sign-ins', 'workos-login' ),
		'callback' => 'workos_login_health_test_workos_sign_ins',
	);
	$tests['database_writes'] = array(
		'label'    => __( 'WorkOS Login can store sign-ins', 'workos-login' ),
		'callback' => 'workos_login_health_test_database_writes',
	);
	return $tests;
}
add_filter( 'workos_login_health_tests', 'workos_login_register_recent_health_tests', 6 );

/**
 * Critical while WorkOS keeps failing the login server's calls (timeouts, 5xx, unreachable),
 * recommended within the hour after, else good.
 *
 * @since 0.6.0
 *
 * @return array{status: string, label: string, description: string}
 */
function workos_login_health_test_workos_sign_ins(): array {
	$failing = workos_login_workos_failing();
	if ( null === $failing ) {
		return workos_login_health_outcome(
			'good',
			__( 'WorkOS answered the latest sign-ins', 'workos-login' ),
			array( __( 'No sign-in failed because WorkOS was slow or unavailable in the last hour.', 'workos-login' ) )
		);
	}
	$recent = $failing['last_at'] > time() - WORKOS_LOGIN_WORKOS_FAILING_CRITICAL_MINUTES * MINUTE_IN_SECONDS;
	return workos_login_health_outcome(
		$recent ? 'critical' : 'recommended',
		$recent ? __( 'WorkOS is failing sign-ins', 'workos-login' ) : __( 'WorkOS failed sign-ins in the last hour', 'workos-login' ),
		array(
			sprintf(
				/* translators: 1: a time span such as "5 mins", 2: a time span. */
				__( 'The login server could not complete sign-ins because WorkOS did not answer in time, answered with a server error or could not be reached: first %1$s ago, last %2$s ago. Visitors were told sign-in is unavailable; their attempts were not counted against them.', 'workos-login' ),
				human_time_diff( $failing['first_at'] ),
				human_time_diff( $failing['last_at'] )
			),
			__( 'Check WorkOS’s status page and the login server’s log (lines “WorkOS unavailable” and “time budget ran out”).', 'workos-login' ),
		)
	);
}

/**
 * Critical while refused writes wait in the incident record (the database refuses writes now),
 * recommended for a week after, else good.
 *
 * @since 0.6.0
 *
 * @return array{status: string, label: string, description: string}
 */
function workos_login_health_test_database_writes(): array {
	workos_login_incidents_recover();
	$status = workos_login_incidents_status();
	$labels = array(
		'critical'    => __( 'The database refuses WorkOS Login’s writes', 'workos-login' ),
		'recommended' => __( 'The database refused WorkOS Login’s writes recently', 'workos-login' ),
		'good'        => __( 'WorkOS Login can store sign-ins', 'workos-login' ),
	);
	return workos_login_health_outcome( $status['status'], $labels[ $status['status'] ], array( $status['message'] ) );
}
