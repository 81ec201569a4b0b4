<?php
/**
 * Plugin Name: WorkOS Login test cache probe
 * Description: Test-only REST routes that exercise the object cache directly (tests/prod/object-cache.spec.ts copies this file in and out). Never on a real site.
 *
 * @package workos-login
 */

/**
 * Registers the probe routes under workos-test/v1.
 *
 * @since 0.6.0
 */
function workos_login_test_cache_probe_routes(): void {
	register_rest_route(
		'workos-test/v1',
		'/cache',
		array(
			'methods'             => 'GET',
			'permission_callback' => '__return_true',
			'callback'            => static function () {
				return array(
					'external' => (bool) wp_using_ext_object_cache(),
					'class'    => get_class( $GLOBALS['wp_object_cache'] ),
				);
			},
		)
	);
	register_rest_route(
		'workos-test/v1',
		'/cache/claim',
		array(
			'methods'             => 'POST',
			'permission_callback' => '__return_true',
			'args'                => array(
				'key' => array(
					'type'     => 'string',
					'required' => true,
				),
			),
			'callback'            => static function ( WP_REST_Request $request ) {
				return array( 'claimed' => wp_cache_add( $request['key'], getmypid(), 'workos-test', 60 ) );
			},
		)
	);
	register_rest_route(
		'workos-test/v1',
		'/cache/incr',
		array(
			'methods'             => 'POST',
			'permission_callback' => '__return_true',
			'args'                => array(
				'key' => array(
					'type'     => 'string',
					'required' => true,
				),
			),
			'callback'            => static function ( WP_REST_Request $request ) {
				$cache = $GLOBALS['wp_object_cache'];
				wp_cache_add( $request['key'], 0, 'workos-test', 60 );
				$result = wp_cache_incr( $request['key'], 1, 'workos-test' );
				return array(
					'result' => $result,
					'value'  => wp_cache_get( $request['key'], 'workos-test', true ),
					'ttl'    => method_exists( $cache, 'ttl' ) ? $cache->ttl( $request['key'], 'workos-test' ) : null,
				);
			},
		)
	);
}
add_action( 'rest_api_init', 'workos_login_test_cache_probe_routes' );
