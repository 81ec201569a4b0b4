<?php
/**
 * Verifying the audit log's hash chain (chain.php): every chained row, in position order, in
 * batches (bounded memory) and within a time budget.
 *
 * The head is read first and only positions up to it are verified, so rows written meanwhile
 * never look like a break. A row is broken when its hash does not match its fields, when it does
 * not follow the row before it (`chain_prev` is not that row's hash: rows removed, or the row
 * before re-hashed), when its position repeats, and the newest row must be the head. Rows
 * without a position after the first chained one were added around the log's writer. A break
 * found while retention or clearing removed rows under the walk is checked again once.
 *
 * @package WorkOS_Login
 * @since   0.3.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** Rows read per query while verifying. */
const WORKOS_LOGIN_AUDIT_VERIFY_BATCH = 500;

/** Seconds a verification may run before it reports how far it got. */
const WORKOS_LOGIN_AUDIT_VERIFY_SECONDS = 20;

/**
 * Verifies the whole chain.
 *
 * @since 0.6.0
 *
 * @param float|null $seconds Time budget; null = WORKOS_LOGIN_AUDIT_VERIFY_SECONDS.
 * @return array{state: string, verified: int, first_seq: int, last_seq: int, head: array{seq: int, hash: string}|null, legacy: int, problems: int, break: array{kind: string, id: int, occurred_at: string, seq: int, other_id: int, missing: int}|null}
 *         `state`: `intact`, `broken`, `incomplete` (budget spent) or `empty` (no chained row).
 */
function workos_login_audit_chain_verify( ?float $seconds = null ): array {
	$deadline = microtime( true ) + ( $seconds ?? WORKOS_LOGIN_AUDIT_VERIFY_SECONDS );
	$result   = workos_login_audit_chain_walk( $deadline );
	if ( 'broken' === $result['state'] && microtime( true ) < $deadline ) {
		// Retention or clearing may have removed rows under the walk: only a repeated break counts.
		$result = workos_login_audit_chain_walk( $deadline );
	}
	return $result;
}

/**
 * One walk over the chain.
 *
 * @since 0.6.0
 *
 * @param float $deadline `microtime( true )` to stop at.
 * @return array<string, mixed> See workos_login_audit_chain_verify().
 */
function workos_login_audit_chain_walk( float $deadline ): array {
	global $wpdb;
	$result = array(
		'state'     => 'empty',
		'verified'  => 0,
		'first_seq' => 0,
		'last_seq'  => 0,
		'head'      => workos_login_audit_chain_head(),
		'legacy'    => 0,
		'problems'  => 0,
		'break'     => null,
	);
	if ( ! workos_login_audit_table_exists() ) {
		return $result;
	}
	$table = workos_login_audit_table();
	// Without a head (its row deleted; the next write starts it again), no row is the newest.
	$top      = $result['head'] ? $result['head']['seq'] : PHP_INT_MAX;
	$prev     = null;
	$first    = null;
	$after    = array( 0, 0 );
	$complete = true;
	$fields   = implode( ', ', array_merge( array( 'id', 'chain_hash' ), WORKOS_LOGIN_AUDIT_CHAIN_FIELDS ) );
	do {
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- the plugin's own table; $fields are column names of a constant.
		$rows = $wpdb->get_results( $wpdb->prepare( "SELECT {$fields} FROM %i WHERE chain_seq > 0 AND chain_seq <= %d AND (chain_seq > %d OR (chain_seq = %d AND id > %d)) ORDER BY chain_seq ASC, id ASC LIMIT %d", $table, $top, $after[0], $after[0], $after[1], WORKOS_LOGIN_AUDIT_VERIFY_BATCH ), ARRAY_A );
		$rows = is_array( $rows ) ? $rows : array();
		foreach ( $rows as $row ) {
			workos_login_audit_chain_note( $result, workos_login_audit_chain_check( $row, $prev ) );
			$prev  = $row;
			$first = $first ?? $row;
			++$result['verified'];
		}
		$after    = $prev ? array( (int) $prev['chain_seq'], (int) $prev['id'] ) : $after;
		$more     = count( $rows ) === WORKOS_LOGIN_AUDIT_VERIFY_BATCH;
		$complete = ! $more || microtime( true ) < $deadline;
	} while ( $more && $complete );

	if ( null === $first ) {
		$result['legacy'] = workos_login_audit_chain_unchained( 'id > 0' );
		return $result;
	}
	$result['first_seq'] = (int) $first['chain_seq'];
	$result['last_seq']  = (int) $prev['chain_seq'];
	if ( $complete && $result['head'] && ( (int) $prev['chain_seq'] !== $top || $prev['chain_hash'] !== $result['head']['hash'] ) ) {
		// The newest rows were removed, or the newest re-hashed (its hash is not the head's).
		workos_login_audit_chain_note( $result, workos_login_audit_chain_problem( (int) $prev['chain_seq'] < $top ? 'tail' : 'head', $prev, null, $top - (int) $prev['chain_seq'] ) );
	}
	$result['legacy'] = workos_login_audit_chain_unchained( $wpdb->prepare( 'id < %d', (int) $first['id'] ) );
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- the plugin's own table.
	$outside = $wpdb->get_row( $wpdb->prepare( "SELECT id, occurred_at FROM %i WHERE chain_seq = 0 AND event <> '_probe' AND id > %d ORDER BY id ASC LIMIT 1", $table, (int) $first['id'] ), ARRAY_A );
	if ( is_array( $outside ) ) {
		$count = workos_login_audit_chain_unchained( $wpdb->prepare( 'id > %d', (int) $first['id'] ) );
		workos_login_audit_chain_note( $result, workos_login_audit_chain_problem( 'outside', $outside + array( 'chain_seq' => 0 ), null ), max( 1, $count ) );
	}
	if ( 'broken' !== $result['state'] ) {
		$result['state'] = $complete ? 'intact' : 'incomplete';
	}
	return $result;
}

