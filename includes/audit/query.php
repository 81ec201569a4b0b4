<?php
/**
 * Reading the audit log: the filters of the screen and the CSV export (one definition for
 * both, so an export holds exactly the rows the screen lists), and the 30-day summary.
 *
 * @package WorkOS_Login
 * @since   0.3.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The filters from a request's query (`event`, `user`, `from`, `to`, `method`, `profile`, `s`),
 * validated; anything invalid is dropped.
 *
 * `user` is a WordPress user id, login or email; `from`/`to` are dates (`Y-m-d`) in the site's
 * time zone, both included; `s` searches email (part of it), WorkOS user id and IP (exact).
 *
 * @since 0.3.0
 *
 * @param array<string, mixed> $query Usually `$_GET`, unslashed.
 * @return array{event: string, user: string, from: string, to: string, method: string, profile: string, s: string}
 */
function workos_login_audit_filters( array $query ): array {
	$text    = static function ( string $key, int $max ) use ( $query ): string {
		$value = $query[ $key ] ?? '';
		return is_string( $value ) ? workos_login_audit_cut( trim( sanitize_text_field( $value ) ), $max ) : '';
	};
	$date    = static function ( string $key ) use ( $text ): string {
		$value = $text( $key, 10 );
		return 1 === preg_match( '/^\d{4}-\d{2}-\d{2}$/', $value ) && checkdate( (int) substr( $value, 5, 2 ), (int) substr( $value, 8, 2 ), (int) substr( $value, 0, 4 ) ) ? $value : '';
	};
	$event   = $text( 'event', 32 );
	$method  = $text( 'method', 32 );
	$profile = $text( 'profile', 64 );
	return array(
		'event'   => in_array( $event, WORKOS_LOGIN_AUDIT_EVENTS, true ) ? $event : '',
		'user'    => $text( 'user', 191 ),
		'from'    => $date( 'from' ),
		'to'      => $date( 'to' ),
		'method'  => 1 === preg_match( '/^[a-z0-9_]{1,32}$/', $method ) ? $method : '',
		'profile' => 1 === preg_match( '/' . WORKOS_LOGIN_PROFILE_SLUG_PATTERN . '/', $profile ) ? $profile : '',
		's'       => $text( 's', 191 ),
	);
}

/**
 * The filters as query arguments (only those set), for links and the export.
 *
 * @since 0.3.0
 *
 * @param array<string, string> $filters From workos_login_audit_filters().
 * @return array<string, string>
 */
function workos_login_audit_filter_args( array $filters ): array {
	return array_filter(
		$filters,
		static function ( string $value ): bool {
			return '' !== $value;
		}
	);
}

/**
 * The WHERE clause of the filters, with its placeholders' values.
 *
 * @since 0.3.0
 *
 * @param array<string, string> $filters From workos_login_audit_filters().
 * @return array{0: string, 1: list<string|int>} SQL starting with `WHERE` (or ''), and its values.
 */
function workos_login_audit_where( array $filters ): array {
	global $wpdb;
	$clauses = array();
	$values  = array();
	foreach ( array( 'event', 'method', 'profile' ) as $column ) {
		if ( '' !== ( $filters[ $column ] ?? '' ) ) {
			$clauses[] = "{$column} = %s";
			$values[]  = $filters[ $column ];
		}
	}
	if ( '' !== ( $filters['user'] ?? '' ) ) {
		$user = workos_login_audit_find_user( $filters['user'] );
		if ( $user ) {
			$clauses[] = 'user_id = %d';
			$values[]  = $user->ID;
		} elseif ( is_email( $filters['user'] ) ) {
			$clauses[] = 'email = %s';
			$values[]  = $filters['user'];
		} else {
			$clauses[] = '1 = 0';
		}
	}
	$zone = wp_timezone();
	if ( '' !== ( $filters['from'] ?? '' ) ) {
		$clauses[] = 'occurred_at >= %s';
		$values[]  = ( new DateTimeImmutable( $filters['from'] . ' 00:00:00', $zone ) )->setTimezone( new DateTimeZone( 'UTC' ) )->format( 'Y-m-d H:i:s' );
	}
	if ( '' !== ( $filters['to'] ?? '' ) ) {
		$clauses[] = 'occurred_at < %s';
		$values[]  = ( new DateTimeImmutable( $filters['to'] . ' 00:00:00', $zone ) )->modify( '+1 day' )->setTimezone( new DateTimeZone( 'UTC' ) )->format( 'Y-m-d H:i:s' );
	}
	if ( '' !== ( $filters['s'] ?? '' ) ) {
		$clauses[] = '(email LIKE %s OR workos_user_id = %s OR ip = %s)';
		array_push( $values, '%' . $wpdb->esc_like( $filters['s'] ) . '%', $filters['s'], $filters['s'] );
	}
	return array( $clauses ? 'WHERE ' . implode( ' AND ', $clauses ) : '', $values );
}

