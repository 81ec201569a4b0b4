<?php
/**
 * Hosted AuthKit mode (`mode: authkit_redirect`): the profile's sign-in page sends the visitor
 * straight to WorkOS's hosted UI (authorize kind `authkit`), and back through /workos/callback.
 *
 * @package WorkOS_Login
 * @since   0.4.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * For an AuthKit profile, redirects to WorkOS's hosted page and stops; returns otherwise.
 *
 * @since 0.4.0
 *
 * @param array<string, mixed> $profile The `LoginProfile` whose page was asked for.
 */
function workos_login_maybe_authkit_redirect( array $profile ): void {
	if ( 'authkit_redirect' !== ( $profile['mode'] ?? 'custom' ) ) {
		return;
	}
	workos_login_nocache_headers();
	$refusal = workos_login_rate_limit( workos_login_rate_buckets( 'authkit' ) );
	if ( null !== $refusal ) {
		header( 'Retry-After: ' . $refusal['retry_after'] );
		workos_login_render_authkit_error( $profile, $refusal['code'], $refusal['status'] );
	}
	workos_login_ensure_browser_cookie();
	$outcome = workos_login_server_step(
		'authorize',
		$profile,
		array(
			'request'     => array( 'kind' => 'authkit' ),
			'redirect_to' => workos_login_page_redirect_to( $profile ),
			'remember'    => workos_login_profile_remember( $profile, false ),
		),
		array( 'redirect' )
	);
	if ( is_wp_error( $outcome ) ) {
		workos_login_render_authkit_error( $profile, 'server_unavailable', 503 );
	}
	if ( 'redirect' !== $outcome['type'] ) {
		workos_login_render_authkit_error( $profile, $outcome['code'], $outcome['status'] );
	}
	// WorkOS's host is not this site's: wp_safe_redirect() would refuse it. The login server
	// built the URL, and the outcome parser let only http(s) through.
	wp_redirect( $outcome['url'], 302, 'WorkOS Login' ); // phpcs:ignore WordPress.Security.SafeRedirect.wp_redirect_wp_redirect
	exit;
}

/**
 * The page shown when the hosted page cannot be reached: the message and a link home (a link
 * back to this page would try the same again).
 *
 * @since 0.4.0
 *
 * @param array<string, mixed> $profile The profile.
 * @param string               $code    Protocol `ErrorCode`.
 * @param int                  $status  HTTP status.
 */
function workos_login_render_authkit_error( array $profile, string $code, int $status ): never {
	status_header( $status );
	workos_login_render_login_page(
		$profile,
		array(
			'message' => workos_login_error_message( $code ),
			'error'   => true,
			'element' => sprintf( '<p class="workos-login-back"><a href="%s">%s</a></p>', esc_url( home_url( '/' ) ), esc_html__( 'Go to the home page', 'workos-login' ) ),
		)
	);
	exit;
}
