<?php
/**
 * What is rate-limited, and how much: per IP per route, per email per method, per flow token.
 *
 * Per-email limits are kept per method (password, magic code, reset, sign-up) so flooding one
 * cannot lock a victim out of the others, and SSO, social sign-in and passkeys have none at all.
 * Every request counts, successful or not: counting is one atomic statement before the login
 * server is asked, so parallel requests cannot slip through between a check and a write.
 *
 * @package WorkOS_Login
 * @since   0.4.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** Seconds a visitor is asked to wait when the database refused a write. */
const WORKOS_LOGIN_DATABASE_RETRY_AFTER = 30;

/**
 * The limits: `max` requests per `window` seconds, for each bucket kind.
 *
 * @since 0.4.0
 *
 * @return array{ip: array{max: int, window: int}, callback: array{max: int, window: int}, flow: array{max: int, window: int}, email: array<string, array{max: int, window: int}>}
 */
function workos_login_rate_limits(): array {
	$limits = array(
		// Each browser route, per client IP (offices share one address: generous).
		'ip'       => array(
			'max'    => 60,
			'window' => 10 * MINUTE_IN_SECONDS,
		),
		// GET /workos/callback and the AuthKit profile redirect, per client IP.
		'callback' => array(
			'max'    => 30,
			'window' => 10 * MINUTE_IN_SECONDS,
		),
		// Requests carrying the same flow token (wrong codes, factor switching).
		'flow'     => array(
			'max'    => 10,
			'window' => 15 * MINUTE_IN_SECONDS,
		),
		// Per email address, per method.
		'email'    => array(
			'password'   => array(
				'max'    => 10,
				'window' => 15 * MINUTE_IN_SECONDS,
			),
			'magic_code' => array(
				'max'    => 5,
				'window' => 15 * MINUTE_IN_SECONDS,
			),
			'reset'      => array(
				'max'    => 3,
				'window' => 15 * MINUTE_IN_SECONDS,
			),
			'signup'     => array(
				'max'    => 5,
				'window' => HOUR_IN_SECONDS,
			),
		),
	);
	/**
	 * Filters the sign-in rate limits. A `max` of 0 or less turns that limit off.
	 *
	 * @since 0.4.0
	 *
	 * @param array $limits `ip`, `callback`, `flow`: `{max, window}`; `email`: method → `{max, window}`
	 *                      for `password`, `magic_code`, `reset`, `signup`.
	 */
	$filtered = apply_filters( 'workos_login_rate_limits', $limits );
	return is_array( $filtered ) ? array_replace_recursive( $limits, $filtered ) : $limits;
}

/**
 * The buckets a request counts against.
 *
 * @since 0.4.0
 *
 * @param string      $route  Browser route (or `callback`, `authkit`).
 * @param string      $email  The email of the request ('' for none), for `$method`.
 * @param string      $method `password`, `magic_code`, `reset` or `signup`; '' for no email limit.
 * @param string|null $flow   The request's flow token, if any.
 * @return array<string, array{max: int, window: int}> Key → limit.
 */
function workos_login_rate_buckets( string $route, string $email = '', string $method = '', ?string $flow = null ): array {
	$limits  = workos_login_rate_limits();
	$ip      = workos_login_client_ip();
	$ip_kind = in_array( $route, array( 'callback', 'authkit' ), true ) ? 'callback' : 'ip';
	$buckets = array( 'ip:' . $route . ':' . ( '' !== $ip ? $ip : 'unknown' ) => $limits[ $ip_kind ] );
	if ( '' !== $email && isset( $limits['email'][ $method ] ) ) {
		$buckets[ 'email:' . $method . ':' . strtolower( trim( $email ) ) ] = $limits['email'][ $method ];
	}
	if ( null !== $flow && '' !== $flow ) {
		$buckets[ 'flow:' . hash( 'sha256', $flow ) ] = $limits['flow'];
	}
	return $buckets;
}

