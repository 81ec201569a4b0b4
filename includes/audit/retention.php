<?php
/**
 * Retention: a daily wp-cron job deletes rows older than `audit_retention_days`, in bounded
 * batches, and comes back a few minutes later while old rows remain.
 *
 * @package WorkOS_Login
 * @since   0.3.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** The daily purge (and its catch-up runs). */
const WORKOS_LOGIN_AUDIT_PURGE_HOOK = 'workos_login_audit_purge';

/** Rows deleted per query: short locks on a busy table. */
const WORKOS_LOGIN_AUDIT_PURGE_BATCH = 1000;

/** Queries per run before handing over to a catch-up run. */
const WORKOS_LOGIN_AUDIT_PURGE_BATCHES = 5;

/**
 * Schedules the daily purge when it is missing (on activation, schema installs and admin loads;
 * reading the cron list is served from the options cache).
 *
 * @since 0.3.0
 */
function workos_login_audit_schedule_purge(): void {
	if ( false === wp_next_scheduled( WORKOS_LOGIN_AUDIT_PURGE_HOOK ) ) {
		wp_schedule_event( time() + HOUR_IN_SECONDS, 'daily', WORKOS_LOGIN_AUDIT_PURGE_HOOK );
	}
}
add_action( 'admin_init', 'workos_login_audit_schedule_purge' );

/**
 * The cron job: purges, and schedules a catch-up run when old rows remain.
 *
 * @since 0.3.0
 */
function workos_login_audit_run_purge(): void {
	$result = workos_login_audit_purge();
	if ( $result['more'] ) {
		wp_schedule_single_event( time() + 5 * MINUTE_IN_SECONDS, WORKOS_LOGIN_AUDIT_PURGE_HOOK, array( 'catch_up' ) );
	}
}
add_action( WORKOS_LOGIN_AUDIT_PURGE_HOOK, 'workos_login_audit_run_purge' );

/**
 * Deletes rows older than the retention period, at most `$batches` × 1,000 rows.
 *
 * Each batch finds the ids of the oldest-by-id expired rows and deletes expired rows up to the
 * highest of them: exactly that batch, with plain SQL MySQL and SQLite both run (no
 * DELETE … LIMIT, no LIMIT inside IN).
 *
 * Chained rows (chain.php) go only as a prefix of the chain, so what remains still verifies: an
 * expired row written after one that has not expired (recorded later than it happened) waits
 * for the rows before it.
 *
 * @since 0.3.0
 *
 * @param int      $batches   Batches at most.
 * @param int|null $days      Retention in days; null = the setting. 0 or less keeps everything.
 * @return array{deleted: int, more: bool} Rows deleted, and whether expired rows remain.
 */
function workos_login_audit_purge( int $batches = WORKOS_LOGIN_AUDIT_PURGE_BATCHES, ?int $days = null ): array {
	global $wpdb;
	workos_login_audit_maybe_upgrade();
	$days = $days ?? (int) workos_login_option( 'audit_retention_days' );
	if ( $days <= 0 || ! workos_login_audit_table_exists() ) {
		return array(
			'deleted' => 0,
			'more'    => false,
		);
	}
	$table   = workos_login_audit_table();
	$cutoff  = gmdate( 'Y-m-d H:i:s', time() - $days * DAY_IN_SECONDS );
	$deleted = 0;
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- the plugin's own table; nothing to cache.
	$keep = (int) $wpdb->get_var( $wpdb->prepare( 'SELECT MIN(chain_seq) FROM %i WHERE chain_seq > 0 AND occurred_at >= %s', $table, $cutoff ) );
	$keep = $keep > 0 ? $keep : PHP_INT_MAX;
	for ( $batch = 0; $batch < $batches; $batch++ ) {
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- the plugin's own table; nothing to cache.
		$ids = $wpdb->get_col( $wpdb->prepare( 'SELECT id FROM %i WHERE occurred_at < %s AND chain_seq < %d ORDER BY id ASC LIMIT %d', $table, $cutoff, $keep, WORKOS_LOGIN_AUDIT_PURGE_BATCH ) );
		if ( ! $ids ) {
			return array(
				'deleted' => $deleted,
				'more'    => false,
			);
		}
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- the plugin's own table; nothing to cache.
		$done = $wpdb->query( $wpdb->prepare( 'DELETE FROM %i WHERE occurred_at < %s AND chain_seq < %d AND id <= %d', $table, $cutoff, $keep, (int) max( $ids ) ) );
		if ( false === $done ) {
			break;
		}
		$deleted += (int) $done;
		if ( count( $ids ) < WORKOS_LOGIN_AUDIT_PURGE_BATCH ) {
			return array(
				'deleted' => $deleted,
				'more'    => false,
			);
		}
	}
	return array(
		'deleted' => $deleted,
		'more'    => true,
	);
}
