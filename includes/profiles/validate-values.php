<?php
/**
 * Checks of single Login Profile values (booleans, organization, color, logo, destination).
 *
 * Each returns true, or the translated problem shown next to the field.
 *
 * @package WorkOS_Login
 * @since   0.2.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * A JSON boolean (never "1" or "yes": the REST schema has already turned those into booleans).
 *
 * @since 0.2.0
 *
 * @param mixed $value The value.
 * @return true|string
 */
function workos_login_check_profile_bool( mixed $value ): bool|string {
	return is_bool( $value ) ? true : __( 'Must be true or false.', 'workos-login' );
}

/**
 * A string (its content is checked elsewhere, e.g. custom paths).
 *
 * @since 0.2.0
 *
 * @param mixed $value The value.
 * @return true|string
 */
function workos_login_check_profile_string( mixed $value ): bool|string {
	return is_string( $value ) ? true : __( 'Must be text.', 'workos-login' );
}

/**
 * Null, or a WorkOS organization ID the login server accepts.
 *
 * @since 0.2.0
 *
 * @param mixed $value The value.
 * @return true|string
 */
function workos_login_check_profile_organization( mixed $value ): bool|string {
	if ( null === $value || ( is_string( $value ) && 1 === preg_match( '/' . WORKOS_LOGIN_ORGANIZATION_PATTERN . '/D', $value ) ) ) {
		return true;
	}
	return __( 'Must be a WorkOS organization ID (org_ followed by letters and digits), or empty.', 'workos-login' );
}

/**
 * Empty, or a `#rrggbb` color.
 *
 * @since 0.2.0
 *
 * @param mixed $value The value.
 * @return true|string
 */
function workos_login_check_profile_color( mixed $value ): bool|string {
	if ( is_string( $value ) && 1 === preg_match( '/^(#[0-9a-fA-F]{6})?$/D', $value ) ) {
		return true;
	}
	return __( 'Must be a color like #1e73be, or empty for the default.', 'workos-login' );
}

/**
 * A non-negative integer (whether it is an image is checked with `logo_mode`).
 *
 * @since 0.2.0
 *
 * @param mixed $value The value.
 * @return true|string
 */
function workos_login_check_profile_attachment( mixed $value ): bool|string {
	return is_int( $value ) && $value >= 0 ? true : __( 'Must be a Media Library item ID, or 0.', 'workos-login' );
}

/**
 * Empty, or a destination on this site that sign-in may redirect to: the same rule as a
 * requested `redirect_to` (workos_login_requested_redirect()), so a stored value is never
 * dropped later.
 *
 * @since 0.2.0
 *
 * @param mixed $value The value.
 * @return true|string
 */
function workos_login_check_profile_redirect( mixed $value ): bool|string {
	if ( '' === $value || ( is_string( $value ) && '' !== workos_login_requested_redirect( $value ) ) ) {
		return true;
	}
	return __( 'Must be a path on this site (like /members/) or an address on an allowed host.', 'workos-login' );
}
