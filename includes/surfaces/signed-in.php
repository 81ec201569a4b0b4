<?php
/**
 * "Signed in as … · Continue · Log out": what embedded surfaces (shortcode, login block) show a
 * visitor who is already signed in, instead of a form.
 *
 * @package WorkOS_Login
 * @since   0.2.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The signed-in notice for the current user.
 *
 * "Continue" goes where signing in would have gone (request `redirect_to` → the profile's
 * `post_login_redirect` → WordPress's default, `login_redirect` applied); "Log out" comes back
 * to the current page.
 *
 * @since 0.2.0
 *
 * @param array{post_login_redirect: string} $profile     The profile.
 * @param string                             $redirect_to The surface's `redirect_to`, '' for none.
 * @return string Escaped HTML; '' when nobody is signed in.
 */
function workos_login_signed_in_notice( array $profile, string $redirect_to = '' ): string {
	$user = wp_get_current_user();
	if ( ! $user->exists() ) {
		return '';
	}
	$continue = workos_login_redirect_after_sign_in( $user, $redirect_to, (string) ( $profile['post_login_redirect'] ?? '' ) );
	$logout   = wp_logout_url( workos_login_current_url() );

	return sprintf(
		'<p class="workos-login-signed-in">%1$s · <a class="workos-login-continue" href="%2$s">%3$s</a> · <a class="workos-login-logout" href="%4$s">%5$s</a></p>',
		sprintf(
			/* translators: %s: the signed-in user's display name. */
			esc_html__( 'Signed in as %s', 'workos-login' ),
			'<strong>' . esc_html( $user->display_name ) . '</strong>'
		),
		esc_url( $continue ),
		esc_html__( 'Continue', 'workos-login' ),
		esc_url( $logout ),
		esc_html__( 'Log out', 'workos-login' )
	);
}

/**
 * The URL of the current request on this site (for "come back here" links), else the home page.
 *
 * @since 0.2.0
 */
function workos_login_current_url(): string {
	if ( is_singular() ) {
		$permalink = get_permalink();
		if ( is_string( $permalink ) ) {
			return $permalink;
		}
	}
	$uri = isset( $_SERVER['REQUEST_URI'] ) ? (string) wp_unslash( $_SERVER['REQUEST_URI'] ) : '/'; // phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- validated as a redirect below.
	$url = workos_login_requested_redirect( $uri );
	return '' !== $url ? $url : home_url( '/' );
}
