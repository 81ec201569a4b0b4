<?php
/**
 * What is rate-limited, and how much (includes/limits/policy.php), and which buckets each browser
 * route counts against (includes/rest/auth-routes.php `limit`).
 *
 * @package WorkOS_Login
 */

namespace WorkOS_Login\Tests\Limits;

use WorkOS_Login\Tests\TestCase;

final class PolicyTest extends TestCase {

	public function test_default_limits(): void {
		$limits = workos_login_rate_limits();
		$this->assertSame(
			array(
				'ip'       => array( 'max' => 60, 'window' => 600 ),
				'callback' => array( 'max' => 30, 'window' => 600 ),
				'flow'     => array( 'max' => 10, 'window' => 900 ),
				'email'    => array(
					'password'   => array( 'max' => 10, 'window' => 900 ),
					'magic_code' => array( 'max' => 5, 'window' => 900 ),
					'reset'      => array( 'max' => 3, 'window' => 900 ),
					'signup'     => array( 'max' => 5, 'window' => 3600 ),
				),
			),
			$limits
		);
	}

	public function test_the_filter_changes_single_values_and_a_broken_filter_changes_nothing(): void {
		add_filter( 'workos_login_rate_limits', static fn(): array => array( 'email' => array( 'reset' => array( 'max' => 1 ) ) ) );
		$limits = workos_login_rate_limits();
		$this->assertSame( array( 'max' => 1, 'window' => 900 ), $limits['email']['reset'] );
		$this->assertSame( array( 'max' => 10, 'window' => 900 ), $limits['email']['password'] );

		add_filter( 'workos_login_rate_limits', static fn() => 'off', 20 );
		$this->assertSame( 60, workos_login_rate_limits()['ip']['max'] );
	}

	public function test_buckets_of_a_password_request(): void {
		$_SERVER['REMOTE_ADDR'] = '203.0.113.7';
		$buckets                = workos_login_rate_buckets( 'password', ' Ada@Example.COM ', 'password', 'v1.flow' );
		$this->assertSame(
			array(
				'ip:password:203.0.113.7'                          => array( 'max' => 60, 'window' => 600 ),
				'email:password:ada@example.com'                   => array( 'max' => 10, 'window' => 900 ),
				'flow:' . hash( 'sha256', 'v1.flow' )               => array( 'max' => 10, 'window' => 900 ),
			),
			$buckets
		);
	}

	public function test_each_method_counts_an_email_separately(): void {
		$_SERVER['REMOTE_ADDR'] = '203.0.113.7';
		$keys                   = static fn( string $method ): array => array_keys( workos_login_rate_buckets( 'r', 'a@example.com', $method ) );
		$this->assertSame( array( 'ip:r:203.0.113.7', 'email:magic_code:a@example.com' ), $keys( 'magic_code' ) );
		$this->assertSame( array( 'ip:r:203.0.113.7', 'email:reset:a@example.com' ), $keys( 'reset' ) );
		// No limit for the method (SSO, social, passkeys) or no email: the address only.
		$this->assertSame( array( 'ip:r:203.0.113.7' ), $keys( '' ) );
		$this->assertSame( array( 'ip:r:203.0.113.7' ), $keys( 'sso' ) );
		$this->assertSame( array( 'ip:r:203.0.113.7' ), array_keys( workos_login_rate_buckets( 'r', '', 'password', '' ) ) );
	}

	public function test_the_callback_and_authkit_use_their_own_address_limit(): void {
		$_SERVER['REMOTE_ADDR'] = '2001:db8::1';
		$this->assertSame( array( 'ip:callback:2001:db8::1' => array( 'max' => 30, 'window' => 600 ) ), workos_login_rate_buckets( 'callback' ) );
		$this->assertSame( array( 'ip:authkit:2001:db8::1' => array( 'max' => 30, 'window' => 600 ) ), workos_login_rate_buckets( 'authkit' ) );
	}

	public function test_a_request_without_a_valid_address_shares_one_bucket(): void {
		$_SERVER['REMOTE_ADDR'] = 'not-an-ip';
		$this->assertSame( array( 'ip:password:unknown' ), array_keys( workos_login_rate_buckets( 'password' ) ) );
		unset( $_SERVER['REMOTE_ADDR'] );
		$this->assertSame( array( 'ip:password:unknown' ), array_keys( workos_login_rate_buckets( 'password' ) ) );
	}

	public function test_which_email_limit_each_browser_route_counts(): void {
		$limits = array_map( static fn( array $route ): string => $route['limit'], workos_login_auth_routes() );
		$this->assertSame( 'password', $limits['password'] );
		$this->assertSame( 'magic_code', $limits['magic_code_send'] );
		$this->assertSame( 'signup', $limits['signup'] );
		$this->assertSame( 'reset', $limits['reset_request'] );
		// Every limit a route names exists; SSO, social sign-in and passkeys have none.
		$email = workos_login_rate_limits()['email'];
		foreach ( $limits as $route => $limit ) {
			$this->assertTrue( '' === $limit || isset( $email[ $limit ] ), $route );
		}
		foreach ( array( 'authorize', 'passkey_options', 'passkey_verify', 'passkey_register_options', 'passkey_register_verify' ) as $route ) {
			$this->assertSame( '', $limits[ $route ], $route );
		}
	}

	public function test_verifications_spend_their_flow_once(): void {
		$once = array_keys( array_filter( workos_login_auth_routes(), static fn( array $route ): bool => $route['once'] ) );
		sort( $once );
		$this->assertSame( array( 'email_verify', 'magic_code_verify', 'mfa_verify', 'org_select', 'passkey_register_verify', 'passkey_verify' ), $once );
	}

	public function test_which_answers_give_the_email_budget_back(): void {
		$error = static fn( string $code ): array => array( 'type' => 'error', 'code' => $code, 'message' => '', 'status' => 503 );
		$this->assertTrue( workos_login_outcome_spares_budget( new \WP_Error( 'workos_login_server_unavailable' ) ) );
		$this->assertTrue( workos_login_outcome_spares_budget( $error( 'server_unavailable' ) ) );
		$this->assertTrue( workos_login_outcome_spares_budget( $error( 'workos_unavailable' ) ) );
		$this->assertTrue( workos_login_outcome_spares_budget( $error( 'rate_limited' ) ) );
		$this->assertFalse( workos_login_outcome_spares_budget( $error( 'invalid_credentials' ) ) );
		$this->assertFalse( workos_login_outcome_spares_budget( $error( 'invalid_code' ) ) );
		$this->assertFalse( workos_login_outcome_spares_budget( array( 'type' => 'step', 'step' => 'mfa_challenge' ) ) );
	}
}
