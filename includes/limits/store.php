<?php
/**
 * Counters and one-time marks, shared by every PHP node (ARCHITECTURE rules 6 and 11): always in
 * the plugin's own table (limits/schema.php), never in the object cache — WordPress promises
 * neither that `wp_cache_add()` is atomic nor what `wp_cache_incr()` returns, and popular
 * drop-ins break both.
 *
 * Every decision is the answer of one atomic statement — how many rows it changed — never a
 * read after a write:
 *
 * - a hit is allowed when `UPDATE … SET hits = hits + 1 WHERE … hits < max` (a live window under
 *   its limit), an `INSERT IGNORE` (the first hit) or `UPDATE … WHERE expires <= now` (a window
 *   that ended starts again) changes one row; InnoDB re-checks the WHERE under the row lock and
 *   SQLite serialises writers, so a burst of N lets exactly `max` through;
 * - a mark is taken when its `INSERT IGNORE`, or the `UPDATE` of an expired mark, changes a row.
 *
 * A statement that fails (locked past the busy timeout, read-only, gone) makes the caller fail
 * closed: nothing is let through uncounted (null below).
 *
 * @package WorkOS_Login
 * @since   0.4.0
 * @since   0.6.0 Database only; decided by rows changed; failures are reported, never let through.
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The stored name of a key: its SHA-256, so no IP, email or token is ever stored.
 *
 * @since 0.4.0
 *
 * @param string $key What is counted, e.g. `ip:password:203.0.113.7`.
 */
function workos_login_limits_bucket( string $key ): string {
	return hash( 'sha256', 'workos-login|' . $key );
}

/**
 * Runs one statement on the plugin's table with errors kept out of the output (a REST answer
 * must stay JSON).
 *
 * @since 0.6.0
 *
 * @param string $sql A prepared statement.
 * @return int|false Rows changed, false when the statement failed.
 */
function workos_login_limits_write( string $sql ): int|false {
	global $wpdb;
	$suppressed = $wpdb->suppress_errors( true );
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.NotPrepared -- prepared by the callers; the plugin's own table, never cached.
	$changed = $wpdb->query( $sql );
	$wpdb->suppress_errors( $suppressed );
	return false === $changed ? false : (int) $changed;
}

/**
 * Takes one hit of a key's budget: `max` hits per window, the window starting at the first hit.
 *
 * @since 0.6.0
 *
 * @param string $key    What is counted.
 * @param int    $max    Hits allowed per window (at least 1).
 * @param int    $window Window length in seconds.
 * @return array{allowed: bool, reset_in: int}|null Whether this hit fits, and seconds until the
 *                                                  window ends (when refused); null when the
 *                                                  table could not be written: fail closed.
 */
function workos_login_limits_take( string $key, int $max, int $window ): ?array {
	if ( ! workos_login_limits_maybe_upgrade() ) {
		return null;
	}
	global $wpdb;
	$table  = workos_login_limits_table();
	$bucket = workos_login_limits_bucket( $key );
	$now    = time();
	$window = max( 1, $window );
	$max    = max( 1, $max );
	$live   = $wpdb->prepare( 'UPDATE %i SET hits = hits + 1 WHERE bucket = %s AND expires > %d AND hits < %d', $table, $bucket, $now, $max );
	$steps  = array(
		$live,
		$wpdb->prepare( 'INSERT IGNORE INTO %i (bucket, hits, expires) VALUES (%s, 1, %d)', $table, $bucket, $now + $window ),
		$wpdb->prepare( 'UPDATE %i SET hits = 1, expires = %d WHERE bucket = %s AND expires <= %d', $table, $now + $window, $bucket, $now ),
		// Another request created or restarted the window between our statements: count in it.
		$live,
	);
	foreach ( $steps as $sql ) {
		$changed = workos_login_limits_write( $sql );
		if ( false === $changed ) {
			workos_login_limits_failed( 'counter' );
			return null;
		}
		if ( 1 === $changed ) {
			return array(
				'allowed'  => true,
				'reset_in' => 0,
			);
		}
	}
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- only for Retry-After; the decision is made.
	$expires = (int) $wpdb->get_var( $wpdb->prepare( 'SELECT expires FROM %i WHERE bucket = %s', $table, $bucket ) );
	return array(
		'allowed'  => false,
		'reset_in' => $expires > $now ? $expires - $now : $window,
	);
}

/**
 * The first of these counters that is full now, read without writing: a request it would refuse
 * is refused without touching any counter (a flood changes no row). Only ever refuses: letting a
 * request through is still decided by workos_login_limits_take(), one statement per counter.
 *
 * @since 0.6.0
 *
 * @param array<string, int> $maxima Key → its `max`, in the order they are counted.
 * @return array{key: string, reset_in: int}|null Null when none is full (or the table cannot be
 *                                                read: the counting statements decide).
 */
function workos_login_limits_full( array $maxima ): ?array {
	$rows = workos_login_limits_live( array_keys( $maxima ) );
	$now  = time();
	foreach ( $maxima as $key => $max ) {
		if ( isset( $rows[ $key ] ) && $rows[ $key ]['hits'] >= $max ) {
			return array(
				'key'      => (string) $key,
				'reset_in' => max( 1, $rows[ $key ]['expires'] - $now ),
			);
		}
	}
	return null;
}

