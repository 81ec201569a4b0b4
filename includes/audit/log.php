<?php
/**
 * Writing the audit log: `workos_login_audit( $event, $fields )`.
 *
 * A write never throws and never blocks a sign-in. A failed write is counted and remembered
 * (option `workos_login_audit_failures`, reported by Site Health, see health.php), logged to
 * the PHP error log without personal data, and asks for the schema to be checked again on the
 * next write (a dropped table is then recreated).
 *
 * @package WorkOS_Login
 * @since   0.3.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** Every event the audit log records (issue 5's list, plus `email_conflict`; passkeys since 0.5.0). */
const WORKOS_LOGIN_AUDIT_EVENTS = array(
	'login',
	'login_failed',
	'login_denied',
	'logout',
	'signup',
	'password_reset',
	'mfa_enrolled',
	'mfa_challenge_failed',
	'passkey_registered',
	// A user or an administrator removed passkeys (detail: actor, count).
	'passkey_removed',
	// A passkey's signature counter went backwards: refused as a possible clone.
	'passkey_counter_regression',
	'role_changed',
	'user_linked',
	'user_created',
	'user_suspended',
	// An email change from WorkOS refused because another account has the email (never merged).
	'email_conflict',
	'profile_changed',
	'settings_changed',
	'native_login_used',
	// A WordPress password signed someone in around WorkOS, as the policy allows (detail: path).
	'wp_password_used',
	// A right WordPress password refused by the policy of its path (detail: path).
	'wp_password_refused',
	// A sign-in step refused because the database refused a write (moved in from the incident record).
	'storage_failure',
);

/** Option remembering failed writes: `{count, first_at, last_at, last_error, last_event, failing, last_success_at}`. */
const WORKOS_LOGIN_AUDIT_FAILURES_OPTION = 'workos_login_audit_failures';

/** Longest `detail` JSON stored, in bytes; larger details keep only their scalar fields. */
const WORKOS_LOGIN_AUDIT_DETAIL_MAX = 4000;

/**
 * Records an audit event.
 *
 * @since 0.3.0
 *
 * @param string                                                                                                                                             $event  One of WORKOS_LOGIN_AUDIT_EVENTS.
 * @param array{user_id?: int, email?: string, workos_user_id?: string, profile?: string, method?: string, detail?: array<string, mixed>, occurred_at?: int} $fields What is known; `occurred_at` (Unix time) for an event recorded later than it happened.
 * @return bool Whether the row was written (false when the log is off, the event unknown or
 *              the write failed).
 */
function workos_login_audit( string $event, array $fields = array() ): bool {
	if ( ! in_array( $event, WORKOS_LOGIN_AUDIT_EVENTS, true ) ) {
		_doing_it_wrong( __FUNCTION__, esc_html( sprintf( 'Unknown audit event "%s".', $event ) ), '0.3.0' );
		return false;
	}
	if ( ! workos_login_option( 'audit_enabled' ) ) {
		return false;
	}
	return workos_login_audit_write( $event, $fields );
}

/**
 * Writes an event even while the log is switched off: for the few events about the log itself
 * (switching it off, clearing it), which must never go unrecorded.
 *
 * @since 0.3.0
 *
 * @param string               $event  One of WORKOS_LOGIN_AUDIT_EVENTS.
 * @param array<string, mixed> $fields See workos_login_audit().
 * @return bool Whether the row was written.
 */
function workos_login_audit_write( string $event, array $fields ): bool {
	try {
		return workos_login_audit_insert( workos_login_audit_row( $event, $fields ) );
	} catch ( Throwable $error ) {
		workos_login_audit_write_failed( $event, get_class( $error ) );
		return false;
	}
}

/**
 * The row for an event: the caller's fields cut to their columns, plus time, IP, user agent
 * and the forwarding state.
 *
 * @since 0.3.0
 *
 * @param string               $event  Event name.
 * @param array<string, mixed> $fields See workos_login_audit().
 * @return array{uuid: string, occurred_at: string, event: string, user_id: int, email: string, workos_user_id: string, profile: string, method: string, ip: string, user_agent: string, detail: string, forward_state: string, forward_after: int}
 */
