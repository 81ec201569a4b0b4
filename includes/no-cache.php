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
