<?php
/**
 * The audit log's hash chain: each row carries the SHA-256 of its stored fields and of the row
 * written before it, so a row edited, removed or slipped in afterwards shows (chain-verify.php,
 * WorkOS → Diagnostics, and `scripts/verify-audit-csv.ts` for an export).
 *
 * - **Position.** `chain_seq` is 1, 2, 3… in the order rows were written; `chain_prev` is the
 *   previous position's `chain_hash`; `chain_hash` is the SHA-256 (hex) of serialization 1:
 *   `workos-login-audit-chain/1` and a line feed, then for each field of
 *   WORKOS_LOGIN_AUDIT_CHAIN_FIELDS, in order, the netstring `<length in bytes>:<value>,` of the
 *   value as the database returns it (numbers in decimal). The forwarding columns change after
 *   the write and are not covered; nor is `id` (the order is `chain_seq`'s). Covering another
 *   column needs serialization 2, and a column telling which one a row uses (1 by default).
 * - **One predecessor per row, on any number of nodes.** The head (the last position and its
 *   hash) is one row of its own table. A writer, in one transaction: moves the head on by one —
 *   that UPDATE is the lock, taken before anything is read: InnoDB's row lock on MySQL/MariaDB,
 *   SQLite's one write lock (a transaction that writes first waits for it, up to 20 s, instead of
 *   failing) — reads the head, inserts the row, hashes it as stored, records the new head and
 *   commits. Any failure rolls all of it back and the write is reported failed (log.php), so a
 *   sign-in never succeeds without its row. Never the object cache.
 * - **Genesis.** Rows written before the chain existed keep position 0 and are not covered; the
 *   first chained row's `chain_prev` is ''.
 * - **Retention and clearing** remove the oldest rows only (retention.php keeps the chain's
 *   prefix order): verification starts at the oldest remaining row and takes its `chain_prev`
 *   as given.
 * - **Not a signature.** Whoever can write the database can recompute every later hash. The
 *   chain shows what SQL edits leave behind, and an export pins it: a later export must continue
 *   the chain of an earlier one (same hash at the same position).
 *
 * @package WorkOS_Login
 * @since   0.3.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** Version of the serialization the hashes are computed over. */
const WORKOS_LOGIN_AUDIT_CHAIN_VERSION = 1;

/** The stored fields serialization 1 covers, in order. */
const WORKOS_LOGIN_AUDIT_CHAIN_FIELDS = array(
	'chain_seq',
	'chain_prev',
	'uuid',
	'occurred_at',
	'event',
	'user_id',
	'email',
	'workos_user_id',
	'profile',
	'method',
	'ip',
	'user_agent',
	'detail',
);

/**
 * A row's hash: SHA-256 (hex) of its serialization (see the file's header).
 *
 * @since 0.6.0
 *
 * @param array<string, string|int> $row The row's fields, as stored (missing ones count as '').
 */
function workos_login_audit_chain_hash( array $row ): string {
	$text = 'workos-login-audit-chain/' . WORKOS_LOGIN_AUDIT_CHAIN_VERSION . "\n";
	foreach ( WORKOS_LOGIN_AUDIT_CHAIN_FIELDS as $field ) {
		$value = (string) ( $row[ $field ] ?? '' );
		$text .= strlen( $value ) . ':' . $value . ',';
	}
	return hash( 'sha256', $text );
}

/**
 * The head: position and hash of the last row written, read from the database (never a cache).
 *
 * @since 0.6.0
 *
 * @return array{seq: int, hash: string}|null Null when there is none (or no table).
 */
function workos_login_audit_chain_head(): ?array {
	global $wpdb;
	$suppressed = $wpdb->suppress_errors( true );
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- the plugin's own table; never cached.
	$head = $wpdb->get_row( $wpdb->prepare( 'SELECT chain_seq, chain_hash FROM %i WHERE id = 1', workos_login_audit_chain_table() ), ARRAY_A );
	$wpdb->suppress_errors( $suppressed );
	return is_array( $head ) ? array(
		'seq'  => (int) $head['chain_seq'],
		'hash' => (string) $head['chain_hash'],
	) : null;
}

