<?php
/**
 * `wp workos audit export|purge|verify`: the audit log's CSV export (audit/actions.php), its
 * retention purge (audit/retention.php) and its hash-chain check (the "Audit log integrity"
 * health test, diagnostics/tests-audit-chain.php).
 *
 * @package WorkOS_Login
 * @since   0.6.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** The export's filters: option => the screen's query argument (audit/query.php). */
const WORKOS_LOGIN_CLI_AUDIT_FILTERS = array(
	'event'   => 'event',
	'account' => 'user',
	'from'    => 'from',
	'to'      => 'to',
	'method'  => 'method',
	'profile' => 'profile',
	'search'  => 's',
);

/**
 * Exports the audit log as CSV: the rows the WorkOS → Audit Log screen lists for the same
 * filters, with the screen's columns, then the stored columns the hash chain covers, so the
 * file can be verified offline (`node scripts/verify-audit-csv.ts <file>`; add `--filtered` for
 * a filtered export).
 *
 * ## OPTIONS
 *
 * [--file=<path>]
 * : Write the CSV to this file instead of printing it.
 *
 * [--event=<event>]
 * : Only this event, e.g. `login`, `login_failed`.
 *
 * [--account=<user>]
 * : Only this WordPress user: ID, username or email address. (Not `--user`: that is WP-CLI's
 * own option, the user the command runs as.)
 *
 * [--from=<date>]
 * : From this day on (`YYYY-MM-DD`, the site's time zone).
 *
 * [--to=<date>]
 * : Up to and including this day (`YYYY-MM-DD`).
 *
 * [--method=<method>]
 * : Only this sign-in method, e.g. `password`.
 *
 * [--profile=<slug>]
 * : Only this Login Profile.
 *
 * [--search=<text>]
 * : Email (part of it), WorkOS user ID or IP address.
 *
 * ## EXAMPLES
 *
 *     $ wp workos audit export --file=audit.csv
 *     $ node scripts/verify-audit-csv.ts audit.csv
 *
 *     $ wp workos audit export --event=login_failed --from=2026-12-01 > failures.csv
 *
 * @since 0.6.0
 *
 * @param string[]             $args       Positional arguments (none).
 * @param array<string, mixed> $assoc_args `file` and the filters.
 */
function workos_login_cli_audit_export( array $args, array $assoc_args ): void {
	$filters = workos_login_cli_audit_filters( $assoc_args );
	$file    = isset( $assoc_args['file'] ) ? (string) $assoc_args['file'] : '';
	if ( isset( $assoc_args['file'] ) && '' === $file ) {
		WP_CLI::error( __( 'Give --file a path.', 'workos-login' ) );
	}
	// phpcs:disable WordPress.WP.AlternativeFunctions -- a file or the standard output the command was asked to write.
	$out = fopen( '' === $file ? 'php://stdout' : $file, 'w' );
	if ( false === $out ) {
		/* translators: %s: a file path. */
		WP_CLI::error( sprintf( __( 'Cannot write to %s.', 'workos-login' ), $file ) );
		return;
	}
	$written = workos_login_audit_write_csv( $out, $filters );
	fclose( $out );
	// phpcs:enable WordPress.WP.AlternativeFunctions
	if ( '' !== $file ) {
		/* translators: 1: number of entries, 2: a file path. */
		WP_CLI::success( sprintf( _n( 'Exported %1$s entry to %2$s.', 'Exported %1$s entries to %2$s.', $written, 'workos-login' ), number_format_i18n( $written ), $file ) );
	}
}

/**
 * The screen's filters from the command's options; an option the screen would drop as invalid
 * is an error here.
 *
 * @since 0.6.0
 *
 * @param array<string, mixed> $assoc_args The command's options.
 * @return array{event: string, user: string, from: string, to: string, method: string, profile: string, s: string}
 */
