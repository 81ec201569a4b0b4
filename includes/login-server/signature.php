<?php
/**
 * HMAC signatures on messages between WordPress and the login server (ARCHITECTURE rule 2).
 *
 * Header `X-WorkOS-Login-Signature: t=<unix ms>,id=<request id>,v2=<hex HMAC-SHA256(secret, S)>`
 * where S = `<t> LF <request|response> LF <METHOD> LF <path> LF <request id> LF <body>` (the same
 * scheme as server/signature.ts). A signature binds what the message is for: a signed body sent to
 * one route does not verify at another, and an answer is accepted only when signed over the id,
 * method and path of the request it answers. A signature older or newer than the tolerance is
 * refused, which bounds replays.
 *
 * @package WorkOS_Login
 * @since   0.1.0
 * @since   0.6.0 Binds direction, method, path and request id (`v2`).
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The current time in Unix milliseconds.
 *
 * @since 0.1.0
 */
function workos_login_now_ms(): int {
	return (int) floor( microtime( true ) * 1000 );
}

/**
 * A fresh request id: 32 hex digits.
 *
 * @since 0.6.0
 */
function workos_login_new_request_id(): string {
	return bin2hex( random_bytes( 16 ) );
}

/**
 * The string a signature covers.
 *
 * @since 0.6.0
 *
 * @param string                                                                      $t       Timestamp, as sent.
 * @param array{kind: 'request'|'response', method: string, path: string, id: string} $message What the message is for.
 * @param string                                                                      $body    Exact bytes.
 */
function workos_login_signed_string( string $t, array $message, string $body ): string {
	return implode( "\n", array( $t, $message['kind'], strtoupper( $message['method'] ), $message['path'], $message['id'], $body ) );
}

/**
 * Signs a message.
 *
 * @since 0.1.0
 * @since 0.6.0 `$message`: direction, method, path (`/v1/<route>`) and request id.
 *
 * @param string                                                                      $body    Exact bytes sent.
 * @param string                                                                      $secret  Shared secret.
 * @param array{kind: 'request'|'response', method: string, path: string, id: string} $message What the message is for.
 * @param int|null                                                                    $t       Timestamp in Unix ms; now when null.
 * @return string The header value, `t=<ms>,id=<id>,v2=<hex>`.
 */
function workos_login_sign( string $body, string $secret, array $message, ?int $t = null ): string {
	$t = (string) ( $t ?? workos_login_now_ms() );
	return 't=' . $t . ',id=' . $message['id'] . ',v2=' . hash_hmac( 'sha256', workos_login_signed_string( $t, $message, $body ), $secret );
}

/**
 * Checks a signature header against a message.
 *
 * @since 0.1.0
 * @since 0.6.0 `$message`: the header must name `$message['id']` and be signed over it.
 *
 * @param string                                                                      $header  Header value as received.
 * @param string                                                                      $body    Exact bytes received.
 * @param string                                                                      $secret  Shared secret.
 * @param array{kind: 'request'|'response', method: string, path: string, id: string} $message What the message must be.
 * @return bool True when well formed, fresh, for this message and matching.
 */
function workos_login_verify_signature( string $header, string $body, string $secret, array $message ): bool {
	$parts = array();
	foreach ( explode( ',', $header ) as $pair ) {
		$kv = explode( '=', trim( $pair ), 2 );
		if ( 2 === count( $kv ) ) {
			$parts[ $kv[0] ] = $kv[1];
		}
	}
	if ( ! isset( $parts['t'], $parts['id'], $parts['v2'] ) || ! ctype_digit( $parts['t'] ) || strlen( $parts['t'] ) > 15 ) {
		return false;
	}
	if ( ! hash_equals( $message['id'], $parts['id'] ) ) {
		return false;
	}
	$t = (int) $parts['t'];
	if ( abs( workos_login_now_ms() - $t ) > WORKOS_LOGIN_SIGNATURE_TOLERANCE_MS ) {
		return false;
	}
	// Sign the timestamp exactly as received: it is part of the signed bytes.
	$expected = hash_hmac( 'sha256', workos_login_signed_string( $parts['t'], $message, $body ), $secret );
	return hash_equals( $expected, strtolower( $parts['v2'] ) );
}
