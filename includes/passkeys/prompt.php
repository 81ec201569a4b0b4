<?php
/**
 * "Sign in faster next time?": after a sign-in by another method, the REST `signed_in` answer
 * carries `passkey_prompt` (a `wp_rest` nonce of the NEW session and the API root) when the
 * profile offers passkeys and asks (`passkey_prompt`), and the user has none and did not say
 * "Not now" lately. "Not now" is `POST /workos/v1/passkeys/prompt/dismiss`.
 *
 * Not on the callback path (OAuth, SSO): that page redirects at once.
 *
 * @package WorkOS_Login
 * @since   0.5.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** User meta: Unix time before which the prompt is not shown again. */
const WORKOS_LOGIN_PASSKEY_PROMPT_META = '_workos_passkey_prompt_until';

/**
 * The logged-in cookie set in this request (the new session's), remembered so a nonce can be
 * made for it: wp_create_nonce() reads the session token from `$_COOKIE`, which still holds the
 * request's old cookie (or none).
 *
 * @since 0.5.0
 *
 * @param string|null $cookie The cookie value to remember, null to read.
 */
function workos_login_new_logged_in_cookie( ?string $cookie = null ): string {
	static $value = '';
	if ( null !== $cookie ) {
		$value = $cookie;
	}
	return $value;
}

/**
 * `set_logged_in_cookie` listener: remembers the new session's logged-in cookie.
 *
 * @since 0.5.0
 *
 * @param string $logged_in_cookie The cookie's value.
 */
function workos_login_capture_logged_in_cookie( $logged_in_cookie ): void {
	workos_login_new_logged_in_cookie( (string) $logged_in_cookie );
}
add_action( 'set_logged_in_cookie', 'workos_login_capture_logged_in_cookie' );

/**
 * The `passkey_prompt` of a `signed_in` answer, or null when there is nothing to ask.
 *
 * @since 0.5.0
 *
 * @param int                  $user_id      The user who just signed in (the current user).
 * @param array<string, mixed> $identity     The identity it signed in with.
 * @param string               $profile_slug The profile signed in through.
 * @return array{rest_nonce: string, api_root: string}|null
 */
function workos_login_passkey_prompt( int $user_id, array $identity, string $profile_slug ): ?array {
	$profile = workos_login_get_profile( $profile_slug );
	$cookie  = workos_login_new_logged_in_cookie();
	$ask     = null !== $profile
		&& in_array( 'passkey', (array) $profile['methods'], true )
		&& ! empty( $profile['passkey_prompt'] )
		&& 'passkey' !== ( $identity['method'] ?? '' )
		&& '' !== $cookie
		&& get_current_user_id() === $user_id
		&& '' !== (string) get_user_meta( $user_id, WORKOS_LOGIN_USER_META, true )
		&& (int) get_user_meta( $user_id, WORKOS_LOGIN_PASSKEY_PROMPT_META, true ) <= time()
		&& ! workos_login_passkeys_of_user( $user_id );
	if ( ! $ask ) {
		return null;
	}
	// The nonce must be the new session's: the same user and the new session token.
	$previous                    = $_COOKIE[ LOGGED_IN_COOKIE ] ?? null; // phpcs:ignore WordPress.Security.ValidatedSanitizedInput -- saved to be put back.
	$_COOKIE[ LOGGED_IN_COOKIE ] = $cookie;
	$nonce                       = wp_create_nonce( 'wp_rest' );
	if ( null === $previous ) {
		unset( $_COOKIE[ LOGGED_IN_COOKIE ] );
	} else {
		$_COOKIE[ LOGGED_IN_COOKIE ] = $previous;
	}
	return array(
		'rest_nonce' => $nonce,
		'api_root'   => esc_url_raw( rest_url( 'workos/v1/' ) ),
	);
}

/**
 * Registers `POST /workos/v1/passkeys/prompt/dismiss`.
 *
 * @since 0.5.0
 */
function workos_login_register_passkey_prompt_route(): void {
	register_rest_route(
		'workos/v1',
		'/passkeys/prompt/dismiss',
		array(
			'methods'             => WP_REST_Server::CREATABLE,
			'callback'            => 'workos_login_rest_dismiss_passkey_prompt',
			'permission_callback' => 'workos_login_rest_passkeys_signed_in',
			'args'                => array(),
		)
	);
}
add_action( 'rest_api_init', 'workos_login_register_passkey_prompt_route' );

/**
 * "Not now": the prompt stays away for `passkey_prompt_snooze_days` (protocol
 * `PasskeyPromptDismissedResponse`).
 *
 * @since 0.5.0
 */
function workos_login_rest_dismiss_passkey_prompt(): WP_REST_Response {
	$until = time() + DAY_IN_SECONDS * max( 1, (int) workos_login_option( 'passkey_prompt_snooze_days' ) );
	update_user_meta( get_current_user_id(), WORKOS_LOGIN_PASSKEY_PROMPT_META, $until );
	return workos_login_rest_response( array( 'until' => gmdate( 'Y-m-d\TH:i:s\Z', $until ) ), 200 );
}
