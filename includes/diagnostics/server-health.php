<?php
/**
 * One `POST /v1/admin/health` exchange per page load, shared by the tests that need the login
 * server (reachable, WorkOS credentials, site organization, clock).
 *
 * When the signed exchange fails, an unsigned `GET /healthz` tells "not running / not reachable"
 * apart from "answers, but the signed exchange failed" (wrong secret, clocks, an older server),
 * and its `Date` header still gives the server's clock to the second.
 *
 * @package WorkOS_Login
 * @since   0.3.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The login server's health, asked once per request (`$refresh` asks again).
 *
 * @since 0.3.0
 *
 * @param bool $refresh Forget the answer of this request and ask again.
 * @return array{health: array{type: 'health', server_time: int, workos: array{ok: bool, error: string|null, api_host: string, api_key_last4: string|null, client_id: string|null}, organization: array{status: string, id: string|null, name: string|null}}|null, error: array{code: string, status: int}|null, reachable: bool, signed: bool, started: float, finished: float, server_date: int|null}
 *         `health`: the outcome when the server answered one; `error`: a signed error outcome's
 *         code; `reachable`: anything answered; `signed`: a correctly signed answer came back;
 *         `started`/`finished`: WordPress's clock around the exchange (Unix seconds, float);
 *         `server_date`: the `/healthz` `Date` header (Unix seconds) when the signed exchange failed.
 */
function workos_login_diagnostics_health( bool $refresh = false ): array {
	static $cached = null;
	if ( null !== $cached && ! $refresh ) {
		return $cached;
	}

	$result  = array(
		'health'      => null,
		'error'       => null,
		'reachable'   => false,
		'signed'      => false,
		'started'     => microtime( true ),
		'finished'    => 0.0,
		'server_date' => null,
	);
	$outcome = workos_login_server_request(
		'admin/health',
		array( 'input' => array( 'organization_id' => workos_login_site_organization_id() ) ),
		array( 'health' )
	);

	$result['finished'] = microtime( true );

	if ( is_wp_error( $outcome ) ) {
		$probe = workos_login_diagnostics_probe();
		if ( null !== $probe ) {
			$result['reachable']   = true;
			$result['started']     = $probe['started'];
			$result['finished']    = $probe['finished'];
			$result['server_date'] = $probe['date'];
		}
	} else {
		$result['reachable'] = true;
		$result['signed']    = true;
		if ( 'error' === $outcome['type'] ) {
			$result['error'] = array(
				'code'   => (string) $outcome['code'],
				'status' => (int) $outcome['status'],
			);
		} else {
			// Already checked against the contract by workos_login_parse_outcome().
			$result['health'] = $outcome;
		}
	}

	$cached = $result;
	return $cached;
}

/**
 * `GET <server>/healthz`, unsigned: does anything answer at the configured address?
 *
 * @since 0.3.0
 *
 * @return array{started: float, finished: float, date: int|null}|null Null when nothing answered
 *         (or the address is not configured).
 */
function workos_login_diagnostics_probe(): ?array {
	$url = workos_login_server_url();
	if ( ! workos_login_is_server_url( $url ) ) {
		return null;
	}
	$started  = microtime( true );
	$reply    = wp_remote_get(
		$url . '/healthz',
		array(
			'timeout'     => 5,
			'redirection' => 0,
		)
	);
	$finished = microtime( true );
	if ( is_wp_error( $reply ) ) {
		return null;
	}
	$date = strtotime( (string) wp_remote_retrieve_header( $reply, 'date' ) );
	return array(
		'started'  => $started,
		'finished' => $finished,
		'date'     => false === $date ? null : $date,
	);
}

/**
 * The difference between the login server's clock and WordPress's, from the last exchange:
 * the server's time against the midpoint of the round trip.
 *
 * @since 0.3.0
 *
 * @param array{health: array{server_time: int}|null, started: float, finished: float, server_date: int|null} $health workos_login_diagnostics_health().
 * @return array{skew: float, uncertainty: float}|null Seconds (server minus WordPress; at least
 *         `|skew| - uncertainty` apart); null when the server's clock is unknown.
 */
function workos_login_diagnostics_clock_skew( array $health ): ?array {
	$midpoint = ( $health['started'] + $health['finished'] ) / 2;
	$half_rtt = max( 0.0, ( $health['finished'] - $health['started'] ) / 2 );
	if ( null !== $health['health'] ) {
		return array(
			'skew'        => $health['health']['server_time'] / 1000 - $midpoint,
			'uncertainty' => $half_rtt,
		);
	}
	if ( null !== $health['server_date'] ) {
		// An HTTP date has whole seconds: the server's clock lies in [date, date + 1).
		return array(
			'skew'        => $health['server_date'] + 0.5 - $midpoint,
			'uncertainty' => $half_rtt + 0.5,
		);
	}
	return null;
}
