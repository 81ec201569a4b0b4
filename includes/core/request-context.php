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
 * The visitor's IP address.
 *
 * REMOTE_ADDR, because forwarded headers are forgeable; only when REMOTE_ADDR is a proxy the
 * administrator trusts (setting `trusted_proxies`, IPs and CIDRs) is `X-Forwarded-For` read,
 * from the right — each proxy appends the peer it saw — skipping trusted proxies: the first
 * untrusted address is the visitor. An element that is not an address stops the walk (what lies
 * left of it cannot be trusted) and REMOTE_ADDR is answered.
 *
 * @since 0.3.0
 *
 * @return string A valid IPv4/IPv6 address, '' when none.
 */
function workos_login_client_ip(): string {
	// phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- validated as an IP.
	$remote = isset( $_SERVER['REMOTE_ADDR'] ) ? (string) filter_var( wp_unslash( $_SERVER['REMOTE_ADDR'] ), FILTER_VALIDATE_IP ) : '';
	if ( '' === $remote || empty( $_SERVER['HTTP_X_FORWARDED_FOR'] ) ) {
		return $remote;
	}
	$trusted = workos_login_trusted_proxy_ranges();
	if ( ! $trusted || ! workos_login_ip_in_ranges( $remote, $trusted ) ) {
		return $remote;
	}
	// phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- each element is validated as an IP.
	$forwarded = (string) wp_unslash( $_SERVER['HTTP_X_FORWARDED_FOR'] );
	$hops      = explode( ',', substr( $forwarded, -2048 ) );
	if ( strlen( $forwarded ) > 2048 ) {
		array_shift( $hops ); // Cut through the middle: not an address.
	}
	// At most 20 hops from the right: a longer chain is no proxy setup anyone runs.
	foreach ( array_slice( array_reverse( $hops ), 0, 20 ) as $hop ) {
		$address = workos_login_forwarded_address( $hop );
		if ( null === $address ) {
			break;
		}
		if ( ! workos_login_ip_in_ranges( $address, $trusted ) ) {
			return $address;
		}
	}
	return $remote;
}

/**
 * Builds the envelope's `context` for the current request.
 *
 * @since 0.1.0
 * @since 0.4.0 `browser` (see browser-cookie.php); `redirect_uri` from workos_login_callback_url().
 * @since 0.5.0 `rp_id` from the `passkey_rp_id` setting (passkeys/settings.php).
 *
 * @return array{ip: string, user_agent: string, site_url: string, origin: string, rp_id: string, redirect_uri: string, locale: string, browser: string}
 */
function workos_login_request_context(): array {
	$ip = workos_login_client_ip();
	// phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- cut and made valid UTF-8; it is data, never HTML.
	$user_agent = isset( $_SERVER['HTTP_USER_AGENT'] ) ? wp_check_invalid_utf8( substr( (string) wp_unslash( $_SERVER['HTTP_USER_AGENT'] ), 0, 512 ), true ) : '';

	return array(
		'ip'           => $ip,
		'user_agent'   => $user_agent,
		'site_url'     => untrailingslashit( home_url() ),
		'origin'       => workos_login_site_origin(),
		'rp_id'        => workos_login_passkey_rp_id(),
		'redirect_uri' => workos_login_callback_url(),
		'locale'       => determine_locale(),
		'browser'      => workos_login_browser_binding(),
	);
}
