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
 * A requested destination if it is safe, else ''.
 *
 * Stricter than wp_validate_redirect() alone: only root-relative paths (`/…`, never `//…`) and
 * absolute http(s) URLs on an allowed host pass; backslashes and control characters (which
 * browsers read as `/` or strip, turning `/\evil` into `//evil`) and values over 2048 bytes
 * (protocol `LIMITS`) are refused rather than repaired.
 *
 * @since 0.2.0
 *
 * @param string $requested A `redirect_to` as received.
 * @return string The destination, or '' when none or unsafe.
 */
function workos_login_requested_redirect( string $requested ): string {
	if ( '' === $requested || strlen( $requested ) > 2048 || preg_match( '/[\\\\\x00-\x1f\x7f]/', $requested ) ) {
		return '';
	}
	if ( ! preg_match( '#^(/(?![/\\\\])|https?://)#i', $requested ) ) {
		return '';
	}
	return wp_validate_redirect( $requested, '' );
}

/**
 * The validated post-sign-in destination.
 *
 * Precedence: the requested `redirect_to`, then the Login Profile's `post_login_redirect`
 * (each only when safe, see workos_login_requested_redirect()), else the dashboard; then the
 * `login_redirect` filter with core's arguments. When the result is the dashboard, core's rule
 * applies: users who cannot `edit_posts` go to their profile (or home without `read`); on
 * multisite, users without a site go to the user dashboard. Between the profile's destination and
 * the dashboard comes the role-based login redirect (WorkOS → Roles).
 *
 * @since 0.1.0
 * @since 0.2.0 The profile's `post_login_redirect`; unsafe values are dropped, not repaired.
 * @since 0.3.0 Role-based login redirects.
 *
 * @param WP_User $user             The signed-in user.
 * @param string  $requested        The `redirect_to` the browser sent, '' when none.
 * @param string  $profile_redirect The profile's `post_login_redirect`, '' when none.
 * @return string An absolute or root-relative URL on an allowed host.
 */
function workos_login_redirect_after_sign_in( WP_User $user, string $requested, string $profile_redirect = '' ): string {
	$redirect_to = workos_login_requested_redirect( $requested );
	if ( '' === $redirect_to ) {
		$redirect_to = workos_login_requested_redirect( $profile_redirect );
	}
	if ( '' === $redirect_to ) {
		$redirect_to = workos_login_role_redirect( $user, 'login_redirects' );
	}
	if ( '' === $redirect_to ) {
		$redirect_to = admin_url();
	}

	/** This filter is documented in wp-login.php */
	$redirect_to = apply_filters( 'login_redirect', $redirect_to, $requested, $user ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound -- WordPress core's hook, run as core runs it.
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
	$fallback = apply_filters( 'wp_safe_redirect_fallback', admin_url(), 302 ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound -- WordPress core's hook, run as core runs it.
	return wp_validate_redirect( $redirect_to, is_string( $fallback ) ? $fallback : admin_url() );
}

/**
 * The role-based redirect for a user: the first of the user's roles with a safe URL configured.
 *
 * @since 0.3.0
 *
 * @param WP_User $user    The user.
 * @param string  $setting 'login_redirects' or 'logout_redirects'.
 * @return string A validated URL, '' when none applies.
 */
function workos_login_role_redirect( WP_User $user, string $setting ): string {
	$redirects = (array) workos_login_option( $setting );
	foreach ( $user->roles as $role ) {
		$url = workos_login_requested_redirect( (string) ( $redirects[ $role ] ?? '' ) );
		if ( '' !== $url ) {
			return $url;
		}
	}
	return '';
}
