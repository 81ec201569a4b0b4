<?php
/**
 * The password reset email (from a `reset_token` outcome): WordPress sends it itself, in the
 * site's language, linking to the profile's own sign-in page with `?reset_token=`.
 *
 * It is sent after the answer has left, so the time a mail server takes cannot tell an existing
 * account from an unknown one: PHP-FPM and LiteSpeed finish the request early; elsewhere (`php -S`,
 * mod_php) the answer is written whole with its `Content-Length` and flushed first, which ends it
 * for the browser.
 *
 * @package WorkOS_Login
 * @since   0.4.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Queues the reset email of an outcome (nothing when WorkOS knows no such user).
 *
 * @since 0.4.0
 *
 * @param string                                                            $profile_slug The profile the reset was asked on.
 * @param array{email: string, token: string|null, expires_at: string|null} $outcome A `reset_token` outcome.
 */
function workos_login_queue_reset_email( string $profile_slug, array $outcome ): void {
	if ( null === $outcome['token'] ) {
		return;
	}
	$send = static function () use ( $profile_slug, $outcome ): void {
		if ( function_exists( 'fastcgi_finish_request' ) ) {
			fastcgi_finish_request();
		} elseif ( function_exists( 'litespeed_finish_request' ) ) {
			litespeed_finish_request();
		}
		workos_login_send_reset_email( $profile_slug, $outcome['email'], (string) $outcome['token'], $outcome['expires_at'] );
	};
	add_action( 'shutdown', $send, PHP_INT_MAX );
	if ( ! function_exists( 'fastcgi_finish_request' ) && ! function_exists( 'litespeed_finish_request' ) ) {
		add_filter( 'rest_pre_serve_request', 'workos_login_serve_answer_first', 10, 4 );
	}
}

/**
 * Writes a REST answer whole, with its length, and flushes it: the browser has its answer before
 * the work queued for `shutdown` starts. Left to core when output is compressed or passes through
 * someone's output handler (the length would be wrong), or for HEAD.
 *
 * @since 0.6.0
 *
 * @param bool             $served  Whether someone served it already.
 * @param WP_HTTP_Response $result  The answer.
 * @param WP_REST_Request  $request The request.
 * @param WP_REST_Server   $server  The server.
 */
function workos_login_serve_answer_first( $served, $result, $request, $server ): bool {
	if ( $served || ! $result instanceof WP_REST_Response || 'HEAD' === $request->get_method() || headers_sent()
		|| ini_get( 'zlib.output_compression' ) ) {
		return (bool) $served;
	}
	// Plain buffers only (`output_buffering`, which `php -S` sets): their content goes first.
	foreach ( ob_get_status( true ) as $buffer ) {
		if ( 'default output handler' !== $buffer['name'] || ! ( $buffer['flags'] & PHP_OUTPUT_HANDLER_REMOVABLE ) ) {
			return false;
		}
	}
	$body = wp_json_encode( $server->response_to_data( $result, false ) );
	if ( false === $body ) {
		return false;
	}
	while ( ob_get_level() > 0 ) {
		$body = (string) ob_get_clean() . $body;
	}
	ignore_user_abort( true ); // The browser may leave once it has the answer; the queued work goes on.
	header( 'Content-Length: ' . strlen( $body ) );
	header( 'Connection: close' );
	echo $body; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- JSON, as core echoes it.
	flush();
	return true;
}

/**
 * Sends the reset email now.
 *
 * @since 0.4.0
 *
 * @param string      $profile_slug Profile slug.
 * @param string      $email        Recipient.
 * @param string      $token        WorkOS password reset token.
 * @param string|null $expires_at   ISO time the token stops working.
 * @return bool Whether wp_mail() accepted it.
 */
function workos_login_send_reset_email( string $profile_slug, string $email, string $token, ?string $expires_at ): bool {
	$site    = wp_specialchars_decode( get_bloginfo( 'name' ), ENT_QUOTES );
	$link    = workos_login_profile_url( $profile_slug, array( 'reset_token' => $token ) );
	$expires = null === $expires_at ? false : strtotime( $expires_at );

	/* translators: %s: the site's name. */
	$subject = sprintf( __( '[%s] Reset your password', 'workos-login' ), $site );
	$lines   = array(
		/* translators: 1: an email address, 2: the site's name. */
		sprintf( __( 'Someone asked to reset the password of %1$s on %2$s.', 'workos-login' ), $email, $site ),
		'',
		__( 'To choose a new password, open this link:', 'workos-login' ),
		$link,
		'',
	);
	if ( false !== $expires ) {
		/* translators: %s: a date and time. */
		$lines[] = sprintf( __( 'The link works until %s.', 'workos-login' ), wp_date( get_option( 'date_format' ) . ' ' . get_option( 'time_format' ), $expires ) );
		$lines[] = '';
	}
	$lines[] = __( 'If you did not ask for this, ignore this email: your password stays the same.', 'workos-login' );

	/**
	 * Filters the password reset email before it is sent.
	 *
	 * @since 0.4.0
	 *
	 * @param array{to: string, subject: string, message: string} $mail    The email.
	 * @param string                                               $link    The reset link (contains the token).
	 * @param string                                               $profile The profile slug.
	 */
	$mail = (array) apply_filters(
		'workos_login_reset_email',
		array(
			'to'      => $email,
			'subject' => $subject,
			'message' => implode( "\n", $lines ) . "\n",
		),
		$link,
		$profile_slug
	);
	$sent = wp_mail( (string) ( $mail['to'] ?? $email ), (string) ( $mail['subject'] ?? $subject ), (string) ( $mail['message'] ?? '' ) );
	if ( ! $sent ) {
		workos_login_log( 'the password reset email could not be sent (wp_mail failed).' );
	}
	return $sent;
}
