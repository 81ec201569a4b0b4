<?php
/**
 * The session-token table (`{base_prefix}workos_login_sessions`): one row per WordPress session,
 * network-wide like users. WordPress keeps all of a user's sessions in one user-meta value, so
 * parallel sign-ins of one user overwrite each other's tokens (a cookie that then does not
 * work); a row each cannot be lost that way, its INSERT says whether it was stored, and the
 * WorkOS session id gets a column of its own.
 *
 * @package WorkOS_Login
 * @since   0.6.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** Version of the table's schema; bump it with every change to workos_login_sessions_schema(). */
const WORKOS_LOGIN_SESSIONS_DB_VERSION = 1;

/** Network option holding the installed schema version. */
const WORKOS_LOGIN_SESSIONS_DB_VERSION_OPTION = 'workos_login_sessions_db_version';

/**
 * The table's name (shared by every site of a network).
 *
 * @since 0.6.0
 */
function workos_login_sessions_table(): string {
	global $wpdb;
	return $wpdb->base_prefix . 'workos_login_sessions';
}

/**
 * The CREATE TABLE statement, in `dbDelta()`'s format.
 *
 * `verifier` is WordPress's SHA-256 of the token (the token itself is never stored);
 * `data` the session array WordPress keeps (expiration, IP, user agent, login time, and what
 * plugins attach), as JSON.
 *
 * @since 0.6.0
 */
function workos_login_sessions_schema(): string {
	global $wpdb;
	$table = workos_login_sessions_table();
	return "CREATE TABLE {$table} (
  verifier char(64) NOT NULL DEFAULT '',
  user_id bigint(20) unsigned NOT NULL DEFAULT 0,
  expiration bigint(20) unsigned NOT NULL DEFAULT 0,
  workos_session_id varchar(64) NOT NULL DEFAULT '',
  data text NOT NULL,
  PRIMARY KEY  (verifier),
  KEY user_expiration (user_id,expiration),
  KEY workos_session_id (workos_session_id),
  KEY expiration (expiration)
) {$wpdb->get_charset_collate()};";
}

/**
 * Creates or upgrades the table and records the version.
 *
 * @since 0.6.0
 *
 * @return bool Whether the table exists afterwards.
 */
function workos_login_sessions_install(): bool {
	global $wpdb;
	require_once ABSPATH . 'wp-admin/includes/upgrade.php';
	dbDelta( workos_login_sessions_schema() );
	$table = workos_login_sessions_table();
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- checking the plugin's own table exists.
	if ( $table !== $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $wpdb->esc_like( $table ) ) ) ) {
		return false;
	}
	update_site_option( WORKOS_LOGIN_SESSIONS_DB_VERSION_OPTION, WORKOS_LOGIN_SESSIONS_DB_VERSION );
	return true;
}

/**
 * Whether the table is ready, installing or upgrading it first when needed (at most once per
 * request: sign-ins are front-end requests, where no `admin_init` ever ran after an update).
 *
 * @since 0.6.0
 */
function workos_login_sessions_ready(): bool {
	static $ready = null;
	if ( null === $ready ) {
		$ready = (int) get_site_option( WORKOS_LOGIN_SESSIONS_DB_VERSION_OPTION, 0 ) === WORKOS_LOGIN_SESSIONS_DB_VERSION || workos_login_sessions_install();
	}
	return $ready;
}

/**
 * Creates the table when the plugin is activated.
 *
 * @since 0.6.0
 */
function workos_login_sessions_activate(): void {
	workos_login_sessions_install();
}
register_activation_hook( WORKOS_LOGIN_FILE, 'workos_login_sessions_activate' );

/**
 * Hands the live sessions back to WordPress's own store when the plugin is deactivated: without
 * the filter, WordPress reads only user meta, and everyone — the administrator deactivating it
 * included — would be signed out. The rows stay (a reactivated plugin reads its table first).
 *
 * @since 0.6.0
 */
function workos_login_sessions_deactivate(): void {
	global $wpdb;
	if ( (int) get_site_option( WORKOS_LOGIN_SESSIONS_DB_VERSION_OPTION, 0 ) !== WORKOS_LOGIN_SESSIONS_DB_VERSION ) {
		return;
	}
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- the plugin's own table, read once.
	$rows    = (array) $wpdb->get_results( $wpdb->prepare( 'SELECT user_id, verifier, data FROM %i WHERE expiration >= %d ORDER BY user_id', workos_login_sessions_table(), time() ), ARRAY_A );
	$by_user = array();
	foreach ( $rows as $row ) {
		$session = json_decode( (string) $row['data'], true );
		if ( is_array( $session ) ) {
			$by_user[ (int) $row['user_id'] ][ (string) $row['verifier'] ] = $session;
		}
	}
	foreach ( $by_user as $user_id => $sessions ) {
		$kept = get_user_meta( $user_id, 'session_tokens', true );
		update_user_meta( $user_id, 'session_tokens', $sessions + ( is_array( $kept ) ? $kept : array() ) );
	}
}
register_deactivation_hook( WORKOS_LOGIN_FILE, 'workos_login_sessions_deactivate' );

/**
 * The daily job: deletes sessions that expired (WordPress's own store prunes them on write).
 *
 * @since 0.6.0
 *
 * @return int Rows deleted.
 */
function workos_login_sessions_purge(): int {
	global $wpdb;
	if ( (int) get_site_option( WORKOS_LOGIN_SESSIONS_DB_VERSION_OPTION, 0 ) !== WORKOS_LOGIN_SESSIONS_DB_VERSION ) {
		return 0;
	}
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- the plugin's own table; nothing to cache.
	return (int) $wpdb->query( $wpdb->prepare( 'DELETE FROM %i WHERE expiration < %d', workos_login_sessions_table(), time() ) );
}
add_action( WORKOS_LOGIN_LIMITS_PURGE_HOOK, 'workos_login_sessions_purge' );
