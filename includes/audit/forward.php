<?php
/**
 * Forwarding to WorkOS Audit Logs (setting `audit_forward`, with a site organization), through
 * the login server's `POST /v1/audit/event` (ARCHITECTURE rule 1: PHP never calls WorkOS).
 *
 * Off the sign-in's critical path: a new row is only marked `pending`; a wp-cron job scheduled
 * for "now" sends it after the request, and a sweep every fifteen minutes (the shortest interval
 * Plugin Check accepts) retries failures with exponential backoff until
 * WORKOS_LOGIN_AUDIT_FORWARD_ATTEMPTS (a retry runs at the first sweep, or the first new event's
 * job, after its backoff), then marks the row `failed`
 * (the Audit Log screen shows it). The row's uuid is the idempotency key: a retry after a lost
 * answer never records the event twice.
 *
 * @package WorkOS_Login
 * @since   0.3.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** The "send what is pending now" job. */
const WORKOS_LOGIN_AUDIT_FORWARD_HOOK = 'workos_login_audit_forward';

/** The retry sweep, every fifteen minutes while forwarding is on. */
const WORKOS_LOGIN_AUDIT_SWEEP_HOOK = 'workos_login_audit_forward_sweep';

/** Attempts before a row is marked `failed`: 1 + 2 + 4 + … minutes of backoff, ≈ 4–5 hours of retries. */
const WORKOS_LOGIN_AUDIT_FORWARD_ATTEMPTS = 8;

/** Rows sent per job at most (each is one request to the login server). */
const WORKOS_LOGIN_AUDIT_FORWARD_BATCH = 50;

/**
 * Whether new rows are to be forwarded: the setting is on and the site has an organization.
 *
 * @since 0.3.0
 */
function workos_login_audit_forwarding_active(): bool {
	return (bool) workos_login_option( 'audit_forward' ) && null !== workos_login_site_organization_id();
}

/** The sweep's wp-cron schedule. */
const WORKOS_LOGIN_AUDIT_SWEEP_SCHEDULE = 'workos_login_fifteen_minutes';

/**
 * Adds the fifteen-minute schedule of the sweep.
 *
 * @since 0.3.0
 *
 * @param array<string, array{interval: int, display: string}> $schedules Cron schedules.
 * @return array<string, array{interval: int, display: string}>
 */
function workos_login_audit_cron_schedules( $schedules ): array {
	$schedules                                      = is_array( $schedules ) ? $schedules : array();
	$schedules[ WORKOS_LOGIN_AUDIT_SWEEP_SCHEDULE ] = array(
		'interval' => 15 * MINUTE_IN_SECONDS,
		'display'  => __( 'Every fifteen minutes (WorkOS Login)', 'workos-login' ),
	);
	return $schedules;
}
add_filter( 'cron_schedules', 'workos_login_audit_cron_schedules' );

/**
 * Asks wp-cron to send pending rows as soon as possible (after this request), and makes sure
 * the retry sweep runs.
 *
 * @since 0.3.0
 */
function workos_login_audit_schedule_forward(): void {
	if ( false === wp_next_scheduled( WORKOS_LOGIN_AUDIT_FORWARD_HOOK ) ) {
		wp_schedule_single_event( time(), WORKOS_LOGIN_AUDIT_FORWARD_HOOK );
	}
	workos_login_audit_sync_sweep();
}

/**
 * Schedules the sweep while forwarding is on, removes it when it is off (admin loads and writes).
 * A sweep scheduled by an earlier version on another schedule (every five minutes before 0.6.0)
 * is moved to this one.
 *
 * @since 0.3.0
 */
