<?php
/**
 * Break-glass links (ARCHITECTURE rule 10: emergency access is a signed, single-use link, never a
 * public switch): `wp-login.php?workos-break-glass=<token>` opens WordPress's own form for ONE
 * user, once, for a short time.
 *
 * A link issued on WorkOS → Emergency access or with WP-CLI is
 *
 *     bg1.<id>.<user id>.<expires>.<issuer id>.<via>.<mac>
 *
 * `id` 32 lowercase hex digits (random), `expires` Unix time, `via` `screen` or `cli`, `mac` the
 * HMAC-SHA256 (lowercase hex) of the site and every field before it, keyed by a key derived from
 * WordPress's `auth` salt: no new secret to manage, and changing the salts (which also ends every
 * session) voids every link. Nothing is stored when a link is issued; its use is spent in the
 * plugin's table by its id (limits/store.php, one atomic statement). Only the canonical form is
 * accepted (ARCHITECTURE rule 11): numbers without leading zeros, lowercase hex, nothing before or
 * after — and the token must encode back to itself.
 *
 * A site owner locked out with only file access defines, in wp-config.php,
 *
 *     define( 'WORKOS_LOGIN_BREAK_GLASS', 'user_login|2026-12-07T18:00Z|<secret of 32–128 of A-Z a-z 0-9 _ ->' );
 *
 * and opens `wp-login.php?workos-break-glass=<secret>`: once, for that user, until that time (UTC),
 * and only within the 24 hours before it. Its id is derived from the whole value.
 *
 * @package WorkOS_Login
 * @since   0.3.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** The query argument (and hidden form field) carrying the token. */
const WORKOS_LOGIN_BREAK_GLASS_ARG = 'workos-break-glass';

/** Minutes a link lasts unless the issuer chose otherwise, and the most it may last. */
const WORKOS_LOGIN_BREAK_GLASS_DEFAULT_MINUTES = 15;
const WORKOS_LOGIN_BREAK_GLASS_MAX_MINUTES     = 60;

/** How far ahead the wp-config.php link's time may be: it is short-lived. */
const WORKOS_LOGIN_BREAK_GLASS_CONFIG_MAX_AHEAD = DAY_IN_SECONDS;

/** Password attempts one link allows (the successful one included). */
const WORKOS_LOGIN_BREAK_GLASS_MAX_ATTEMPTS = 5;

/** The canonical shape of an issued token. */
const WORKOS_LOGIN_BREAK_GLASS_PATTERN = '/^bg1\.([0-9a-f]{32})\.([1-9][0-9]{0,18})\.([1-9][0-9]{0,18})\.(0|[1-9][0-9]{0,18})\.(screen|cli)\.([0-9a-f]{64})$/D';

/** The shape of the wp-config.php secret (as it appears in the link). */
const WORKOS_LOGIN_BREAK_GLASS_SECRET_PATTERN = '/^[A-Za-z0-9_-]{32,128}$/D';

/**
 * The signing key: derived from WordPress's `auth` salt, for this purpose only.
 *
 * @since 0.6.0
 */
function workos_login_break_glass_key(): string {
	return hash_hmac( 'sha256', 'workos-login|break-glass|v1', wp_salt( 'auth' ), true );
}

/**
 * The token of a link.
 *
 * @since 0.6.0
 *
 * @param array{id: string, user_id: int, expires: int, issuer_id: int, via: string} $link The link.
 */
function workos_login_break_glass_encode( array $link ): string {
	$body = sprintf( 'bg1.%s.%d.%d.%d.%s', $link['id'], $link['user_id'], $link['expires'], $link['issuer_id'], $link['via'] );
	// The site is signed, not carried: a link of one site of a network opens no other.
	$mac = hash_hmac( 'sha256', get_current_blog_id() . '|' . $body, workos_login_break_glass_key() );
	return $body . '.' . $mac;
}

/**
 * The link a token stands for, when it is an issued token of this site in its canonical form
 * and its signature holds. Says nothing about expiry or use.
 *
 * @since 0.6.0
 *
 * @param string $token What the request carried.
 * @return array{id: string, user_id: int, expires: int, issuer_id: int, via: string}|null
 */
function workos_login_break_glass_decode( string $token ): ?array {
	if ( strlen( $token ) > 200 || 1 !== preg_match( WORKOS_LOGIN_BREAK_GLASS_PATTERN, $token, $m ) ) {
		return null;
	}
	$link = array(
		'id'        => $m[1],
		'user_id'   => (int) $m[2],
		'expires'   => (int) $m[3],
		'issuer_id' => (int) $m[4],
		'via'       => $m[5],
	);
	// One identity per token: it must be exactly what its fields encode to (MAC included).
	return hash_equals( workos_login_break_glass_encode( $link ), $token ) ? $link : null;
}

/**
 * Issues a link for one user.
 *
 * @since 0.6.0
 *
 * @param WP_User $user      Whom the link signs in.
 * @param int     $minutes   How long it lasts (1 to WORKOS_LOGIN_BREAK_GLASS_MAX_MINUTES).
 * @param string  $via       `screen` or `cli`.
 * @param int     $issuer_id Who issued it (0: nobody signed in, e.g. WP-CLI without --user).
 * @return array{url: string, link: array{id: string, user_id: int, expires: int, issuer_id: int, via: string}}|WP_Error
 */
