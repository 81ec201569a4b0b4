<?php
/**
 * A correct WordPress object cache on Redis (phpredis), for the project's tests only: what the
 * plugin must survive on real hosts, done right. `add` is one `SET NX EX`; `incr`/`decr` are one
 * atomic script around `INCRBY` that answers the new value and keeps the key's TTL; expirations
 * are Redis's own. A per-request runtime copy serves repeated reads, like every Redis drop-in.
 *
 * Storage (connection, keys, runtime copy): class-workos-test-object-cache-store.php.
 *
 * @package workos-login
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

require_once __DIR__ . '/class-workos-test-object-cache-store.php';

/**
 * The correct cache.
 *
 * @since 0.6.0
 */
class WorkOS_Test_Object_Cache extends WorkOS_Test_Object_Cache_Store {

	/**
	 * INCRBY when the key exists; a non-number restarts from 0 and nothing goes below 0 (as core's
	 * cache does). KEEPTTL: a counter's window does not move when it is counted.
	 */
	const INCR_SCRIPT = <<<'LUA'
if redis.call('exists', KEYS[1]) == 0 then return false end
local ok, value = pcall(redis.call, 'incrby', KEYS[1], ARGV[1])
if not ok then
  value = tonumber(ARGV[1])
  redis.call('set', KEYS[1], value, 'KEEPTTL')
end
if value < 0 then
  value = 0
  redis.call('set', KEYS[1], 0, 'KEEPTTL')
end
return value
LUA;

	/**
	 * Adds a value unless the key exists: one `SET NX` (with `EX` when it expires).
	 *
	 * @since 0.6.0
	 *
	 * @param int|string $key    Key.
	 * @param mixed      $data   Value.
	 * @param string     $group  Group.
	 * @param int        $expire Seconds; 0 for none.
	 * @return bool Whether it was added.
	 */
	public function add( $key, $data, $group = 'default', $expire = 0 ) {
		$group = $this->group( $group );
		if ( wp_suspend_cache_addition() || ! $this->valid_key( $key ) ) {
			return false;
		}
		if ( ! $this->persistent( $group ) ) {
			if ( $this->local_has( $key, $group ) ) {
				return false;
			}
			return $this->local_set( $key, $data, $group );
		}
		$options = array( 'nx' );
		if ( (int) $expire > 0 ) {
			$options['ex'] = (int) $expire;
		}
		if ( true !== $this->call( 'set', $this->redis_key( $key, $group ), $this->encode( $data ), $options ) ) {
			return false;
		}
		return $this->local_set( $key, $data, $group );
	}

	/**
	 * Adds several values.
	 *
	 * @since 0.6.0
	 *
	 * @param array<int|string, mixed> $data   Key → value.
	 * @param string                   $group  Group.
	 * @param int                      $expire Seconds; 0 for none.
	 * @return array<int|string, bool> Key → added.
	 */
	public function add_multiple( array $data, $group = '', $expire = 0 ) {
		$done = array();
		foreach ( $data as $key => $value ) {
			$done[ $key ] = $this->add( $key, $value, $group, $expire );
		}
		return $done;
	}

	/**
	 * Replaces a value only if the key exists: `SET XX`.
	 *
	 * @since 0.6.0
	 *
	 * @param int|string $key    Key.
	 * @param mixed      $data   Value.
	 * @param string     $group  Group.
	 * @param int        $expire Seconds; 0 for none.
	 * @return bool Whether it was replaced.
	 */
	public function replace( $key, $data, $group = 'default', $expire = 0 ) {
		$group = $this->group( $group );
		if ( ! $this->valid_key( $key ) ) {
			return false;
		}
		if ( ! $this->persistent( $group ) ) {
			return $this->local_has( $key, $group ) && $this->local_set( $key, $data, $group );
		}
		$options = array( 'xx' );
		if ( (int) $expire > 0 ) {
			$options['ex'] = (int) $expire;
		}
		if ( true !== $this->call( 'set', $this->redis_key( $key, $group ), $this->encode( $data ), $options ) ) {
			return false;
		}
		return $this->local_set( $key, $data, $group );
	}

	/**
	 * Stores a value.
	 *
	 * @since 0.6.0
	 *
	 * @param int|string $key    Key.
	 * @param mixed      $data   Value.
	 * @param string     $group  Group.
	 * @param int        $expire Seconds; 0 for none.
	 * @return bool Whether it was stored.
	 */
	public function set( $key, $data, $group = 'default', $expire = 0 ) {
		$group = $this->group( $group );
		if ( ! $this->valid_key( $key ) ) {
			return false;
		}
		if ( $this->persistent( $group ) ) {
			$options = (int) $expire > 0 ? array( 'ex' => (int) $expire ) : array();
			if ( true !== $this->call( 'set', $this->redis_key( $key, $group ), $this->encode( $data ), $options ) ) {
				return false;
			}
		}
		return $this->local_set( $key, $data, $group );
	}

	/**
	 * Stores several values.
	 *
	 * @since 0.6.0
	 *
	 * @param array<int|string, mixed> $data   Key → value.
	 * @param string                   $group  Group.
	 * @param int                      $expire Seconds; 0 for none.
	 * @return array<int|string, bool> Key → stored.
	 */
	public function set_multiple( array $data, $group = '', $expire = 0 ) {
		$done = array();
		foreach ( $data as $key => $value ) {
			$done[ $key ] = $this->set( $key, $value, $group, $expire );
		}
		return $done;
	}

