<?php
/**
 * HMAC signatures on messages between WordPress and the login server (ARCHITECTURE rule 2).
 *
 * Header `X-WorkOS-Login-Signature: t=<unix ms>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`, the
 * same in both directions; a signature older or newer than the tolerance is refused, which bounds
 * replays.
 *
 * @package WorkOS_Login
 * @since   0.1.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** Header carrying the signature (protocol `SERVER_HEADERS.signature`). */
const WORKOS_LOGIN_SIGNATURE_HEADER = 'X-WorkOS-Login-Signature';

/** Header telling the login server how long WordPress waits, in ms (protocol `SERVER_HEADERS.budget`). */
const WORKOS_LOGIN_BUDGET_HEADER = 'X-WorkOS-Login-Budget';

/** Accepted clock difference, in milliseconds (protocol `SIGNATURE_TOLERANCE_MS`). */
const WORKOS_LOGIN_SIGNATURE_TOLERANCE_MS = 60000;

/**
 * The current time in Unix milliseconds.
 *
 * @since 0.1.0
 */
function workos_login_now_ms(): int {
	return (int) floor( microtime( true ) * 1000 );
}

/**
 * Signs a message body.
 *
 * @since 0.1.0
 *
 * @param string   $body   Exact bytes sent.
 * @param string   $secret Shared secret.
 * @param int|null $t      Timestamp in Unix ms; now when null.
 * @return string The header value, `t=<ms>,v1=<hex>`.
 */
function workos_login_sign( string $body, string $secret, ?int $t = null ): string {
	$t = $t ?? workos_login_now_ms();
	return 't=' . $t . ',v1=' . hash_hmac( 'sha256', $t . '.' . $body, $secret );
}

/**
 * Checks a signature header against a body.
 *
 * @since 0.1.0
 *
 * @param string $header Header value as received.
 * @param string $body   Exact bytes received.
 * @param string $secret Shared secret.
 * @return bool True when well formed, fresh and matching.
 */
function workos_login_verify_signature( string $header, string $body, string $secret ): bool {
	$parts = array();
	foreach ( explode( ',', $header ) as $pair ) {
		$kv = explode( '=', trim( $pair ), 2 );
		if ( 2 === count( $kv ) ) {
			$parts[ $kv[0] ] = $kv[1];
		}
	}
	if ( ! isset( $parts['t'], $parts['v1'] ) || ! ctype_digit( $parts['t'] ) || strlen( $parts['t'] ) > 15 ) {
		return false;
	}
	$t = (int) $parts['t'];
	if ( abs( workos_login_now_ms() - $t ) > WORKOS_LOGIN_SIGNATURE_TOLERANCE_MS ) {
		return false;
	}
	// Sign the timestamp exactly as received: it is part of the signed bytes.
	$expected = hash_hmac( 'sha256', $parts['t'] . '.' . $body, $secret );
	return hash_equals( $expected, strtolower( $parts['v1'] ) );
}
