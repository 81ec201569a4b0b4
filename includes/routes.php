<?php
/**
 * The sign-in page at `/workos/login/<profile>`: a tiny document around `<workos-login>`.
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
 * Turns a request for an unknown profile into WordPress's 404.
 *
 * @since 0.1.0
 *
 * @param array<string, mixed> $query_vars Parsed query vars.
 * @return array<string, mixed>
 */
function workos_login_route_request( array $query_vars ): array {
	if ( isset( $query_vars['workos_login_profile'] ) && null === workos_login_get_profile( (string) $query_vars['workos_login_profile'] ) ) {
		return array( 'error' => '404' );
	}
	return $query_vars;
}
add_filter( 'request', 'workos_login_route_request' );

/**
 * Serves the sign-in page for a known profile and stops.
 *
 * @since 0.1.0
 *
 * @param WP $wp The request.
 */
function workos_login_route_render( WP $wp ): void {
	$slug    = $wp->query_vars['workos_login_profile'] ?? null;
	$profile = is_string( $slug ) ? workos_login_get_profile( $slug ) : null;
	if ( null === $profile ) {
		return;
	}
	workos_login_render_login_page( $profile );
	exit;
}
add_action( 'parse_request', 'workos_login_route_render' );

/**
 * Prints the sign-in page.
 *
 * @since 0.1.0
 *
 * @param array{slug: string, methods: string[], organization_id: string|null} $profile The profile.
 */
function workos_login_render_login_page( array $profile ): void {
	nocache_headers();
	send_frame_options_header();
	header( 'Content-Type: text/html; charset=UTF-8' );
	header( 'X-Robots-Tag: noindex, nofollow' );

	$workos_login_page = workos_login_page_data( $profile );
	require __DIR__ . '/templates/login-page.php';
}

/**
 * Everything the page template prints, unescaped (the template escapes).
 *
 * @since 0.1.0
 *
 * @param array{slug: string, methods: string[], organization_id: string|null} $profile The profile.
 * @return array{profile: string, title: string, site_name: string, home_url: string, api_root: string, nonce: string, redirect_to: string, strings: array<string, string>, script_url: string|null, is_admin: bool}
 */
function workos_login_page_data( array $profile ): array {
	$site_name = wp_specialchars_decode( get_bloginfo( 'name' ), ENT_QUOTES );
	$script    = 'build/elements/workos-login.js';
	$path      = plugin_dir_path( WORKOS_LOGIN_FILE ) . $script;
	$mtime     = file_exists( $path ) ? filemtime( $path ) : false;

	// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- a destination, validated below.
	$requested = isset( $_GET['redirect_to'] ) && is_string( $_GET['redirect_to'] ) ? wp_unslash( $_GET['redirect_to'] ) : '';

	return array(
		'profile'     => $profile['slug'],
		/* translators: %s: the site's name. */
		'title'       => sprintf( __( 'Sign in ‹ %s', 'workos-login' ), $site_name ),
		'site_name'   => $site_name,
		'home_url'    => home_url( '/' ),
		'api_root'    => rest_url( 'workos/v1/' ),
		'nonce'       => wp_create_nonce( WORKOS_LOGIN_NONCE_ACTION ),
		'redirect_to' => strlen( $requested ) <= 2048 ? wp_validate_redirect( $requested, '' ) : '',
		'strings'     => workos_login_strings(),
		'script_url'  => false === $mtime ? null : add_query_arg( 'ver', WORKOS_LOGIN_VERSION . '-' . $mtime, plugins_url( $script, WORKOS_LOGIN_FILE ) ),
		'is_admin'    => current_user_can( 'manage_options' ),
	);
}
