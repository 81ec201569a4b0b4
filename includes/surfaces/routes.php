<?php
/**
 * The sign-in pages at `/workos/login/<profile>` and at each profile's custom path.
 *
 * Rendered at `parse_request`, before the main query runs: the page needs no posts and no theme,
 * so it skips both. Unknown profiles fall through to the theme's ordinary 404.
 *
 * @package WorkOS_Login
 * @since   0.1.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The profile a request asks for, and whether it came through the profile's custom path.
 *
 * @since 0.2.0
 *
 * @param array<string, mixed> $query_vars Parsed query vars.
 * @return array{slug: string, custom: bool}|null Null when the request is not a sign-in page.
 */
function workos_login_route_target( array $query_vars ): ?array {
	foreach ( array(
		'workos_login_custom'  => true,
		'workos_login_profile' => false,
	) as $var => $custom ) {
		if ( isset( $query_vars[ $var ] ) && is_string( $query_vars[ $var ] ) && '' !== $query_vars[ $var ] ) {
			return array(
				'slug'   => $query_vars[ $var ],
				'custom' => $custom,
			);
		}
	}
	return null;
}

/**
 * Turns a request for an unknown profile into WordPress's 404.
 *
 * @since 0.1.0
 *
 * @param array<string, mixed> $query_vars Parsed query vars.
 * @return array<string, mixed>
 */
function workos_login_route_request( array $query_vars ): array {
	$target = workos_login_route_target( $query_vars );
	if ( null !== $target && null === workos_login_get_profile( $target['slug'] ) ) {
		return array( 'error' => '404' );
	}
	return $query_vars;
}
add_filter( 'request', 'workos_login_route_request' );

/**
 * Serves the sign-in page for a known profile and stops.
 *
 * A profile with a custom path lives there: `/workos/login/<slug>` answers 301 to it, query
 * string kept. A visitor who is already signed in goes on to the post-login destination; an
 * AuthKit profile sends everyone else to WorkOS's hosted page.
 *
 * @since 0.1.0
 * @since 0.4.0 AuthKit profiles.
 *
 * @param WP $wp The request.
 */
function workos_login_route_render( WP $wp ): void {
	$target  = workos_login_route_target( $wp->query_vars );
	$profile = null === $target ? null : workos_login_get_profile( $target['slug'] );
	if ( null === $profile ) {
		return;
	}
	$custom_path = (string) ( $profile['custom_path'] ?? '' );
	if ( ! $target['custom'] && '' !== $custom_path ) {
		workos_login_nocache_headers();
		wp_safe_redirect( workos_login_custom_path_url( $custom_path, workos_login_current_query() ), 301, 'WorkOS Login' );
		exit;
	}
	if ( is_user_logged_in() ) {
		workos_login_redirect_signed_in( $profile );
	}
	workos_login_maybe_authkit_redirect( $profile );
	workos_login_render_login_page( $profile );
	exit;
}
add_action( 'parse_request', 'workos_login_route_render' );

/**
 * The URL of a custom path, with a query string appended.
 *
 * @since 0.2.0
 *
 * @param string $custom_path A profile's `custom_path` (`members`, `team/login`).
 * @param string $query       Raw query string (without `?`), '' for none.
 */
function workos_login_custom_path_url( string $custom_path, string $query = '' ): string {
	$url = home_url( user_trailingslashit( '/' . trim( $custom_path, '/' ) ) );
	return '' === $query ? $url : $url . '?' . $query;
}

/**
 * The current request's query string, as sent.
 *
 * @since 0.2.0
 */
function workos_login_current_query(): string {
	$uri   = isset( $_SERVER['REQUEST_URI'] ) ? (string) wp_unslash( $_SERVER['REQUEST_URI'] ) : ''; // phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- only its query part is forwarded, to our own URL.
	$query = (string) wp_parse_url( $uri, PHP_URL_QUERY );
	// A Location header must not carry raw control characters or spaces.
	return (string) preg_replace( '/[\x00-\x20\x7f]/', '', $query );
}
