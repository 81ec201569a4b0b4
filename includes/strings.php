<?php
/**
 * The visible strings of the sign-in UI, translated.
 *
 * Same keys and English text as `protocol/strings.ts` (`DEFAULT_STRINGS`): the page hands them to
 * `<workos-login>` in its `i18n` attribute, and the REST route uses the `error_<code>` ones.
 *
 * @package WorkOS_Login
 * @since   0.1.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Every string of the sign-in UI in the site's language.
 *
 * @since 0.1.0
 *
 * @return array<string, string> Keyed like `DEFAULT_STRINGS` in protocol/strings.ts.
 */
function workos_login_strings(): array {
	return array(
		'heading'                   => __( 'Sign in', 'workos-login' ),
		'email_label'               => __( 'Email', 'workos-login' ),
		'password_label'            => __( 'Password', 'workos-login' ),
		'submit'                    => __( 'Sign in', 'workos-login' ),
		'remember_me'               => __( 'Remember me', 'workos-login' ),
		'submitting'                => __( 'Signing in…', 'workos-login' ),
		'signed_in'                 => __( 'Signed in. Redirecting…', 'workos-login' ),
		'email_required'            => __( 'Enter your email address.', 'workos-login' ),
		'email_invalid'             => __( 'Enter a valid email address, like name@example.com.', 'workos-login' ),
		'email_too_long'            => __( 'That email address is too long.', 'workos-login' ),
		'password_required'         => __( 'Enter your password.', 'workos-login' ),
		'password_too_long'         => __( 'That password is too long.', 'workos-login' ),
		'error_invalid_credentials' => __( 'That email and password don’t match. Check them and try again.', 'workos-login' ),
		'error_invalid_request'     => __( 'Something in the form isn’t right. Check it and try again.', 'workos-login' ),
		'error_invalid_nonce'       => __( 'This page has expired. Reload it and try again.', 'workos-login' ),
		'error_invalid_origin'      => __( 'This sign-in form can only be used on its own site.', 'workos-login' ),
		'error_rate_limited'        => __( 'Too many attempts. Wait a moment and try again.', 'workos-login' ),
		'error_flow_expired'        => __( 'This sign-in took too long. Start again.', 'workos-login' ),
		'error_server_unavailable'  => __( 'Sign-in is unavailable right now. Try again in a few minutes.', 'workos-login' ),
		'error_workos_unavailable'  => __( 'Sign-in is unavailable right now. Try again in a few minutes.', 'workos-login' ),
		'error_sign_in_refused'     => __( 'This account can’t sign in to this site.', 'workos-login' ),
		'error_internal_error'      => __( 'Something went wrong. Try again.', 'workos-login' ),
		'error_network'             => __( 'Couldn’t reach the site. Check your connection and try again.', 'workos-login' ),
	);
}

/**
 * The translated message for an error code (protocol `ErrorCode`).
 *
 * @since 0.1.0
 *
 * @param string $code An error code such as `invalid_credentials`.
 * @return string The message; the `internal_error` one for unknown codes.
 */
function workos_login_error_message( string $code ): string {
	$strings = workos_login_strings();
	return $strings[ 'error_' . $code ] ?? $strings['error_internal_error'];
}