function workos_login_cli_audit_filters( array $assoc_args ): array {
	$query = array();
	foreach ( WORKOS_LOGIN_CLI_AUDIT_FILTERS as $option => $key ) {
		if ( isset( $assoc_args[ $option ] ) ) {
			$query[ $key ] = is_string( $assoc_args[ $option ] ) ? $assoc_args[ $option ] : '';
		}
	}
	$filters = workos_login_audit_filters( $query );
	foreach ( WORKOS_LOGIN_CLI_AUDIT_FILTERS as $option => $key ) {
		$given = isset( $query[ $key ] ) ? trim( $query[ $key ] ) : null;
		if ( null !== $given && ( '' === $filters[ $key ] || $given !== $filters[ $key ] ) ) {
			$hints = array(
				'event' => implode( ', ', WORKOS_LOGIN_AUDIT_EVENTS ),
				'from'  => 'YYYY-MM-DD',
				'to'    => 'YYYY-MM-DD',
			);
			/* translators: 1: an option name, 2: the value given. */
			$message = sprintf( __( 'Invalid --%1$s: “%2$s”.', 'workos-login' ), $option, $query[ $key ] );
			if ( isset( $hints[ $option ] ) ) {
				/* translators: %s: the values allowed, or their format. */
				$message .= ' ' . sprintf( __( 'Use: %s.', 'workos-login' ), $hints[ $option ] );
			}
			WP_CLI::error( $message );
		}
	}
	return $filters;
}

/**
 * Deletes audit log entries older than a number of days, as the daily retention job does (hash
 * chained entries only from the start of the chain, so what remains still verifies).
 *
 * ## OPTIONS
 *
 * [--older-than=<days>]
 * : Delete entries older than this many days. Default: the retention setting
 * (`audit_retention_days`).
 *
 * [--yes]
 * : Delete without asking.
 *
 * ## EXAMPLES
 *
 *     $ wp workos audit purge --older-than=365 --yes
 *
 * @since 0.6.0
 *
 * @param string[]             $args       Positional arguments (none).
 * @param array<string, mixed> $assoc_args `older-than`, `yes`.
 */
function workos_login_cli_audit_purge( array $args, array $assoc_args ): void {
	if ( isset( $assoc_args['older-than'] ) ) {
		$text = is_string( $assoc_args['older-than'] ) ? $assoc_args['older-than'] : '';
		if ( 1 !== preg_match( '/^[1-9][0-9]{0,5}$/D', $text ) ) {
			WP_CLI::error( __( 'Give --older-than a whole number of days, 1 or more.', 'workos-login' ) );
		}
		$days = (int) $text;
	} else {
		$days = (int) workos_login_option( 'audit_retention_days' );
		if ( $days <= 0 ) {
			WP_CLI::error( __( 'The retention setting keeps every entry; give --older-than=<days>.', 'workos-login' ) );
		}
	}
	/* translators: %s: number of days. */
	WP_CLI::confirm( sprintf( _n( 'Delete the audit log entries older than %s day?', 'Delete the audit log entries older than %s days?', $days, 'workos-login' ), number_format_i18n( $days ) ), $assoc_args );
	$deleted = 0;
	do {
		$result   = workos_login_audit_purge( WORKOS_LOGIN_AUDIT_PURGE_BATCHES, $days );
		$deleted += $result['deleted'];
	} while ( $result['more'] && $result['deleted'] > 0 );
	/* translators: %s: number of entries. */
	WP_CLI::success( sprintf( _n( 'Deleted %s entry.', 'Deleted %s entries.', $deleted, 'workos-login' ), number_format_i18n( $deleted ) ) );
}

/**
 * Verifies the audit log's hash chain: that no entry was changed, removed or added afterwards
 * (the "Audit log integrity" test of Site Health and Diagnostics).
 *
 * Exit code, for scripts: 0 when the chain is intact (or holds nothing yet), 1 when it is
 * broken, 2 when the time allowed ran out before every entry was checked.
 *
 * ## EXAMPLES
 *
 *     $ wp workos audit verify && echo intact
 *
 * @since 0.6.0
 *
 * @param string[]             $args       Positional arguments (none).
 * @param array<string, mixed> $assoc_args None.
 */
function workos_login_cli_audit_verify( array $args, array $assoc_args ): void {
	$result = workos_login_run_health_test( 'audit_integrity' );
	if ( null === $result ) {
		WP_CLI::error( __( 'The audit log integrity test is not available.', 'workos-login' ) );
		return;
	}
	$text = workos_login_cli_plain_text( $result['description'] );
	if ( 'critical' === $result['status'] ) {
		WP_CLI::error( $result['label'] . "\n" . $text );
	}
	WP_CLI::line( $text );
	if ( 'good' !== $result['status'] ) {
		WP_CLI::warning( $result['label'] );
		WP_CLI::halt( 2 );
	}
	WP_CLI::success( $result['label'] );
}
