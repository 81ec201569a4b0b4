<?php
/**
 * The health test "Audit log integrity": verifies the audit log's hash chain (audit/chain.php)
 * and names the first broken entry, or says how many entries were verified. It reads the whole
 * log, so Site Health runs it after the page has loaded (`async`).
 *
 * @package WorkOS_Login
 * @since   0.3.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Adds the test after the audit log's "writable" test.
 *
 * @since 0.6.0
 *
 * @param array<string, array{label: string, callback: callable, async?: bool}> $tests Name => entry.
 * @return array<string, array{label: string, callback: callable, async?: bool}>
 */
function workos_login_register_audit_chain_health_test( $tests ): array {
	$tests                    = is_array( $tests ) ? $tests : array();
	$tests['audit_integrity'] = array(
		'label'    => __( 'Audit log integrity', 'workos-login' ),
		'callback' => 'workos_login_health_test_audit_integrity',
		'async'    => true,
	);
	return $tests;
}
add_filter( 'workos_login_health_tests', 'workos_login_register_audit_chain_health_test', 11 );

/**
 * Critical when the chain is broken (naming the first broken entry), recommended when the time
 * budget ran out first, else good.
 *
 * @since 0.6.0
 *
 * @return array{status: string, label: string, description: string}
 */
function workos_login_health_test_audit_integrity(): array {
	$result = workos_login_audit_chain_verify();
	$legacy = $result['legacy'] > 0
		/* translators: %s: number of entries. */
		? sprintf( _n( '%s older entry, written before entries were chained, is not covered.', '%s older entries, written before entries were chained, are not covered.', $result['legacy'], 'workos-login' ), number_format_i18n( $result['legacy'] ) )
		: '';
	$head = $result['head'] && $result['head']['seq'] > 0
		/* translators: 1: position in the chain, 2: a SHA-256 hash. */
		? sprintf( __( 'Chain head: position %1$s, hash %2$s. An export taken later must continue this chain.', 'workos-login' ), number_format_i18n( $result['head']['seq'] ), $result['head']['hash'] )
		: '';
	if ( 'broken' === $result['state'] ) {
		return workos_login_health_outcome(
			'critical',
			__( 'The audit log was changed after it was written', 'workos-login' ),
			array_filter(
				array(
					workos_login_audit_chain_break_text( $result['break'] ),
					sprintf(
						/* translators: 1: number of problems, 2: number of entries verified. */
						_n( '%1$s problem in all; %2$s entries checked.', '%1$s problems in all; %2$s entries checked.', $result['problems'], 'workos-login' ),
						number_format_i18n( $result['problems'] ),
						number_format_i18n( $result['verified'] )
					),
					__( 'Compare the log with an earlier export (scripts/verify-audit-csv.ts checks one) or with the events forwarded to WorkOS, and review who can write to the database.', 'workos-login' ),
					$head,
				)
			)
		);
	}
	if ( 'incomplete' === $result['state'] ) {
		return workos_login_health_outcome(
			'recommended',
			__( 'The audit log could only be partly verified', 'workos-login' ),
			array(
				/* translators: 1: number of entries, 2: first position, 3: last position. */
				sprintf( __( '%1$s entries (positions %2$s to %3$s) are intact; the time allowed ran out before the rest was checked.', 'workos-login' ), number_format_i18n( $result['verified'] ), number_format_i18n( $result['first_seq'] ), number_format_i18n( $result['last_seq'] ) ),
				__( 'Export the log and verify the file with scripts/verify-audit-csv.ts, or shorten the retention period.', 'workos-login' ),
			)
		);
	}
	$verified = 'empty' === $result['state']
		? __( 'The audit log holds no chained entries yet: there is nothing to verify.', 'workos-login' )
		/* translators: 1: number of entries, 2: first position, 3: last position. */
		: sprintf( _n( '%1$s entry verified (positions %2$s to %3$s): none was changed, removed or added afterwards.', '%1$s entries verified (positions %2$s to %3$s): none was changed, removed or added afterwards.', $result['verified'], 'workos-login' ), number_format_i18n( $result['verified'] ), number_format_i18n( $result['first_seq'] ), number_format_i18n( $result['last_seq'] ) );
	return workos_login_health_outcome( 'good', __( 'The audit log is intact', 'workos-login' ), array_filter( array( $verified, $legacy, $head ) ) );
}

/**
 * The sentence naming the first broken entry, its id and time (in the site's time zone).
 *
 * @since 0.6.0
 *
 * @param array{kind: string, id: int, occurred_at: string, seq: int, other_id: int, missing: int} $problem From workos_login_audit_chain_verify().
 */
function workos_login_audit_chain_break_text( array $problem ): string {
	$time = strtotime( $problem['occurred_at'] . ' UTC' );
	$when = false === $time ? $problem['occurred_at'] : wp_date( 'Y-m-d H:i:s', $time );
	$id   = (string) $problem['id'];
	switch ( $problem['kind'] ) {
		case 'changed':
			/* translators: 1: entry id, 2: date and time. */
			return sprintf( __( 'First broken entry: #%1$s (%2$s) was changed: its contents no longer match its hash.', 'workos-login' ), $id, $when );
		case 'missing':
			/* translators: 1: entry id, 2: date and time, 3: number of entries. */
			return sprintf( _n( 'First broken entry: #%1$s (%2$s): %3$s entry before it was removed.', 'First broken entry: #%1$s (%2$s): %3$s entries before it were removed.', $problem['missing'], 'workos-login' ), $id, $when, number_format_i18n( $problem['missing'] ) );
		case 'relinked':
			/* translators: 1: entry id, 2: date and time, 3: the previous entry's id. */
			return sprintf( __( 'First broken entry: #%1$s (%2$s) no longer follows entry #%3$s: that entry was changed and its hash rewritten.', 'workos-login' ), $id, $when, (string) $problem['other_id'] );
		case 'duplicate':
			/* translators: 1: entry id, 2: date and time, 3: position in the chain. */
			return sprintf( __( 'First broken entry: #%1$s (%2$s) repeats position %3$s of the chain: it was copied or added afterwards.', 'workos-login' ), $id, $when, number_format_i18n( $problem['seq'] ) );
		case 'outside':
			/* translators: 1: entry id, 2: date and time. */
			return sprintf( __( 'First broken entry: #%1$s (%2$s) is not in the chain: it was added without the audit log.', 'workos-login' ), $id, $when );
		case 'tail':
			/* translators: 1: entry id, 2: date and time, 3: number of entries. */
			return sprintf( _n( 'The newest entry was removed: the log ends at #%1$s (%2$s), %3$s entry short of the chain\'s head.', 'The newest entries were removed: the log ends at #%1$s (%2$s), %3$s entries short of the chain\'s head.', $problem['missing'], 'workos-login' ), $id, $when, number_format_i18n( $problem['missing'] ) );
	}
	/* translators: 1: entry id, 2: date and time. */
	return sprintf( __( 'First broken entry: #%1$s (%2$s), the newest, does not match the chain\'s head: it or the head was rewritten.', 'workos-login' ), $id, $when );
}
