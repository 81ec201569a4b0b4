<?php
/**
 * The counters table of rate limits and one-time uses (`{prefix}workos_login_limits`), created
 * and upgraded through a versioned schema like the audit log's (audit/schema.php), and purged
 * by a daily wp-cron job.
 *
 * One row per bucket: `bucket` is the SHA-256 (hex) of what is counted — never the IP, email or
 * token itself — `hits` the count, `expires` the Unix time the row stops counting.
 *
 * @package WorkOS_Login
 * @since   0.4.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** Version of the table's schema; bump it with every change to workos_login_limits_schema(). */
const WORKOS_LOGIN_LIMITS_DB_VERSION = 1;

/** Option holding the installed schema version (autoloaded: checking it costs nothing). */
const WORKOS_LOGIN_LIMITS_DB_VERSION_OPTION = 'workos_login_limits_db_version';

/** The daily purge of expired rows. */
const WORKOS_LOGIN_LIMITS_PURGE_HOOK = 'workos_login_limits_purge';

/**
 * The table's name on the current site.
 *
 * @since 0.4.0
 */
function workos_login_limits_table(): string {
	global $wpdb;
	return $wpdb->prefix . 'workos_login_limits';
}

/**
 * The CREATE TABLE statement, in `dbDelta()`'s format.
 *
 * @since 0.4.0
 */
function workos_login_limits_schema(): string {
	global $wpdb;
	$table = workos_login_limits_table();
	return "CREATE TABLE {$table} (
  bucket char(64) NOT NULL DEFAULT '',
  hits int(10) unsigned NOT NULL DEFAULT 0,
  expires bigint(20) unsigned NOT NULL DEFAULT 0,
  PRIMARY KEY  (bucket),
  KEY expires (expires)
) {$wpdb->get_charset_collate()};";
}

/**
 * Creates or upgrades the table, records the version and schedules the purge.
 *
 * @since 0.4.0
 *
 * @return bool Whether the table exists afterwards.
 */
function workos_login_limits_install(): bool {
	global $wpdb;
	require_once ABSPATH . 'wp-admin/includes/upgrade.php';
	dbDelta( workos_login_limits_schema() );
	$table = workos_login_limits_table();
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- checking the plugin's own table exists.
	if ( $table !== $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $wpdb->esc_like( $table ) ) ) ) {
		return false;
	}
	update_option( WORKOS_LOGIN_LIMITS_DB_VERSION_OPTION, WORKOS_LOGIN_LIMITS_DB_VERSION, true );
	if ( false === wp_next_scheduled( WORKOS_LOGIN_LIMITS_PURGE_HOOK ) ) {
		wp_schedule_event( time() + HOUR_IN_SECONDS, 'daily', WORKOS_LOGIN_LIMITS_PURGE_HOOK );
	}
	return true;
}

/**
 * Installs or upgrades the table when the stored version is not this code's. Called before
 * every use (sign-in requests are front-end REST calls: no `admin_init` ever ran on a site that
 * only updated the plugin files), at most once per request.
 *
 * @since 0.4.0
 *
 * @return bool Whether the table is expected to be usable.
 */
function workos_login_limits_maybe_upgrade(): bool {
	static $ready = null;
	if ( null === $ready ) {
		workos_login_sqlite_wait_for_locks();
		$ready = (int) get_option( WORKOS_LOGIN_LIMITS_DB_VERSION_OPTION, 0 ) === WORKOS_LOGIN_LIMITS_DB_VERSION || workos_login_limits_install();
	}
	return $ready;
}

/**
 * On SQLite (the SQLite Database Integration plugin), lets this request's writes wait up to 20 s
 * for the database's one write lock instead of the integration's 5 s: a burst of sign-ins queues
 * for the lock rather than failing (closed). MySQL/MariaDB queue by themselves
 * (`innodb_lock_wait_timeout`).
 *
 * @since 0.6.0
 */
function workos_login_sqlite_wait_for_locks(): void {
	$pdo = $GLOBALS['@pdo'] ?? null;
	if ( $pdo instanceof PDO && 'sqlite' === $pdo->getAttribute( PDO::ATTR_DRIVER_NAME ) ) { // phpcs:ignore WordPress.DB.RestrictedClasses.mysql__PDO -- the SQLite integration's own PDO handle (no $wpdb API for it); MySQL never has one.
		$pdo->exec( 'PRAGMA busy_timeout = 20000' );
	}
}

/**
 * Creates the table when the plugin is activated.
 *
 * @since 0.4.0
 */
function workos_login_limits_activate(): void {
	workos_login_limits_install();
}
register_activation_hook( WORKOS_LOGIN_FILE, 'workos_login_limits_activate' );

/**
 * Stops the purge when the plugin is deactivated (the rows stay; they expire by themselves).
 *
 * @since 0.4.0
 */
function workos_login_limits_deactivate(): void {
	wp_unschedule_hook( WORKOS_LOGIN_LIMITS_PURGE_HOOK );
}
register_deactivation_hook( WORKOS_LOGIN_FILE, 'workos_login_limits_deactivate' );

/**
 * The cron job: deletes rows that stopped counting more than a minute ago. Expired rows are
 * harmless (every read checks `expires`); this only keeps the table small.
 *
 * @since 0.4.0
 *
 * @return int Rows deleted.
 */
function workos_login_limits_purge(): int {
	global $wpdb;
	if ( (int) get_option( WORKOS_LOGIN_LIMITS_DB_VERSION_OPTION, 0 ) !== WORKOS_LOGIN_LIMITS_DB_VERSION ) {
		return 0;
	}
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- the plugin's own table; nothing to cache.
	$deleted = $wpdb->query( $wpdb->prepare( 'DELETE FROM %i WHERE expires < %d', workos_login_limits_table(), time() - MINUTE_IN_SECONDS ) );
	return (int) $deleted;
}
add_action( WORKOS_LOGIN_LIMITS_PURGE_HOOK, 'workos_login_limits_purge' );
