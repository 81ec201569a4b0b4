<?php
/**
 * The browser routes' table (includes/rest/auth-routes.php): every rule of a route in its row,
 * and what the handler, the profile check and the audit log read from it.
 *
 * @package WorkOS_Login
 */

namespace WorkOS_Login\Tests\Rest;

use WorkOS_Login\Tests\TestCase;

final class AuthRoutesTest extends TestCase {

	/**
	 * A validated request to a browser route.
	 *
	 * @param string               $route The route.
	 * @param array<string, mixed> $body  Its body.
	 */
	private static function request( string $route, array $body ): \WP_REST_Request {
		$request = new \WP_REST_Request( 'POST', '/workos/v1/auth/' . $route );
		$request->set_body_params( $body + array( 'profile' => 'default' ) );
		return $request;
	}

	public function test_every_row_says_what_the_profile_must_offer_and_how_it_answers(): void {
		$offers = array_merge( array( '', 'authorize', 'signup', 'invitations', 'password_reset' ), WORKOS_LOGIN_METHODS );
		foreach ( workos_login_auth_routes() as $route => $row ) {
			$this->assertContains( $row['offered'], $offers, $route );
			$this->assertContains( $row['floor'], array( '', 'always', 'failure' ), $route );
			$this->assertNotSame( array(), $row['types'], $route );
			// A route that counts an email limit tells, by its time, nothing about the account.
			if ( '' !== $row['limit'] ) {
				$this->assertNotSame( '', $row['floor'], $route );
			}
			// Continuations only resume flows the login server sealed; they count no email.
			if ( '' === $row['offered'] ) {
				$this->assertSame( '', $row['limit'], $route );
			}
		}
	}

	public function test_a_profile_refuses_what_it_does_not_offer_and_continuations_pass(): void {
		$profile = workos_login_default_profile(); // Password only.
		$this->assertNull( workos_login_auth_route_refusal( 'password', $profile, self::request( 'password', array() ) ) );
		$this->assertSame( array( 'method_disabled', 403 ), workos_login_auth_route_refusal( 'magic_code_send', $profile, self::request( 'magic_code_send', array() ) ) );
		$this->assertNull( workos_login_auth_route_refusal( 'mfa_verify', $profile, self::request( 'mfa_verify', array() ) ) );
		$this->assertSame( array( 'method_disabled', 403 ), workos_login_auth_route_refusal( 'passkey_options', $profile, self::request( 'passkey_options', array() ) ) );
		$this->assertNull( workos_login_auth_route_refusal( 'passkey_options', $profile, self::request( 'passkey_options', array( 'flow' => 'sealed' ) ) ) );
		$oauth = self::request(
			'authorize',
			array(
				'kind'     => 'oauth',
				'provider' => 'google',
			)
		);
		$this->assertSame( array( 'method_disabled', 403 ), workos_login_auth_route_refusal( 'authorize', $profile, $oauth ) );
		$this->assertNull( workos_login_auth_route_refusal( 'authorize', array( 'methods' => array( 'oauth_google' ) ) + $profile, $oauth ) );
		$this->assertSame( array( 'invalid_request', 400 ), workos_login_auth_route_refusal( 'authorize', $profile, self::request( 'authorize', array( 'kind' => 'oauth' ) ) ) );

		$hosted = array( 'mode' => 'authkit_redirect' ) + $profile;
		$this->assertSame( array( 'method_disabled', 403 ), workos_login_auth_route_refusal( 'password', $hosted, self::request( 'password', array() ) ) );
		$this->assertNull( workos_login_auth_route_refusal( 'authorize', $hosted, self::request( 'authorize', array( 'kind' => 'authkit' ) ) ) );
	}

	public function test_the_input_is_the_routes_own_fields_only(): void {
		$request = self::request(
			'password',
			array(
				'email'       => 'a@example.com',
				'password'    => 'secret',
				'redirect_to' => '/x',
				'code'        => '123456',
			)
		);
		$choices = array(
			'redirect_to' => '/x',
			'remember'    => false,
		);
		$this->assertSame(
			array(
				'email'    => 'a@example.com',
				'password' => 'secret',
			),
			workos_login_auth_input( 'password', $request, $choices )
		);
		$this->assertSame( array( 'code' => '123456' ), workos_login_auth_input( 'mfa_verify', $request, $choices ) );
	}

	public function test_audit_events_come_from_the_rows(): void {
		$ok     = array( 'type' => 'authenticated' );
		$wrong  = array(
			'type' => 'error',
			'code' => 'invalid_code',
		);
		$broken = array(
			'type' => 'error',
			'code' => 'server_unavailable',
		);
		$this->assertSame( 'password_reset', workos_login_audit_route_event( 'reset_confirm', $ok, array() ) );
		$this->assertNull( workos_login_audit_route_event( 'reset_confirm', $broken, array() ) );
		$this->assertSame( 'mfa_enrolled', workos_login_audit_route_event( 'mfa_verify', $ok, array( 'mfa_enroll' ) ) );
		$this->assertNull( workos_login_audit_route_event( 'mfa_verify', $ok, array() ) );
		$this->assertSame( 'mfa_challenge_failed', workos_login_audit_route_event( 'mfa_verify', $wrong, array( 'mfa_enroll' ) ) );
		$this->assertNull( workos_login_audit_route_event( 'password', $wrong, array() ) );
		$this->assertSame( array( 'signup' ), workos_login_flow_tags( 'signup', null ) );
		$this->assertSame( array(), workos_login_flow_tags( 'password', null ) );
	}
}
