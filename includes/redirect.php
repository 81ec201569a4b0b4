<?php
/**
 * Where to send a user after signing in, decided the way wp-login.php decides it.
 *
 * @package WorkOS_Login
 * @since   0.1.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The validated post-sign-in destination.
 *
 * Precedence: the requested `redirect_to` (validated, else the dashboard), then the
 * `login_redirect` filter with core's arguments. When the result is the dashboard, core's rule
 * applies: users who cannot `edit_posts` go to their profile (or home without `read`); on
 * multisite, users without a site go to the user dashboard. Profile and role-based redirects
 * join the chain with the profile settings.
 *
 * @since 0.1.0
 *
 * @param WP_User $user      The signed-in user.
 * @param string  $requested The `redirect_to` the browser sent, '' when none.
 * @return string An absolute or root-relative URL on an allowed host.
 */
function workos_login_redirect_after_sign_in( WP_User $user, string $requested ): string {
	$redirect_to = '' !== $requested ? wp_validate_redirect( $requested, admin_url() ) : admin_url();

	/** This filter is documented in wp-login.php */
	$redirect_to = apply_filters( 'login_redirect', $redirect_to, $requested, $user );
	$redirect_to = is_string( $redirect_to ) ? $redirect_to : '';

	// wp-login.php treats '' and 'wp-admin/' (relative to itself) as the dashboard.
	if ( '' === $redirect_to || 'wp-admin/' === $redirect_to || admin_url() === $redirect_to ) {
		if ( is_multisite() && ! get_active_blog_for_user( $user->ID ) && ! is_super_admin( $user->ID ) ) {
			return user_admin_url();
		}
		if ( is_multisite() && ! $user->has_cap( 'read' ) ) {
			return get_dashboard_url( $user->ID );
		}
		if ( ! $user->has_cap( 'edit_posts' ) ) {
			return $user->has_cap( 'read' ) ? admin_url( 'profile.php' ) : home_url();
		}
		return admin_url();
	}

	// wp-login.php ends with wp_safe_redirect(): validate with the same fallback.
	/** This filter is documented in wp-includes/pluggable.php */
	$fallback = apply_filters( 'wp_safe_redirect_fallback', admin_url(), 302 );
	return wp_validate_redirect( $redirect_to, is_string( $fallback ) ? $fallback : admin_url() );
}
