<?php
/**
 * The health tests in Tools → Site Health: those WordPress answers alone run with the page
 * ("direct"); those needing the login server are "async", fetched by Site Health's script from
 * `GET /wp-json/workos/v1/site-health/<name>` after the page loaded, so a slow or stopped login
 * server never blocks the screen. WP-Cron's weekly check runs them directly (`async_direct_test`).
 *
 * @package WorkOS_Login
 * @since   0.3.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Adds every `workos_login_health_tests` entry to Site Health.
 *
 * @since 0.3.0
 *
 * @param array{direct?: array<string, array<string, mixed>>, async?: array<string, array<string, mixed>>} $tests Site Health's tests.
 * @return array{direct?: array<string, array<string, mixed>>, async?: array<string, array<string, mixed>>}
 */
function workos_login_site_status_tests( array $tests ): array {
	foreach ( workos_login_health_tests() as $name => $test ) {
		$id  = WORKOS_LOGIN_HEALTH_TEST_PREFIX . $name;
		$run = static function () use ( $name ): array {
			return (array) workos_login_run_health_test( $name );
		};
		if ( $test['async'] ) {
			$tests['async'][ $id ] = array(
				'label'             => $test['label'],
				'test'              => rest_url( 'workos/v1/site-health/' . $name ),
				'has_rest'          => true,
				'async_direct_test' => $run,
			);
		} else {
			$tests['direct'][ $id ] = array(
				'label' => $test['label'],
				'test'  => $run,
			);
		}
	}
	return $tests;
}
add_filter( 'site_status_tests', 'workos_login_site_status_tests' );

/**
 * Registers `GET /workos/v1/site-health/<name>`.
 *
 * @since 0.3.0
 */
function workos_login_register_site_health_routes(): void {
	register_rest_route(
		'workos/v1',
		'/site-health/(?P<test>[a-z0-9_]{1,64})',
		array(
			'methods'             => WP_REST_Server::READABLE,
			'callback'            => 'workos_login_rest_site_health_test',
			'permission_callback' => 'workos_login_rest_can_view_site_health',
			'args'                => array(
				'test' => array(
					'description' => __( 'The health test to run.', 'workos-login' ),
					'type'        => 'string',
					'pattern'     => '^[a-z0-9_]{1,64}$',
					'required'    => true,
				),
			),
		)
	);
}
add_action( 'rest_api_init', 'workos_login_register_site_health_routes' );

/**
 * Only those who may see Site Health run its tests (as core's own test routes).
 *
 * @since 0.3.0
 *
 * @return bool|WP_Error
 */
function workos_login_rest_can_view_site_health(): bool|WP_Error {
	if ( current_user_can( 'view_site_health_checks' ) ) {
		return true;
	}
	return new WP_Error( 'rest_forbidden', __( 'Sorry, you are not allowed to run Site Health tests.', 'workos-login' ), array( 'status' => rest_authorization_required_code() ) );
}

/**
 * Runs one test: the Site Health result array, or 404 for an unknown test.
 *
 * @since 0.3.0
 *
 * @param WP_REST_Request $request The request (`test`).
 * @return WP_REST_Response|WP_Error
 */
function workos_login_rest_site_health_test( WP_REST_Request $request ): WP_REST_Response|WP_Error {
	$result = workos_login_run_health_test( (string) $request['test'] );
	if ( null === $result ) {
		return new WP_Error( 'rest_not_found', __( 'There is no such health test.', 'workos-login' ), array( 'status' => 404 ) );
	}
	$response = new WP_REST_Response( $result, 200 );
	$response->header( 'Cache-Control', 'no-store' );
	return $response;
}
