<?php
/**
 * The stand-alone sign-in page (route, custom paths, wp-login.php): a tiny document around the
 * element, without the theme, `wp_head()` or anything render-blocking but a few lines of CSS.
 *
 * @package WorkOS_Login
 * @since   0.2.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Answers a request for a profile's sign-in page (route, custom path, wp-login.php) and stops.
 *
 * The session-expired modal of wp-admin (`interim-login`) gets its own page; `reauth` signs the
 * visitor out first, as wp-login.php does; anyone else already signed in goes on to the
 * post-login destination. An AuthKit profile sends the visitor to WorkOS's hosted page.
 *
 * @since 0.2.0
 * @since 0.4.0 AuthKit profiles.
 *
 * @param array{slug: string, post_login_redirect: string, forward_query_args: bool} $profile The profile.
 */
function workos_login_serve_login_page( array $profile ): never {
	// phpcs:disable WordPress.Security.NonceVerification.Recommended -- flags that only choose what to show.
	if ( isset( $_REQUEST['interim-login'] ) ) {
		workos_login_serve_interim_login( $profile );
	}
	$message = '';
	if ( ! empty( $_REQUEST['reauth'] ) ) {
		wp_clear_auth_cookie();
		// The element's nonce must be the signed-out visitor's, as the browser now is: no user,
		// and no session token (wp_create_nonce() reads it from the logged-in cookie).
		unset( $_COOKIE[ LOGGED_IN_COOKIE ] );
		wp_set_current_user( 0 );
	} elseif ( is_user_logged_in() ) {
		workos_login_redirect_signed_in( $profile );
	} elseif ( ! empty( $_GET['loggedout'] ) ) {
		$message = __( 'You are now logged out.', 'workos-login' );
	}
	// phpcs:enable
	workos_login_maybe_authkit_redirect( $profile );
	workos_login_render_login_page( $profile, array( 'message' => $message ) );
	exit;
}

/**
 * Sends the page's headers and prints it.
 *
 * @since 0.1.0
 * @since 0.2.0 Options; the element comes from workos_login_element().
 * @since 0.4.0 `resume`, `remember`, `error`, `element`.
 *
 * @param array{slug: string, post_login_redirect: string, forward_query_args: bool}                                                                          $profile The profile.
 * @param array{redirect_to?: string, interim?: bool, message?: string, error?: bool, resume?: string, remember?: bool, element?: string, no_referrer?: bool} $options {
 *     Optional.
 *
 *     @type string $redirect_to Destination for the element; default from the page URL.
 *     @type bool   $interim     The wp-admin session-expired modal: no site link.
 *     @type string $message     A notice above the form (plain text).
 *     @type bool   $error       The notice is an error (announced as an alert).
 *     @type string $resume      JSON `StepResponse` the element resumes at (after a callback).
 *     @type bool   $remember    The visitor's remember-me choice carried through WorkOS (with `resume`).
 *     @type string $element     HTML shown instead of the element (escaped by the caller).
 *     @type bool   $no_referrer Send `Referrer-Policy: no-referrer` (the callback's pages).
 * }
 */
function workos_login_render_login_page( array $profile, array $options = array() ): void {
	workos_login_nocache_headers();
	send_frame_options_header();
	header( 'Content-Type: text/html; charset=UTF-8' );
	header( 'X-Robots-Tag: noindex, nofollow' );
	// The callback's pages keep their one-time code out of every Referer.
	header( 'Referrer-Policy: ' . ( empty( $options['no_referrer'] ) ? 'strict-origin-when-cross-origin' : 'no-referrer' ) );

	$workos_login_page = workos_login_page_data( $profile, $options );
	require dirname( __DIR__ ) . '/templates/login-page.php';
}

/**
 * Everything the page template prints. `element` is HTML (escaped by the renderer); the
 * template escapes the rest.
 *
 * @since 0.1.0
 * @since 0.2.0 Takes options; returns the element's HTML instead of its attributes.
 * @since 0.4.0 `error`; the `resume` and `element` options.
 *
 * @param array{slug: string, post_login_redirect: string, forward_query_args: bool}                                                      $profile The profile.
 * @param array{redirect_to?: string, interim?: bool, message?: string, error?: bool, resume?: string, remember?: bool, element?: string} $options See workos_login_render_login_page().
 * @return array{title: string, site_name: string, home_url: string, element: string, message: string, interim: bool, error: bool}
 */
function workos_login_page_data( array $profile, array $options = array() ): array {
	$site_name = wp_specialchars_decode( get_bloginfo( 'name' ), ENT_QUOTES );
	$element   = $options['element'] ?? workos_login_element(
		$profile['slug'],
		array(
			'redirect_to' => $options['redirect_to'] ?? workos_login_page_redirect_to( $profile ),
			'resume'      => (string) ( $options['resume'] ?? '' ),
			'remember'    => ! empty( $options['remember'] ),
		)
	);

	return array(
		/* translators: %s: the site's name. */
		'title'     => sprintf( __( 'Sign in ‹ %s', 'workos-login' ), $site_name ),
		'site_name' => $site_name,
		'home_url'  => home_url( '/' ),
		'element'   => $element,
		'message'   => (string) ( $options['message'] ?? '' ),
		'interim'   => ! empty( $options['interim'] ),
		'error'     => ! empty( $options['error'] ),
	);
}

/**
 * Sends the visitor who is already signed in on to where signing in would have taken them.
 *
 * @since 0.2.0
 *
 * @param array{post_login_redirect: string, forward_query_args: bool} $profile The profile.
 */
function workos_login_redirect_signed_in( array $profile ): never {
	$destination = workos_login_redirect_after_sign_in(
		wp_get_current_user(),
		workos_login_page_redirect_to( $profile ),
		(string) ( $profile['post_login_redirect'] ?? '' )
	);
	workos_login_nocache_headers();
	wp_safe_redirect( $destination, 302, 'WorkOS Login' );
	exit;
}
