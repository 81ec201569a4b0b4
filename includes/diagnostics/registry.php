<?php
/**
 * The health tests: one list (`workos_login_health_tests`) read by Site Health and by the
 * WorkOS → Diagnostics screen, and one way to run an entry and shape its result.
 *
 * @package WorkOS_Login
 * @since   0.3.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** Prefix of our Site Health test ids (`workos_login_<name>`). */
const WORKOS_LOGIN_HEALTH_TEST_PREFIX = 'workos_login_';

/** Result statuses Site Health knows. */
const WORKOS_LOGIN_HEALTH_STATUSES = array( 'good', 'recommended', 'critical' );

/**
 * Every health test, in display order.
 *
 * Other parts add theirs through the filter (the audit log adds "audit log writable"). Entries
 * with `async` true need the network (the login server): Site Health runs them through a REST
 * route after the page has loaded, so the page is never blocked by a slow server.
 *
 * @since 0.3.0
 *
 * @return array<string, array{label: string, callback: callable(): array<string, mixed>, async?: bool}>
 *         Name (`[a-z0-9_]+`) => entry; the callback returns a Site Health result array
 *         (`status`, `label`, `description`; `badge`, `test` and `actions` are filled in).
 */
function workos_login_health_tests(): array {
	/**
	 * Filters the health tests shown in Site Health and on WorkOS → Diagnostics.
	 *
	 * @since 0.3.0
	 *
	 * @param array<string, array{label: string, callback: callable, async?: bool}> $tests Name => entry.
	 */
	$tests = apply_filters( 'workos_login_health_tests', array() );
	$valid = array();
	foreach ( is_array( $tests ) ? $tests : array() as $name => $test ) {
		if ( is_string( $name ) && 1 === preg_match( '/^[a-z0-9_]{1,64}$/', $name ) && is_array( $test ) && is_callable( $test['callback'] ?? null ) ) {
			$valid[ $name ] = array(
				'label'    => is_string( $test['label'] ?? null ) ? $test['label'] : $name,
				'callback' => $test['callback'],
				'async'    => ! empty( $test['async'] ),
			);
		}
	}
	return $valid;
}

/**
 * Adds this directory's tests to the list, first (priority 5), in the order an administrator
 * fixes things: the connection, then WorkOS through it, then the site itself.
 *
 * @since 0.3.0
 *
 * @param array<string, array{label: string, callback: callable, async?: bool}> $tests Name => entry.
 * @return array<string, array{label: string, callback: callable, async?: bool}>
 */
function workos_login_register_health_tests( array $tests ): array {
	$ours = array(
		'login_server'       => array(
			'label'    => __( 'WorkOS login server reachable', 'workos-login' ),
			'callback' => 'workos_login_health_test_login_server',
			'async'    => true,
		),
		'server_transport'   => array(
			'label'    => __( 'Encryption between WordPress and the login server', 'workos-login' ),
			'callback' => 'workos_login_health_test_server_transport',
		),
		'secret'             => array(
			'label'    => __( 'WorkOS Login shared secret', 'workos-login' ),
			'callback' => 'workos_login_health_test_secret',
		),
		'workos_credentials' => array(
			'label'    => __( 'WorkOS credentials', 'workos-login' ),
			'callback' => 'workos_login_health_test_workos_credentials',
			'async'    => true,
		),
		'organization'       => array(
			'label'    => __( 'WorkOS site organization', 'workos-login' ),
			'callback' => 'workos_login_health_test_organization',
			'async'    => true,
		),
		'clock'              => array(
			'label'    => __( 'Clock of WordPress and the WorkOS login server', 'workos-login' ),
			'callback' => 'workos_login_health_test_clock',
			'async'    => true,
		),
		'rewrite_rules'      => array(
			'label'    => __( 'WorkOS sign-in addresses', 'workos-login' ),
			'callback' => 'workos_login_health_test_rewrite_rules',
		),
		'https'              => array(
			'label'    => __( 'HTTPS for WorkOS sign-in', 'workos-login' ),
			'callback' => 'workos_login_health_test_https',
		),
	);
	return array_merge( $ours, $tests );
}
add_filter( 'workos_login_health_tests', 'workos_login_register_health_tests', 5 );

