<?php
/**
 * Rotating the shared secret (includes/login-server/client.php): WordPress signs with
 * WORKOS_LOGIN_SECRET and, during a rotation, asks a login server that refuses that signature
 * once more with WORKOS_LOGIN_SECRET_PREVIOUS — so WordPress and the login servers can switch in
 * any order. Against a login server faked at WordPress's HTTP API that checks signatures as the
 * real one does and signs its answer with the secret the request used.
 *
 * @package WorkOS_Login
 */

namespace WorkOS_Login\Tests\LoginServer;

use WorkOS_Login\Tests\TestCase;

final class RotationTest extends TestCase {

	private const NEW_SECRET   = 'nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn';
	private const OLD_SECRET   = 'oooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooo';
	private const OTHER_SECRET = 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz';

	/**
	 * The secret each request reaching the fake login server was signed with ('?' for none it knows).
	 *
	 * @var list<string>
	 */
	private array $signed_with = array();

	protected function setUp(): void {
		parent::setUp();
		update_option( 'workos_login_server_url', 'http://127.0.0.1:4999' );
		update_option( 'workos_login_secret', self::NEW_SECRET );
		$this->signed_with = array();
	}

	/**
	 * Answers requests to the login server as one holding `$secrets` does: 401 unsigned for a
	 * signature none of them makes, else a health outcome signed with the secret that verified.
	 *
	 * @param list<string> $secrets The secrets the fake login server accepts.
	 */
	private function login_server_accepting( array $secrets ): void {
		add_filter(
			'pre_http_request',
			function ( $pre, array $args, string $url ) use ( $secrets ) {
				$header = (string) $args['headers'][ WORKOS_LOGIN_SIGNATURE_HEADER ];
				preg_match( '/(?:^|,)id=([0-9a-f]{32})(?:,|$)/', $header, $id );
				$message = array(
					'kind'   => 'request',
					'method' => 'POST',
					'path'   => (string) wp_parse_url( $url, PHP_URL_PATH ),
					'id'     => $id[1] ?? '',
				);
				foreach ( $secrets as $secret ) {
					if ( workos_login_verify_signature( $header, (string) $args['body'], $secret, $message ) ) {
						$this->signed_with[] = $secret;
						$answer              = self::fixture_json( 'server-health-outcome.json' );
						return array(
							'headers'  => array( WORKOS_LOGIN_SIGNATURE_HEADER => workos_login_sign( $answer, $secret, array( 'kind' => 'response' ) + $message ) ),
							'body'     => $answer,
							'response' => array(
								'code'    => 200,
								'message' => 'OK',
							),
							'cookies'  => array(),
							'filename' => null,
						);
					}
				}
				$this->signed_with[] = '?';
				return array(
					'headers'  => array(),
					'body'     => '{"error":"invalid_signature"}',
					'response' => array(
						'code'    => 401,
						'message' => 'Unauthorized',
					),
					'cookies'  => array(),
					'filename' => null,
				);
			},
			10,
			3
		);
	}

	/** One admin request to the login server, as Diagnostics makes it. */
	private function ask(): mixed {
		return workos_login_server_request( 'admin/health', array( 'input' => array( 'organization_id' => null ) ), array( 'health' ) );
	}

	public function test_without_a_rotation_a_server_on_another_secret_is_unavailable_after_one_request(): void {
		$this->login_server_accepting( array( self::OLD_SECRET ) );
		$this->assertInstanceOf( \WP_Error::class, $this->ask() );
		$this->assertSame( array( '?' ), $this->signed_with );
	}

	public function test_wordpress_switched_first_asks_a_server_still_on_the_old_secret_again_with_it(): void {
		update_option( 'workos_login_secret_previous', self::OLD_SECRET );
		$this->login_server_accepting( array( self::OLD_SECRET ) );
		$outcome = $this->ask();
		$this->assertIsArray( $outcome );
		$this->assertSame( 'health', $outcome['type'] );
		$this->assertSame( array( '?', self::OLD_SECRET ), $this->signed_with );
	}

	public function test_a_server_that_has_the_new_secret_is_asked_once_with_it(): void {
		update_option( 'workos_login_secret_previous', self::OLD_SECRET );
		$this->login_server_accepting( array( self::NEW_SECRET, self::OLD_SECRET ) );
		$this->assertSame( 'health', $this->ask()['type'] );
		$this->assertSame( array( self::NEW_SECRET ), $this->signed_with );
	}

	public function test_a_server_on_neither_secret_is_unavailable_after_two_requests(): void {
		update_option( 'workos_login_secret_previous', self::OLD_SECRET );
		$this->login_server_accepting( array( self::OTHER_SECRET ) );
		$this->assertInstanceOf( \WP_Error::class, $this->ask() );
		$this->assertSame( array( '?', '?' ), $this->signed_with );
	}

	public function test_a_previous_secret_that_is_short_or_the_current_one_is_ignored(): void {
		update_option( 'workos_login_secret_previous', self::NEW_SECRET );
		$this->assertSame( '', workos_login_previous_secret() );
		$this->login_server_accepting( array( self::OLD_SECRET ) );
		$this->assertInstanceOf( \WP_Error::class, $this->ask() );
		$this->assertSame( array( '?' ), $this->signed_with );
		$this->assertSame( array( '', array( 'the new secret is too short: use at least 32 random bytes (for example the output of “openssl rand -hex 32”).' ) ), workos_login_sanitize_secret( 'too-short', '' ) );
	}

	public function test_site_health_says_a_rotation_is_under_way_until_the_previous_secret_is_removed(): void {
		$this->assertSame( 'good', workos_login_run_health_test( 'secret' )['status'] );
		update_option( 'workos_login_secret_previous', self::OLD_SECRET );
		$result = workos_login_run_health_test( 'secret' );
		$this->assertSame( 'recommended', $result['status'] );
		$this->assertStringContainsString( 'WORKOS_LOGIN_SECRET_PREVIOUS', $result['description'] );
		$this->assertStringNotContainsString( self::OLD_SECRET, $result['description'] );
	}
}