/**
 * A WordPress user by id, login or email.
 *
 * @since 0.3.0
 *
 * @param string $key Id, login or email.
 * @return WP_User|null
 */
function workos_login_audit_find_user( string $key ): ?WP_User {
	if ( ctype_digit( $key ) ) {
		$user = get_user_by( 'id', (int) $key );
	} else {
		$user = get_user_by( is_email( $key ) ? 'email' : 'login', $key );
	}
	return $user instanceof WP_User ? $user : null;
}

/**
 * Rows matching the filters, newest first.
 *
 * `$before` continues after a row (keyset paging, for the export): `[occurred_at, id]`.
 *
 * @since 0.3.0
 *
 * @param array<string, string>            $filters From workos_login_audit_filters().
 * @param int                              $limit   Rows at most.
 * @param int                              $offset  Rows skipped (screen pages).
 * @param array{}|array{0: string, 1: int} $before  Only rows after this one in the order.
 * @return list<array<string, string>>
 */
function workos_login_audit_rows( array $filters, int $limit, int $offset = 0, array $before = array() ): array {
	global $wpdb;
	if ( ! workos_login_audit_table_exists() ) {
		return array();
	}
	list( $where, $values ) = workos_login_audit_where( $filters );
	if ( $before ) {
		$where   .= ( '' === $where ? 'WHERE ' : ' AND ' ) . '(occurred_at < %s OR (occurred_at = %s AND id < %d))';
		$values[] = $before[0];
		$values[] = $before[0];
		$values[] = $before[1];
	}
	$sql = "SELECT * FROM %i {$where} ORDER BY occurred_at DESC, id DESC LIMIT %d OFFSET %d";
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.NotPrepared -- $where holds only placeholders.
	$rows = $wpdb->get_results( $wpdb->prepare( $sql, array_merge( array( workos_login_audit_table() ), $values, array( $limit, $offset ) ) ), ARRAY_A );
	return is_array( $rows ) ? $rows : array();
}

/**
 * How many rows match the filters.
 *
 * @since 0.3.0
 *
 * @param array<string, string> $filters From workos_login_audit_filters().
 */
function workos_login_audit_count( array $filters ): int {
	global $wpdb;
	if ( ! workos_login_audit_table_exists() ) {
		return 0;
	}
	list( $where, $values ) = workos_login_audit_where( $filters );
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.NotPrepared, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- $where holds only placeholders.
	return (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM %i {$where}", array_merge( array( workos_login_audit_table() ), $values ) ) );
}

/**
 * Whether any row has been forwarded or is waiting to be (the screen then shows the column).
 *
 * @since 0.3.0
 */
function workos_login_audit_has_forwarding(): bool {
	global $wpdb;
	if ( workos_login_audit_forwarding_active() ) {
		return true;
	}
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- the plugin's own table.
	return workos_login_audit_table_exists() && null !== $wpdb->get_var( $wpdb->prepare( "SELECT id FROM %i WHERE forward_state <> '' LIMIT 1", workos_login_audit_table() ) );
}
