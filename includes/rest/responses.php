<?php
/**
 * Turns a login server outcome into the browser's answer (protocol `AuthResponse`).
 *
 * @package WorkOS_Login
 * @since   0.1.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** Error codes that say a dependency failed, not the visitor. */
const WORKOS_LOGIN_UNAVAILABLE_CODES = array( 'server_unavailable', 'workos_unavailable', 'database_unavailable' );

/**
 * Answers the browser for an outcome: steps and redirects pass through, errors get the site's
 * translated text, `authenticated` goes through login completion, `reset_token` becomes an email
 * and the `reset_sent` notice. The server's English message is never shown.
 *
 * @since 0.1.0
 * @since 0.4.0 `redirect`, `reset_token`, `problems`; `passthrough` never reaches the browser.
 * @since 0.5.0 Step-up steps from completion; `passkey_prompt` on `signed_in`.
 *
 * @param array<string, mixed>|WP_Error                                                                                             $outcome From workos_login_server_request().
 * @param string                                                                                                                    $email   The email the visitor typed, for `wp_login_failed`.
 * @param array{redirect_to: string, remember: bool, post_login_redirect?: string, profile?: string, organization_id?: string|null} $choices The visitor's choices; the profile's slug, destination and organization.
 */
function workos_login_rest_answer( array|WP_Error $outcome, string $email, array $choices ): WP_REST_Response {
	if ( is_wp_error( $outcome ) ) {
		$data = $outcome->get_error_data();
		return workos_login_rest_error( 'server_unavailable', 503, $email, isset( $data['retry_after'] ) ? (int) $data['retry_after'] : null );
	}
	switch ( $outcome['type'] ) {
		case 'step':
			return workos_login_rest_response( workos_login_step_response( $outcome ), 200 );
		case 'redirect':
			return workos_login_rest_response(
				array(
					'type' => 'redirect',
					'url'  => $outcome['url'],
				),
				200
			);
		case 'reset_token':
			workos_login_queue_reset_email( (string) ( $choices['profile'] ?? 'default' ), $outcome );
			return workos_login_rest_response(
				array(
					'type' => 'step',
					'step' => 'reset_sent',
					'flow' => '',
					'data' => array( 'email' => $outcome['email'] ),
				),
				200
			);
		case 'error':
			return workos_login_rest_error( $outcome['code'], $outcome['status'], $email, $outcome['retry_after'] ?? null, $outcome['problems'] ?? null );
		case 'authenticated':
			$done = workos_login_complete( $outcome['identity'], $choices, workos_login_passkey_outcome_fields( $outcome ) );
			if ( is_wp_error( $done ) ) {
				// Completion already fired wp_login_failed.
				$data            = $done->get_error_data();
				$retry_after     = isset( $data['retry_after'] ) ? (int) $data['retry_after'] : null;
				$body            = workos_login_error_body( (string) $done->get_error_code(), $retry_after );
				$body['message'] = $done->get_error_message(); // Translated, maybe the administrator's own (gate).
				$response        = workos_login_rest_response( $body, (int) ( $data['status'] ?? 500 ) );
				if ( null !== $retry_after ) {
					$response->header( 'Retry-After', (string) $retry_after );
				}
				return $response;
			}
			if ( isset( $done['step'] ) ) {
				// Role-based step-up: a second factor before the session (passkeys/step-up.php).
				return workos_login_rest_response( workos_login_step_response( $done['step'] ), 200 );
			}
			$body   = array(
				'type'        => 'signed_in',
				'redirect_to' => $done['redirect_to'],
			);
			$prompt = workos_login_passkey_prompt( $done['user_id'], $outcome['identity'], (string) ( $choices['profile'] ?? 'default' ) );
			if ( null !== $prompt ) {
				$body['passkey_prompt'] = $prompt;
			}
			return workos_login_rest_response( $body, 200 );
	}
	workos_login_log( sprintf( 'unexpected %s outcome for a browser route.', $outcome['type'] ) );
	return workos_login_rest_error( 'internal_error', 500, $email );
}

/**
 * The browser's `StepResponse` of a step outcome (without `passthrough` and `subject`).
 *
 * A step whose `subject` (a WorkOS user id) has a passkey of this site offers it:
 * `data.passkey = 'use'`.
 *
 * @since 0.4.0
 * @since 0.5.0 `subject` is replaced by `data.passkey`.
 *
 * @param array{step: string, flow: string, data: object, subject?: string} $outcome A step outcome.
 * @return array{type: 'step', step: string, flow: string, data: object}
 */
function workos_login_step_response( array $outcome ): array {
	return array(
		'type' => 'step',
		'step' => $outcome['step'],
		'flow' => $outcome['flow'],
		'data' => isset( $outcome['subject'] ) ? workos_login_passkey_step_data( $outcome['data'], $outcome['subject'] ) : $outcome['data'],
	);
}

/**
 * An error answer; fires `wp_login_failed` so security plugins count the attempt.
 *
 * @since 0.1.0
 *
 * @param string        $code        Protocol `ErrorCode`.
 * @param int           $status      HTTP status.
 * @param string        $email       The email the visitor typed.
 * @param int|null      $retry_after Seconds, with `rate_limited`.
 * @param string[]|null $problems    With `password_rejected`.
 */
function workos_login_rest_error( string $code, int $status, string $email, ?int $retry_after = null, ?array $problems = null ): WP_REST_Response {
	$body = workos_login_error_body( $code, $retry_after, $problems );
	if ( ! in_array( $code, WORKOS_LOGIN_UNAVAILABLE_CODES, true ) ) {
		// An outage is nobody's failed sign-in: security plugins must not lock anyone out for it.
		/** This action is documented in wp-includes/pluggable.php */
		do_action( 'wp_login_failed', $email, new WP_Error( $code, $body['message'] ) ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound -- WordPress core's hook, run as core runs it.
	}

	$response = workos_login_rest_response( $body, $status );
	if ( null !== $retry_after ) {
		$response->header( 'Retry-After', (string) $retry_after );
	}
	return $response;
}

/**
 * The body of an error answer.
 *
 * @since 0.1.0
 * @since 0.4.0 `problems`.
 *
 * @param string        $code        Protocol `ErrorCode`.
 * @param int|null      $retry_after Seconds, with `rate_limited`.
 * @param string[]|null $problems    With `password_rejected` (protocol `PasswordProblem`).
 * @return array{type: 'error', code: string, message: string, retry_after?: int, problems?: string[]}
 */
function workos_login_error_body( string $code, ?int $retry_after = null, ?array $problems = null ): array {
	$body = array(
		'type'    => 'error',
		'code'    => $code,
		'message' => workos_login_error_message( $code ),
	);
	if ( null !== $retry_after ) {
		$body['retry_after'] = $retry_after;
	}
	if ( 'password_rejected' === $code ) {
		$body['problems'] = array_values( $problems ?? array() );
	}
	return $body;
}

/**
 * A response that no cache keeps (workos_login_rest_nocache_headers(), as every answer of the
 * plugin's routes): it answers one person's sign-in.
 *
 * @since 0.1.0
 *
 * @param array<string, mixed> $body   JSON body.
 * @param int                  $status HTTP status.
 */
function workos_login_rest_response( array $body, int $status ): WP_REST_Response {
	return new WP_REST_Response( $body, $status );
}
