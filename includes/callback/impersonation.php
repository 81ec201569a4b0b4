<?php
/**
 * The callback's other door: `GET /workos/callback?code` with no `state`. WorkOS sends a
 * dashboard impersonation there itself (the site started nothing, so there is no sealed state,
 * no browser cookie, no PKCE verifier). Only with the setting `allow_impersonation` on is such a
 * code exchanged, by the login server (`POST /v1/oauth/impersonation`), which answers
 * `authenticated` only when WorkOS says the sign-in is an impersonation and names the
 * impersonator; anything else is refused there and its WorkOS session revoked — a stateless code
 * that signed anyone in otherwise would be login CSRF. With the setting off the code is never
 * spent: the callback refuses it as any request without a valid state (handle.php).
 *
 * @package WorkOS_Login
 * @since   0.6.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Whether a callback request is one WorkOS started (a code, no state, no error) and the site
 * accepts such requests (`allow_impersonation`).
 *
 * @since 0.6.0
 *
 * @param array{code: string, state: string, error: string} $params From workos_login_callback_params().
 */
function workos_login_callback_is_impersonation( array $params ): bool {
	return '' === $params['state'] && '' === $params['error'] && '' !== $params['code'] && (bool) workos_login_option( 'allow_impersonation' );
}

/**
 * Signs a WorkOS dashboard impersonation in through login completion, or shows why not, and stops.
 * The caller has counted the request against the callback's per-IP limit.
 *
 * @since 0.6.0
 *
 * @param string               $code    The `code` query argument.
 * @param array<string, mixed> $profile The profile it signs in through (`default`: WorkOS names none).
 */
function workos_login_handle_impersonation_callback( string $code, array $profile ): never {
	if ( 1 !== preg_match( '/' . WORKOS_LOGIN_TOKEN_PATTERN . '/', $code ) ) {
		workos_login_callback_fail( 'invalid_request', $profile );
	}
	// A code opens one callback: a replayed URL is refused before it reaches WorkOS.
	$marked = workos_login_limits_mark( 'once:code:' . hash( 'sha256', $code ), DAY_IN_SECONDS );
	if ( null === $marked ) {
		header( 'Retry-After: ' . WORKOS_LOGIN_DATABASE_RETRY_AFTER );
		workos_login_callback_fail( 'database_unavailable', $profile, 503 );
	}
	if ( true !== $marked ) {
		workos_login_callback_fail( 'invalid_code', $profile );
	}

	$outcome = workos_login_server_step( 'oauth/impersonation', $profile, array( 'code' => $code ), array( 'authenticated' ) );
	if ( is_wp_error( $outcome ) ) {
		workos_login_callback_fail( 'server_unavailable', $profile, 503 );
	}
	$choices = array(
		'redirect_to' => '',
		'remember'    => false,
	);
	if ( 'authenticated' === $outcome['type'] ) {
		$identity = $outcome['identity'];
		// The login server refuses anything else; so does WordPress, should one ever arrive.
		if ( 'impersonation' !== $identity['method'] || '' === workos_login_impersonator_of( $identity )['email'] ) {
			$denied = workos_login_deny( 'not_impersonation', $identity, (string) $profile['slug'] );
			workos_login_render_callback_error( $profile, $denied->get_error_message(), 403 );
		}
		workos_login_callback_complete( $identity, $profile, $choices );
	}
	$status = in_array( $outcome['code'], array( 'server_unavailable', 'workos_unavailable' ), true ) ? 503 : (int) $outcome['status'];
	workos_login_callback_fail( $outcome['code'], $profile, $status );
}