function workos_login_audit_row( string $event, array $fields ): array {
	$profile = is_string( $fields['profile'] ?? null ) ? $fields['profile'] : '';
	$forward = workos_login_audit_forwarding_active();
	return array(
		'uuid'           => wp_generate_uuid4(),
		'occurred_at'    => gmdate( 'Y-m-d H:i:s', isset( $fields['occurred_at'] ) && is_int( $fields['occurred_at'] ) && $fields['occurred_at'] > 0 ? $fields['occurred_at'] : time() ),
		'event'          => $event,
		'user_id'        => max( 0, (int) ( $fields['user_id'] ?? 0 ) ),
		'email'          => workos_login_audit_cut( is_string( $fields['email'] ?? null ) ? trim( $fields['email'] ) : '', 191 ),
		'workos_user_id' => substr( (string) preg_replace( '/[^A-Za-z0-9_-]/', '', is_string( $fields['workos_user_id'] ?? null ) ? $fields['workos_user_id'] : '' ), 0, 64 ),
		'profile'        => 1 === preg_match( '/' . WORKOS_LOGIN_PROFILE_SLUG_PATTERN . '/', $profile ) ? $profile : '',
		'method'         => substr( (string) preg_replace( '/[^a-z0-9_]/', '', is_string( $fields['method'] ?? null ) ? $fields['method'] : '' ), 0, 32 ),
		'ip'             => workos_login_client_ip(),
		'user_agent'     => workos_login_audit_user_agent(),
		'detail'         => workos_login_audit_detail_json( is_array( $fields['detail'] ?? null ) ? $fields['detail'] : array() ),
		'forward_state'  => $forward ? 'pending' : '',
		'forward_after'  => $forward ? time() : 0,
	);
}

/**
 * Inserts a row, chained to the row before it (chain.php); on failure remembers it.
 *
 * Database errors are not printed (a REST answer must stay JSON); they are recorded instead.
 *
 * @since 0.3.0
 *
 * @param array<string, string|int> $row From workos_login_audit_row().
 */
function workos_login_audit_insert( array $row ): bool {
	workos_login_audit_maybe_upgrade();

	// At the chain's next position, in one transaction (chain.php).
	$id = workos_login_audit_chain_insert( $row );
	if ( is_string( $id ) ) {
		workos_login_audit_write_failed( $row['event'], $id );
		return false;
	}
	workos_login_audit_write_succeeded();
	if ( 'pending' === $row['forward_state'] ) {
		workos_login_audit_schedule_forward();
	}
	/**
	 * Fires after an audit event was written.
	 *
	 * @since 0.3.0
	 *
	 * @param int                       $id  The row id.
	 * @param array<string, string|int> $row The row (detail as JSON).
	 */
	do_action( 'workos_login_audit_recorded', $id, $row );
	return true;
}

/**
 * `$wpdb->insert()` formats for a row: `%d` for integers, `%s` for the rest.
 *
 * @since 0.3.0
 *
 * @param array<string, string|int> $row Column → value.
 * @return string[]
 */
function workos_login_audit_formats( array $row ): array {
	return array_map(
		static function ( $value ): string {
			return is_int( $value ) ? '%d' : '%s';
		},
		array_values( $row )
	);
}

/**
 * Remembers a failed write (for Site Health) and asks for a schema check on the next write.
 *
 * The database's message is reduced first (see workos_login_audit_db_error()).
 *
 * @since 0.3.0
 *
 * @param string $event Event that was not written.
 * @param string $error What the database said.
 */
function workos_login_audit_write_failed( string $event, string $error ): void {
	$error    = workos_login_audit_db_error( $error );
	$failures = workos_login_audit_failures();
	$now      = time();
	update_option(
		WORKOS_LOGIN_AUDIT_FAILURES_OPTION,
		array(
			'count'           => $failures['count'] + 1,
			'first_at'        => $failures['first_at'] ? $failures['first_at'] : $now,
			'last_at'         => $now,
			'last_error'      => $error,
			'last_event'      => $event,
			'failing'         => true,
			'last_success_at' => $failures['last_success_at'],
		),
		true
	);
	delete_option( WORKOS_LOGIN_AUDIT_DB_VERSION_OPTION );
	workos_login_log( sprintf( 'audit log write failed (%s): %s', $event, $error ) );
	// The option above is lost too when the database refuses writes: keep it where it survives.
	workos_login_incident( 'audit', array( 'event' => $event ) );
}

/**
 * Adds failed writes the incident record kept while the database refused writes.
 *
 * @since 0.6.0
 *
 * @param array{count: int, first_at: int, last_at: int} $total From the incident record.
 */
function workos_login_audit_failures_add( array $total ): void {
	$failures = workos_login_audit_failures();
	update_option(
		WORKOS_LOGIN_AUDIT_FAILURES_OPTION,
		array(
			'count'    => $failures['count'] + $total['count'],
			'first_at' => $failures['first_at'] ? min( $failures['first_at'], $total['first_at'] ) : $total['first_at'],
			'last_at'  => max( $failures['last_at'], $total['last_at'] ),
		) + $failures,
		true
	);
}