/**
 * Counts a request against its buckets, in order (the address first).
 *
 * A request under every limit counts in every bucket (an attacker rotating emails still spends
 * the address's budget). The first bucket that refuses ends the count: a refused request spends
 * no other budget and changes no row, so a flood of refused requests costs the database nothing
 * (and is audited once per bucket and window, workos_login_rate_refusal_repeated()). When the
 * table cannot be written the request is refused: a limit never fails open.
 *
 * @since 0.4.0
 * @since 0.6.0 Returns the refusal (`rate_limited` or `database_unavailable`), not seconds; stops
 *              at the first refusing bucket.
 *
 * @param array<string, array{max: int, window: int}> $buckets From workos_login_rate_buckets().
 * @return array{code: string, status: int, retry_after: int}|null The refusal, or null to go on.
 */
function workos_login_rate_limit( array $buckets ): ?array {
	$maxima = array();
	foreach ( $buckets as $key => $limit ) {
		if ( (int) ( $limit['max'] ?? 0 ) > 0 ) {
			$maxima[ (string) $key ] = (int) $limit['max'];
		}
	}
	// A counter already full refuses before any is counted.
	$full = workos_login_limits_full( $maxima );
	if ( null !== $full ) {
		return workos_login_rate_refusal( $full['key'], $full['reset_in'] );
	}
	foreach ( $maxima as $key => $max ) {
		$taken = workos_login_limits_take( $key, $max, (int) ( $buckets[ $key ]['window'] ?? 60 ) );
		if ( null === $taken ) {
			return workos_login_database_refusal();
		}
		if ( ! $taken['allowed'] ) {
			return workos_login_rate_refusal( $key, $taken['reset_in'] );
		}
	}
	return null;
}

/**
 * A `rate_limited` refusal by one counter; the first of its window is audited, the rest are not.
 *
 * @since 0.6.0
 *
 * @param string $key      The refusing counter.
 * @param int    $reset_in Seconds until it resets.
 * @return array{code: string, status: int, retry_after: int}
 */
function workos_login_rate_refusal( string $key, int $reset_in ): array {
	$first = workos_login_limits_mark( 'refused:' . hash( 'sha256', $key ), max( 1, $reset_in ) );
	workos_login_rate_refusal_repeated( true !== $first );
	return array(
		'code'        => 'rate_limited',
		'status'      => 429,
		'retry_after' => $reset_in,
	);
}

/**
 * Whether this request's `rate_limited` refusal repeats one already audited in the same bucket
 * and window (the audit log then records nothing: a flood must not fill it).
 *
 * @since 0.6.0
 *
 * @param bool|null $set A value to remember, null to read.
 */
function workos_login_rate_refusal_repeated( ?bool $set = null ): bool {
	static $repeated = false;
	if ( null !== $set ) {
		$repeated = $set;
	}
	return $repeated;
}

/**
 * Gives the per-email budget back: the request never reached a verdict about the visitor's
 * credentials (WorkOS was unavailable or rate-limited the site), so it must not count towards
 * locking that email out.
 *
 * @since 0.6.0
 *
 * @param array<string, array{max: int, window: int}> $buckets From workos_login_rate_buckets().
 */
function workos_login_rate_give_back( array $buckets ): void {
	foreach ( array_keys( $buckets ) as $key ) {
		if ( str_starts_with( (string) $key, 'email:' ) ) {
			workos_login_limits_give_back( (string) $key );
		}
	}
}

/**
 * The refusal of a request the database could not record (locked, read-only, gone): the visitor
 * is asked to try again, nothing is let through uncounted.
 *
 * @since 0.6.0
 *
 * @return array{code: string, status: int, retry_after: int}
 */
function workos_login_database_refusal(): array {
	return array(
		'code'        => 'database_unavailable',
		'status'      => 503,
		'retry_after' => WORKOS_LOGIN_DATABASE_RETRY_AFTER,
	);
}

/**
 * Whether an answer said nothing about the visitor's credentials: the login server or WorkOS
 * was unavailable, or WorkOS rate-limited the whole site. Such requests give their per-email
 * budget back (an outage must not lock anyone out).
 *
 * @since 0.6.0
 *
 * @param array<string, mixed>|WP_Error $outcome From workos_login_server_request().
 */
function workos_login_outcome_spares_budget( array|WP_Error $outcome ): bool {
	if ( is_wp_error( $outcome ) ) {
		return true;
	}
	return 'error' === $outcome['type'] && in_array( $outcome['code'], array( 'server_unavailable', 'workos_unavailable', 'rate_limited' ), true );
}
