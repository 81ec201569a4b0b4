<?php
/**
 * Facts about the browser request and the site, as the login server receives them
 * (protocol `RequestContext`).
 *
 * @package WorkOS_Login
 * @since   0.1.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The origin (`scheme://host[:port]`) of a URL, lower-cased, default ports dropped.
 *
 * @since 0.1.0
 *
 * @param string $url Absolute URL.
 * @return string '' when the URL has no scheme or host.
 */
function workos_login_origin_of( string $url ): string {
	$parts = wp_parse_url( $url );
	if ( empty( $parts['scheme'] ) || empty( $parts['host'] ) ) {
		return '';
	}
	$scheme = strtolower( $parts['scheme'] );
	$origin = $scheme . '://' . strtolower( $parts['host'] );
	$port   = $parts['port'] ?? null;
	if ( null !== $port && ! ( 'http' === $scheme && 80 === $port ) && ! ( 'https' === $scheme && 443 === $port ) ) {
		$origin .= ':' . $port;
	}
	return $origin;
}

/**
 * The site's own origin, from `home_url()`.
 *
 * @since 0.1.0
 */
function workos_login_site_origin(): string {
	return workos_login_origin_of( home_url() );
}

/**
 * Origins the sign-in form may be posted from: the site's and the WordPress address's.
 *
 * @since 0.1.0
 *
 * @return string[]
 */
function workos_login_allowed_origins(): array {
	$origins = array_unique( array( workos_login_site_origin(), workos_login_origin_of( site_url() ) ) );
	/**
	 * Filters the origins allowed to post to the sign-in REST routes.
	 *
	 * @since 0.1.0
	 *
	 * @param string[] $origins Origins such as `https://example.com`.
	 */
	return (array) apply_filters( 'workos_login_allowed_origins', $origins );
}

/**
 * Builds the envelope's `context` for the current request.
 *
 * @since 0.1.0
 *
 * @return array{ip: string, user_agent: string, site_url: string, origin: string, rp_id: string, redirect_uri: string, locale: string}
 */
function workos_login_request_context(): array {
	// REMOTE_ADDR only: forwarded headers are forgeable unless a trusted proxy is configured,
	// which is the job of a proxy-aware setup (it rewrites REMOTE_ADDR), not of this plugin.
	$ip = isset( $_SERVER['REMOTE_ADDR'] ) ? (string) filter_var( wp_unslash( $_SERVER['REMOTE_ADDR'] ), FILTER_VALIDATE_IP ) : '';
	// phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- cut and made valid UTF-8; it is data, never HTML.
	$user_agent = isset( $_SERVER['HTTP_USER_AGENT'] ) ? wp_check_invalid_utf8( substr( (string) wp_unslash( $_SERVER['HTTP_USER_AGENT'] ), 0, 512 ), true ) : '';

	return array(
		'ip'           => $ip,
		'user_agent'   => $user_agent,
		'site_url'     => untrailingslashit( home_url() ),
		'origin'       => workos_login_site_origin(),
		'rp_id'        => (string) wp_parse_url( home_url(), PHP_URL_HOST ),
		'redirect_uri' => home_url( '/workos/callback' ),
		'locale'       => determine_locale(),
	);
}
