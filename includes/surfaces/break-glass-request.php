<?php
/**
 * Which break-glass link a wp-login.php request carries (break-glass-link.php), and whether it
 * may be used now: genuine (an issued token of this site in its canonical form, or the secret of
 * the wp-config.php link), not expired, its user still here, not spent, attempts left. The spend
 * mark and the attempts counter live in the plugin's table, keyed by the link's id.
 *
 * @package WorkOS_Login
 * @since   0.3.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The raw token of this request: the query argument of the link, or the hidden field of its
 * form's POST. Null when there is none.
 *
 * @since 0.6.0
 */
function workos_login_break_glass_param(): ?string {
	// phpcs:ignore WordPress.Security.NonceVerification -- the token is the credential; core's form has no nonce.
	$source = workos_login_break_glass_is_post() ? $_POST : $_GET;
	if ( ! isset( $source[ WORKOS_LOGIN_BREAK_GLASS_ARG ] ) ) {
		return null;
	}
	// Checked against an exact pattern and a MAC; never sanitized into something else.
	return is_string( $source[ WORKOS_LOGIN_BREAK_GLASS_ARG ] ) ? wp_unslash( $source[ WORKOS_LOGIN_BREAK_GLASS_ARG ] ) : ''; // phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized
}

/**
 * Whether this request is a POST (the form sent), rather than the link opened.
 *
 * @since 0.6.0
 */
function workos_login_break_glass_is_post(): bool {
	return isset( $_SERVER['REQUEST_METHOD'] ) && 'POST' === $_SERVER['REQUEST_METHOD'];
}

/**
 * This request's break-glass link, checked (once per request). Null when the request carries
 * none or is not wp-login.php's sign-in.
 *
 * @since 0.6.0
 *
 * @return array{token: string, link: array{id: string, user_id: int, expires: int, issuer_id: int, via: string}|null, error: string}|null
 *         `error` '' when the link may be used now, else `invalid`, `config`, `expired`, `spent`,
 *         `locked` or `user`.
 */
function workos_login_break_glass_request(): ?array {
	static $checked = array();
	$token          = workos_login_break_glass_param();
	if ( null === $token || ! workos_login_is_wp_login_sign_in() ) {
		return null;
	}
	if ( ! array_key_exists( $token, $checked ) ) {
		$checked[ $token ] = workos_login_break_glass_check( $token );
	}
	return $checked[ $token ];
}

/**
 * Checks a token against the site, the clock, its user and the plugin's table.
 *
 * @since 0.6.0
 *
 * @param string $token The raw token.
 * @return array{token: string, link: array{id: string, user_id: int, expires: int, issuer_id: int, via: string}|null, error: string}
 */
function workos_login_break_glass_check( string $token ): array {
	$link  = null;
	$error = 'invalid';
	if ( str_starts_with( $token, 'bg1.' ) ) {
		$link  = workos_login_break_glass_decode( $token );
		$error = null === $link ? 'invalid' : '';
		if ( null !== $link && $link['expires'] - time() > WORKOS_LOGIN_BREAK_GLASS_MAX_MINUTES * MINUTE_IN_SECONDS ) {
			$error = 'invalid'; // Signed with our key, yet longer than any link we issue.
		}
	} elseif ( 1 === preg_match( WORKOS_LOGIN_BREAK_GLASS_SECRET_PATTERN, $token ) ) {
		$config = workos_login_break_glass_config();
		if ( $config['defined'] && hash_equals( $config['secret'], $token ) ) {
			$link  = $config['link'];
			$error = '' === $config['error'] ? '' : 'config';
			workos_login_break_glass_config_seen( $config );
		}
	}
	if ( '' === $error && null !== $link ) {
		$error = workos_login_break_glass_state_error( $link );
	}
	return array(
		'token' => $token,
		'link'  => $link,
		'error' => $error,
	);
}

/**
 * Why a genuine link cannot be used now ('' when it can).
 *
 * @since 0.6.0
 *
 * @param array{id: string, user_id: int, expires: int, issuer_id: int, via: string} $link The link.
 */
function workos_login_break_glass_state_error( array $link ): string {
	if ( $link['expires'] <= time() ) {
		return 'expired';
	}
	$user = get_userdata( $link['user_id'] );
	if ( ! $user || ! workos_login_break_glass_user_belongs( $user ) ) {
		return 'user';
	}
	// Read only to answer early; spending and counting are decided by their own statements.
	$rows = workos_login_limits_live( array( workos_login_break_glass_spent_key( $link ), workos_login_break_glass_tries_key( $link ) ) );
	if ( isset( $rows[ workos_login_break_glass_spent_key( $link ) ] ) ) {
		return 'spent';
	}
	$tries = $rows[ workos_login_break_glass_tries_key( $link ) ]['hits'] ?? 0;
	return $tries >= WORKOS_LOGIN_BREAK_GLASS_MAX_ATTEMPTS ? 'locked' : '';
}

/**
 * The one-time mark that spends a link, and the counter of its attempts (keyed by its id).
 *
 * @since 0.6.0
 *
 * @param array{id: string} $link The link.
 */
function workos_login_break_glass_spent_key( array $link ): string {
	return 'once:break-glass:' . $link['id'];
}

/**
 * See workos_login_break_glass_spent_key().
 *
 * @since 0.6.0
 *
 * @param array{id: string} $link The link.
 */
function workos_login_break_glass_tries_key( array $link ): string {
	return 'break-glass:tries:' . $link['id'];
}

/**
 * Seconds the mark and the counter of a link must last: longer than the link.
 *
 * @since 0.6.0
 *
 * @param array{expires: int} $link The link.
 */
function workos_login_break_glass_mark_ttl( array $link ): int {
	return max( 1, $link['expires'] - time() ) + HOUR_IN_SECONDS;
}

/**
 * Whether this request may use WordPress's own form through its link: valid now, and a POST
 * names the link's user.
 *
 * @since 0.6.0
 *
 * @param array{token: string, link: array<string, mixed>|null, error: string} $request From workos_login_break_glass_request().
 */
function workos_login_break_glass_request_usable( array $request ): bool {
	if ( '' !== $request['error'] || null === $request['link'] ) {
		return false;
	}
	$user = get_userdata( $request['link']['user_id'] );
	// phpcs:ignore WordPress.Security.NonceVerification.Missing, WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- compared only; the token is the credential.
	$posted = isset( $_POST['log'] ) && is_string( $_POST['log'] ) ? wp_unslash( $_POST['log'] ) : null;
	return $user && ( null === $posted || $posted === $user->user_login );
}
