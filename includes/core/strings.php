<?php
/**
 * Error messages from the UI strings. The strings themselves (`workos_login_strings()`,
 * `workos_login_passkey_manage_strings()`) are generated from protocol/strings.ts into
 * includes/generated/strings.php.
 *
 * @package WorkOS_Login
 * @since   0.1.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
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
