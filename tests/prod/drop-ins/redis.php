<?php
/**
 * Object-cache drop-in "redis": the project's correct Redis cache (tests only). Loaded from
 * wp-content/object-cache.php, which scripts/wp/object-cache.ts writes; weak.php loads this file
 * too and swaps the class.
 *
 * The wp_cache_*() API WordPress 6.5 expects from a drop-in, each a call on $wp_object_cache.
 *
 * @package workos-login
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

require_once __DIR__ . '/class-workos-test-object-cache.php';

/**
 * Starts the cache: the class weak.php names, else the correct one.
 *
 * @since 0.6.0
 */
function wp_cache_init() {
	$class                      = defined( 'WORKOS_TEST_OBJECT_CACHE_CLASS' ) ? WORKOS_TEST_OBJECT_CACHE_CLASS : 'WorkOS_Test_Object_Cache';
	$GLOBALS['wp_object_cache'] = new $class();
}

/**
 * Which optional features this cache has: all of them.
 *
 * @since 0.6.0
 *
 * @param string $feature add_multiple, set_multiple, get_multiple, delete_multiple, flush_runtime, flush_group.
 * @return bool Supported.
 */
function wp_cache_supports( $feature ) {
	return in_array( $feature, array( 'add_multiple', 'set_multiple', 'get_multiple', 'delete_multiple', 'flush_runtime', 'flush_group' ), true );
}

/**
 * The wp_object_cache global.
 *
 * @since 0.6.0
 *
 * @return WorkOS_Test_Object_Cache Cache.
 */
function workos_test_object_cache() {
	return $GLOBALS['wp_object_cache'];
}

// phpcs:disable Squiz.Commenting.FunctionComment.Missing -- core's own API, documented in wp-includes/cache.php.

function wp_cache_add( $key, $data, $group = '', $expire = 0 ) {
	return workos_test_object_cache()->add( $key, $data, $group, (int) $expire );
}

function wp_cache_add_multiple( array $data, $group = '', $expire = 0 ) {
	return workos_test_object_cache()->add_multiple( $data, $group, (int) $expire );
}

function wp_cache_replace( $key, $data, $group = '', $expire = 0 ) {
	return workos_test_object_cache()->replace( $key, $data, $group, (int) $expire );
}

function wp_cache_set( $key, $data, $group = '', $expire = 0 ) {
	return workos_test_object_cache()->set( $key, $data, $group, (int) $expire );
}

function wp_cache_set_multiple( array $data, $group = '', $expire = 0 ) {
	return workos_test_object_cache()->set_multiple( $data, $group, (int) $expire );
}

function wp_cache_get( $key, $group = '', $force = false, &$found = null ) {
	return workos_test_object_cache()->get( $key, $group, $force, $found );
}

function wp_cache_get_multiple( $keys, $group = '', $force = false ) {
	return workos_test_object_cache()->get_multiple( $keys, $group, $force );
}

function wp_cache_delete( $key, $group = '' ) {
	return workos_test_object_cache()->delete( $key, $group );
}

function wp_cache_delete_multiple( array $keys, $group = '' ) {
	return workos_test_object_cache()->delete_multiple( $keys, $group );
}

function wp_cache_incr( $key, $offset = 1, $group = '' ) {
	return workos_test_object_cache()->incr( $key, $offset, $group );
}

function wp_cache_decr( $key, $offset = 1, $group = '' ) {
	return workos_test_object_cache()->decr( $key, $offset, $group );
}

function wp_cache_flush() {
	return workos_test_object_cache()->flush();
}

function wp_cache_flush_runtime() {
	return workos_test_object_cache()->flush_runtime();
}

function wp_cache_flush_group( $group ) {
	return workos_test_object_cache()->flush_group( $group );
}

function wp_cache_close() {
	return workos_test_object_cache()->close();
}

function wp_cache_add_global_groups( $groups ) {
	workos_test_object_cache()->add_global_groups( $groups );
}

function wp_cache_add_non_persistent_groups( $groups ) {
	workos_test_object_cache()->add_non_persistent_groups( $groups );
}

function wp_cache_switch_to_blog( $blog_id ) {
	workos_test_object_cache()->switch_to_blog( $blog_id );
}

function wp_cache_reset() {
	_deprecated_function( __FUNCTION__, '3.5.0', 'wp_cache_switch_to_blog()' );
	return false;
}
