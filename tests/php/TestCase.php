<?php
/**
 * The base of every test: each runs in a database transaction that is rolled back afterwards, with
 * WordPress's hooks, object cache, current user and $_SERVER put back as they were.
 *
 * @package WorkOS_Login
 */

namespace WorkOS_Login\Tests;

/**
 * A test inside the loaded WordPress, independent of every other.
 */
abstract class TestCase extends \PHPUnit\Framework\TestCase {

	/**
	 * The hooks before the test (each WP_Hook cloned: add_filter() changes them in place).
	 *
	 * @var array<string, \WP_Hook>
	 */
	private array $hooks = array();

	/**
	 * $_SERVER, $_GET, $_POST and $_REQUEST before the test.
	 *
	 * @var array<string, array<string, mixed>>
	 */
	private array $request = array();

	protected function setUp(): void {
		parent::setUp();
		global $wpdb, $wp_filter;
		foreach ( $wp_filter as $name => $hook ) {
			$this->hooks[ $name ] = clone $hook;
		}
		$this->request = array( $_SERVER, $_GET, $_POST, $_REQUEST ); // phpcs:ignore WordPress.Security.NonceVerification -- saved to be restored.
		$wpdb->query( 'START TRANSACTION' );
	}

	protected function tearDown(): void {
		global $wpdb, $wp_filter;
		$wpdb->query( 'ROLLBACK' );
		// The runtime cache still holds what the rolled-back writes cached.
		wp_cache_flush();
		$wp_filter = $this->hooks; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- restoring it.
		[ $_SERVER, $_GET, $_POST, $_REQUEST ] = $this->request;
		wp_set_current_user( 0 );
		parent::tearDown();
	}

	/**
	 * A user with a role, created inside the test's transaction.
	 *
	 * @param string $role A WordPress role.
	 */
	protected function user( string $role = 'subscriber' ): \WP_User {
		$id = wp_insert_user(
			array(
				'user_login' => 'phpunit_' . wp_generate_password( 8, false ),
				'user_email' => 'phpunit-' . wp_generate_password( 8, false ) . '@example.test',
				'user_pass'  => wp_generate_password(),
				'role'       => $role,
			)
		);
		$this->assertIsInt( $id );
		return new \WP_User( $id );
	}

	/**
	 * A JSON fixture of the contract (protocol/fixtures/), decoded to arrays.
	 *
	 * @param string $name File name.
	 * @return array<string, mixed>
	 */
	protected static function fixture( string $name ): array {
		return json_decode( self::fixture_json( $name ), true, 512, JSON_THROW_ON_ERROR );
	}

	/**
	 * A JSON fixture of the contract, as its bytes.
	 *
	 * @param string $name File name.
	 */
	protected static function fixture_json( string $name ): string {
		$json = file_get_contents( dirname( __DIR__, 2 ) . '/protocol/fixtures/' . $name ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a local file.
		if ( false === $json ) {
			throw new \RuntimeException( "no fixture $name" );
		}
		return $json;
	}
}
