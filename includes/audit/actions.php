<?php
/**
 * The Audit Log screen's actions: CSV export and clearing (after a confirmation), both through
 * admin-post.php with a nonce and `manage_options`.
 *
 * @package WorkOS_Login
 * @since   0.3.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** Rows read per query while exporting. */
const WORKOS_LOGIN_AUDIT_EXPORT_CHUNK = 500;

/**
 * Streams the rows the screen lists for the same filters, with the screen's columns, as CSV.
 * Then come the stored columns the hash chain covers, under their own names
 * (workos_login_audit_export_stored()), so a file can be verified offline.
 *
 * @since 0.3.0
 */
function workos_login_audit_export(): void {
	if ( ! current_user_can( 'manage_options' ) ) {
		wp_die( esc_html__( 'Sorry, you are not allowed to export the audit log.', 'workos-login' ), 403 );
	}
	check_admin_referer( 'workos_login_audit_export' );
	// Filters are read like the screen reads them; the nonce above vouches for the request.
	$filters = workos_login_audit_filters( wp_unslash( $_GET ) );

	nocache_headers();
	header( 'Content-Type: text/csv; charset=utf-8' );
	header( 'Content-Disposition: attachment; filename="workos-login-audit-' . gmdate( 'Ymd-His' ) . '.csv"' );
	header( 'X-Content-Type-Options: nosniff' );
	// phpcs:disable WordPress.WP.AlternativeFunctions -- streaming to the response, not the file system.
	$out = fopen( 'php://output', 'w' );
	if ( false !== $out ) {
		workos_login_audit_write_csv( $out, $filters );
		fclose( $out );
	}
	// phpcs:enable WordPress.WP.AlternativeFunctions
	exit;
}
add_action( 'admin_post_workos_login_audit_export', 'workos_login_audit_export' );

/**
 * Writes the export: a byte order mark (so spreadsheet programs read UTF-8), the screen's columns,
 * then the stored columns the chain covers, for every row the filters select, newest first, read
 * in chunks. The screen's download and `wp workos audit export` both write it.
 *
 * @since 0.6.0
 *
 * @param resource              $out     Where to write.
 * @param array<string, string> $filters From workos_login_audit_filters().
 * @return int Rows written.
 */
function workos_login_audit_write_csv( $out, array $filters ): int {
	$columns = workos_login_audit_columns();
	$stored  = workos_login_audit_export_stored();
	$written = 0;
	// phpcs:disable WordPress.WP.AlternativeFunctions -- writing the export to the stream given.
	fwrite( $out, "\xEF\xBB\xBF" );
	fputcsv( $out, array_merge( array_map( 'workos_login_audit_csv_cell', array_values( $columns ) ), $stored ), ',', '"', '' );
	$before = array();
	do {
		$rows = workos_login_audit_rows( $filters, WORKOS_LOGIN_AUDIT_EXPORT_CHUNK, 0, $before );
		foreach ( $rows as $row ) {
			$cells = array();
			foreach ( array_keys( $columns ) as $column ) {
				$cells[] = workos_login_audit_csv_cell( workos_login_audit_cell( $row, $column ) );
			}
			foreach ( $stored as $column ) {
				$cells[] = workos_login_audit_csv_stored_cell( (string) ( $row[ $column ] ?? '' ) );
			}
			fputcsv( $out, $cells, ',', '"', '' );
			++$written;
		}
		$last   = end( $rows );
		$before = $last ? array( (string) $last['occurred_at'], (int) $last['id'] ) : array();
	} while ( count( $rows ) === WORKOS_LOGIN_AUDIT_EXPORT_CHUNK ); // phpcs:ignore Squiz.PHP.DisallowSizeFunctionsInLoops.Found -- $rows is a new chunk each pass.
	// phpcs:enable WordPress.WP.AlternativeFunctions
	return $written;
}

/**
 * A cell safe to open in a spreadsheet: text that a spreadsheet would run as a formula gets a
 * leading apostrophe (CSV injection).
 *
 * @since 0.3.0
 *
 * @param string $text Cell text.
 */
function workos_login_audit_csv_cell( string $text ): string {
	return '' !== $text && false !== strpos( "=+-@\t\r", $text[0] ) ? "'" . $text : $text;
}