function workos_login_audit_sync_sweep(): void {
	$next = wp_next_scheduled( WORKOS_LOGIN_AUDIT_SWEEP_HOOK );
	if ( false !== $next && WORKOS_LOGIN_AUDIT_SWEEP_SCHEDULE !== wp_get_schedule( WORKOS_LOGIN_AUDIT_SWEEP_HOOK ) ) {
		wp_unschedule_hook( WORKOS_LOGIN_AUDIT_SWEEP_HOOK );
		$next = false;
	}
	if ( workos_login_audit_forwarding_active() ) {
		if ( false === $next ) {
			wp_schedule_event( time() + 15 * MINUTE_IN_SECONDS, WORKOS_LOGIN_AUDIT_SWEEP_SCHEDULE, WORKOS_LOGIN_AUDIT_SWEEP_HOOK );
		}
	} elseif ( false !== $next ) {
		wp_unschedule_hook( WORKOS_LOGIN_AUDIT_SWEEP_HOOK );
	}
}
add_action( 'admin_init', 'workos_login_audit_sync_sweep' );

/**
 * The cron jobs: sends the rows that are due.
 *
 * @since 0.3.0
 */
function workos_login_audit_run_forward(): void {
	workos_login_audit_forward_due();
}
add_action( WORKOS_LOGIN_AUDIT_FORWARD_HOOK, 'workos_login_audit_run_forward' );
add_action( WORKOS_LOGIN_AUDIT_SWEEP_HOOK, 'workos_login_audit_run_forward' );

/**
 * Sends pending rows whose time has come, oldest first, for at most `$seconds`.
 *
 * @since 0.3.0
 *
 * @param int $limit   Rows at most.
 * @param int $seconds Time budget: a slow server does not hold a cron run for minutes.
 * @return array{sent: int, retrying: int, failed: int}
 */
function workos_login_audit_forward_due( int $limit = WORKOS_LOGIN_AUDIT_FORWARD_BATCH, int $seconds = 20 ): array {
	global $wpdb;
	$counts       = array(
		'sent'     => 0,
		'retrying' => 0,
		'failed'   => 0,
	);
	$organization = workos_login_site_organization_id();
	if ( ! workos_login_option( 'audit_forward' ) || null === $organization || ! workos_login_audit_table_exists() ) {
		return $counts;
	}
	$deadline = microtime( true ) + $seconds;
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- the plugin's own table; nothing to cache.
	$rows = $wpdb->get_results(
		$wpdb->prepare( "SELECT * FROM %i WHERE forward_state = 'pending' AND forward_after <= %d ORDER BY id ASC LIMIT %d", workos_login_audit_table(), time(), $limit ),
		ARRAY_A
	);
	foreach ( (array) $rows as $row ) {
		if ( microtime( true ) > $deadline ) {
			break;
		}
		$state = workos_login_audit_forward_row( $row, $organization );
		++$counts[ $state ];
	}
	return $counts;
}

/**
 * Sends one row and records the result on it.
 *
 * @since 0.3.0
 *
 * @param array<string, string> $row          The row as read.
 * @param string                $organization The site's organization id.
 * @return 'sent'|'retrying'|'failed'
 */
function workos_login_audit_forward_row( array $row, string $organization ): string {
	global $wpdb;
	$outcome  = workos_login_server_request( 'audit/event', array( 'input' => workos_login_audit_forward_input( $row, $organization ) ), array( 'audit_forwarded' ) );
	$attempts = (int) $row['forward_attempts'] + 1;
	if ( ! is_wp_error( $outcome ) && 'audit_forwarded' === $outcome['type'] ) {
		$update = array(
			'forward_state'    => 'sent',
			'forward_attempts' => $attempts,
			'forward_error'    => '',
		);
	} else {
		$code   = is_wp_error( $outcome ) ? (string) $outcome->get_error_code() : (string) ( $outcome['code'] ?? 'error' );
		$failed = $attempts >= WORKOS_LOGIN_AUDIT_FORWARD_ATTEMPTS;
		$update = array(
			'forward_state'    => $failed ? 'failed' : 'pending',
			'forward_attempts' => $attempts,
			'forward_after'    => time() + min( 6 * HOUR_IN_SECONDS, MINUTE_IN_SECONDS * ( 2 ** ( $attempts - 1 ) ) ),
			'forward_error'    => substr( $code, 0, 100 ),
		);
	}
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- the plugin's own table; nothing to cache.
	$wpdb->update( workos_login_audit_table(), $update, array( 'id' => (int) $row['id'] ), workos_login_audit_formats( $update ), array( '%d' ) );
	if ( 'sent' === $update['forward_state'] ) {
		return 'sent';
	}
	return 'failed' === $update['forward_state'] ? 'failed' : 'retrying';
}