function workos_login_break_glass_issue( WP_User $user, int $minutes, string $via, int $issuer_id = 0 ): array|WP_Error {
	if ( ! $user->exists() || ! workos_login_break_glass_user_belongs( $user ) ) {
		return new WP_Error( 'workos_break_glass_user', __( 'That user cannot sign in to this site.', 'workos-login' ) );
	}
	if ( $minutes < 1 || $minutes > WORKOS_LOGIN_BREAK_GLASS_MAX_MINUTES ) {
		/* translators: %d: the longest a link may last, in minutes. */
		return new WP_Error( 'workos_break_glass_ttl', sprintf( __( 'A link lasts from 1 to %d minutes.', 'workos-login' ), WORKOS_LOGIN_BREAK_GLASS_MAX_MINUTES ) );
	}
	if ( ! in_array( $via, array( 'screen', 'cli' ), true ) ) {
		return new WP_Error( 'workos_break_glass_via', 'Unknown issuing path.' );
	}
	$link  = array(
		'id'        => bin2hex( random_bytes( 16 ) ),
		'user_id'   => (int) $user->ID,
		'expires'   => time() + $minutes * MINUTE_IN_SECONDS,
		'issuer_id' => max( 0, $issuer_id ),
		'via'       => $via,
	);
	$token = workos_login_break_glass_encode( $link );
	/**
	 * Fires when a break-glass link was issued (audited; the token itself is never passed on).
	 *
	 * @since 0.6.0
	 *
	 * @param WP_User $user The user it signs in.
	 * @param array   $link `id`, `user_id`, `expires`, `issuer_id`, `via`.
	 */
	do_action( 'workos_login_break_glass_issued', $user, $link );
	return array(
		'url'  => add_query_arg( WORKOS_LOGIN_BREAK_GLASS_ARG, $token, site_url( 'wp-login.php', 'login' ) ),
		'link' => $link,
	);
}

/**
 * Minutes as typed (digits only, no sign, no leading zero), or 0 when that is not a number.
 *
 * @since 0.6.0
 *
 * @param string $text What was typed.
 */
function workos_login_break_glass_minutes( string $text ): int {
	return 1 === preg_match( '/^[1-9][0-9]{0,2}$/D', $text ) ? (int) $text : 0;
}

/**
 * A user by username, else by email address.
 *
 * @since 0.6.0
 *
 * @param string $who Username or email.
 */
function workos_login_break_glass_find_user( string $who ): ?WP_User {
	if ( '' === $who ) {
		return null;
	}
	$user = get_user_by( 'login', $who );
	if ( ! $user && is_email( $who ) ) {
		$user = get_user_by( 'email', $who );
	}
	return $user ? $user : null;
}

/**
 * Whether a user may be signed in here (on a network: a member of this site, or a super admin).
 *
 * @since 0.6.0
 *
 * @param WP_User $user The user.
 */
function workos_login_break_glass_user_belongs( WP_User $user ): bool {
	return ! is_multisite() || is_super_admin( $user->ID ) || is_user_member_of_blog( $user->ID );
}

/**
 * The wp-config.php link (`WORKOS_LOGIN_BREAK_GLASS`), parsed and checked against now.
 *
 * @since 0.6.0
 *
 * @return array{defined: bool, error: string, user_login: string, expires: int, secret: string, link: array{id: string, user_id: int, expires: int, issuer_id: int, via: string}|null}
 *         `error` '' when the link can be used now; otherwise why not (translated).
 */
function workos_login_break_glass_config(): array {
	$state = array(
		'defined'    => defined( 'WORKOS_LOGIN_BREAK_GLASS' ),
		'error'      => '',
		'user_login' => '',
		'expires'    => 0,
		'secret'     => '',
		'link'       => null,
	);
	if ( ! $state['defined'] ) {
		return $state;
	}
	$value = constant( 'WORKOS_LOGIN_BREAK_GLASS' );
	$parts = is_string( $value ) ? explode( '|', $value ) : array();
	if ( 3 !== count( $parts ) ) {
		$state['error'] = __( 'WORKOS_LOGIN_BREAK_GLASS must be “user_login|YYYY-MM-DDTHH:MMZ|secret”.', 'workos-login' );
		return $state;
	}
	list( $login, $until, $secret ) = $parts;
	$time                           = DateTimeImmutable::createFromFormat( '!Y-m-d\TH:i\Z', $until, new DateTimeZone( 'UTC' ) );
	$user                           = get_user_by( 'login', $login );

	$state['user_login'] = $login;
	$state['expires']    = $time && $time->format( 'Y-m-d\TH:i\Z' ) === $until ? $time->getTimestamp() : 0;
	$state['secret']     = $secret;
	if ( 0 === $state['expires'] ) {
		$state['error'] = __( 'Its time must be written like 2026-12-07T18:00Z (UTC).', 'workos-login' );
	} elseif ( 1 !== preg_match( WORKOS_LOGIN_BREAK_GLASS_SECRET_PATTERN, $secret ) ) {
		$state['error'] = __( 'Its secret must be 32 to 128 letters, digits, “-” or “_”.', 'workos-login' );
	} elseif ( ! $user || ! workos_login_break_glass_user_belongs( $user ) ) {
		$state['error'] = __( 'Its user does not exist on this site.', 'workos-login' );
	} elseif ( $state['expires'] <= time() ) {
		$state['error'] = __( 'Its time has passed.', 'workos-login' );
	} elseif ( $state['expires'] - time() > WORKOS_LOGIN_BREAK_GLASS_CONFIG_MAX_AHEAD ) {
		$state['error'] = __( 'Its time is more than 24 hours ahead: a break-glass link must be short-lived.', 'workos-login' );
	}
	if ( $user && 0 !== $state['expires'] ) {
		$state['link'] = array(
			'id'        => substr( hash( 'sha256', 'wp-config|' . get_current_blog_id() . '|' . $value ), 0, 32 ),
			'user_id'   => (int) $user->ID,
			'expires'   => $state['expires'],
			'issuer_id' => 0,
			'via'       => 'wp-config',
		);
	}
	return $state;
}
