<?php
/**
 * Atomic counters and one-time marks, shared by every PHP node (ARCHITECTURE "Growing past one
 * machine"): in the persistent object cache when the site has one, else in the database table
 * (limits/schema.php).
 *
 * Database: a counter is one `INSERT … ON DUPLICATE KEY UPDATE` whose `CASE` restarts an expired
 * window — a single statement, atomic on MySQL/MariaDB and on SQLite (the integration plugin
 * turns it into `ON CONFLICT DO UPDATE`; its `IF()` emulation is broken, `CASE` is plain SQL).
 * A mark is an INSERT on the primary key (a duplicate fails) or an UPDATE of an expired row:
 * whichever statement changes a row wins, so two requests never both get it.
 *
 * Object cache: `wp_cache_add()` (atomic "add if missing" on Redis/Memcached) and
 * `wp_cache_incr()`, in fixed windows named by their start.
 *
 * @package WorkOS_Login
 * @since   0.4.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** Object cache group of counters and marks. */
const WORKOS_LOGIN_LIMITS_CACHE_GROUP = 'workos_login_limits';

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
 * Counts one hit of a key in its window and returns the count so far.
 *
 * @since 0.4.0
 *
 * @param string $key    What is counted.
 * @param int    $window Window length in seconds (starts at the first hit).
 * @return array{hits: int, reset_in: int}|null Hits in the current window (this one included) and
 *                                              seconds until it ends; null when nothing could be
 *                                              counted (fails open: the database is logged).
 */
function workos_login_limits_hit( string $key, int $window ): ?array {
	$bucket = workos_login_limits_bucket( $key );
	$now    = time();
	$window = max( 1, $window );
	if ( wp_using_ext_object_cache() ) {
		$start = $now - ( $now % $window );
		$name  = $bucket . ':' . $start;
		wp_cache_add( $name, 0, WORKOS_LOGIN_LIMITS_CACHE_GROUP, $window + 5 );
		$hits = wp_cache_incr( $name, 1, WORKOS_LOGIN_LIMITS_CACHE_GROUP );
		return false === $hits ? null : array(
			'hits'     => (int) $hits,
			'reset_in' => max( 1, $start + $window - $now ),
		);
	}
	if ( ! workos_login_limits_maybe_upgrade() ) {
		return null;
	}
	global $wpdb;
	$table      = workos_login_limits_table();
	$suppressed = $wpdb->suppress_errors( true );
	// phpcs:disable WordPress.DB.DirectDatabaseQuery -- an atomic counter: the plugin's own table, never cached.
	$done = $wpdb->query(
		$wpdb->prepare(
			'INSERT INTO %i (bucket, hits, expires) VALUES (%s, 1, %d) ON DUPLICATE KEY UPDATE hits = CASE WHEN expires <= %d THEN 1 ELSE hits + 1 END, expires = CASE WHEN expires <= %d THEN %d ELSE expires END',
			$table,
			$bucket,
			$now + $window,
			$now,
			$now,
			$now + $window
		)
	);
	$row = false === $done ? null : $wpdb->get_row( $wpdb->prepare( 'SELECT hits, expires FROM %i WHERE bucket = %s', $table, $bucket ), ARRAY_A );
	// phpcs:enable WordPress.DB.DirectDatabaseQuery
	$wpdb->suppress_errors( $suppressed );
	if ( ! is_array( $row ) ) {
		workos_login_log( 'rate limit counter failed; the request was let through.' );
		return null;
	}
	return array(
		'hits'     => (int) $row['hits'],
		'reset_in' => max( 1, (int) $row['expires'] - $now ),
	);
}

/**
 * Marks a key as used, once: true for the one request that marked it, false for every other
 * until the mark expires.
 *
 * @since 0.4.0
 *
 * @param string $key What is used once, e.g. `once:state:<sha256 of the state>`.
 * @param int    $ttl Seconds the mark lasts (longer than the thing can be used).
 * @return bool|null True when this request marked it, false when it was already marked, null
 *                   when nothing could be stored.
 */
function workos_login_limits_mark( string $key, int $ttl ): ?bool {
	$bucket = workos_login_limits_bucket( $key );
	$now    = time();
	if ( wp_using_ext_object_cache() ) {
		return wp_cache_add( $bucket, 1, WORKOS_LOGIN_LIMITS_CACHE_GROUP, $ttl );
	}
	if ( ! workos_login_limits_maybe_upgrade() ) {
		return null;
	}
	global $wpdb;
	$table      = workos_login_limits_table();
	$suppressed = $wpdb->suppress_errors( true );
	// phpcs:disable WordPress.DB.DirectDatabaseQuery -- a one-time mark: the plugin's own table, never cached.
	$inserted = $wpdb->insert(
		$table,
		array(
			'bucket'  => $bucket,
			'hits'    => 1,
			'expires' => $now + $ttl,
		),
		array( '%s', '%d', '%d' )
	);
	$marked = 1 === $inserted;
	if ( ! $marked ) {
		// Taken — unless the old mark expired: then the UPDATE that changes it wins.
		$marked = 1 === $wpdb->query( $wpdb->prepare( 'UPDATE %i SET hits = 1, expires = %d WHERE bucket = %s AND expires <= %d', $table, $now + $ttl, $bucket, $now ) );
	}
	$failed = ! $marked && null === $wpdb->get_var( $wpdb->prepare( 'SELECT hits FROM %i WHERE bucket = %s', $table, $bucket ) );
	// phpcs:enable WordPress.DB.DirectDatabaseQuery
	$wpdb->suppress_errors( $suppressed );
	if ( $failed ) {
		workos_login_log( 'one-time mark could not be stored.' );
		return null;
	}
	return $marked;
}

/**
 * Whether a key is marked (and the mark has not expired).
 *
 * @since 0.4.0
 *
 * @param string $key See workos_login_limits_mark().
 */
function workos_login_limits_marked( string $key ): bool {
	$bucket = workos_login_limits_bucket( $key );
	if ( wp_using_ext_object_cache() ) {
		return false !== wp_cache_get( $bucket, WORKOS_LOGIN_LIMITS_CACHE_GROUP );
	}
	if ( ! workos_login_limits_maybe_upgrade() ) {
		return false;
	}
	global $wpdb;
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- the plugin's own table, never cached.
	return null !== $wpdb->get_var( $wpdb->prepare( 'SELECT hits FROM %i WHERE bucket = %s AND expires > %d', workos_login_limits_table(), $bucket, time() ) );
}

/**
 * Removes a mark (a claimed flow whose step failed may be tried again).
 *
 * @since 0.4.0
 *
 * @param string $key See workos_login_limits_mark().
 */
function workos_login_limits_unmark( string $key ): void {
	$bucket = workos_login_limits_bucket( $key );
	if ( wp_using_ext_object_cache() ) {
		wp_cache_delete( $bucket, WORKOS_LOGIN_LIMITS_CACHE_GROUP );
		return;
	}
	if ( workos_login_limits_maybe_upgrade() ) {
		global $wpdb;
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- the plugin's own table, never cached.
		$wpdb->delete( workos_login_limits_table(), array( 'bucket' => $bucket ), array( '%s' ) );
	}
}