/**
 * Gives back one hit (the request did not spend the visitor's budget: WorkOS was unavailable).
 *
 * @since 0.6.0
 *
 * @param string $key What was counted.
 */
function workos_login_limits_give_back( string $key ): void {
	if ( workos_login_limits_maybe_upgrade() ) {
		global $wpdb;
		workos_login_limits_write( $wpdb->prepare( 'UPDATE %i SET hits = hits - 1 WHERE bucket = %s AND expires > %d AND hits > 0', workos_login_limits_table(), workos_login_limits_bucket( $key ), time() ) );
	}
}

/**
 * Marks a key as used, once: true for the one request that marked it, false for every other
 * until the mark expires.
 *
 * @since 0.4.0
 * @since 0.6.0 Database only, decided by rows changed.
 *
 * @param string $key What is used once, e.g. `once:state:<sha256 of the state>`.
 * @param int    $ttl Seconds the mark lasts (longer than the thing can be used).
 * @return bool|null True when this request marked it, false when it was already marked, null
 *                   when nothing could be stored (callers fail closed).
 */
function workos_login_limits_mark( string $key, int $ttl ): ?bool {
	if ( ! workos_login_limits_maybe_upgrade() ) {
		return null;
	}
	global $wpdb;
	$table  = workos_login_limits_table();
	$bucket = workos_login_limits_bucket( $key );
	$now    = time();
	$steps  = array(
		$wpdb->prepare( 'INSERT IGNORE INTO %i (bucket, hits, expires) VALUES (%s, 1, %d)', $table, $bucket, $now + $ttl ),
		// Taken — unless the old mark expired: then the UPDATE that changes it wins.
		$wpdb->prepare( 'UPDATE %i SET hits = 1, expires = %d WHERE bucket = %s AND expires <= %d', $table, $now + $ttl, $bucket, $now ),
	);
	foreach ( $steps as $sql ) {
		$changed = workos_login_limits_write( $sql );
		if ( false === $changed ) {
			workos_login_limits_failed( 'mark' );
			return null;
		}
		if ( 1 === $changed ) {
			return true;
		}
	}
	return false;
}

/**
 * Whether a key is marked (and the mark has not expired). For what only informs (audit tags, the
 * circuit breaker); a use-once decision is workos_login_limits_mark()'s.
 *
 * @since 0.4.0
 *
 * @param string $key See workos_login_limits_mark().
 */
function workos_login_limits_marked( string $key ): bool {
	return array() !== workos_login_limits_marked_any( array( $key ) );
}

/**
 * Which of some keys are marked, in one query.
 *
 * @since 0.6.0
 *
 * @param string[] $keys See workos_login_limits_mark().
 * @return array<string, int> Marked key → Unix time its mark expires.
 */
function workos_login_limits_marked_any( array $keys ): array {
	return array_map( static fn( array $row ): int => $row['expires'], workos_login_limits_live( $keys ) );
}

/**
 * The live (unexpired) rows of some keys, read in one query; none when the table cannot be read.
 *
 * @since 0.6.0
 *
 * @param array<int|string> $keys Counter or mark keys.
 * @return array<string, array{hits: int, expires: int}> Key → its row.
 */
function workos_login_limits_live( array $keys ): array {
	if ( array() === $keys || ! workos_login_limits_maybe_upgrade() ) {
		return array();
	}
	global $wpdb;
	$buckets = array();
	foreach ( $keys as $key ) {
		$buckets[ workos_login_limits_bucket( (string) $key ) ] = (string) $key;
	}
	$in   = implode( ', ', array_fill( 0, count( $buckets ), '%s' ) );
	$args = array_merge( array( workos_login_limits_table() ), array_keys( $buckets ), array( time() ) );
	$sql  = $wpdb->prepare( "SELECT bucket, hits, expires FROM %i WHERE bucket IN ($in) AND expires > %d", $args ); // phpcs:ignore WordPress.DB.PreparedSQLPlaceholders.UnfinishedPrepare, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- $in is only placeholders.
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.NotPrepared -- prepared above; the plugin's own table, never cached.
	$rows = $wpdb->get_results( $sql, ARRAY_A );
	$live = array();
	foreach ( is_array( $rows ) ? $rows : array() as $row ) {
		if ( isset( $buckets[ $row['bucket'] ] ) ) {
			$live[ $buckets[ $row['bucket'] ] ] = array(
				'hits'    => (int) $row['hits'],
				'expires' => (int) $row['expires'],
			);
		}
	}
	return $live;
}

/**
 * Removes a mark (a claimed flow whose step failed may be tried again).
 *
 * @since 0.4.0
 *
 * @param string $key See workos_login_limits_mark().
 */
function workos_login_limits_unmark( string $key ): void {
	if ( workos_login_limits_maybe_upgrade() ) {
		global $wpdb;
		workos_login_limits_write( $wpdb->prepare( 'DELETE FROM %i WHERE bucket = %s', workos_login_limits_table(), workos_login_limits_bucket( $key ) ) );
	}
}

/**
 * Reports a statement on the table that failed: the PHP error log now, and the incident record
 * administrators see once the database takes writes again (incidents.php).
 *
 * @since 0.6.0
 *
 * @param string $what `counter` or `mark`.
 */
function workos_login_limits_failed( string $what ): void {
	workos_login_log( sprintf( 'rate-limit %s could not be written; the request was refused (fails closed).', $what ) );
	workos_login_incident( 'limits' );
}
