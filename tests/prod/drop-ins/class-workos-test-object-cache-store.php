<?php
/**
 * The storage half of the project's correct test object cache: the Redis connection, key
 * layout, the per-request runtime copy and the stored form of values. The cache API is in
 * class-workos-test-object-cache.php.
 *
 * Keys: `<WP_REDIS_PREFIX>:<blog id | global>:<group>:<key>` in database WP_REDIS_DATABASE.
 * Integers are stored as plain numbers (so INCRBY works on them), everything else serialized.
 * When Redis cannot be reached the cache degrades to the runtime copy, as the popular drop-ins do.
 *
 * @package workos-login
 */

// phpcs:disable WordPress.PHP.DiscouragedPHPFunctions.serialize_serialize, WordPress.PHP.DiscouragedPHPFunctions.serialize_unserialize, WordPress.PHP.DevelopmentFunctions.error_log_error_log

/**
 * Connection, keys, runtime copy, encoding.
 *
 * @since 0.6.0
 */
abstract class WorkOS_Test_Object_Cache_Store {

	/**
	 * Hits and misses of this request (core's public counters; Query Monitor and others read them).
	 *
	 * @var int
	 */
	public $cache_hits = 0;

	/**
	 * Misses of this request.
	 *
	 * @var int
	 */
	public $cache_misses = 0;

	/**
	 * Runtime copy: group → key (blog-scoped) → value.
	 *
	 * @var array<string, array<string, mixed>>
	 */
	protected $cache = array();

	/**
	 * Groups shared by every site of a network.
	 *
	 * @var array<string, true>
	 */
	protected $global_groups = array();

	/**
	 * Groups that never reach Redis.
	 *
	 * @var array<string, true>
	 */
	protected $non_persistent_groups = array();

	/**
	 * The current blog's id, as a key segment.
	 *
	 * @var string
	 */
	protected $blog_prefix = '1';

	/**
	 * WP_REDIS_PREFIX.
	 *
	 * @var string
	 */
	protected $prefix = 'wp';

	/**
	 * The connection; null when Redis could not be reached.
	 *
	 * @var Redis|null
	 */
	protected $redis = null;

	/**
	 * Connects to Redis; on failure the cache works per request only.
	 *
	 * @since 0.6.0
	 */
	public function __construct() {
		$this->prefix      = defined( 'WP_REDIS_PREFIX' ) ? (string) WP_REDIS_PREFIX : 'wp';
		$this->blog_prefix = (string) get_current_blog_id();
		try {
			$redis = new Redis();
			$redis->connect( defined( 'WP_REDIS_HOST' ) ? WP_REDIS_HOST : '127.0.0.1', defined( 'WP_REDIS_PORT' ) ? (int) WP_REDIS_PORT : 6379, 1.0 );
			$redis->select( defined( 'WP_REDIS_DATABASE' ) ? (int) WP_REDIS_DATABASE : 0 );
			$redis->setOption( Redis::OPT_SCAN, Redis::SCAN_RETRY );
			$this->redis = $redis;
		} catch ( RedisException $e ) {
			error_log( 'workos test object cache: Redis unreachable, per-request cache only: ' . $e->getMessage() );
		}
	}

	/**
	 * Forgets the runtime copy only.
	 *
	 * @since 0.6.0
	 *
	 * @return bool True.
	 */
	public function flush_runtime() {
		$this->cache = array();
		return true;
	}

	/**
	 * Marks groups as shared by every site of a network.
	 *
	 * @since 0.6.0
	 *
	 * @param string|string[] $groups Groups.
	 */
	public function add_global_groups( $groups ) {
		foreach ( (array) $groups as $group ) {
			$this->global_groups[ $group ] = true;
		}
	}

	/**
	 * Marks groups as never stored in Redis.
	 *
	 * @since 0.6.0
	 *
	 * @param string|string[] $groups Groups.
	 */
	public function add_non_persistent_groups( $groups ) {
		foreach ( (array) $groups as $group ) {
			$this->non_persistent_groups[ $group ] = true;
		}
	}

	/**
	 * Switches the blog scope of non-global keys.
	 *
	 * @since 0.6.0
	 *
	 * @param int $blog_id Blog id.
	 */
	public function switch_to_blog( $blog_id ) {
		$this->blog_prefix = (string) (int) $blog_id;
	}

	/**
	 * Prints this request's hits and misses.
	 *
	 * @since 0.6.0
	 */
	public function stats() {
		echo '<p><strong>Cache hits:</strong> ' . (int) $this->cache_hits . '<br /><strong>Cache misses:</strong> ' . (int) $this->cache_misses . '</p>';
	}

	/**
	 * Closes the connection.
	 *
	 * @since 0.6.0
	 *
	 * @return bool True.
	 */
	public function close() {
		if ( null !== $this->redis ) {
			$this->call( 'close' );
			$this->redis = null;
		}
		return true;
	}

