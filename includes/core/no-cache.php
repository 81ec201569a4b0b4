<?php
/**
 * Headers that keep the plugin's own pages (sign-in pages, the callback, redirects) out of
 * every cache: browsers, proxies, and the full-page caches hosts put in front of WordPress
 * (nginx honours `Cache-Control` and `X-Accel-Expires`; page-cache plugins read
 * `DONOTCACHEPAGE`). Each such page answers one visitor.
 *
 * @package WorkOS_Login
 * @since   0.6.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Sends the headers (in place of core's nocache_headers(), which it calls).
 *
 * @since 0.6.0
 */
function workos_login_nocache_headers(): void {
	if ( ! defined( 'DONOTCACHEPAGE' ) ) {
		define( 'DONOTCACHEPAGE', true ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedConstantFound -- the page-cache plugins' shared constant.
	}
	add_filter( 'nocache_headers', 'workos_login_private_nocache_headers' );
	nocache_headers();
	remove_filter( 'nocache_headers', 'workos_login_private_nocache_headers' );
	if ( ! headers_sent() ) {
		header( 'X-Accel-Expires: 0' );
	}
}

/**
 * Core's no-cache headers, stored nowhere: `no-store, private` too.
 *
 * @since 0.6.0
 *
 * @param array<string, string> $headers Header name → value.
 * @return array<string, string>
 */
function workos_login_private_nocache_headers( $headers ): array {
	$headers                  = is_array( $headers ) ? $headers : array();
	$headers['Cache-Control'] = 'no-store, no-cache, must-revalidate, max-age=0, private';
	return $headers;
}

/**
 * Every answer of the plugin's REST routes, refusals included (a bad nonce or origin, an invalid
 * argument, an unknown route under `workos/v1`), is one visitor's: stored by no cache. Core sends
 * its no-cache headers on REST answers only to signed-in users.
 *
 * @since 0.6.0
 *
 * @param mixed           $response The answer (WP_HTTP_Response after rest_ensure_response()).
 * @param WP_REST_Server  $server   The server.
 * @param WP_REST_Request $request  The request.
 * @return mixed
 */
function workos_login_rest_nocache_headers( $response, $server, $request ) {
	unset( $server );
	if ( $response instanceof WP_HTTP_Response && $request instanceof WP_REST_Request && str_starts_with( $request->get_route(), '/workos/v1/' ) ) {
		$response->header( 'Cache-Control', workos_login_private_nocache_headers( array() )['Cache-Control'] );
		$response->header( 'X-Accel-Expires', '0' );
	}
	return $response;
}
add_filter( 'rest_post_dispatch', 'workos_login_rest_nocache_headers', 10, 3 );
