<?php
/**
 * The Audit Log screen's summary of the last 30 days: sign-ins, failures, denials, unique users,
 * and a small daily bar chart (inline SVG drawn on the server, with a table for screen readers).
 *
 * @package WorkOS_Login
 * @since   0.3.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Counts per day (in the site's time zone) and totals.
 *
 * Grouped by UTC hour in SQL (portable: a string prefix of the stored time), then assigned to
 * local days here; a time zone with a half-hour offset is placed by the hour's start.
 *
 * @since 0.3.0
 *
 * @param int $days Days, today included.
 * @return array{login: int, login_failed: int, login_denied: int, unique_users: int, days: array<string, array{login: int, login_failed: int, login_denied: int}>}
 */
function workos_login_audit_summary( int $days = 30 ): array {
	global $wpdb;
	$zone    = wp_timezone();
	$utc     = new DateTimeZone( 'UTC' );
	$first   = ( new DateTimeImmutable( 'today', $zone ) )->modify( '-' . ( $days - 1 ) . ' days' );
	$since   = $first->setTimezone( $utc )->format( 'Y-m-d H:i:s' );
	$empty   = array(
		'login'        => 0,
		'login_failed' => 0,
		'login_denied' => 0,
	);
	$summary = $empty + array(
		'unique_users' => 0,
		'days'         => array(),
	);
	for ( $day = 0; $day < $days; $day++ ) {
		$summary['days'][ $first->modify( "+{$day} days" )->format( 'Y-m-d' ) ] = $empty;
	}
	if ( ! workos_login_audit_table_exists() ) {
		return $summary;
	}
	$table = workos_login_audit_table();
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- the plugin's own table; a few hundred groups at most.
	$groups = $wpdb->get_results(
		$wpdb->prepare(
			"SELECT SUBSTR(occurred_at, 1, 13) AS hour_utc, event, COUNT(*) AS n FROM %i WHERE occurred_at >= %s AND event IN ('login', 'login_failed', 'login_denied') GROUP BY SUBSTR(occurred_at, 1, 13), event",
			$table,
			$since
		),
		ARRAY_A
	);
	foreach ( (array) $groups as $group ) {
		$day = ( new DateTimeImmutable( $group['hour_utc'] . ':00:00', $utc ) )->setTimezone( $zone )->format( 'Y-m-d' );
		if ( isset( $summary['days'][ $day ][ $group['event'] ] ) ) {
			$summary['days'][ $day ][ $group['event'] ] += (int) $group['n'];
			$summary[ $group['event'] ]                 += (int) $group['n'];
		}
	}
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- the plugin's own table.
	$summary['unique_users'] = (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(DISTINCT user_id) FROM %i WHERE occurred_at >= %s AND event = 'login' AND user_id > 0", $table, $since ) );
	return $summary;
}

/**
 * Prints the summary: four figures and the chart.
 *
 * @since 0.3.0
 */
function workos_login_audit_render_summary(): void {
	$summary = workos_login_audit_summary();
	$figures = array(
		array( __( 'Sign-ins', 'workos-login' ), $summary['login'] ),
		array( __( 'Failed sign-ins', 'workos-login' ), $summary['login_failed'] ),
		array( __( 'Denied sign-ins', 'workos-login' ), $summary['login_denied'] ),
		array( __( 'Unique users', 'workos-login' ), $summary['unique_users'] ),
	);
	echo '<section class="workos-audit-summary" aria-labelledby="workos-audit-summary-title">';
	echo '<h2 id="workos-audit-summary-title">' . esc_html__( 'Last 30 days', 'workos-login' ) . '</h2>';
	echo '<dl class="workos-audit-figures">';
	foreach ( $figures as $figure ) {
		printf( '<div><dt>%s</dt><dd>%s</dd></div>', esc_html( $figure[0] ), esc_html( number_format_i18n( $figure[1] ) ) );
	}
	echo '</dl>';
	workos_login_audit_render_chart( $summary['days'] );
	echo '</section>';
}

/**
 * Prints the daily chart: one bar per day, sign-ins stacked under failures and denials; an
 * image to assistive technology (its title and description), with the numbers in a table only
 * screen readers see.
 *
 * @since 0.3.0
 *
 * @param array<string, array{login: int, login_failed: int, login_denied: int}> $days Local date → counts.
 */
function workos_login_audit_render_chart( array $days ): void {
	$width  = 600;
	$height = 120;
	$slot   = $width / max( 1, count( $days ) );
	$max    = 1;
	foreach ( $days as $counts ) {
		$max = max( $max, array_sum( $counts ) );
	}
	$busiest = array_search( $max, array_map( 'array_sum', $days ), true );
	$desc    = false === $busiest
		? __( 'No sign-ins in the last 30 days.', 'workos-login' )
		/* translators: 1: a number of sign-in attempts, 2: a date. */
		: sprintf( __( 'Busiest day: %1$s sign-in attempts on %2$s.', 'workos-login' ), number_format_i18n( $max ), workos_login_audit_day_label( (string) $busiest ) );

	printf(
		'<svg class="workos-audit-chart" viewBox="0 0 %1$d %2$d" preserveAspectRatio="none" role="img" aria-labelledby="workos-audit-chart-title workos-audit-chart-desc" focusable="false"><title id="workos-audit-chart-title">%3$s</title><desc id="workos-audit-chart-desc">%4$s</desc>',
		(int) $width,
		(int) $height,
		esc_html__( 'Sign-ins per day, with failed and denied sign-ins on top, for the last 30 days', 'workos-login' ),
		esc_html( $desc )
	);
	$index = 0;
	foreach ( $days as $counts ) {
		$x      = $index * $slot + 1;
		$ok     = $counts['login'] / $max * ( $height - 2 );
		$failed = ( $counts['login_failed'] + $counts['login_denied'] ) / $max * ( $height - 2 );
		if ( $ok > 0 ) {
			printf( '<rect class="workos-audit-bar-ok" x="%.1f" y="%.1f" width="%.1f" height="%.1f"/>', (float) $x, (float) ( $height - $ok ), (float) ( $slot - 2 ), (float) $ok );
		}
		if ( $failed > 0 ) {
			printf( '<rect class="workos-audit-bar-failed" x="%.1f" y="%.1f" width="%.1f" height="%.1f"/>', (float) $x, (float) ( $height - $ok - $failed ), (float) ( $slot - 2 ), (float) $failed );
		}
		++$index;
	}
	echo '</svg>';
	echo '<p class="workos-audit-legend" aria-hidden="true"><span class="workos-audit-key-ok"></span>' . esc_html__( 'Sign-ins', 'workos-login' ) . ' <span class="workos-audit-key-failed"></span>' . esc_html__( 'Failed or denied', 'workos-login' ) . '</p>';

	echo '<table class="screen-reader-text"><caption>' . esc_html__( 'Sign-in attempts per day', 'workos-login' ) . '</caption><thead><tr>';
	foreach ( array( __( 'Day', 'workos-login' ), __( 'Sign-ins', 'workos-login' ), __( 'Failed sign-ins', 'workos-login' ), __( 'Denied sign-ins', 'workos-login' ) ) as $heading ) {
		echo '<th scope="col">' . esc_html( $heading ) . '</th>';
	}
	echo '</tr></thead><tbody>';
	foreach ( $days as $day => $counts ) {
		printf(
			'<tr><th scope="row">%s</th><td>%s</td><td>%s</td><td>%s</td></tr>',
			esc_html( workos_login_audit_day_label( (string) $day ) ),
			esc_html( number_format_i18n( $counts['login'] ) ),
			esc_html( number_format_i18n( $counts['login_failed'] ) ),
			esc_html( number_format_i18n( $counts['login_denied'] ) )
		);
	}
	echo '</tbody></table>';
}

/**
 * A local date (`Y-m-d`) in the site's date format.
 *
 * @since 0.3.0
 *
 * @param string $day Date.
 */
function workos_login_audit_day_label( string $day ): string {
	$date = DateTimeImmutable::createFromFormat( '!Y-m-d', $day, wp_timezone() );
	return $date ? wp_date( (string) get_option( 'date_format' ), $date->getTimestamp() ) : $day;
}
