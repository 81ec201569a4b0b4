<?php
/**
 * WordPress's session tokens, one row each (schema.php), through core's `session_token_manager`
 * filter — so every session on the site, whoever signs in and however, is stored the same way.
 *
 * Sessions WordPress stored before (user meta `session_tokens`) keep working: they are read,
 * verified and destroyed through core's store (the parent class) until they expire.
 *
 * @package WorkOS_Login
 * @since   0.6.0
 */

namespace WorkOS_Login;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Session tokens in `{base_prefix}workos_login_sessions`.
 *
 * @since 0.6.0
 */
class Session_Tokens extends \WP_User_Meta_Session_Tokens {

	/**
	 * Verifiers of the sessions this request stored — what login completion checks before it
	 * hands a token to the browser (an INSERT that changed one row is durable).
	 *
	 * @var array<string, true>
	 */
	private static array $stored = array();

	/**
	 * Whether this request stored the session of a token.
	 *
	 * @since 0.6.0
	 *
	 * @param string $token The session token.
	 */
	public static function stored( string $token ): bool {
		return isset( self::$stored[ hash( 'sha256', $token ) ] );
	}

	/**
	 * The user's valid sessions: the table's, then the older ones in user meta.
	 *
	 * @since 0.6.0
	 *
	 * @return array<string, array<string, mixed>> Verifier → session.
	 */
	protected function get_sessions() {
		global $wpdb;
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- sessions are read fresh: a cache must never keep one alive.
		$rows     = (array) $wpdb->get_results( $wpdb->prepare( 'SELECT verifier, data FROM %i WHERE user_id = %d AND expiration >= %d', workos_login_sessions_table(), $this->user_id, time() ), ARRAY_A );
		$sessions = array();
		foreach ( $rows as $row ) {
			$session = self::decode( (string) $row['data'] );
			if ( null !== $session ) {
				$sessions[ (string) $row['verifier'] ] = $session;
			}
		}
		return $sessions + $this->legacy_sessions();
	}

	/**
	 * One session by its verifier.
	 *
	 * @since 0.6.0
	 *
	 * @param string $verifier SHA-256 of the token.
	 * @return array<string, mixed>|null
	 */
	protected function get_session( $verifier ) {
		global $wpdb;
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- read fresh on every request it authenticates.
		$data = $wpdb->get_var( $wpdb->prepare( 'SELECT data FROM %i WHERE verifier = %s AND user_id = %d AND expiration >= %d', workos_login_sessions_table(), $verifier, $this->user_id, time() ) );
		if ( is_string( $data ) ) {
			return self::decode( $data );
		}
		return $this->legacy_sessions()[ $verifier ] ?? null;
	}

	/**
	 * Stores a session (a new one is one INSERT), or removes it when `$session` is null.
	 *
	 * @since 0.6.0
	 *
	 * @param string                    $verifier SHA-256 of the token.
	 * @param array<string, mixed>|null $session  The session, or null to destroy it.
	 * @return void
	 */
	protected function update_session( $verifier, $session = null ) {
		global $wpdb;
		$table = workos_login_sessions_table();
		if ( ! $session ) {
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- the plugin's own table.
			$wpdb->delete( $table, array( 'verifier' => $verifier ), array( '%s' ) );
			if ( isset( $this->legacy_sessions()[ $verifier ] ) ) {
				parent::update_session( $verifier, null );
			}
			return;
		}
		$row        = array(
			'user_id'           => $this->user_id,
			'expiration'        => (int) ( $session['expiration'] ?? 0 ),
			'workos_session_id' => is_string( $session['workos_session_id'] ?? null ) ? substr( $session['workos_session_id'], 0, 64 ) : '',
			'data'              => (string) wp_json_encode( $session, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_INVALID_UTF8_SUBSTITUTE ),
		);
		$suppressed = $wpdb->suppress_errors( true );
		// phpcs:disable WordPress.DB.DirectDatabaseQuery -- the plugin's own table.
		$changed = $wpdb->insert( $table, array( 'verifier' => $verifier ) + $row, array( '%s', '%d', '%d', '%s', '%s' ) );
		if ( 1 !== $changed && null !== $wpdb->get_var( $wpdb->prepare( 'SELECT 1 FROM %i WHERE verifier = %s', $table, $verifier ) ) ) {
			// An existing session changed (core's update()); its row stays where it is.
			$changed = $wpdb->update( $table, $row, array( 'verifier' => $verifier ), array( '%d', '%d', '%s', '%s' ), array( '%s' ) );
		}
		// phpcs:enable WordPress.DB.DirectDatabaseQuery
		$wpdb->suppress_errors( $suppressed );
		if ( false !== $changed && (int) $changed >= 1 ) {
			self::$stored[ $verifier ] = true;
		}
	}

	/**
	 * Destroys every session of the user but one.
	 *
	 * @since 0.6.0
	 *
	 * @param string $verifier The session to keep.
	 * @return void
	 */
	protected function destroy_other_sessions( $verifier ) {
		global $wpdb;
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- the plugin's own table.
		$wpdb->query( $wpdb->prepare( 'DELETE FROM %i WHERE user_id = %d AND verifier <> %s', workos_login_sessions_table(), $this->user_id, $verifier ) );
		if ( array() !== $this->legacy_sessions() ) {
			$keep = $this->legacy_sessions()[ $verifier ] ?? null;
			$this->update_sessions( null === $keep ? array() : array( $verifier => $keep ) );
		}
	}

	/**
	 * Destroys every session of the user.
	 *
	 * @since 0.6.0
	 *
	 * @return void
	 */
	protected function destroy_all_sessions() {
		global $wpdb;
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- the plugin's own table.
		$wpdb->delete( workos_login_sessions_table(), array( 'user_id' => $this->user_id ), array( '%d' ) );
		parent::destroy_all_sessions();
	}

	/**
	 * Destroys every session of every user.
	 *
	 * @since 0.6.0
	 *
	 * @return void
	 */
	public static function drop_sessions() {
		global $wpdb;
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- the plugin's own table.
		$wpdb->query( $wpdb->prepare( 'DELETE FROM %i', workos_login_sessions_table() ) );
		parent::drop_sessions();
	}

	/**
	 * The sessions WordPress stored in user meta before this store was used.
	 *
	 * @since 0.6.0
	 *
	 * @return array<string, array<string, mixed>>
	 */
	private function legacy_sessions(): array {
		return parent::get_sessions();
	}

	/**
	 * A stored session, or null when its JSON is not an object.
	 *
	 * @since 0.6.0
	 *
	 * @param string $json The `data` column.
	 * @return array<string, mixed>|null
	 */
	private static function decode( string $json ): ?array {
		$session = json_decode( $json, true );
		return is_array( $session ) && isset( $session['expiration'] ) ? $session : null;
	}
}