/**
 * The stored columns the export appends: the row's id, the fields its hash covers, its hash.
 *
 * @since 0.6.0
 *
 * @return string[] Column names, also the CSV headings.
 */
function workos_login_audit_export_stored(): array {
	return array_merge( array( 'id' ), WORKOS_LOGIN_AUDIT_CHAIN_FIELDS, array( 'chain_hash' ) );
}

/**
 * A stored value as a cell: a formula-like value, and one starting with an apostrophe, gets a
 * leading apostrophe, so a verifier removes exactly one from any cell that starts with it.
 *
 * @since 0.6.0
 *
 * @param string $text The stored value.
 */
function workos_login_audit_csv_stored_cell( string $text ): string {
	return '' !== $text && false !== strpos( "=+-@\t\r'", $text[0] ) ? "'" . $text : $text;
}

/**
 * The confirmation step before clearing.
 *
 * @since 0.3.0
 */
function workos_login_audit_render_clear_confirmation(): void {
	$count = workos_login_audit_count( array() );
	$back  = admin_url( 'admin.php?page=' . WORKOS_LOGIN_AUDIT_PAGE );
	echo '<div class="wrap"><h1>' . esc_html__( 'Clear the audit log', 'workos-login' ) . '</h1>';
	if ( 0 === $count ) {
		echo '<p>' . esc_html__( 'The audit log is empty.', 'workos-login' ) . '</p>';
		echo '<p><a class="button" href="' . esc_url( $back ) . '">' . esc_html__( 'Back to the audit log', 'workos-login' ) . '</a></p></div>';
		return;
	}
	/* translators: %s: number of entries. */
	$question = sprintf( _n( 'Delete the %s entry of the audit log?', 'Delete all %s entries of the audit log?', $count, 'workos-login' ), number_format_i18n( $count ) );
	echo '<p><strong>' . esc_html( $question ) . '</strong></p>';
	echo '<p>' . esc_html__( 'This cannot be undone; export the log first if you need it. The clearing itself is recorded in the log.', 'workos-login' ) . '</p>';
	echo '<form method="post" action="' . esc_url( admin_url( 'admin-post.php' ) ) . '">';
	echo '<input type="hidden" name="action" value="workos_login_audit_clear">';
	wp_nonce_field( 'workos_login_audit_clear' );
	echo '<p>';
	submit_button( __( 'Delete all entries', 'workos-login' ), 'primary', 'submit', false );
	echo ' <a class="button" href="' . esc_url( $back ) . '">' . esc_html__( 'Cancel', 'workos-login' ) . '</a></p>';
	echo '</form></div>';
}

/**
 * Clears the log, then records that it was cleared (as the first entry of the empty log).
 *
 * @since 0.3.0
 */
function workos_login_audit_clear(): void {
	if ( ! current_user_can( 'manage_options' ) ) {
		wp_die( esc_html__( 'Sorry, you are not allowed to clear the audit log.', 'workos-login' ), 403 );
	}
	check_admin_referer( 'workos_login_audit_clear' );
	$deleted = workos_login_audit_delete_all();
	// Recorded even while the log is switched off.
	workos_login_audit_write(
		'settings_changed',
		workos_login_audit_actor_fields() + array(
			'detail' => array(
				'setting' => 'audit_log',
				'action'  => 'audit_cleared',
				'rows'    => $deleted,
			),
		)
	);
	wp_safe_redirect(
		add_query_arg(
			array(
				'page'    => WORKOS_LOGIN_AUDIT_PAGE,
				'cleared' => $deleted,
			),
			admin_url( 'admin.php' )
		)
	);
	exit;
}
add_action( 'admin_post_workos_login_audit_clear', 'workos_login_audit_clear' );

/**
 * Deletes every row.
 *
 * @since 0.3.0
 *
 * @return int Rows deleted.
 */
function workos_login_audit_delete_all(): int {
	global $wpdb;
	if ( ! workos_login_audit_table_exists() ) {
		return 0;
	}
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- the plugin's own table.
	return (int) $wpdb->query( $wpdb->prepare( 'DELETE FROM %i', workos_login_audit_table() ) );
}
