<?php
/**
 * The signed client for the login server: `POST <server>/v1/<step>` with an Envelope (or
 * `/v1/admin/<route>` with `{input}`), answered by a signed Outcome.
 *
 * @package WorkOS_Login
 * @since   0.1.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Asks the login server for a step (protocol `Envelope`): the one place a step's request is
 * built — the profile as the server receives it, the step's input, the request's context, and
 * the sealed flow and passthrough when there are any.
 *
 * @since 0.6.0
 *
 * @param string                                                                          $step    Step id (`password`, `oauth/callback`, …).
 * @param array<string, mixed>                                                            $profile The `LoginProfile`.
 * @param array<string, mixed>|stdClass                                                   $input   Protocol `StepInputs[step]` (`{}` as stdClass).
 * @param string[]                                                                        $types   Outcome types accepted.
 * @param array{flow?: string|null, passthrough?: array<string, mixed>, browser?: string} $extra The flow, the
 *        visitor's choices to seal (`passthrough`), and the browser binding when it is not this request's cookie.
 * @return array<string, mixed>|WP_Error The outcome, or a `server_unavailable` error.
 */
function workos_login_server_step( string $step, array $profile, array|stdClass $input, array $types, array $extra = array() ): array|WP_Error {
	$envelope = array(
		'profile' => workos_login_resolved_profile( $profile ),
		'input'   => $input,
		'context' => workos_login_request_context(),
	);
	if ( isset( $extra['browser'] ) ) {
		$envelope['context']['browser'] = $extra['browser'];
	}
	if ( isset( $extra['flow'] ) ) {
		$envelope['flow'] = $extra['flow'];
	}
	if ( isset( $extra['passthrough'] ) ) {
		$envelope['passthrough'] = $extra['passthrough'];
	}
	return workos_login_server_request( $step, $envelope, $types );
}

/**
 * Sends a signed request to the login server and returns its validated outcome.
 *
 * Every failure — configuration, transport, an unsigned, stale or badly signed answer, a 5xx,
 * invalid JSON or a shape outside the contract — becomes `server_unavailable`. Non-2xx answers
 * are accepted only when they carry a signed `error` outcome. Each call names the outcome types
 * it accepts, so an auth step can never be answered by, say, an admin `organizations` outcome.
 *
 * @since 0.1.0
 * @since 0.2.0 `$path` may name an admin route (`admin/organizations`); `$types`.
 *
 * @param string               $path  Route under `/v1/`: a step id (`password`) or `admin/organizations`.
 * @param array<string, mixed> $body  The body: an Envelope for steps (`{profile, input, flow?, context}`),
 *                                    `{input}` for admin routes.
 * @param string[]             $types Outcome types accepted (see workos_login_parse_outcome()); `error` always is.
 * @return array<string, mixed>|WP_Error The outcome, or a `server_unavailable` error.
 */
