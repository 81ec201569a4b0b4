<?php
/**
 * The passkeys table (`{prefix}workos_login_passkeys`): one row per WebAuthn credential this
 * site is the relying party of, linked to the WordPress user and its WorkOS user id. Created
 * and upgraded through a versioned schema like the limits table (limits/schema.php).
 *
 * `credential_hash` (SHA-256 hex of the credential id) is the unique key: ids run to 1,364
 * base64url characters, too long for a MySQL index. Plain WordPress SQL only, so the SQLite
 * integration plugin translates it (no `IF()`, no `INSERT IGNORE`: a duplicate insert fails
 * on the unique key and is told apart by a read).
 *
 * @package WorkOS_Login
 * @since   0.5.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** Version of the table's schema; bump it with every change to workos_login_passkeys_schema(). */
const WORKOS_LOGIN_PASSKEYS_DB_VERSION = 1;

/** Option holding the installed schema version (autoloaded: checking it costs nothing). */
const WORKOS_LOGIN_PASSKEYS_DB_VERSION_OPTION = 'workos_login_passkeys_db_version';

/**
 * The table's name on the current site.
 *
 * @since 0.5.0
 */
function workos_login_passkeys_table(): string {
	global $wpdb;
	return $wpdb->prefix . 'workos_login_passkeys';
}

/**
 * The CREATE TABLE statement, in `dbDelta()`'s format (two spaces after PRIMARY KEY, one
 * column or key per line). `created_at` / `last_used_at` are UTC.
 *
 * @since 0.5.0
 */
function workos_login_passkeys_schema(): string {
	global $wpdb;
	$table = workos_login_passkeys_table();
	return "CREATE TABLE {$table} (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  credential_hash char(64) NOT NULL DEFAULT '',
  credential_id text NOT NULL,
  user_id bigint(20) unsigned NOT NULL DEFAULT 0,
  workos_user_id varchar(64) NOT NULL DEFAULT '',
  public_key text NOT NULL,
  counter bigint(20) unsigned NOT NULL DEFAULT 0,
  transports varchar(255) NOT NULL DEFAULT '',
  device_type varchar(16) NOT NULL DEFAULT '',
  backed_up tinyint(1) unsigned NOT NULL DEFAULT 0,
  aaguid char(36) NOT NULL DEFAULT '',
  name varchar(64) NOT NULL DEFAULT '',
  created_at datetime NOT NULL,
  last_used_at datetime NULL DEFAULT NULL,
  PRIMARY KEY  (id),
  UNIQUE KEY credential_hash (credential_hash),
  KEY user_id (user_id),
  KEY workos_user_id (workos_user_id)
) {$wpdb->get_charset_collate()};";
}

/**
 * Creates or upgrades the table and records the version.
 *
 * @since 0.5.0
 *
 * @return bool Whether the table exists afterwards.
 */
function workos_login_passkeys_install(): bool {
	global $wpdb;
	require_once ABSPATH . 'wp-admin/includes/upgrade.php';
	dbDelta( workos_login_passkeys_schema() );
	$table = workos_login_passkeys_table();
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- checking the plugin's own table exists.
	if ( $table !== $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $wpdb->esc_like( $table ) ) ) ) {
		return false;
	}
	update_option( WORKOS_LOGIN_PASSKEYS_DB_VERSION_OPTION, WORKOS_LOGIN_PASSKEYS_DB_VERSION, true );
	return true;
}

/**
 * Installs or upgrades the table when the stored version is not this code's. Called before
 * every use (a passkey sign-in is a front-end REST call: no `admin_init` ran on a site that only
 * updated the plugin files), at most once per request.
 *
 * @since 0.5.0
 *
 * @return bool Whether the table is expected to be usable.
 */
function workos_login_passkeys_maybe_upgrade(): bool {
	static $ready = null;
	if ( null === $ready ) {
		$ready = (int) get_option( WORKOS_LOGIN_PASSKEYS_DB_VERSION_OPTION, 0 ) === WORKOS_LOGIN_PASSKEYS_DB_VERSION || workos_login_passkeys_install();
	}
	return $ready;
}

/**
 * Creates the table when the plugin is activated.
 *
 * @since 0.5.0
 */
function workos_login_passkeys_activate(): void {
	workos_login_passkeys_install();
}
register_activation_hook( WORKOS_LOGIN_FILE, 'workos_login_passkeys_activate' );
