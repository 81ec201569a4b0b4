<?php
/**
 * Time budgets towards the login server, and the circuit breaker every PHP worker shares
 * (ARCHITECTURE rule 8).
 *
 * WordPress waits at most `workos_login_server_timeout()` seconds for an answer (2 s to connect)
 * and tells the server so (`X-WorkOS-Login-Budget`); the server keeps its own work, WorkOS's
 * included, inside a shorter budget, so it never completes a step WordPress has abandoned.
 *
 * A login server that hangs would otherwise hold every PHP worker for a whole timeout per
 * visitor. After a request that cost a timeout the breaker opens: for
 * WORKOS_LOGIN_BREAKER_OPEN_SECONDS every request fails at once (503, Retry-After); then one
 * request at a time probes the server, and the first answer closes the breaker. Its state is a
 * few marks in the limits table, so every worker on every node sees the same breaker. It only
 * decides how long visitors wait, never who may sign in.
 *
 * @package WorkOS_Login
 * @since   0.6.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** Seconds WordPress waits to connect to the login server. */
const WORKOS_LOGIN_SERVER_CONNECT_TIMEOUT = 2;

/** Seconds the breaker stays open after a timeout. */
const WORKOS_LOGIN_BREAKER_OPEN_SECONDS = 30;

/** Seconds after a timeout during which requests go one at a time (half-open). */
const WORKOS_LOGIN_BREAKER_PROBE_WINDOW = 10 * MINUTE_IN_SECONDS;

/**
 * The total time WordPress waits for the login server, in seconds: 10 by default, and always
 * well below PHP's own limit.
 *
 * @since 0.6.0
 */
function workos_login_server_timeout(): int {
	/**
	 * Filters how long WordPress waits for the login server (seconds, 3–60). The server's own
	 * budget is shorter (it is told this one), so raise it only with the server's
	 * `WORKOS_LOGIN_STEP_BUDGET_MS`.
	 *
	 * @since 0.6.0
	 *
	 * @param int $seconds Default 10.
	 */
	$seconds = (int) apply_filters( 'workos_login_server_timeout', 10 );
	$limit   = (int) ini_get( 'max_execution_time' );
	if ( $limit > 0 ) {
		$seconds = min( $seconds, $limit - 5 );
	}
	return max( 3, min( 60, $seconds ) );
}

/**
 * The breaker's verdict before a request: go, or fail now.
 *
 * @since 0.6.0
 *
 * @return int|null Null to send the request; else seconds until the server will be tried again.
 */
function workos_login_breaker_check(): ?int {
	$marks = workos_login_limits_marked_any( array( 'breaker:open', 'breaker:recent' ) );
	if ( isset( $marks['breaker:open'] ) ) {
		return max( 1, $marks['breaker:open'] - time() );
	}
	if ( ! isset( $marks['breaker:recent'] ) ) {
		return null;
	}
	// Half-open: one request probes, the others wait for its answer instead of each waiting a timeout.
	if ( true !== workos_login_limits_mark( 'breaker:probe', workos_login_server_timeout() + 2 ) ) {
		return 1;
	}
	workos_login_breaker_probing( true );
	return null;
}

/**
 * Whether this request is the breaker's probe.
 *
 * @since 0.6.0
 *
 * @param bool|null $set True when it becomes the probe; null to read.
 */
function workos_login_breaker_probing( ?bool $set = null ): bool {
	static $probing = false;
	if ( null !== $set ) {
		$probing = $set;
	}
	return $probing;
}

/**
 * Records how a request ended for the breaker.
 *
 * @since 0.6.0
 *
 * @param bool $timed_out Whether it cost a timeout (connecting or waiting for the answer).
 */
function workos_login_breaker_record( bool $timed_out ): void {
	$probing = workos_login_breaker_probing();
	workos_login_breaker_probing( false );
	if ( $timed_out ) {
		/**
		 * Filters how long requests fail at once after the login server cost a timeout (seconds).
		 *
		 * @since 0.6.0
		 *
		 * @param int $seconds Default 30.
		 */
		$open = max( 1, (int) apply_filters( 'workos_login_breaker_open_seconds', WORKOS_LOGIN_BREAKER_OPEN_SECONDS ) );
		workos_login_limits_unmark( 'breaker:open' );
		workos_login_limits_mark( 'breaker:open', $open );
		workos_login_limits_unmark( 'breaker:recent' );
		workos_login_limits_mark( 'breaker:recent', WORKOS_LOGIN_BREAKER_PROBE_WINDOW );
		workos_login_limits_unmark( 'breaker:probe' );
		workos_login_log( sprintf( 'the login server did not answer in time: failing fast for %d s (circuit breaker open).', $open ) );
		return;
	}
	if ( $probing ) {
		// The probe was answered: the server is back, everyone may go again.
		workos_login_limits_unmark( 'breaker:recent' );
		workos_login_limits_unmark( 'breaker:probe' );
	}
}

/**
 * Sets the connect timeout on cURL requests to the login server (WordPress's HTTP API has no
 * argument for it).
 *
 * @since 0.6.0
 *
 * @param resource|\CurlHandle $handle The cURL handle.
 * @param array<string, mixed> $args   Request arguments.
 * @param string               $url    Request URL.
 */
function workos_login_server_connect_timeout( $handle, $args, $url ): void {
	$base = workos_login_server_url();
	if ( '' !== $base && is_string( $url ) && str_starts_with( $url, $base . '/' ) ) {
		curl_setopt( $handle, CURLOPT_CONNECTTIMEOUT_MS, WORKOS_LOGIN_SERVER_CONNECT_TIMEOUT * 1000 ); // phpcs:ignore WordPress.WP.AlternativeFunctions.curl_curl_setopt -- WordPress offers no connect timeout.
	}
}
add_action( 'http_api_curl', 'workos_login_server_connect_timeout', 10, 3 );