/**
 * Creates the head when it is missing: after the last chained row if there is one (its table
 * was emptied), else at the genesis (position 0, no hash). An existing head is left alone.
 *
 * @since 0.6.0
 *
 * @return bool Whether the head exists afterwards.
 */
function workos_login_audit_chain_start(): bool {
	global $wpdb;
	if ( null !== workos_login_audit_chain_head() ) {
		return true;
	}
	$suppressed = $wpdb->suppress_errors( true );
	// phpcs:disable WordPress.DB.DirectDatabaseQuery -- the plugin's own tables; never cached.
	$last = $wpdb->get_row( $wpdb->prepare( 'SELECT chain_seq, chain_hash FROM %i WHERE chain_seq > 0 ORDER BY chain_seq DESC, id DESC LIMIT 1', workos_login_audit_table() ), ARRAY_A );
	// INSERT IGNORE: of two requests starting it at once, the first wins; both see one head.
	$wpdb->query( $wpdb->prepare( 'INSERT IGNORE INTO %i (id, chain_seq, chain_hash) VALUES (1, %d, %s)', workos_login_audit_chain_table(), (int) ( $last['chain_seq'] ?? 0 ), (string) ( $last['chain_hash'] ?? '' ) ) );
	// phpcs:enable WordPress.DB.DirectDatabaseQuery
	$wpdb->suppress_errors( $suppressed );
	return null !== workos_login_audit_chain_head();
}

/**
 * Inserts a row at the chain's next position (see the file's header).
 *
 * @since 0.6.0
 *
 * @param array<string, string|int> $row From workos_login_audit_row().
 * @return int|string The new row's id, or what went wrong (the database's error).
 */
function workos_login_audit_chain_insert( array $row ): int|string {
	global $wpdb;
	// SQLite: queue up to 20 s for the write lock, as the limits do, rather than fail after 5 s.
	workos_login_sqlite_wait_for_locks();
	$suppressed = $wpdb->suppress_errors( true );
	try {
		$result = workos_login_audit_chain_append( $row );
		// A head to start (its table was emptied), or a deadlock InnoDB broke by rolling this
		// transaction back (with retention's DELETE, say): one more attempt.
		$again = null === $result ? workos_login_audit_chain_start() : is_string( $result ) && false !== stripos( $result, 'deadlock' );
		if ( $again ) {
			$result = workos_login_audit_chain_append( $row );
		}
	} catch ( Throwable $error ) {
		// The SQLite integration throws when BEGIN, COMMIT or ROLLBACK fail.
		workos_login_audit_chain_abandon();
		$result = get_class( $error ) . ': ' . $error->getMessage();
	} finally {
		$wpdb->suppress_errors( $suppressed );
	}
	return $result ?? 'the audit chain has no head';
}

/**
 * One attempt, in one transaction (errors already suppressed by the caller).
 *
 * @since 0.6.0
 *
 * @param array<string, string|int> $row From workos_login_audit_row().
 * @return int|string|null The row's id; the error; null when there is no head (nothing written).
 */
