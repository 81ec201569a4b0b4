<?php
/**
 * Emergency access to WordPress's own username/password form on wp-login.php, two ways
 * (ARCHITECTURE rule 10: once configured, emergency access is a signed, single-use link, never a
 * public switch):
 *
 * - a break-glass link, `wp-login.php?workos-break-glass=<token>`: the form for one user, once
 *   (break-glass-link.php, break-glass-request.php, break-glass-form.php) — the way to use;
 * - the last resort, the `WORKOS_LOGIN_ALLOW_NATIVE_LOGIN` constant in wp-config.php: while it is
 *   defined true, ANYONE can use WordPress's own form at `wp-login.php?workos-native=1` (no MFA,
 *   no WorkOS policy). Every attempt through it fires `workos_login_native_login_used`.
 *
 * The `workos_login_allow_native_login` option that once did the same from Settings → General
 * is gone (admin/emergency-notices.php retires it).
 *
 * @package WorkOS_Login
 * @since   0.2.0
 * @since   0.3.0 The option is gone; break-glass links; workos_login_emergency_form_path().
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Whether the last-resort native form is on: only the `WORKOS_LOGIN_ALLOW_NATIVE_LOGIN` constant.
 *
 * @since 0.2.0
 * @since 0.6.0 The constant alone decides.
 */
function workos_login_native_login_allowed(): bool {
	if ( ! defined( 'WORKOS_LOGIN_ALLOW_NATIVE_LOGIN' ) ) {
		return false;
	}
	$value = constant( 'WORKOS_LOGIN_ALLOW_NATIVE_LOGIN' );
	return true === $value || 1 === $value || '1' === $value;
}

/**
 * Which emergency path, if any, this request is: '' when it is not an emergency sign-in,
 * `native_constant` when it is the constant's native form (its page or its POST), `break_glass`
 * when it is a valid break-glass link's form or a POST for the user it is bound to. Only ever
 * wp-login.php's sign-in: anywhere else (XML-RPC, REST, other forms) it is ''.
 *
 * @since 0.6.0
 *
 * @return string '', 'native_constant' or 'break_glass'.
 */
function workos_login_emergency_form_path(): string {
	if ( ! workos_login_is_wp_login_sign_in() ) {
		return '';
	}
	$break_glass = workos_login_break_glass_request();
	if ( null !== $break_glass ) {
		// A request carrying a link is judged by its link alone.
		return workos_login_break_glass_request_usable( $break_glass ) ? 'break_glass' : '';
	}
	// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- a switch; core's form has no nonce.
	return ! empty( $_REQUEST['workos-native'] ) && workos_login_native_login_allowed() ? 'native_constant' : '';
}

/**
 * Whether this request is wp-login.php's sign-in (the `login` action or recovery mode's).
 *
 * @since 0.6.0
 */
function workos_login_is_wp_login_sign_in(): bool {
	if ( 'wp-login.php' !== ( $GLOBALS['pagenow'] ?? '' ) ) {
		return false;
	}
	// wp-login.php sets `$action` before `login_init`; earlier, read what it will read.
	// phpcs:ignore WordPress.Security.NonceVerification.Recommended, WordPress.Security.ValidatedSanitizedInput.MissingUnslash, WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- only compared with literals (strict in_array).
	$action = $GLOBALS['action'] ?? ( $_REQUEST['action'] ?? 'login' );
	return in_array( $action, array( 'login', WP_Recovery_Mode_Link_Service::LOGIN_ACTION_ENTERED ), true );
}

/**
 * Whether this wp-login.php request is an emergency form that may be shown (wp-login.php's
 * takeover then steps aside). For the constant's form, sets it up: the flag is carried on to its
 * POST and every attempt is reported. A break-glass link sets up its own form
 * (break-glass-form.php, earlier on `login_init`).
 *
 * @since 0.2.0
 * @since 0.6.0 Break-glass links too.
 */
function workos_login_native_form_requested(): bool {
	$path = workos_login_emergency_form_path();
	if ( 'native_constant' === $path ) {
		add_action( 'login_form', 'workos_login_native_form_field' );
		add_filter( 'login_message', 'workos_login_native_form_message' );
		add_action( 'wp_login', 'workos_login_native_login_used', 10, 2 );
		add_action( 'wp_login_failed', 'workos_login_native_login_used', 10, 1 );
	}
	return '' !== $path;
}

/**
 * Keeps the form's POST on the native path.
 *
 * @since 0.2.0
 */
function workos_login_native_form_field(): void {
	echo '<input type="hidden" name="workos-native" value="1" />';
}

/**
 * Tells whoever sees the native form what it is.
 *
 * @since 0.2.0
 *
 * @param string $message Messages above the form (HTML).
 */
function workos_login_native_form_message( $message ): string {
	$notice = esc_html__( 'Emergency sign-in form: every use is recorded.', 'workos-login' );
	return (string) $message . '<p class="message">' . $notice . '</p>';
}

/**
 * Reports a sign-in attempt through the native form.
 *
 * @since 0.2.0
 *
 * @param string       $username The username (or email) typed.
 * @param WP_User|null $user     The user, on success.
 */
function workos_login_native_login_used( $username, $user = null ): void {
	/**
	 * Fires for every sign-in attempt through the emergency native form.
	 *
	 * @since 0.2.0
	 *
	 * @param WP_User|string $user_or_username The signed-in user, or the username of a failed attempt.
	 */
	do_action( 'workos_login_native_login_used', $user instanceof WP_User ? $user : (string) $username );
}
