<?php
/**
 * The incident record: what the plugin could not store because the database refused a write
 * (locked, read-only, gone) — kept where such a database cannot lose it, a small JSON file in
 * the uploads folder, `<uploads>/workos-login/incidents-<key>.json`.
 *
 * The key is derived from the site's salts (the same on every node, unguessable from outside, so
 * a web server that serves uploads cannot be asked for it by name); the folder also carries an
 * `index.php` and an `.htaccess` refusing access. The file holds no email address: times, what
 * failed, and the ids of the sign-in that failed. Once the database takes writes again,
 * recover.php moves it into the audit log and an option (admin notice, Diagnostics) and deletes it.
 * When the uploads folder cannot be written either, the PHP error log is the only record.
 *
 * @package WorkOS_Login
 * @since   0.6.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** Kinds of incident: a rate-limit or one-time write, a session token, an audit row, a user. */
const WORKOS_LOGIN_INCIDENT_KINDS = array( 'limits', 'session', 'audit', 'user' );

/** Detailed entries kept in the file (totals are kept for every incident). */
const WORKOS_LOGIN_INCIDENT_RECENT_MAX = 50;

/**
 * The incident file's path.
 *
 * @since 0.6.0
 *
 * @return string '' when the uploads folder is unknown.
 */
function workos_login_incident_file(): string {
	$uploads = wp_upload_dir( null, false );
	$base    = is_array( $uploads ) && empty( $uploads['error'] ) ? (string) $uploads['basedir'] : '';
	if ( '' === $base ) {
		return '';
	}
	return trailingslashit( $base ) . 'workos-login/incidents-' . substr( wp_hash( 'workos-login-incidents', 'auth' ), 0, 20 ) . '.json';
}

/**
 * Records an incident — once per kind per request (a burst of failures in one request is one
 * incident; a later call in the same request adds what it knows to the entry).
 *
 * @since 0.6.0
 *
 * @param string               $kind   One of WORKOS_LOGIN_INCIDENT_KINDS.
 * @param array<string, mixed> $fields What failed: `event`, `user_id`, `workos_user_id`, `profile`, `method` (no email).
 */
function workos_login_incident( string $kind, array $fields = array() ): void {
	static $seen = array();
	if ( ! in_array( $kind, WORKOS_LOGIN_INCIDENT_KINDS, true ) ) {
		return;
	}
	$again         = isset( $seen[ $kind ] );
	$seen[ $kind ] = true;
	$entry         = array(
		'at'   => time(),
		'kind' => $kind,
	) + workos_login_incident_fields( $fields );
	$stored        = workos_login_incident_update(
		static function ( array $record ) use ( $entry, $again ): array {
			if ( $again ) {
				foreach ( array_reverse( array_keys( $record['recent'] ) ) as $index ) {
					if ( $record['recent'][ $index ]['kind'] === $entry['kind'] ) {
						$record['recent'][ $index ] = $entry + $record['recent'][ $index ];
						return $record;
					}
				}
			}
			$total                             = $record['kinds'][ $entry['kind'] ] ?? array(
				'count'    => 0,
				'first_at' => $entry['at'],
			);
			$total['count']                    = (int) $total['count'] + 1;
			$total['last_at']                  = $entry['at'];
			$record['kinds'][ $entry['kind'] ] = $total;
			$record['recent'][]                = $entry;
			$record['recent']                  = array_slice( $record['recent'], -WORKOS_LOGIN_INCIDENT_RECENT_MAX );
			return $record;
		}
	);
	if ( ! $stored ) {
		workos_login_log( sprintf( 'incident (%s) could not be recorded in the uploads folder either.', $kind ) );
	}
}

/**
 * The fields an entry keeps, typed and cut.
 *
 * @since 0.6.0
 *
 * @param array<string, mixed> $fields Raw fields.
 * @return array<string, string|int>
 */
function workos_login_incident_fields( array $fields ): array {
	$kept = array();
	foreach ( array( 'event', 'workos_user_id', 'profile', 'method' ) as $name ) {
		if ( is_string( $fields[ $name ] ?? null ) && '' !== $fields[ $name ] ) {
			$kept[ $name ] = substr( (string) preg_replace( '/[^A-Za-z0-9_-]/', '', $fields[ $name ] ), 0, 64 );
		}
	}
	if ( isset( $fields['user_id'] ) && (int) $fields['user_id'] > 0 ) {
		$kept['user_id'] = (int) $fields['user_id'];
	}
	return $kept;
}