function workos_login_audit_chain_append( array $row ): int|string|null {
	global $wpdb;
	$table = workos_login_audit_table();
	$chain = workos_login_audit_chain_table();
	// phpcs:disable WordPress.DB.DirectDatabaseQuery -- the plugin's own tables; never cached.
	if ( false === $wpdb->query( 'START TRANSACTION' ) ) {
		return workos_login_audit_chain_rollback( 'START TRANSACTION failed' );
	}
	// The lock first, before any read (a SQLite transaction that read first cannot wait for it).
	$moved = $wpdb->query( $wpdb->prepare( 'UPDATE %i SET chain_seq = chain_seq + 1 WHERE id = 1', $chain ) );
	if ( 1 !== $moved ) {
		$error = workos_login_audit_chain_rollback( 'chain head not moved' );
		return false === $moved ? $error : null;
	}
	$head = $wpdb->get_row( $wpdb->prepare( 'SELECT chain_seq, chain_hash FROM %i WHERE id = 1', $chain ), ARRAY_A );
	if ( ! is_array( $head ) ) {
		return workos_login_audit_chain_rollback( 'chain head not read' );
	}
	$row['chain_seq']  = (int) $head['chain_seq'];
	$row['chain_prev'] = (string) $head['chain_hash'];
	$row['chain_hash'] = workos_login_audit_chain_hash( $row );
	if ( 1 !== (int) $wpdb->insert( $table, $row, workos_login_audit_formats( $row ) ) ) {
		return workos_login_audit_chain_rollback( 'insert failed' );
	}
	$id = (int) $wpdb->insert_id;
	// What is verified later is what the database returns: hash that, should it differ.
	$stored = $wpdb->get_row( $wpdb->prepare( 'SELECT * FROM %i WHERE id = %d', $table, $id ), ARRAY_A );
	if ( ! is_array( $stored ) ) {
		return workos_login_audit_chain_rollback( 'row not read back' );
	}
	$hash = workos_login_audit_chain_hash( $stored );
	if ( $hash !== $row['chain_hash'] ) {
		workos_login_log( 'audit chain: the database stored a value differently than it was written; the row is hashed as stored.' );
		if ( false === $wpdb->query( $wpdb->prepare( 'UPDATE %i SET chain_hash = %s WHERE id = %d', $table, $hash, $id ) ) ) {
			return workos_login_audit_chain_rollback( 'row hash not stored' );
		}
	}
	if ( false === $wpdb->query( $wpdb->prepare( 'UPDATE %i SET chain_hash = %s WHERE id = 1', $chain, $hash ) ) ) {
		return workos_login_audit_chain_rollback( 'chain head not stored' );
	}
	if ( false === $wpdb->query( 'COMMIT' ) ) {
		return workos_login_audit_chain_rollback( 'COMMIT failed' );
	}
	// phpcs:enable WordPress.DB.DirectDatabaseQuery
	return $id;
}

/**
 * Rolls the attempt back and says why it failed.
 *
 * @since 0.6.0
 *
 * @param string $step What failed.
 * @return string The database's error, else `$step`.
 */
function workos_login_audit_chain_rollback( string $step ): string {
	global $wpdb;
	$error = (string) $wpdb->last_error;
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- ending the plugin's own transaction.
	$wpdb->query( 'ROLLBACK' );
	return '' !== $error ? $error : $step;
}

/**
 * After an exception: rolls back what is still open. On SQLite a COMMIT that threw leaves
 * SQLite's transaction open while the integration counts none, and every later query of the
 * request would fail; the plugin opens no transaction around audit writes, so ending SQLite's
 * outright ends only ours.
 *
 * @since 0.6.0
 */
function workos_login_audit_chain_abandon(): void {
	global $wpdb;
	try {
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- ending the plugin's own transaction.
		$wpdb->query( 'ROLLBACK' );
	} catch ( Throwable $ignored ) {
		// Nothing was open at the integration's level.
		unset( $ignored );
	}
	$pdo = $GLOBALS['@pdo'] ?? null;
	if ( $pdo instanceof PDO && 'sqlite' === $pdo->getAttribute( PDO::ATTR_DRIVER_NAME ) ) { // phpcs:ignore WordPress.DB.RestrictedClasses.mysql__PDO -- the SQLite integration's own PDO handle (no $wpdb API for it); MySQL never has one.
		try {
			$pdo->exec( 'ROLLBACK' );
		} catch ( Throwable $ignored ) {
			// No transaction was open.
			unset( $ignored );
		}
	}
}
