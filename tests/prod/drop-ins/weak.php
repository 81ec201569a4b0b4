<?php
/**
 * Object-cache drop-in "weak": the correct Redis cache with the two bugs measured in the widely
 * used Redis drop-ins (issue 12), on purpose, so tests can show the plugin does not trust either:
 *
 * - add() is get-then-set, not one atomic SET NX; a short sleep widens the window between the two
 *   so concurrent claims race the way they do under load;
 * - incr()/decr() answer true instead of the new count, and rewrite the key without its TTL (a
 *   counter's window never ends).
 *
 * @package workos-login
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

require_once __DIR__ . '/redis.php';

/**
 * The weak cache.
 *
 * @since 0.6.0
 */
class WorkOS_Test_Weak_Object_Cache extends WorkOS_Test_Object_Cache {

	/**
	 * Microseconds between add()'s read and its write.
	 */
	const RACE_WINDOW_US = 20000;

	/**
	 * Get, then set: two requests can both see "missing" and both "add".
	 *
	 * @since 0.6.0
	 *
	 * @param int|string $key    Key.
	 * @param mixed      $data   Value.
	 * @param string     $group  Group.
	 * @param int        $expire Seconds; 0 for none.
	 * @return bool Whether it was "added".
	 */
	public function add( $key, $data, $group = 'default', $expire = 0 ) {
		$group = $this->group( $group );
		if ( ! $this->persistent( $group ) ) {
			return parent::add( $key, $data, $group, $expire );
		}
		if ( wp_suspend_cache_addition() || ! $this->valid_key( $key ) ) {
			return false;
		}
		if ( is_string( $this->call( 'get', $this->redis_key( $key, $group ) ) ) ) {
			return false;
		}
		usleep( self::RACE_WINDOW_US );
		return $this->set( $key, $data, $group, $expire );
	}

	/**
	 * Read, add, write back without a TTL; answers true.
	 *
	 * @since 0.6.0
	 *
	 * @param int|string $key    Key.
	 * @param int        $offset Amount.
	 * @param string     $group  Group.
	 * @return bool|int True (the bug), false when the key does not exist.
	 */
	public function incr( $key, $offset = 1, $group = 'default' ) {
		$group = $this->group( $group );
		if ( ! $this->persistent( $group ) ) {
			return parent::incr( $key, $offset, $group );
		}
		$raw = $this->valid_key( $key ) ? $this->call( 'get', $this->redis_key( $key, $group ) ) : false;
		if ( ! is_string( $raw ) ) {
			return false;
		}
		$current = $this->decode( $raw );
		$value   = max( 0, ( is_numeric( $current ) ? (int) $current : 0 ) + (int) $offset );
		$this->call( 'set', $this->redis_key( $key, $group ), (string) $value );
		$this->local_set( $key, $value, $group );
		return true;
	}
}

define( 'WORKOS_TEST_OBJECT_CACHE_CLASS', 'WorkOS_Test_Weak_Object_Cache' );