/**
 * The `AuditForwardRequest` (protocol/admin.ts) for a row.
 *
 * Actor: the WorkOS user when known, else the WordPress user (`wp_user_<id>`); targets: the
 * site, and the WordPress user when there is one; metadata: the row's fields and its detail,
 * flattened to scalars within the contract's limits.
 *
 * @since 0.3.0
 *
 * @param array<string, string> $row          The row as read.
 * @param string                $organization Organization id.
 * @return array{organization_id: string, idempotency_key: string, event: array<string, mixed>}
 */
function workos_login_audit_forward_input( array $row, string $organization ): array {
	$user_id = (int) $row['user_id'];
	$actor   = array(
		'id'   => '' !== $row['workos_user_id'] ? $row['workos_user_id'] : ( $user_id > 0 ? 'wp_user_' . $user_id : 'wp_anonymous' ),
		'type' => 'user',
	);
	if ( '' !== $row['email'] ) {
		$actor['name'] = $row['email'];
	}
	$targets = array(
		array(
			'id'   => (string) wp_parse_url( home_url(), PHP_URL_HOST ),
			'type' => 'wordpress_site',
			'name' => workos_login_audit_cut( wp_specialchars_decode( (string) get_bloginfo( 'name' ), ENT_QUOTES ), 500 ),
		),
	);
	if ( $user_id > 0 ) {
		$targets[] = array(
			'id'   => 'wp_user_' . $user_id,
			'type' => 'wordpress_user',
		);
	}
	$context = array( 'location' => '' !== $row['ip'] ? $row['ip'] : '0.0.0.0' );
	if ( '' !== $row['user_agent'] ) {
		$context['user_agent'] = $row['user_agent'];
	}
	$event    = array(
		'action'      => 'wordpress.' . $row['event'],
		'occurred_at' => gmdate( 'Y-m-d\TH:i:s\Z', (int) strtotime( $row['occurred_at'] . ' UTC' ) ),
		'actor'       => $actor,
		'targets'     => $targets,
		'context'     => $context,
	);
	$metadata = workos_login_audit_forward_metadata( $row );
	if ( $metadata ) {
		$event['metadata'] = $metadata;
	}
	return array(
		'organization_id' => $organization,
		'idempotency_key' => 'wp-audit-' . $row['uuid'],
		'event'           => $event,
	);
}

/**
 * Metadata for WorkOS: row fields, then detail fields (nested values as JSON), at most 50 keys
 * of 40 characters and values of 500 (protocol `IDENTITY_ADMIN_LIMITS`).
 *
 * @since 0.3.0
 *
 * @param array<string, string> $row The row as read.
 * @return array<string, string|int|bool>
 */
function workos_login_audit_forward_metadata( array $row ): array {
	$fields   = array(
		'wp_user_id'     => (int) $row['user_id'],
		'email'          => $row['email'],
		'workos_user_id' => $row['workos_user_id'],
		'profile'        => $row['profile'],
		'method'         => $row['method'],
	);
	$detail   = json_decode( $row['detail'], true );
	$metadata = array();
	foreach ( $fields + ( is_array( $detail ) ? $detail : array() ) as $key => $value ) {
		if ( count( $metadata ) >= 50 || '' === $value || null === $value || 0 === $value ) {
			continue;
		}
		$key = substr( (string) preg_replace( '/[^A-Za-z0-9_]/', '_', (string) $key ), 0, 40 );
		if ( is_bool( $value ) || is_int( $value ) ) {
			$metadata[ $key ] = $value;
		} else {
			$text             = is_scalar( $value ) ? (string) $value : (string) wp_json_encode( $value, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE );
			$metadata[ $key ] = workos_login_audit_cut( $text, 500 );
		}
	}
	return $metadata;
}
