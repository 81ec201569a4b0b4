<?php
/**
 * Where a user goes after signing in (includes/core/redirect.php).
 *
 * @package WorkOS_Login
 */

namespace WorkOS_Login\Tests\Core;

use PHPUnit\Framework\Attributes\DataProvider;
use WorkOS_Login\Tests\TestCase;

final class RedirectTest extends TestCase {

	/**
	 * Destinations refused before WordPress is asked, or by wp_validate_redirect().
	 *
	 * @return array<string, array{string}>
	 */
	public static function hostile(): array {
		return array(
			'empty'                          => array( '' ),
			'scheme-relative'                => array( '//evil.example/' ),
			'scheme-relative, backslashes'   => array( '\\\\evil.example' ),
			'scheme-relative to this host'   => array( '//localhost/wp-admin/' ),
			'slash then backslash'           => array( '/\\evil.example' ),
			'backslash in the path'          => array( '/a\\b' ),
			'javascript:'                    => array( 'javascript:alert(1)' ),
			'JavaScript: mixed case'         => array( 'JavaScript:alert(1)' ),
			'data:'                          => array( 'data:text/html,<script>alert(1)</script>' ),
			'another host'                   => array( 'https://evil.example/' ),
			'another host, our name before @' => array( 'http://localhost@evil.example/' ),
			'another host, userinfo'         => array( 'https://user:pass@evil.example/x' ),
			'our name as a subdomain'        => array( 'http://localhost.evil.example/' ),
			'single-slash scheme'            => array( 'https:/evil.example' ),
			'ftp'                            => array( 'ftp://localhost/' ),
			'upper-case scheme'              => array( 'HTTPS://localhost/shop/' ),
			'relative path'                  => array( 'wp-admin/' ),
			'leading space'                  => array( ' /wp-admin/' ),
			'tab after the slash'            => array( "/\t/evil.example" ),
			'newline'                        => array( "/x\n/y" ),
			'NUL'                            => array( "/x\0" ),
			'DEL'                            => array( "/x\x7f" ),
			'encoded slashes, no leading /'  => array( '%2F%2Fevil.example' ),
			'too long'                       => array( '/' . str_repeat( 'a', 2048 ) ),
		);
	}

	#[DataProvider( 'hostile' )]
	public function test_refuses_hostile_destinations( string $requested ): void {
		$this->assertSame( '', workos_login_requested_redirect( $requested ) );
	}

	/**
	 * Destinations kept exactly as requested.
	 *
	 * @return array<string, array{string}>
	 */
	public static function safe(): array {
		return array(
			'root'                          => array( '/' ),
			'path and query'                => array( '/members/?tab=1#top' ),
			'encoded slashes inside a path' => array( '/%2F%2Fevil.example' ),
			'this host'                     => array( 'http://localhost/shop/' ),
			'2048 bytes'                    => array( '/' . str_repeat( 'a', 2047 ) ),
		);
	}

	#[DataProvider( 'safe' )]
	public function test_keeps_safe_destinations( string $requested ): void {
		$this->assertSame( $requested, workos_login_requested_redirect( $requested ) );
	}

	public function test_a_host_is_allowed_only_through_allowed_redirect_hosts(): void {
		$this->assertSame( '', workos_login_requested_redirect( 'https://shop.example/cart' ) );
		add_filter( 'allowed_redirect_hosts', static fn( array $hosts ): array => array_merge( $hosts, array( 'shop.example' ) ) );
		$this->assertSame( 'https://shop.example/cart', workos_login_requested_redirect( 'https://shop.example/cart' ) );
		$this->assertSame( '', workos_login_requested_redirect( 'https://evil.shop.example/cart' ) );
	}

	public function test_requested_destination_comes_first(): void {
		$user = $this->user( 'editor' );
		$this->assertSame( '/asked/', workos_login_redirect_after_sign_in( $user, '/asked/', '/profile-page/' ) );
	}

	public function test_unsafe_request_falls_back_to_the_profile_destination_not_to_a_repair(): void {
		$user = $this->user( 'editor' );
		$this->assertSame( '/profile-page/', workos_login_redirect_after_sign_in( $user, '//evil.example/', '/profile-page/' ) );
	}

	public function test_then_the_role_redirect_then_the_dashboard(): void {
		$editor = $this->user( 'editor' );
		$this->assertSame( admin_url(), workos_login_redirect_after_sign_in( $editor, '', '//evil.example' ) );
		update_option( 'workos_login_login_redirects', array( 'editor' => '/editors/' ) );
		$this->assertSame( '/editors/', workos_login_redirect_after_sign_in( $editor, '', '//evil.example' ) );
		$this->assertSame( '/editors/', workos_login_role_redirect( $editor, 'login_redirects' ) );
		$this->assertSame( '', workos_login_role_redirect( $this->user( 'author' ), 'login_redirects' ) );
	}

	public function test_the_dashboard_follows_core_for_users_who_cannot_edit_posts(): void {
		$this->assertSame( admin_url( 'profile.php' ), workos_login_redirect_after_sign_in( $this->user( 'subscriber' ), '' ) );
		$this->assertSame( admin_url(), workos_login_redirect_after_sign_in( $this->user( 'author' ), '' ) );
		$no_role = $this->user( 'subscriber' );
		$no_role->set_role( '' );
		$this->assertSame( home_url(), workos_login_redirect_after_sign_in( $no_role, '' ) );
	}

	public function test_login_redirect_filter_gets_cores_arguments_and_its_answer_is_validated(): void {
		$user = $this->user( 'editor' );
		$seen = array();
		add_filter(
			'login_redirect',
			static function ( $redirect_to, $requested, $who ) use ( &$seen ) {
				$seen = array( $redirect_to, $requested, $who->ID );
				return 'https://evil.example/';
			},
			10,
			3
		);
		$this->assertSame( admin_url(), workos_login_redirect_after_sign_in( $user, '//evil.example', '/p/' ) );
		$this->assertSame( array( '/p/', '//evil.example', $user->ID ), $seen );
	}

	public function test_a_filter_answering_the_dashboard_gets_cores_dashboard_rule(): void {
		add_filter( 'login_redirect', static fn() => 'wp-admin/' );
		$this->assertSame( admin_url( 'profile.php' ), workos_login_redirect_after_sign_in( $this->user( 'subscriber' ), '/asked/' ) );
		add_filter( 'login_redirect', static fn() => array( 'not a string' ), 20 );
		$this->assertSame( admin_url( 'profile.php' ), workos_login_redirect_after_sign_in( $this->user( 'subscriber' ), '/asked/' ) );
	}
}