/**
 * The gist of a database error, without the data it may quote.
 *
 * MySQL's messages are one line, but some quote values (`Duplicate entry '…'`); the SQLite
 * integration's are HTML listing the failed queries with their parameters. Keep the error
 * sentence only, mask email addresses, cut it short.
 *
 * @since 0.3.0
 *
 * @param string $raw `$wpdb->last_error` or an exception's class.
 */
function workos_login_audit_db_error( string $raw ): string {
	if ( 1 === preg_match( '/Error message was:\s*(.+)/', $raw, $match ) ) {
		$raw = $match[1];
	}
	$text = trim( (string) preg_replace( '/\s+/', ' ', html_entity_decode( wp_strip_all_tags( $raw ), ENT_QUOTES ) ) );
	$text = (string) preg_replace( '/[^\s\'"@]+@[^\s\'"@]+/', '[email]', $text );
	return workos_login_audit_cut( '' !== $text ? $text : 'unknown error', 200 );
}

/**
 * After earlier failures, notes that writing works again (no write at all otherwise).
 *
 * @since 0.3.0
 */
function workos_login_audit_write_succeeded(): void {
	$failures = workos_login_audit_failures();
	if ( $failures['failing'] ) {
		$failures['failing']         = false;
		$failures['last_success_at'] = time();
		update_option( WORKOS_LOGIN_AUDIT_FAILURES_OPTION, $failures, true );
	}
}

/**
 * The failed-write record, with defaults.
 *
 * @since 0.3.0
 *
 * @return array{count: int, first_at: int, last_at: int, last_error: string, last_event: string, failing: bool, last_success_at: int}
 */
function workos_login_audit_failures(): array {
	$stored = get_option( WORKOS_LOGIN_AUDIT_FAILURES_OPTION, array() );
	$stored = is_array( $stored ) ? $stored : array();
	return array(
		'count'           => (int) ( $stored['count'] ?? 0 ),
		'first_at'        => (int) ( $stored['first_at'] ?? 0 ),
		'last_at'         => (int) ( $stored['last_at'] ?? 0 ),
		'last_error'      => (string) ( $stored['last_error'] ?? '' ),
		'last_event'      => (string) ( $stored['last_event'] ?? '' ),
		'failing'         => ! empty( $stored['failing'] ),
		'last_success_at' => (int) ( $stored['last_success_at'] ?? 0 ),
	);
}

/**
 * The request's user agent, valid UTF-8 without control characters, at most 255 characters.
 *
 * @since 0.3.0
 */
function workos_login_audit_user_agent(): string {
	// phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- made valid UTF-8 and cut; it is data, escaped on output.
	$agent = isset( $_SERVER['HTTP_USER_AGENT'] ) ? (string) wp_unslash( $_SERVER['HTTP_USER_AGENT'] ) : '';
	$agent = (string) preg_replace( '/[\x00-\x1F\x7F]+/', ' ', wp_check_invalid_utf8( $agent, true ) );
	return workos_login_audit_cut( trim( $agent ), 255 );
}

/**
 * `detail` as JSON: objects stay objects, and an oversized detail keeps its short scalar fields.
 *
 * @since 0.3.0
 *
 * @param array<string, mixed> $detail Event details (never secrets).
 */
function workos_login_audit_detail_json( array $detail ): string {
	$flags = JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_INVALID_UTF8_SUBSTITUTE;
	$json  = (string) wp_json_encode( (object) $detail, $flags );
	if ( strlen( $json ) <= WORKOS_LOGIN_AUDIT_DETAIL_MAX ) {
		return $json;
	}
	$short = array( 'truncated' => true );
	foreach ( $detail as $key => $value ) {
		if ( is_scalar( $value ) && strlen( (string) $value ) <= 200 && count( $short ) < 30 ) {
			$short[ $key ] = $value;
		}
	}
	return (string) wp_json_encode( (object) $short, $flags );
}

/**
 * Cuts a string to a number of characters (UTF-8 safe).
 *
 * @since 0.3.0
 *
 * @param string $text   Text.
 * @param int    $length Characters kept.
 */
function workos_login_audit_cut( string $text, int $length ): string {
	return mb_strlen( $text, 'UTF-8' ) > $length ? mb_substr( $text, 0, $length, 'UTF-8' ) : $text;
}
