<?php
/**
 * Which login server addresses carry visitors' passwords across a network unencrypted
 * (includes/core/config.php), the condition Site Health and Diagnostics warn about.
 *
 * @package WorkOS_Login
 */

namespace WorkOS_Login\Tests\Core;

use PHPUnit\Framework\Attributes\DataProvider;
use WorkOS_Login\Tests\TestCase;

final class ServerUrlTest extends TestCase {

	/**
	 * Addresses whose requests are encrypted or never leave the machine.
	 *
	 * @return array<string, array{string}>
	 */
	public static function private_channels(): array {
		return array(
			'loopback IPv4'            => array( 'http://127.0.0.1:4101' ),
			'another loopback address' => array( 'http://127.0.1.1:4101/' ),
			'loopback IPv6'            => array( 'http://[::1]:4101' ),
			'localhost'                => array( 'http://localhost:4101' ),
			'localhost, mixed case'    => array( 'http://LocalHost:4101' ),
			'a .localhost name'        => array( 'http://login.localhost:4101' ),
			'https, public host'       => array( 'https://login.example.com' ),
			'https, private address'   => array( 'https://10.0.0.5:8443' ),
		);
	}

	/**
	 * Plain http:// to another host.
	 *
	 * @return array<string, array{string}>
	 */
	public static function exposed(): array {
		return array(
			'public host'                   => array( 'http://login.example.com' ),
			'private address'               => array( 'http://10.0.0.5:4101' ),
			'container name'                => array( 'http://login-server:4101' ),
			'every interface'               => array( 'http://0.0.0.0:4101' ),
			'a name starting with 127.'     => array( 'http://127.example.com' ),
			'localhost as a subdomain'      => array( 'http://localhost.example.com' ),
			'an IPv6 address, not loopback' => array( 'http://[fd00::5]:4101' ),
		);
	}

	#[DataProvider( 'private_channels' )]
	public function test_encrypted_or_loopback_is_not_exposed( string $url ): void {
		$this->assertTrue( workos_login_is_server_url( $url ) );
		$this->assertFalse( workos_login_server_url_exposed( $url ) );
	}

	#[DataProvider( 'exposed' )]
	public function test_plain_http_to_another_host_is_exposed( string $url ): void {
		$this->assertTrue( workos_login_is_server_url( $url ) );
		$this->assertTrue( workos_login_server_url_exposed( $url ) );
	}

	public function test_site_health_and_diagnostics_warn_about_plain_http_to_another_host(): void {
		update_option( 'workos_login_server_url', 'http://login.example.com:4101' );
		$result = workos_login_run_health_test( 'server_transport' );
		$this->assertSame( 'recommended', $result['status'], 'critical on a production site, recommended on this local one' );
		$this->assertSame( 'Requests to the login server cross the network unencrypted', $result['label'] );
		$this->assertStringContainsString( 'login.example.com', $result['description'] );
		$this->assertStringContainsString( 'https://', $result['description'] );

		update_option( 'workos_login_server_url', 'https://login.example.com' );
		$this->assertSame( 'good', workos_login_run_health_test( 'server_transport' )['status'] );
		update_option( 'workos_login_server_url', 'http://127.0.0.1:4101' );
		$this->assertSame( 'good', workos_login_run_health_test( 'server_transport' )['status'] );
	}
}
