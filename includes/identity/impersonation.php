<?php
/**
 * WorkOS dashboard impersonation: a WorkOS team member signs in as one of the site's users.
 *
 * Refused unless the setting `allow_impersonation` is on (login completion asks
 * workos_login_impersonation_refusal() first, so a refused one creates, links and changes
 * nothing; the refusal is audited as `login_denied` and the WorkOS session revoked). When
 * allowed, the `login` audit row carries the impersonator, the WordPress session is marked
 * (`workos_impersonator` in its session data) and lasts at most an hour like WorkOS's own, and
 * the Users screen shows the user's last impersonation.
 *
 * @package WorkOS_Login
 * @since   0.3.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** User meta: the last impersonated sign-in, `{email, reason, at}`. */
const WORKOS_LOGIN_IMPERSONATION_META = '_workos_last_impersonation';

/** Session data key marking an impersonated WordPress session: `{email, reason}`. */
const WORKOS_LOGIN_IMPERSONATION_SESSION_KEY = 'workos_impersonator';

/** Longest an impersonated WordPress session lives (WorkOS ends its own after 60 minutes). */
const WORKOS_LOGIN_IMPERSONATION_TTL = HOUR_IN_SECONDS;

/**
 * Whether an identity is a WorkOS dashboard impersonation (by its method or its impersonator:
 * either alone is enough).
 *
 * @since 0.6.0
 *
 * @param array<string, mixed> $identity Protocol `Identity`.
 */
function workos_login_is_impersonation( array $identity ): bool {
	return 'impersonation' === ( $identity['method'] ?? '' ) || isset( $identity['impersonator'] );
}

/**
 * The impersonator of an identity, `{email: '', reason: null}` when WorkOS named none.
 *
 * @since 0.6.0
 *
 * @param array<string, mixed> $identity Protocol `Identity`.
 * @return array{email: string, reason: string|null}
 */
function workos_login_impersonator_of( array $identity ): array {
	$impersonator = is_array( $identity['impersonator'] ?? null ) ? $identity['impersonator'] : array();
	return array(
		'email'  => is_string( $impersonator['email'] ?? null ) ? $impersonator['email'] : '',
		'reason' => is_string( $impersonator['reason'] ?? null ) ? $impersonator['reason'] : null,
	);
}

/**
 * Login completion's first question: refuses an impersonation the site does not allow; an allowed
 * one is remembered for the session this request stores (see the filters below).
 *
 * @since 0.6.0
 *
 * @param array<string, mixed> $identity     Protocol `Identity`.
 * @param string               $profile_slug The profile signed in through.
 * @return WP_Error|null `sign_in_refused` (audited `login_denied`, reason `impersonation_refused`), or null to go on.
 */
function workos_login_impersonation_refusal( array $identity, string $profile_slug ): ?WP_Error {
	if ( ! workos_login_is_impersonation( $identity ) ) {
		return null;
	}
	if ( ! workos_login_option( 'allow_impersonation' ) ) {
		return workos_login_deny(
			'impersonation_refused',
			$identity,
			$profile_slug,
			__( 'This site does not allow signing in as someone else from the WorkOS dashboard (impersonation). Nobody was signed in.', 'workos-login' )
		);
	}
	workos_login_impersonation_in_progress( array( 'workos_user_id' => (string) $identity['user']['id'] ) + workos_login_impersonator_of( $identity ) );
	return null;
}

/**
 * The allowed impersonation this request is completing, if any.
 *
 * @since 0.6.0
 *
 * @param array{workos_user_id: string, email: string, reason: string|null}|false|null $set What to remember, false to forget, null to read.
 * @return array{workos_user_id: string, email: string, reason: string|null}|null
 */
function workos_login_impersonation_in_progress( array|false|null $set = null ): ?array {
	static $current = null;
	if ( null !== $set ) {
		$current = false === $set ? null : $set;
	}
	return $current;
}

/**
 * The impersonation in progress when `$user_id` is the account it signs in to, else null.
 *
 * @since 0.6.0
 *
 * @param int $user_id WordPress user id.
 * @return array{workos_user_id: string, email: string, reason: string|null}|null
 */
