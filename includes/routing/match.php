<?php
/**
 * Applies the routing rules (rules.php) to a `wp-login.php` visit: the first rule that matches
 * the visit's `redirect_to` path or `Referer` host picks the Login Profile; none → `default`.
 *
 * @package WorkOS_Login
 * @since   0.2.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The profile wp-login.php's sign-in shows for this request. The session-expired modal of
 * wp-admin (`interim-login`) always gets `default`: it re-authenticates whoever was signed in.
 *
 * @since 0.2.0
 *
 * @return array<string, mixed>|null The profile; null only when `default` is missing.
 */
function workos_login_wp_login_profile(): ?array {
	// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- a display flag.
	if ( ! isset( $_REQUEST['interim-login'] ) ) {
		$routed = workos_login_get_profile( workos_login_routed_profile_slug() );
		if ( null !== $routed ) {
			return $routed;
		}
	}
	return workos_login_get_profile( 'default' );
}

/**
 * The slug of the first rule matching the current request whose profile exists, else `default`.
 *
 * @since 0.2.0
 */
function workos_login_routed_profile_slug(): string {
	$rules = workos_login_get_routing_rules();
	if ( array() === $rules ) {
		return 'default';
	}
	$subjects = array(
		'redirect_to'   => workos_login_routing_redirect_path(),
		'referrer_host' => workos_login_routing_referrer_host(),
	);
	foreach ( $rules as $rule ) {
		$subject = $subjects[ $rule['match'] ];
		if ( '' !== $subject && workos_login_routing_rule_matches( $rule, $subject ) && null !== workos_login_get_profile( $rule['profile'] ) ) {
			return $rule['profile'];
		}
	}
	return 'default';
}

/**
 * Whether a rule's pattern matches a subject (a path or a host), case-insensitively.
 *
 * `redirect_to`: `*` matches any run of characters, `/` included; a pattern ending in `/*` also
 * matches the path without it (`/shop/*` matches `/shop`). `referrer_host`: exact, or with a
 * leading `*.` any subdomain (not the domain itself).
 *
 * @since 0.2.0
 *
 * @param array{match: string, pattern: string, profile: string} $rule    A valid rule.
 * @param string                                                 $subject The path or host.
 */
function workos_login_routing_rule_matches( array $rule, string $subject ): bool {
	$pattern = strtolower( $rule['pattern'] );
	$subject = strtolower( $subject );
	if ( 'referrer_host' === $rule['match'] ) {
		if ( str_starts_with( $pattern, '*.' ) ) {
			return str_ends_with( $subject, substr( $pattern, 1 ) ) && strlen( $subject ) > strlen( $pattern ) - 1;
		}
		return $subject === $pattern;
	}
	if ( str_ends_with( $pattern, '/*' ) && substr( $pattern, 0, -2 ) === $subject ) {
		return true;
	}
	$regex = '#^' . str_replace( '\*', '.*', preg_quote( $pattern, '#' ) ) . '$#s';
	return 1 === preg_match( $regex, $subject );
}

/**
 * The path of the request's `redirect_to` when it is safe and on this site, else ''.
 *
 * @since 0.2.0
 */
function workos_login_routing_redirect_path(): string {
	$redirect_to = workos_login_requested_redirect( workos_login_page_requested_redirect() );
	if ( '' === $redirect_to ) {
		return '';
	}
	$parts = wp_parse_url( $redirect_to );
	if ( ! is_array( $parts ) ) {
		return '';
	}
	if ( isset( $parts['host'] ) && strtolower( $parts['host'] ) !== strtolower( (string) wp_parse_url( home_url(), PHP_URL_HOST ) ) ) {
		return ''; // Allowed by `allowed_redirect_hosts`, but another site: not routed.
	}
	$path = (string) ( $parts['path'] ?? '' );
	return '' === $path ? '/' : $path;
}

/**
 * The host of the request's `Referer`, lowercase, '' when none.
 *
 * @since 0.2.0
 */
function workos_login_routing_referrer_host(): string {
	$referer = isset( $_SERVER['HTTP_REFERER'] ) ? (string) wp_unslash( $_SERVER['HTTP_REFERER'] ) : ''; // phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- reduced to a host name below.
	$host    = wp_parse_url( $referer, PHP_URL_HOST );
	return is_string( $host ) ? rtrim( strtolower( $host ), '.' ) : '';
}
