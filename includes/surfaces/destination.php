<?php
/**
 * Where a sign-in page sends the visitor: the page URL's `redirect_to`, and the marketing query
 * arguments a profile with `forward_query_args` passes on.
 *
 * @package WorkOS_Login
 * @since   0.2.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The `redirect_to` of the current page URL, raw (callers validate), '' when none.
 *
 * @since 0.2.0
 */
function workos_login_page_requested_redirect(): string {
	// phpcs:ignore WordPress.Security.NonceVerification.Recommended, WordPress.Security.ValidatedSanitizedInput.MissingUnslash, WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- a destination, unslashed below and validated by the caller (wp_validate_redirect).
	$requested = $_GET['redirect_to'] ?? '';
	return is_string( $requested ) ? wp_unslash( $requested ) : '';
}

/**
 * The marketing arguments of a query that may travel on to the destination.
 *
 * Allowed: `utm_*`, `ref`, `gclid`, `fbclid`, `mc_cid`, `mc_eid` (filterable). Never, whatever
 * the filter says: WordPress's and the plugin's own (`redirect_to`, `reauth`, `interim-login`,
 * `action`, `loggedout`, anything starting with `wp`, `workos` or `_`).
 *
 * @since 0.2.0
 *
 * @param array<string, mixed> $query Query arguments, unslashed.
 * @return array<string, string> At most 20, each value at most 200 bytes.
 */
function workos_login_forwarded_query_args( array $query ): array {
	$allowed = array( 'ref', 'gclid', 'fbclid', 'mc_cid', 'mc_eid' );
	$denied  = array( 'redirect_to', 'reauth', 'interim-login', 'customize-login', 'action', 'loggedout', 'key', 'login', 'checkemail', 'instance' );
	$args    = array();
	foreach ( $query as $name => $value ) {
		$name = (string) $name;
		if ( ! is_string( $value ) || strlen( $value ) > 200 || ! preg_match( '/^[a-z][a-z0-9_-]{0,63}$/i', $name ) ) {
			continue;
		}
		if ( str_starts_with( $name, 'utm_' ) || in_array( $name, $allowed, true ) ) {
			$args[ $name ] = $value;
		}
	}
	/**
	 * Filters the query arguments a profile with `forward_query_args` passes to the destination.
	 * Internal arguments are removed after this filter.
	 *
	 * @since 0.2.0
	 *
	 * @param array<string, string> $args  Allowed arguments.
	 * @param array<string, mixed>  $query The page's query arguments.
	 */
	$args = (array) apply_filters( 'workos_login_forwarded_query_args', $args, $query );
	foreach ( array_keys( $args ) as $name ) {
		$name = (string) $name;
		if ( in_array( strtolower( $name ), $denied, true ) || preg_match( '/^(wp|workos|_)/i', $name ) || ! is_string( $args[ $name ] ) ) {
			unset( $args[ $name ] );
		}
	}
	return array_slice( $args, 0, 20, true );
}

/**
 * The `redirect_to` a sign-in page gives its element.
 *
 * The page URL's `redirect_to` when safe. With `forward_query_args`, marketing arguments of the
 * page URL are added to it — or to the profile's `post_login_redirect` when the page names no
 * destination; without either, WordPress's default destination takes none.
 *
 * @since 0.2.0
 *
 * @param array{post_login_redirect: string, forward_query_args: bool} $profile The profile.
 * @return string A safe destination or ''.
 */
function workos_login_page_redirect_to( array $profile ): string {
	$redirect_to = workos_login_requested_redirect( workos_login_page_requested_redirect() );
	if ( empty( $profile['forward_query_args'] ) ) {
		return $redirect_to;
	}
	// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- read-only, filtered by name.
	$forward = workos_login_forwarded_query_args( wp_unslash( $_GET ) );
	if ( '' === $redirect_to ) {
		$redirect_to = workos_login_requested_redirect( (string) ( $profile['post_login_redirect'] ?? '' ) );
	}
	if ( '' === $redirect_to || array() === $forward ) {
		return $redirect_to;
	}
	// The destination's own arguments win over the page's.
	$query = array();
	wp_parse_str( (string) wp_parse_url( $redirect_to, PHP_URL_QUERY ), $query );
	$forward = array_diff_key( $forward, $query );
	return add_query_arg( array_map( 'rawurlencode', $forward ), $redirect_to );
}
