<?php
/**
 * The callback's error page: the sign-in page's look, the message, and a link back to the
 * profile's sign-in page (keeping the visitor's destination).
 *
 * @package WorkOS_Login
 * @since   0.4.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Prints the error page with an HTTP status and stops.
 *
 * @since 0.4.0
 *
 * @param array<string, mixed> $profile     The profile to link back to.
 * @param string               $message     Translated message (plain text).
 * @param int                  $status      HTTP status.
 * @param string               $redirect_to The visitor's destination, '' for none.
 */
function workos_login_render_callback_error( array $profile, string $message, int $status, string $redirect_to = '' ): never {
	$redirect_to = workos_login_requested_redirect( $redirect_to );
	$back        = workos_login_profile_url( (string) $profile['slug'], '' !== $redirect_to ? array( 'redirect_to' => $redirect_to ) : array() );
	status_header( $status );
	workos_login_render_login_page(
		$profile,
		array(
			'message'     => $message,
			'error'       => true,
			'no_referrer' => true,
			'element'     => sprintf(
				'<p class="workos-login-back"><a href="%s">%s</a></p>',
				esc_url( $back ),
				esc_html__( 'Back to sign in', 'workos-login' )
			),
		)
	);
	exit;
}
