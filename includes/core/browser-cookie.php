<?php
/**
 * The browser-binding cookie of OAuth, SSO and AuthKit sign-ins (protocol `BROWSER_COOKIE`).
 *
 * A random value in an HttpOnly, SameSite=Lax session cookie; its SHA-256 travels as
 * `context.browser` and is sealed in the OAuth state, so `/workos/callback` completes a sign-in
 * only in the browser that started it (a forwarded or stolen callback URL signs no one in).
 *
 * @package WorkOS_Login
 * @since   0.4.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The cookie's value in this request, when well-formed (64 hex characters).
 *
 * @since 0.4.0
 *
 * @return string '' when the browser sent none.
 */
function workos_login_browser_cookie(): string {
	$value = $_COOKIE[ WORKOS_LOGIN_BROWSER_COOKIE ] ?? ''; // phpcs:ignore WordPress.Security.ValidatedSanitizedInput -- validated as 64 hex characters.
	return is_string( $value ) && 1 === preg_match( '/^[0-9a-f]{64}$/', $value ) ? $value : '';
}

/**
 * Makes sure the browser has the cookie: keeps a valid one, else sets a new random value (and
 * treats it as sent for the rest of this request).
 *
 * @since 0.4.0
 *
 * @return string The value.
 */
function workos_login_ensure_browser_cookie(): string {
	$value = workos_login_browser_cookie();
	if ( '' !== $value ) {
		return $value;
	}
	$value = bin2hex( random_bytes( 32 ) );
	workos_login_send_browser_cookie( $value, 0 );
	$_COOKIE[ WORKOS_LOGIN_BROWSER_COOKIE ] = $value;
	return $value;
}

/**
 * Removes the cookie (after a callback used it).
 *
 * @since 0.4.0
 */
function workos_login_clear_browser_cookie(): void {
	if ( isset( $_COOKIE[ WORKOS_LOGIN_BROWSER_COOKIE ] ) ) {
		workos_login_send_browser_cookie( '', time() - YEAR_IN_SECONDS );
		unset( $_COOKIE[ WORKOS_LOGIN_BROWSER_COOKIE ] );
	}
}

/**
 * Sends the Set-Cookie header: path `/`, HttpOnly, SameSite=Lax (sent on WorkOS's top-level
 * redirect back), Secure on https.
 *
 * @since 0.4.0
 *
 * @param string $value   Value, '' to delete.
 * @param int    $expires 0 for a session cookie, a past time to delete.
 */
function workos_login_send_browser_cookie( string $value, int $expires ): void {
	if ( headers_sent() ) {
		return;
	}
	setcookie(
		WORKOS_LOGIN_BROWSER_COOKIE,
		$value,
		array(
			'expires'  => $expires,
			'path'     => '/',
			'secure'   => is_ssl(),
			'httponly' => true,
			'samesite' => 'Lax',
		)
	);
}

/**
 * The `context.browser` of this request: hex SHA-256 of the cookie, '' without one.
 *
 * @since 0.4.0
 */
function workos_login_browser_binding(): string {
	$value = workos_login_browser_cookie();
	return '' === $value ? '' : hash( 'sha256', $value );
}
