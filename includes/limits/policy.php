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
 * Counts a request against its buckets.
 *
 * Every bucket is counted (an attacker rotating emails still spends the IP's budget).
 *
 * @since 0.4.0
 *
 * @param array<string, array{max: int, window: int}> $buckets From workos_login_rate_buckets().
 * @return int|null Seconds to wait when a limit is exceeded, else null.
 */
function workos_login_rate_limit( array $buckets ): ?int {
	$retry_after = null;
	foreach ( $buckets as $key => $limit ) {
		$max = (int) ( $limit['max'] ?? 0 );
		if ( $max <= 0 ) {
			continue;
		}
		$count = workos_login_limits_hit( (string) $key, (int) ( $limit['window'] ?? 60 ) );
		if ( null !== $count && $count['hits'] > $max ) {
			$retry_after = max( (int) $retry_after, $count['reset_in'] );
		}
	}
	return $retry_after;
}
