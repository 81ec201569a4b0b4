<?php
/**
 * The shortcode `[workos:login profile="…" redirect_to="…"]`, alias `[workos_login]`.
 *
 * WordPress accepts the colon: add_shortcode() refuses only `<>&/[]`, whitespace, control
 * characters and `=`, and do_shortcode() finds tag names with the same character class. Any
 * number of instances on a page work independently (each element keeps its ids in its shadow
 * root).
 *
 * @package WorkOS_Login
 * @since   0.2.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Registers both shortcode names.
 *
 * @since 0.2.0
 */
function workos_login_register_shortcodes(): void {
	add_shortcode( 'workos:login', 'workos_login_shortcode' );
	add_shortcode( 'workos_login', 'workos_login_shortcode' );
}
add_action( 'init', 'workos_login_register_shortcodes' );

/**
 * Renders the shortcode: the profile's element, "Signed in as …" for a signed-in visitor, and
 * for an unknown profile a notice to those who can edit the page (nothing for visitors).
 *
 * @since 0.2.0
 *
 * @param array<string, string>|string $atts Attributes: `profile` (default `default`),
 *                                           `redirect_to`, `heading`, `class`, `id`.
 * @return string HTML.
 */
function workos_login_shortcode( $atts ): string {
	$atts    = shortcode_atts(
		array(
			'profile'     => 'default',
			'redirect_to' => '',
			'heading'     => '',
			'class'       => '',
			'id'          => '',
		),
		is_array( $atts ) ? $atts : array(),
		'workos_login'
	);
	$slug    = (string) $atts['profile'];
	$profile = preg_match( '/' . WORKOS_LOGIN_PROFILE_SLUG_PATTERN . '/', $slug ) ? workos_login_get_profile( $slug ) : null;

	if ( null === $profile ) {
		if ( ! current_user_can( 'edit_posts' ) ) {
			return '';
		}
		return '<p class="workos-login-notice" role="alert">' . esc_html(
			sprintf(
				/* translators: %s: the profile slug in the shortcode. */
				__( 'WorkOS Login: there is no Login Profile “%s”. Check the shortcode’s profile attribute. (Only editors see this notice.)', 'workos-login' ),
				$slug
			)
		) . '</p>';
	}

	if ( is_user_logged_in() ) {
		return workos_login_signed_in_notice( $profile, (string) $atts['redirect_to'] );
	}

	return workos_login_element(
		$slug,
		array(
			'redirect_to' => (string) $atts['redirect_to'],
			'heading'     => (string) $atts['heading'],
			'class'       => (string) $atts['class'],
			'id'          => (string) $atts['id'],
		)
	);
}