/**
 * Runs one test and returns its complete Site Health result. A test that throws is reported as
 * critical (details go to the PHP error log, not to the screen).
 *
 * @since 0.3.0
 *
 * @param string $name A key of workos_login_health_tests().
 * @return array{label: string, status: string, badge: array{label: string, color: string}, description: string, actions: string, test: string}|null
 *         Null for an unknown test.
 */
function workos_login_run_health_test( string $name ): ?array {
	$test = workos_login_health_tests()[ $name ] ?? null;
	if ( null === $test ) {
		return null;
	}
	try {
		$result = call_user_func( $test['callback'] );
	} catch ( Throwable $error ) {
		workos_login_log( sprintf( 'health test %s failed: %s', $name, get_class( $error ) . ': ' . $error->getMessage() ) );
		$result = array(
			'status'      => 'critical',
			/* translators: %s: the test's name. */
			'label'       => sprintf( __( 'The “%s” test could not run', 'workos-login' ), $test['label'] ),
			'description' => '<p>' . esc_html__( 'It stopped with an error; the PHP error log has the details.', 'workos-login' ) . '</p>',
		);
	}
	return workos_login_health_result( $name, is_array( $result ) ? $result : array(), $test['label'] );
}

/**
 * Completes a test's result: a known status, the "WorkOS Login" badge, the test id and a link
 * to the Diagnostics screen.
 *
 * @since 0.3.0
 *
 * @param string               $name   Test name.
 * @param array<string, mixed> $result What the callback returned.
 * @param string               $label  The test's label, used when the result has none.
 * @return array{label: string, status: string, badge: array{label: string, color: string}, description: string, actions: string, test: string}
 */
function workos_login_health_result( string $name, array $result, string $label ): array {
	$status = in_array( $result['status'] ?? null, WORKOS_LOGIN_HEALTH_STATUSES, true ) ? $result['status'] : 'recommended';
	$link   = sprintf(
		'<p><a href="%s">%s</a></p>',
		esc_url( admin_url( 'admin.php?page=' . WORKOS_LOGIN_DIAGNOSTICS_PAGE ) ),
		esc_html__( 'WorkOS → Diagnostics', 'workos-login' )
	);
	return array(
		'label'       => is_string( $result['label'] ?? null ) && '' !== $result['label'] ? $result['label'] : $label,
		'status'      => $status,
		'badge'       => array(
			'label' => __( 'WorkOS Login', 'workos-login' ),
			'color' => 'blue',
		),
		'description' => is_string( $result['description'] ?? null ) ? $result['description'] : '',
		'actions'     => is_string( $result['actions'] ?? null ) && '' !== $result['actions'] ? $result['actions'] : $link,
		'test'        => WORKOS_LOGIN_HEALTH_TEST_PREFIX . $name,
	);
}

/**
 * A result array for this directory's tests: the description's paragraphs are plain text,
 * escaped here (Site Health prints descriptions as HTML).
 *
 * @since 0.3.0
 *
 * @param string   $status     `good`, `recommended` or `critical`.
 * @param string   $label      The headline.
 * @param string[] $paragraphs Plain-text paragraphs: what is wrong, then what to do.
 * @return array{status: string, label: string, description: string}
 */
function workos_login_health_outcome( string $status, string $label, array $paragraphs ): array {
	$description = '';
	foreach ( $paragraphs as $paragraph ) {
		$description .= '<p>' . esc_html( $paragraph ) . '</p>';
	}
	return array(
		'status'      => $status,
		'label'       => $label,
		'description' => $description,
	);
}
