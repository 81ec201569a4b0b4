<?php
/**
 * The audit log's table, created and upgraded through a versioned schema.
 *
 * One table per site (`{prefix}workos_login_audit`). The stored schema version is an autoloaded
 * option, so checking it costs nothing; `dbDelta()` runs only on activation, when the version
 * differs (after an update), or after a failed write asked for a repair (see log.php).
 *
 * Plain WordPress SQL only: it runs on MySQL/MariaDB and on the SQLite integration plugin,
 * which translates `dbDelta()`'s CREATE TABLE, DESCRIBE and SHOW INDEX.
 *
 * @package WorkOS_Login
 * @since   0.3.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Version of the tables' schema; bump it with every change to workos_login_audit_schema().
 * 2: the hash chain (`chain_*` columns, the chain head table; see chain.php).
 */
const WORKOS_LOGIN_AUDIT_DB_VERSION = 2;

/** Option holding the installed schema version. */
const WORKOS_LOGIN_AUDIT_DB_VERSION_OPTION = 'workos_login_audit_db_version';

/**
 * The table's name on the current site.
 *
 * @since 0.3.0
 */
function workos_login_audit_table(): string {
	global $wpdb;
	return $wpdb->prefix . 'workos_login_audit';
}

/**
 * The CREATE TABLE statement, in `dbDelta()`'s format (two spaces after PRIMARY KEY, one
 * column or key per line).
 *
 * `uuid` is the row's site-unique key (the idempotency key when forwarding); `forward_after`
 * is a Unix time so retries need no date arithmetic in SQL. Email is 191 characters so its
 * index fits utf8mb4 on old MySQL. `chain_seq`, `chain_prev` and `chain_hash` place the row in
 * the hash chain (chain.php); rows written before it have position 0. The second table holds
 * the chain's head: one row, the position and hash of the last row written.
 *
 * @since 0.3.0
 *
 * @return string[] The statements, for `dbDelta()`.
 */
function workos_login_audit_schema(): array {
	global $wpdb;
	$table   = workos_login_audit_table();
	$chain   = workos_login_audit_chain_table();
	$charset = $wpdb->get_charset_collate();
	$audit   = "CREATE TABLE {$table} (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  uuid char(36) NOT NULL DEFAULT '',
  occurred_at datetime NOT NULL,
  event varchar(32) NOT NULL DEFAULT '',
  user_id bigint(20) unsigned NOT NULL DEFAULT 0,
  email varchar(191) NOT NULL DEFAULT '',
  workos_user_id varchar(64) NOT NULL DEFAULT '',
  profile varchar(64) NOT NULL DEFAULT '',
  method varchar(32) NOT NULL DEFAULT '',
  ip varchar(45) NOT NULL DEFAULT '',
  user_agent varchar(255) NOT NULL DEFAULT '',
  detail text NOT NULL,
  forward_state varchar(16) NOT NULL DEFAULT '',
  forward_attempts smallint(5) unsigned NOT NULL DEFAULT 0,
  forward_after bigint(20) unsigned NOT NULL DEFAULT 0,
  forward_error varchar(100) NOT NULL DEFAULT '',
  chain_seq bigint(20) unsigned NOT NULL DEFAULT 0,
  chain_prev char(64) NOT NULL DEFAULT '',
  chain_hash char(64) NOT NULL DEFAULT '',
  PRIMARY KEY  (id),
  KEY occurred_at (occurred_at),
  KEY event_occurred (event,occurred_at),
  KEY user_occurred (user_id,occurred_at),
  KEY email (email),
  KEY workos_user_id (workos_user_id),
  KEY ip (ip),
  KEY forward_due (forward_state,forward_after),
  KEY chain_seq (chain_seq)
) {$charset};";
	$head    = "CREATE TABLE {$chain} (
  id tinyint(3) unsigned NOT NULL,
  chain_seq bigint(20) unsigned NOT NULL DEFAULT 0,
  chain_hash char(64) NOT NULL DEFAULT '',
  PRIMARY KEY  (id)
) {$charset};";
	return array( $audit, $head );
}

/**
 * The chain head's table on the current site.
 *
 * @since 0.6.0
 */
function workos_login_audit_chain_table(): string {
	global $wpdb;
	return $wpdb->prefix . 'workos_login_audit_chain';
}

/**
 * Creates or upgrades the tables and records the version.
 *
 * @since 0.3.0
 *
 * @return bool Whether the tables exist afterwards, with the chain's head.
 */
function workos_login_audit_install(): bool {
	require_once ABSPATH . 'wp-admin/includes/upgrade.php';
	dbDelta( workos_login_audit_schema() );
	if ( ! workos_login_audit_table_exists() || ! workos_login_audit_chain_start() ) {
		return false;
	}
	update_option( WORKOS_LOGIN_AUDIT_DB_VERSION_OPTION, WORKOS_LOGIN_AUDIT_DB_VERSION, true );
	workos_login_audit_schedule_purge();
	return true;
}

/**
 * Installs or upgrades the table when the stored version is not this code's.
 *
 * @since 0.3.0
 */
function workos_login_audit_maybe_upgrade(): void {
	static $attempted = false;
	// The option is autoloaded: this read costs nothing. One install attempt per request, so a
	// database that refuses it is not asked again for every event.
	if ( $attempted || (int) get_option( WORKOS_LOGIN_AUDIT_DB_VERSION_OPTION, 0 ) === WORKOS_LOGIN_AUDIT_DB_VERSION ) {
		return;
	}
	$attempted = true;
	workos_login_audit_install();
}
add_action( 'admin_init', 'workos_login_audit_maybe_upgrade' );

/**
 * Whether the table exists (checked once it does, per request and site).
 *
 * @since 0.3.0
 */
function workos_login_audit_table_exists(): bool {
	global $wpdb;
	static $exists = array();
	$table         = workos_login_audit_table();
	// Only a positive answer is kept: a missing table may be created later in the request.
	if ( empty( $exists[ $table ] ) ) {
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- no WordPress API asks whether a table exists; a positive answer is kept above.
		$exists[ $table ] = $table === $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $wpdb->esc_like( $table ) ) );
	}
	return $exists[ $table ];
}

/**
 * Creates the table and schedules the purge when the plugin is activated.
 *
 * @since 0.3.0
 */
function workos_login_audit_activate(): void {
	workos_login_audit_install();
}
register_activation_hook( WORKOS_LOGIN_FILE, 'workos_login_audit_activate' );

/**
 * Stops the audit log's scheduled jobs when the plugin is deactivated (the data stays).
 *
 * @since 0.3.0
 */
function workos_login_audit_deactivate(): void {
	foreach ( workos_login_audit_cron_hooks() as $hook ) {
		wp_unschedule_hook( $hook );
	}
}
register_deactivation_hook( WORKOS_LOGIN_FILE, 'workos_login_audit_deactivate' );

/**
 * Every wp-cron hook the audit log schedules.
 *
 * @since 0.3.0
 *
 * @return string[]
 */
function workos_login_audit_cron_hooks(): array {
	return array( WORKOS_LOGIN_AUDIT_PURGE_HOOK, WORKOS_LOGIN_AUDIT_FORWARD_HOOK, WORKOS_LOGIN_AUDIT_SWEEP_HOOK );
}