function workos_login_server_request( string $path, array $body, array $types = WORKOS_LOGIN_AUTH_OUTCOME_TYPES ): array|WP_Error {
	$unavailable = new WP_Error( 'server_unavailable', __( 'The login server is unavailable.', 'workos-login' ), array( 'status' => 503 ) );
	// Every answer of the contract may be an `error` outcome.
	$types = array_values( array_unique( array_merge( $types, array( 'error' ) ) ) );

	if ( workos_login_config_errors() ) {
		workos_login_log( sprintf( 'not configured, /v1/%s not sent; see the admin notice.', $path ) );
		return $unavailable;
	}
	if ( strlen( $path ) > 64 || 1 !== preg_match( '#^[a-z0-9_-]+(/[a-z0-9_-]+)*$#', $path ) ) {
		return $unavailable;
	}

	$wait = workos_login_breaker_check();
	if ( null !== $wait ) {
		$unavailable->add_data(
			array(
				'status'      => 503,
				'retry_after' => $wait,
			)
		);
		return $unavailable;
	}

	$secret                  = workos_login_secret();
	$json                    = (string) wp_json_encode( $body, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE );
	list( $reply, $message ) = workos_login_server_send( $path, $json, $secret );
	// During a rotation of the shared secret, a login server that does not have the new one yet
	// refuses its signature (401, unsigned): once more, signed with the previous secret.
	$previous = workos_login_previous_secret();
	if ( '' !== $previous && ! is_wp_error( $reply ) && 401 === (int) wp_remote_retrieve_response_code( $reply ) && '' === (string) wp_remote_retrieve_header( $reply, WORKOS_LOGIN_SIGNATURE_HEADER ) ) {
		$secret                  = $previous;
		list( $reply, $message ) = workos_login_server_send( $path, $json, $secret );
	}
	if ( is_wp_error( $reply ) ) {
		return workos_login_server_failed( $path, 'transport error: ' . $reply->get_error_message(), $unavailable );
	}
	$status    = (int) wp_remote_retrieve_response_code( $reply );
	$signature = (string) wp_remote_retrieve_header( $reply, WORKOS_LOGIN_SIGNATURE_HEADER );
	$text      = (string) wp_remote_retrieve_body( $reply );

	if ( '' === $signature && in_array( $status, array( 502, 503, 504 ), true ) ) {
		return workos_login_server_failed( $path, sprintf( 'HTTP %d from a proxy or load balancer: no login server answered.', $status ), $unavailable );
	}
	// The answer to this very request: signed over its id, method and path.
	if ( ! workos_login_verify_signature( $signature, $text, $secret, array( 'kind' => 'response' ) + $message ) ) {
		return workos_login_server_failed( $path, sprintf( 'HTTP %d answer without a valid signature (check WORKOS_LOGIN_SECRET and both clocks).', $status ), $unavailable );
	}
	workos_login_note_config_verified();
	$outcome = workos_login_parse_outcome( $text, $types );
	if ( null === $outcome ) {
		return workos_login_server_failed( $path, sprintf( 'HTTP %d answer is not a valid Outcome.', $status ), $unavailable );
	}
	if ( ( $status < 200 || $status > 299 ) && 'error' !== $outcome['type'] ) {
		return workos_login_server_failed( $path, sprintf( 'HTTP %d answer carries a %s outcome.', $status, $outcome['type'] ), $unavailable );
	}

	workos_login_mark_server_reachable();
	workos_login_note_workos_health( $outcome );
	return $outcome;
}

/**
 * POSTs one signed request (a fresh request id) and records in the circuit breaker what it cost.
 *
 * @since 0.6.0
 *
 * @param string $path   Route under `/v1/`.
 * @param string $json   The body.
 * @param string $secret The secret to sign with.
 * @return array{0: array<string, mixed>|WP_Error, 1: array{kind: string, method: string, path: string, id: string}}
 *         WordPress's HTTP answer, and the signed message it answers.
 */
function workos_login_server_send( string $path, string $json, string $secret ): array {
	$message = array(
		'kind'   => 'request',
		'method' => 'POST',
		'path'   => '/v1/' . $path,
		'id'     => workos_login_new_request_id(),
	);
	$timeout = workos_login_server_timeout();
	$started = microtime( true );
	$reply   = wp_remote_post(
		workos_login_server_url() . $message['path'],
		array(
			'timeout'     => $timeout,
			'redirection' => 0,
			'headers'     => array(
				'Content-Type'                => 'application/json',
				'Accept'                      => 'application/json',
				WORKOS_LOGIN_SIGNATURE_HEADER => workos_login_sign( $json, $secret, $message ),
				WORKOS_LOGIN_BUDGET_HEADER    => (string) ( $timeout * 1000 ),
			),
			'body'        => $json,
		)
	);

	// A refused connection costs nothing; one that cost a timeout (connecting, or waiting for an
	// answer — also a balancer's late 504) opens the breaker.
	$elapsed = microtime( true ) - $started;
	workos_login_breaker_record( $elapsed >= 0.9 * $timeout || ( is_wp_error( $reply ) && $elapsed >= 0.9 * WORKOS_LOGIN_SERVER_CONNECT_TIMEOUT ) );
	return array( $reply, $message );
}

/**
 * Records a failed exchange: log line (no secrets, no bodies) and the admin notice's transient.
 *
 * @since 0.1.0
 *
 * @param string   $path        Route under `/v1/`.
 * @param string   $reason      What went wrong, in English for the log.
 * @param WP_Error $unavailable The error to return.
 * @return WP_Error `$unavailable`.
 */
function workos_login_server_failed( string $path, string $reason, WP_Error $unavailable ): WP_Error {
	workos_login_log( sprintf( 'login server /v1/%s failed: %s', $path, $reason ) );
	workos_login_mark_server_unreachable();
	return $unavailable;
}

/**
 * Writes one line to the PHP error log. Callers never pass secrets, passwords or tokens.
 *
 * @since 0.1.0
 *
 * @param string $message English text.
 */
function workos_login_log( string $message ): void {
	// phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_error_log -- operators need this line.
	error_log( 'WorkOS Login: ' . $message );
}