/**
 * Reads, changes and writes the file under an exclusive lock (several PHP workers — and, on a
 * shared uploads folder, several nodes — may record at once).
 *
 * @since 0.6.0
 *
 * @param callable $change Returns the new record; an empty `kinds` deletes the file.
 * @phpstan-param callable(array{kinds: array<string, array{count: int, first_at: int, last_at: int}>, recent: list<array<string, mixed>>, attempted_at: int}): array<string, mixed> $change
 * @return bool Whether the change was stored.
 */
function workos_login_incident_update( callable $change ): bool {
	$file = workos_login_incident_file();
	if ( '' === $file || ! workos_login_incident_prepare_dir( dirname( $file ) ) ) {
		return false;
	}
	// phpcs:disable WordPress.WP.AlternativeFunctions -- a locked read-modify-write; WP_Filesystem has no locks.
	$handle = @fopen( $file, 'c+' ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged -- failure is reported by the caller.
	if ( false === $handle ) {
		return false;
	}
	$stored = false;
	if ( flock( $handle, LOCK_EX ) ) {
		$record = workos_login_incident_parse( (string) stream_get_contents( $handle ) );
		$record = $change( $record );
		$json   = array() === $record['kinds'] ? '' : (string) wp_json_encode( $record, JSON_UNESCAPED_SLASHES );
		$stored = ftruncate( $handle, 0 ) && rewind( $handle ) && ( '' === $json || false !== fwrite( $handle, $json ) );
		fflush( $handle );
		flock( $handle, LOCK_UN );
	}
	fclose( $handle );
	// phpcs:enable WordPress.WP.AlternativeFunctions
	return $stored;
}

/**
 * The record in a file's text; an empty or damaged file is an empty record.
 *
 * @since 0.6.0
 *
 * @param string $text File contents.
 * @return array{kinds: array<string, array{count: int, first_at: int, last_at: int}>, recent: list<array<string, mixed>>, attempted_at: int}
 */
function workos_login_incident_parse( string $text ): array {
	$data   = json_decode( $text, true );
	$record = array(
		'kinds'        => array(),
		'recent'       => array(),
		'attempted_at' => 0,
	);
	if ( ! is_array( $data ) ) {
		return $record;
	}
	$record['attempted_at'] = (int) ( $data['attempted_at'] ?? 0 );
	foreach ( (array) ( $data['kinds'] ?? array() ) as $kind => $total ) {
		if ( in_array( $kind, WORKOS_LOGIN_INCIDENT_KINDS, true ) && is_array( $total ) ) {
			$record['kinds'][ $kind ] = array(
				'count'    => (int) ( $total['count'] ?? 0 ),
				'first_at' => (int) ( $total['first_at'] ?? 0 ),
				'last_at'  => (int) ( $total['last_at'] ?? 0 ),
			);
		}
	}
	foreach ( (array) ( $data['recent'] ?? array() ) as $entry ) {
		if ( is_array( $entry ) && in_array( $entry['kind'] ?? null, WORKOS_LOGIN_INCIDENT_KINDS, true ) ) {
			$record['recent'][] = array(
				'at'   => (int) ( $entry['at'] ?? 0 ),
				'kind' => (string) $entry['kind'],
			) + workos_login_incident_fields( $entry );
		}
	}
	return $record;
}

/**
 * Creates the folder, closed to web visitors, once.
 *
 * @since 0.6.0
 *
 * @param string $dir The folder.
 */
function workos_login_incident_prepare_dir( string $dir ): bool {
	if ( ! is_dir( $dir ) && ! wp_mkdir_p( $dir ) ) {
		return false;
	}
	$guards = array(
		'index.php' => "<?php\n// Silence is golden.\n",
		'.htaccess' => "Require all denied\nDeny from all\n",
	);
	foreach ( $guards as $name => $contents ) {
		if ( ! file_exists( $dir . '/' . $name ) ) {
			// phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_read_file_put_contents, WordPress.WP.AlternativeFunctions.file_system_operations_file_put_contents -- a guard file; WP_Filesystem may need credentials.
			file_put_contents( $dir . '/' . $name, $contents );
		}
	}
	return true;
}

/**
 * The record waiting in the file (empty when there is none).
 *
 * @since 0.6.0
 *
 * @return array{kinds: array<string, array{count: int, first_at: int, last_at: int}>, recent: list<array<string, mixed>>, attempted_at: int}
 */
function workos_login_incident_pending(): array {
	$file = workos_login_incident_file();
	// phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a local file.
	$text = '' !== $file && is_readable( $file ) ? (string) file_get_contents( $file ) : '';
	return workos_login_incident_parse( $text );
}
