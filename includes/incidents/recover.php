<?php
/**
 * After the database takes writes again: the incident record (record.php) moves into the audit
 * log (one `storage_failure` row per recorded sign-in, at its own time) and into an option that
 * the admin notice and Diagnostics read; the file is emptied. Tried on admin screens and by the
 * daily job, at most once a minute per node while the database still refuses.
 *
 * @package WorkOS_Login
 * @since   0.6.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** Option: the incidents moved out of the file, `{count, first_at, last_at, kinds, recovered_at}`. */
const WORKOS_LOGIN_INCIDENTS_OPTION = 'workos_login_incidents';

/** Days the admin notice shows after the last incident. */
const WORKOS_LOGIN_INCIDENT_NOTICE_DAYS = 7;

/**
 * Moves a waiting incident record into the database, when there is one and the database takes it.
 *
 * @since 0.6.0
 *
 * @return bool Whether nothing is left waiting.
 */
function workos_login_incidents_recover(): bool {
	$file = workos_login_incident_file();
	if ( '' === $file || ! file_exists( $file ) || 0 === (int) filesize( $file ) ) {
		return true;
	}
	$moved = false;
	workos_login_incident_update(
		static function ( array $record ) use ( &$moved ): array {
			if ( $record['attempted_at'] > time() - MINUTE_IN_SECONDS ) {
				return $record; // The database refused a minute ago: don't make every admin screen wait on it.
			}
			$moved = array() === $record['kinds'] || workos_login_incidents_import( $record );
			if ( $moved ) {
				return workos_login_incident_parse( '' );
			}
			$record['attempted_at'] = time();
			return $record;
		}
	);
	return $moved;
}
add_action( 'admin_init', 'workos_login_incidents_recover' );
add_action( WORKOS_LOGIN_LIMITS_PURGE_HOOK, 'workos_login_incidents_recover' );

/**
 * Stores a record in the database: the totals first (one write that tells whether the database
 * takes writes at all), then the audit rows.
 *
 * @since 0.6.0
 *
 * @param array{kinds: array<string, array{count: int, first_at: int, last_at: int}>, recent: list<array<string, mixed>>, attempted_at: int} $record From the file.
 * @return bool Whether the totals were stored.
 */
function workos_login_incidents_import( array $record ): bool {
	$summary = workos_login_incidents_summary();
	foreach ( $record['kinds'] as $kind => $total ) {
		$known                     = $summary['kinds'][ $kind ] ?? array(
			'count'    => 0,
			'first_at' => $total['first_at'],
			'last_at'  => 0,
		);
		$summary['kinds'][ $kind ] = array(
			'count'    => $known['count'] + $total['count'],
			'first_at' => min( $known['first_at'], $total['first_at'] ),
			'last_at'  => max( $known['last_at'], $total['last_at'] ),
		);
		$summary['count']         += $total['count'];
		$summary['first_at']       = 0 === $summary['first_at'] ? $total['first_at'] : min( $summary['first_at'], $total['first_at'] );
		$summary['last_at']        = max( $summary['last_at'], $total['last_at'] );
	}
	$summary['recovered_at'] = time();
	if ( ! update_option( WORKOS_LOGIN_INCIDENTS_OPTION, $summary, false ) ) {
		return false;
	}
	if ( isset( $record['kinds']['audit'] ) ) {
		workos_login_audit_failures_add( $record['kinds']['audit'] );
	}
	foreach ( $record['recent'] as $entry ) {
		workos_login_audit(
			'storage_failure',
			array(
				'occurred_at' => (int) $entry['at'],
				'detail'      => array_intersect_key( $entry, array_flip( array( 'kind', 'event' ) ) ),
			) + array_intersect_key( $entry, array_flip( array( 'user_id', 'workos_user_id', 'profile', 'method' ) ) )
		);
	}
	workos_login_log( sprintf( 'the database takes writes again: %d incident(s) moved into the audit log.', count( $record['recent'] ) ) );
	return true;
}

/**
 * The incidents already moved into the database.
 *
 * @since 0.6.0
 *
 * @return array{count: int, first_at: int, last_at: int, kinds: array<string, array{count: int, first_at: int, last_at: int}>, recovered_at: int}
 */
function workos_login_incidents_summary(): array {
	$stored = get_option( WORKOS_LOGIN_INCIDENTS_OPTION, array() );
	$stored = is_array( $stored ) ? $stored : array();
	$kinds  = array();
	foreach ( (array) ( $stored['kinds'] ?? array() ) as $kind => $total ) {
		if ( in_array( $kind, WORKOS_LOGIN_INCIDENT_KINDS, true ) && is_array( $total ) ) {
			$kinds[ $kind ] = array(
				'count'    => (int) ( $total['count'] ?? 0 ),
				'first_at' => (int) ( $total['first_at'] ?? 0 ),
				'last_at'  => (int) ( $total['last_at'] ?? 0 ),
			);
		}
	}
	return array(
		'count'        => (int) ( $stored['count'] ?? 0 ),
		'first_at'     => (int) ( $stored['first_at'] ?? 0 ),
		'last_at'      => (int) ( $stored['last_at'] ?? 0 ),
		'kinds'        => $kinds,
		'recovered_at' => (int) ( $stored['recovered_at'] ?? 0 ),
	);
}

/**
 * What administrators are told: incidents still waiting in the file (the database refuses
 * writes now) and those of the last days.
 *
 * @since 0.6.0
 *
 * @return array{status: string, message: string} `status` `critical`, `recommended` or `good`.
 */
function workos_login_incidents_status(): array {
	$pending = workos_login_incident_pending();
	if ( array() !== $pending['kinds'] ) {
		$count = array_sum( array_column( $pending['kinds'], 'count' ) );
		return array(
			'status'  => 'critical',
			'message' => sprintf(
				/* translators: %d: a number of requests. */
				_n( 'The database is refusing writes: %d sign-in request was refused so that nothing was left half-done. Visitors were asked to try again. Check the database (disk space, locks, read-only mode).', 'The database is refusing writes: %d sign-in requests were refused so that nothing was left half-done. Visitors were asked to try again. Check the database (disk space, locks, read-only mode).', $count, 'workos-login' ),
				$count
			),
		);
	}
	$summary = workos_login_incidents_summary();
	if ( $summary['count'] > 0 && $summary['last_at'] > time() - WORKOS_LOGIN_INCIDENT_NOTICE_DAYS * DAY_IN_SECONDS ) {
		return array(
			'status'  => 'recommended',
			'message' => sprintf(
				/* translators: 1: a number of requests, 2: a date and time, 3: a date and time. */
				_n( 'Between %2$s and %3$s the database refused writes, and %1$d sign-in request was refused so that nothing was left half-done. It takes writes again; the audit log lists each refused request as “Database refused a write”.', 'Between %2$s and %3$s the database refused writes, and %1$d sign-in requests were refused so that nothing was left half-done. It takes writes again; the audit log lists each refused request as “Database refused a write”.', $summary['count'], 'workos-login' ),
				$summary['count'],
				wp_date( get_option( 'date_format' ) . ' ' . get_option( 'time_format' ), $summary['first_at'] ),
				wp_date( get_option( 'date_format' ) . ' ' . get_option( 'time_format' ), $summary['last_at'] )
			),
		);
	}
	return array(
		'status'  => 'good',
		'message' => __( 'Every sign-in step could store what it had to.', 'workos-login' ),
	);
}