	/**
	 * Calls phpredis; a failure turns the cache per-request for the rest of the request.
	 *
	 * @since 0.6.0
	 *
	 * @param string $method phpredis method.
	 * @param mixed  ...$args Its arguments.
	 * @return mixed Its answer, false on failure.
	 */
	protected function call( $method, ...$args ) {
		if ( null === $this->redis ) {
			return false;
		}
		try {
			return $this->redis->$method( ...$args );
		} catch ( RedisException $e ) {
			error_log( 'workos test object cache: ' . $method . ' failed, per-request cache only: ' . $e->getMessage() );
			$this->redis = null;
			return false;
		}
	}

	/**
	 * Deletes every key matching a glob pattern.
	 *
	 * @since 0.6.0
	 *
	 * @param string $pattern Redis glob.
	 */
	protected function delete_matching( $pattern ) {
		if ( null === $this->redis ) {
			return;
		}
		try {
			// scan() moves $iterator by reference: called directly, not through call().
			$iterator = null;
			do {
				$keys = $this->redis->scan( $iterator, $pattern, 500 );
				if ( is_array( $keys ) && $keys ) {
					$this->redis->del( $keys );
				}
			} while ( $iterator > 0 );
		} catch ( RedisException $e ) {
			error_log( 'workos test object cache: flush failed, per-request cache only: ' . $e->getMessage() );
			$this->redis = null;
		}
	}

	/**
	 * The Redis key.
	 *
	 * @since 0.6.0
	 *
	 * @param int|string $key   Key.
	 * @param string     $group Group.
	 * @return string Key.
	 */
	protected function redis_key( $key, $group ) {
		$scope = isset( $this->global_groups[ $group ] ) ? 'global' : $this->blog_prefix;
		return $this->prefix . ':' . $scope . ':' . $group . ':' . $key;
	}

	/**
	 * Whether a group goes to Redis (and Redis is there).
	 *
	 * @since 0.6.0
	 *
	 * @param string $group Group.
	 * @return bool Persistent.
	 */
	protected function persistent( $group ) {
		return null !== $this->redis && ! isset( $this->non_persistent_groups[ $group ] );
	}

	/**
	 * Core's group default.
	 *
	 * @since 0.6.0
	 *
	 * @param mixed $group Group as given.
	 * @return string Group.
	 */
	protected function group( $group ) {
		return ( null === $group || '' === $group ) ? 'default' : (string) $group;
	}

	/**
	 * Core's key rule: an int, or a non-empty string.
	 *
	 * @since 0.6.0
	 *
	 * @param mixed $key Key.
	 * @return bool Valid.
	 */
	protected function valid_key( $key ) {
		return is_int( $key ) || ( is_string( $key ) && '' !== trim( $key ) );
	}

	/**
	 * The runtime copy's key (scoped like the Redis key).
	 *
	 * @since 0.6.0
	 *
	 * @param int|string $key   Key.
	 * @param string     $group Group.
	 * @return string Key.
	 */
	protected function local_key( $key, $group ) {
		return ( isset( $this->global_groups[ $group ] ) ? '' : $this->blog_prefix . ':' ) . $key;
	}

	/**
	 * Whether the runtime copy holds a key.
	 *
	 * @since 0.6.0
	 *
	 * @param int|string $key   Key.
	 * @param string     $group Group.
	 * @return bool Held.
	 */
	protected function local_has( $key, $group ) {
		return isset( $this->cache[ $group ] ) && array_key_exists( $this->local_key( $key, $group ), $this->cache[ $group ] );
	}

	/**
	 * Stores in the runtime copy (objects cloned, as core does).
	 *
	 * @since 0.6.0
	 *
	 * @param int|string $key   Key.
	 * @param mixed      $data  Value.
	 * @param string     $group Group.
	 * @return bool True.
	 */
	protected function local_set( $key, $data, $group ) {
		$this->cache[ $group ][ $this->local_key( $key, $group ) ] = is_object( $data ) ? clone $data : $data;
		return true;
	}

	/**
	 * Escapes Redis glob characters.
	 *
	 * @since 0.6.0
	 *
	 * @param string $text Text.
	 * @return string Escaped.
	 */
	protected function glob( $text ) {
		return addcslashes( $text, '*?[]\\' );
	}

	/**
	 * What Redis stores: integers as numbers (INCRBY works on them), the rest serialized.
	 *
	 * @since 0.6.0
	 *
	 * @param mixed $data Value.
	 * @return string Stored form.
	 */
	protected function encode( $data ) {
		return is_int( $data ) ? (string) $data : serialize( $data );
	}

	/**
	 * Reads encode()'s form back.
	 *
	 * @since 0.6.0
	 *
	 * @param string $raw Stored form.
	 * @return mixed Value.
	 */
	protected function decode( $raw ) {
		return preg_match( '/^-?\d+$/', $raw ) ? (int) $raw : unserialize( $raw );
	}
}