/**
 * What is wrong with a row, given the row before it in the chain.
 *
 * @since 0.6.0
 *
 * @param array<string, string>      $row  The row.
 * @param array<string, string>|null $prev The row before (null: the oldest remaining, whose
 *                                         `chain_prev` is taken as given).
 * @return array{kind: string, id: int, occurred_at: string, seq: int, other_id: int, missing: int}|null
 */
function workos_login_audit_chain_check( array $row, ?array $prev ): ?array {
	if ( ! hash_equals( workos_login_audit_chain_hash( $row ), (string) $row['chain_hash'] ) ) {
		return workos_login_audit_chain_problem( 'changed', $row, $prev );
	}
	if ( null === $prev ) {
		return null;
	}
	$gap = (int) $row['chain_seq'] - (int) $prev['chain_seq'];
	if ( 0 === $gap ) {
		return workos_login_audit_chain_problem( 'duplicate', $row, $prev );
	}
	if ( 1 !== $gap ) {
		return workos_login_audit_chain_problem( 'missing', $row, $prev, $gap - 1 );
	}
	return $row['chain_prev'] === $prev['chain_hash'] ? null : workos_login_audit_chain_problem( 'relinked', $row, $prev );
}

/**
 * A problem's record.
 *
 * @since 0.6.0
 *
 * @param string                     $kind    `changed`, `missing`, `relinked`, `duplicate`, `outside`, `tail` or `head`.
 * @param array<string, string|int>  $row     The row it was found at.
 * @param array<string, string>|null $prev    The row before it.
 * @param int                        $missing Rows missing (`missing`, `tail`).
 * @return array{kind: string, id: int, occurred_at: string, seq: int, other_id: int, missing: int}
 */
function workos_login_audit_chain_problem( string $kind, array $row, ?array $prev, int $missing = 0 ): array {
	return array(
		'kind'        => $kind,
		'id'          => (int) $row['id'],
		'occurred_at' => (string) $row['occurred_at'],
		'seq'         => (int) $row['chain_seq'],
		'other_id'    => $prev ? (int) $prev['id'] : 0,
		'missing'     => $missing,
	);
}

/**
 * Counts problems; the first one found is the one named. A break outranks a spent budget.
 *
 * @since 0.6.0
 *
 * @param array<string, mixed>      $result  The result so far (changed in place).
 * @param array<string, mixed>|null $problem The problem, or null.
 * @param int                       $count   How many problems of this kind.
 */
function workos_login_audit_chain_note( array &$result, ?array $problem, int $count = 1 ): void {
	if ( null !== $problem ) {
		$result['problems'] += $count;
		$result['break']     = $result['break'] ?? $problem;
		$result['state']     = 'broken';
	}
}

/**
 * How many rows have no position (probe rows aside), among those matching a condition on `id`.
 *
 * @since 0.6.0
 *
 * @param string $where A prepared condition on `id`.
 */
function workos_login_audit_chain_unchained( string $where ): int {
	global $wpdb;
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- $where is prepared by the callers.
	return (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM %i WHERE chain_seq = 0 AND event <> '_probe' AND {$where}", workos_login_audit_table() ) );
}
