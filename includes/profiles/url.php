<?php
/**
 * Where a Login Profile's own sign-in page is: reset emails link to it, callback error pages
 * link back to it, blocks link to it.
 *
 * @package WorkOS_Login
 * @since   0.4.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The sign-in page of a profile: its custom path when it has one, else `/workos/login/<slug>/`;
 * the query-var form (`?workos_login_profile=<slug>`) on sites with plain permalinks.
 *
 * @since 0.4.0
 *
 * @param string                $slug  Profile slug (an unknown one falls back to `default`).
 * @param array<string, string> $query Query arguments to add (values raw; they are encoded).
 * @return string Absolute URL.
 */
function workos_login_profile_url( string $slug, array $query = array() ): string {
	$profile = workos_login_get_profile( $slug ) ?? workos_login_get_profile( 'default' );
	$slug    = (string) ( $profile['slug'] ?? 'default' );
	$path    = trim( (string) ( $profile['custom_path'] ?? '' ), '/' );
	if ( '' === (string) get_option( 'permalink_structure' ) ) {
		$url = add_query_arg( 'workos_login_profile', rawurlencode( $slug ), home_url( '/' ) );
	} elseif ( '' !== $path ) {
		$url = workos_login_custom_path_url( $path );
	} else {
		$url = home_url( user_trailingslashit( 'workos/login/' . $slug ) );
	}
	return array() === $query ? $url : add_query_arg( array_map( 'rawurlencode', $query ), $url );
}