function workos_login_impersonation_for_user( int $user_id ): ?array {
	$current = workos_login_impersonation_in_progress();
	return null !== $current && (string) get_user_meta( $user_id, WORKOS_LOGIN_USER_META, true ) === $current['workos_user_id'] ? $current : null;
}

/**
 * Marks the session an allowed impersonation stores (core's `attach_session_information`).
 *
 * @since 0.6.0
 *
 * @param array<string, mixed> $session Session data.
 * @param int                  $user_id The user.
 * @return array<string, mixed>
 */
function workos_login_impersonation_mark_session( $session, $user_id ) {
	$current = workos_login_impersonation_for_user( (int) $user_id );
	if ( null === $current ) {
		return $session;
	}
	$session = is_array( $session ) ? $session : array();
	$session[ WORKOS_LOGIN_IMPERSONATION_SESSION_KEY ] = array(
		'email'  => $current['email'],
		'reason' => $current['reason'],
	);
	return $session;
}
add_filter( 'attach_session_information', 'workos_login_impersonation_mark_session', 10, 2 );

/**
 * An impersonated session (and its cookie) lasts at most WORKOS_LOGIN_IMPERSONATION_TTL,
 * whatever "Remember me" said.
 *
 * @since 0.6.0
 *
 * @param int $length  Seconds.
 * @param int $user_id The user.
 */
function workos_login_impersonation_session_length( $length, $user_id ): int {
	$length = (int) $length;
	return null === workos_login_impersonation_for_user( (int) $user_id ) ? $length : min( $length, WORKOS_LOGIN_IMPERSONATION_TTL );
}
add_filter( 'auth_cookie_expiration', 'workos_login_impersonation_session_length', PHP_INT_MAX, 2 );

/**
 * Remembers the user's last impersonation (Users screen) once the sign-in is done.
 *
 * @since 0.6.0
 *
 * @param WP_User $user The user.
 */
function workos_login_impersonation_signed_in( $user ): void {
	$current = $user instanceof WP_User ? workos_login_impersonation_for_user( $user->ID ) : null;
	if ( null !== $current ) {
		update_user_meta(
			$user->ID,
			WORKOS_LOGIN_IMPERSONATION_META,
			array(
				'email'  => $current['email'],
				'reason' => $current['reason'],
				'at'     => time(),
			)
		);
	}
	workos_login_impersonation_in_progress( false );
}
add_action( 'workos_login_signed_in', 'workos_login_impersonation_signed_in' );

/**
 * The user's last impersonated sign-in, or null.
 *
 * @since 0.6.0
 *
 * @param int $user_id The user.
 * @return array{email: string, reason: string|null, at: int}|null
 */
function workos_login_last_impersonation( int $user_id ): ?array {
	$last = get_user_meta( $user_id, WORKOS_LOGIN_IMPERSONATION_META, true );
	if ( ! is_array( $last ) || ! is_string( $last['email'] ?? null ) || ! is_int( $last['at'] ?? null ) ) {
		return null;
	}
	return array(
		'email'  => $last['email'],
		'reason' => is_string( $last['reason'] ?? null ) ? $last['reason'] : null,
		'at'     => $last['at'],
	);
}

/**
 * The user's live sessions started by an impersonation, newest first.
 *
 * @since 0.6.0
 *
 * @param int $user_id The user.
 * @return list<array{email: string, reason: string|null, login: int, expiration: int}>
 */
function workos_login_impersonated_sessions( int $user_id ): array {
	$found = array();
	foreach ( WP_Session_Tokens::get_instance( $user_id )->get_all() as $session ) {
		$mark = $session[ WORKOS_LOGIN_IMPERSONATION_SESSION_KEY ] ?? null;
		if ( is_array( $mark ) ) {
			$found[] = array(
				'email'      => is_string( $mark['email'] ?? null ) ? $mark['email'] : '',
				'reason'     => is_string( $mark['reason'] ?? null ) ? $mark['reason'] : null,
				'login'      => (int) ( $session['login'] ?? 0 ),
				'expiration' => (int) ( $session['expiration'] ?? 0 ),
			);
		}
	}
	usort( $found, static fn( $a, $b ) => $b['login'] <=> $a['login'] );
	return $found;
}