	/**
	 * Reads a value: the runtime copy first (unless forced), then Redis.
	 *
	 * @since 0.6.0
	 *
	 * @param int|string $key   Key.
	 * @param string     $group Group.
	 * @param bool       $force Skip the runtime copy.
	 * @param bool|null  $found Set to whether it was found.
	 * @return mixed The value, false when not found.
	 */
	public function get( $key, $group = 'default', $force = false, &$found = null ) {
		$group = $this->group( $group );
		$found = false;
		if ( ! $this->valid_key( $key ) ) {
			return false;
		}
		if ( $this->local_has( $key, $group ) && ( ! $force || ! $this->persistent( $group ) ) ) {
			$found = true;
			++$this->cache_hits;
			$value = $this->cache[ $group ][ $this->local_key( $key, $group ) ];
			return is_object( $value ) ? clone $value : $value;
		}
		$raw = $this->persistent( $group ) ? $this->call( 'get', $this->redis_key( $key, $group ) ) : false;
		if ( ! is_string( $raw ) ) {
			++$this->cache_misses;
			return false;
		}
		$found = true;
		++$this->cache_hits;
		$value = $this->decode( $raw );
		$this->local_set( $key, $value, $group );
		return $value;
	}

	/**
	 * Reads several values.
	 *
	 * @since 0.6.0
	 *
	 * @param array<int|string> $keys  Keys.
	 * @param string            $group Group.
	 * @param bool              $force Skip the runtime copy.
	 * @return array<int|string, mixed> Key → value (false when not found).
	 */
	public function get_multiple( $keys, $group = 'default', $force = false ) {
		$values = array();
		foreach ( $keys as $key ) {
			$values[ $key ] = $this->get( $key, $group, $force );
		}
		return $values;
	}

	/**
	 * Deletes a value.
	 *
	 * @since 0.6.0
	 *
	 * @param int|string $key   Key.
	 * @param string     $group Group.
	 * @return bool Whether something was deleted.
	 */
	public function delete( $key, $group = 'default' ) {
		$group = $this->group( $group );
		if ( ! $this->valid_key( $key ) ) {
			return false;
		}
		$had = $this->local_has( $key, $group );
		unset( $this->cache[ $group ][ $this->local_key( $key, $group ) ] );
		if ( ! $this->persistent( $group ) ) {
			return $had;
		}
		return (int) $this->call( 'del', $this->redis_key( $key, $group ) ) > 0;
	}

	/**
	 * Deletes several values.
	 *
	 * @since 0.6.0
	 *
	 * @param array<int|string> $keys  Keys.
	 * @param string            $group Group.
	 * @return array<int|string, bool> Key → deleted.
	 */
	public function delete_multiple( array $keys, $group = '' ) {
		$done = array();
		foreach ( $keys as $key ) {
			$done[ $key ] = $this->delete( $key, $group );
		}
		return $done;
	}

	/**
	 * Adds to a number atomically; answers the new value (never below 0), keeps the TTL.
	 *
	 * @since 0.6.0
	 *
	 * @param int|string $key    Key.
	 * @param int        $offset Amount.
	 * @param string     $group  Group.
	 * @return int|false The new value, false when the key does not exist.
	 */
	public function incr( $key, $offset = 1, $group = 'default' ) {
		$group = $this->group( $group );
		if ( ! $this->valid_key( $key ) ) {
			return false;
		}
		if ( ! $this->persistent( $group ) ) {
			if ( ! $this->local_has( $key, $group ) ) {
				return false;
			}
			$current = $this->cache[ $group ][ $this->local_key( $key, $group ) ];
			$value   = max( 0, ( is_numeric( $current ) ? (int) $current : 0 ) + (int) $offset );
			$this->local_set( $key, $value, $group );
			return $value;
		}
		$value = $this->call( 'eval', self::INCR_SCRIPT, array( $this->redis_key( $key, $group ), (int) $offset ), 1 );
		if ( ! is_int( $value ) ) {
			return false;
		}
		$this->local_set( $key, $value, $group );
		return $value;
	}

	/**
	 * Subtracts from a number; see incr().
	 *
	 * @since 0.6.0
	 *
	 * @param int|string $key    Key.
	 * @param int        $offset Amount.
	 * @param string     $group  Group.
	 * @return int|false The new value, false when the key does not exist.
	 */
	public function decr( $key, $offset = 1, $group = 'default' ) {
		return $this->incr( $key, - (int) $offset, $group );
	}

	/**
	 * Empties this site's keys (every blog, global groups too) and the runtime copy.
	 *
	 * @since 0.6.0
	 *
	 * @return bool True.
	 */
	public function flush() {
		$this->cache = array();
		$this->delete_matching( $this->glob( $this->prefix ) . ':*' );
		return true;
	}

	/**
	 * Empties one group everywhere.
	 *
	 * @since 0.6.0
	 *
	 * @param string $group Group.
	 * @return bool True.
	 */
	public function flush_group( $group ) {
		$group = $this->group( $group );
		unset( $this->cache[ $group ] );
		$this->delete_matching( $this->glob( $this->prefix ) . ':*:' . $this->glob( $group ) . ':*' );
		return true;
	}

	/**
	 * Seconds a key has left (tests' probe): -1 without expiry, -2 missing, null off Redis.
	 *
	 * @since 0.6.0
	 *
	 * @param int|string $key   Key.
	 * @param string     $group Group.
	 * @return int|null Seconds.
	 */
	public function ttl( $key, $group = 'default' ) {
		$group = $this->group( $group );
		if ( ! $this->persistent( $group ) ) {
			return null;
		}
		$ttl = $this->call( 'ttl', $this->redis_key( $key, $group ) );
		return is_int( $ttl ) ? $ttl : null;
	}
}
