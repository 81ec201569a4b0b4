<?php
/**
 * `GET /workos/callback` (protocol `CALLBACK_PATH`): where WorkOS sends the browser back after
 * social, SSO and hosted AuthKit sign-in. The rewrite rule is in rewrite.php; on sites with plain
 * permalinks the callback is `/?workos_callback=1`.
 *
 * @package WorkOS_Login
 * @since   0.4.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The callback URL WorkOS redirects to (`context.redirect_uri`; register it in WorkOS).
 *
 * @since 0.4.0
 */
function workos_login_callback_url(): string {
	if ( '' === (string) get_option( 'permalink_structure' ) ) {
		return add_query_arg( 'workos_callback', '1', home_url( '/' ) );
	}
	return home_url( '/workos/callback' );
}

/**
 * Serves the callback at `parse_request` (no query, no theme) and stops.
 *
 * @since 0.4.0
 *
 * @param WP $wp The request.
 */
function workos_login_callback_route( WP $wp ): void {
	if ( empty( $wp->query_vars['workos_callback'] ) ) {
		return;
	}
	workos_login_handle_callback( workos_login_callback_params() );
}
add_action( 'parse_request', 'workos_login_callback_route', 5 );

/**
 * The callback's query arguments: strings within `LIMITS.tokenMax`, else ''.
 *
 * Read from the request URI itself: when a rewrite rule matches, WordPress removes
 * `$_GET['error']` (its own 404 flag), which is where WorkOS reports a denied consent.
 *
 * @since 0.4.0
 *
 * @return array{code: string, state: string, error: string}
 */
function workos_login_callback_params(): array {
	$uri   = isset( $_SERVER['REQUEST_URI'] ) ? (string) wp_unslash( $_SERVER['REQUEST_URI'] ) : ''; // phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- each value is checked below.
	$query = array();
	parse_str( (string) wp_parse_url( $uri, PHP_URL_QUERY ), $query );
	$params = array();
	foreach ( array( 'code', 'state', 'error' ) as $name ) {
		$value           = $query[ $name ] ?? '';
		$params[ $name ] = is_string( $value ) && strlen( $value ) <= WORKOS_LOGIN_TOKEN_MAX ? $value : '';
	}
	return $params;
}

/**
 * The profile slug and sealed part of an OAuth state (`<slug>:v1.<sealed>`).
 *
 * @since 0.4.0
 *
 * @param string $state The `state` query argument.
 * @return string|null The slug, or null when the state is malformed.
 */
function workos_login_state_profile_slug( string $state ): ?string {
	$pattern = '/^(' . preg_replace( '/^\^|\\\\z$/', '', WORKOS_LOGIN_PROFILE_SLUG_PATTERN ) . '):v1\.[A-Za-z0-9_-]+$/D';
	return 1 === preg_match( $pattern, $state, $match ) ? $match[1] : null;
}
