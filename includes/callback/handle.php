<?php
/**
 * The callback itself: a state used once, from the browser that started it, exchanged by the
 * login server (`POST /v1/oauth/callback`) for the same outcomes as every browser route. It
 * signs someone in only through login completion; everything else is a clear page (status 400)
 * with a link back to the profile's sign-in page.
 *
 * @package WorkOS_Login
 * @since   0.4.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Handles `GET /workos/callback?code&state` (or `?error=…&state`) and stops.
 *
 * @since 0.4.0
 * @since 0.6.0 A code without a state goes to workos_login_handle_impersonation_callback() when
 *              the site allows impersonation.
 *
 * @param array{code: string, state: string, error: string} $params From workos_login_callback_params().
 */
function workos_login_handle_callback( array $params ): never {
	workos_login_nocache_headers();

	$slug    = workos_login_state_profile_slug( $params['state'] );
	$profile = null === $slug ? null : workos_login_get_profile( $slug );
	$page    = $profile ?? workos_login_get_profile( 'default' ) ?? workos_login_default_profile();
	workos_login_audit_request_state(
		array(
			'step'    => 'callback',
			'profile' => (string) $page['slug'],
		)
	);

	$refusal = workos_login_rate_limit( workos_login_rate_buckets( 'callback' ) );
	if ( null !== $refusal ) {
		header( 'Retry-After: ' . $refusal['retry_after'] );
		workos_login_callback_fail( $refusal['code'], $page, $refusal['status'] );
	}
	// WorkOS started this one (a dashboard impersonation): no state to check (impersonation.php).
	if ( workos_login_callback_is_impersonation( $params ) ) {
		workos_login_handle_impersonation_callback( $params['code'], $page );
	}
	// The sealed part written its one canonical way: the state is marked used by its text.
	if ( null === $profile || ! workos_login_flow_is_canonical( substr( $params['state'], strlen( $slug ) + 1 ) ) ) {
		workos_login_callback_fail( 'flow_expired', $page );
	}
	// A state opens one callback: a replayed (or raced) URL is refused before anything else.
	$marked = workos_login_limits_mark( 'once:state:' . hash( 'sha256', $params['state'] ), DAY_IN_SECONDS );
	if ( null === $marked ) {
		header( 'Retry-After: ' . WORKOS_LOGIN_DATABASE_RETRY_AFTER );
		workos_login_callback_fail( 'database_unavailable', $profile, 503 );
	}
	if ( true !== $marked ) {
		workos_login_callback_fail( 'flow_expired', $profile );
	}
	$browser = workos_login_browser_binding();
	workos_login_clear_browser_cookie();
	if ( '' !== $params['error'] ) {
		workos_login_callback_fail( 'access_denied' === $params['error'] ? 'consent_denied' : 'internal_error', $profile );
	}
	if ( '' === $browser ) {
		workos_login_callback_fail( 'flow_expired', $profile );
	}
	if ( 1 !== preg_match( '/' . WORKOS_LOGIN_TOKEN_PATTERN . '/', $params['code'] ) ) {
		workos_login_callback_fail( 'invalid_request', $profile );
	}

	$outcome = workos_login_server_step(
		'oauth/callback',
		$profile,
		array(
			'code'  => $params['code'],
			'state' => $params['state'],
		),
		array( 'step', 'authenticated' ),
		array( 'browser' => $browser )
	);
	if ( is_wp_error( $outcome ) ) {
		workos_login_callback_fail( 'server_unavailable', $profile, 503 );
	}
	$passthrough = $outcome['passthrough'] ?? array(
		'redirect_to' => '',
		'remember'    => false,
	);
	if ( 'authenticated' === $outcome['type'] ) {
		workos_login_callback_complete( $outcome['identity'], $profile, $passthrough );
	}
	if ( 'step' === $outcome['type'] ) {
		workos_login_callback_resume( $outcome, $profile, $passthrough );
	}
	$status = in_array( $outcome['code'], array( 'server_unavailable', 'workos_unavailable' ), true ) ? 503 : 400;
	workos_login_callback_fail( $outcome['code'], $profile, $status, '', $passthrough['redirect_to'] );
}

/**
 * Signs the identity in and redirects to the destination; a refusal gets the error page.
 *
 * @since 0.4.0
 *
 * @param array<string, mixed>                       $identity    From the `authenticated` outcome.
 * @param array<string, mixed>                       $profile     The `LoginProfile`.
 * @param array{redirect_to: string, remember: bool} $passthrough The choices sealed at `authorize`.
 */
function workos_login_callback_complete( array $identity, array $profile, array $passthrough ): never {
	$done = workos_login_complete( $identity, workos_login_auth_choices( $profile, $passthrough['redirect_to'], $passthrough['remember'] ) );
	if ( is_wp_error( $done ) ) {
		// Completion already fired wp_login_failed.
		$data = $done->get_error_data();
		workos_login_render_callback_error( $profile, $done->get_error_message(), (int) ( $data['status'] ?? 403 ), $passthrough['redirect_to'] );
	}
	if ( isset( $done['step'] ) ) {
		// Role-based step-up (passkeys/step-up.php): a second factor first, like a callback step.
		workos_login_callback_resume( $done['step'], $profile, $passthrough );
	}
	wp_safe_redirect( $done['redirect_to'], 302, 'WorkOS Login' );
	exit;
}

/**
 * Renders the profile's page with its element resumed at a step (MFA, organization choice,
 * step-up…) and stops.
 *
 * @since 0.5.0
 *
 * @param array<string, mixed>                       $step        A step outcome (its `subject` becomes `data.passkey`).
 * @param array<string, mixed>                       $profile     The `LoginProfile`.
 * @param array{redirect_to: string, remember: bool} $passthrough The choices sealed at `authorize`.
 */
function workos_login_callback_resume( array $step, array $profile, array $passthrough ): never {
	workos_login_render_login_page(
		$profile,
		array(
			'redirect_to' => workos_login_requested_redirect( $passthrough['redirect_to'] ),
			'resume'      => (string) wp_json_encode( workos_login_step_response( $step ), JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE ),
			'remember'    => (bool) $passthrough['remember'],
			'no_referrer' => true,
		)
	);
	exit;
}

/**
 * Refuses the callback: tells security plugins (`wp_login_failed`), shows the error page.
 *
 * @since 0.4.0
 *
 * @param string               $code        Protocol `ErrorCode`.
 * @param array<string, mixed> $profile     The profile to link back to.
 * @param int                  $status      HTTP status.
 * @param string               $message     '' for the code's own message.
 * @param string               $redirect_to The visitor's destination, kept on the link back.
 */
function workos_login_callback_fail( string $code, array $profile, int $status = 400, string $message = '', string $redirect_to = '' ): never {
	$message = '' !== $message ? $message : workos_login_error_message( $code );
	/** This action is documented in wp-includes/pluggable.php */
	do_action(
		'wp_login_failed', // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound -- WordPress core's hook, run as core runs it.
		'',
		new WP_Error(
			$code,
			$message,
			array(
				'status'  => $status,
				'profile' => (string) $profile['slug'],
			)
		)
	);
	workos_login_render_callback_error( $profile, $message, $status, $redirect_to );
}
