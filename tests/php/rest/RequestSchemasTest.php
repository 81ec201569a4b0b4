<?php
/**
 * The browser routes' REST arguments, generated from the protocol (WORKOS_LOGIN_REQUEST_SCHEMAS
 * → workos_login_rest_args_from_schema()), validated by WordPress's own validator.
 *
 * @package WorkOS_Login
 */

namespace WorkOS_Login\Tests\Rest;

use WorkOS_Login\Tests\TestCase;
use WP_REST_Request;

final class RequestSchemasTest extends TestCase {

	/**
	 * Validates a body against a route's arguments the way the REST server does.
	 *
	 * @param string               $route A browser route.
	 * @param array<string, mixed> $body  The JSON body.
	 * @return true|\WP_Error
	 */
	private function validate( string $route, array $body ) {
		// The route as the REST server registered it (with its default validate callbacks).
		$handler = rest_get_server()->get_routes( 'workos/v1' )[ '/workos/v1/auth/' . $route ][0];
		$request = new WP_REST_Request( 'POST', '/workos/v1/auth/' . $route );
		$request->set_attributes( $handler );
		$request->set_body_params( $body );
		// As WP_REST_Server::dispatch(): typed arguments are checked (and sanitised) first.
		$sanitized = $request->sanitize_params();
		return is_wp_error( $sanitized ) ? $sanitized : $request->has_valid_params();
	}

	public function test_every_browser_request_fixture_is_valid_for_its_route(): void {
		$files = glob( dirname( __DIR__, 3 ) . '/protocol/fixtures/browser-*-request.json' );
		$this->assertNotEmpty( $files );
		foreach ( $files as $file ) {
			$found = '';
			foreach ( array_keys( workos_login_auth_routes() ) as $name ) {
				if ( str_starts_with( basename( $file ), 'browser-' . str_replace( '_', '-', $name ) ) && strlen( $name ) > strlen( $found ) ) {
					$found = $name;
				}
			}
			$this->assertNotSame( '', $found, basename( $file ) . ' names no route' );
			$this->assertTrue( $this->validate( $found, self::fixture( basename( $file ) ) ), basename( $file ) );
		}
	}

	public function test_every_route_has_its_generated_arguments(): void {
		$this->assertSame( array_keys( WORKOS_LOGIN_REQUEST_SCHEMAS ), array_keys( workos_login_auth_routes() ) );
		$args = workos_login_auth_routes()['password']['args'];
		$this->assertTrue( $args['email']['required'] );
		$this->assertFalse( $args['profile']['required'] );
		$this->assertSame( 'default', $args['profile']['default'] );
		$this->assertSame( 'workos_login_rest_validate_flow', $args['flow']['validate_callback'] );
	}

	public function test_a_trailing_newline_passes_no_pattern(): void {
		$flow = 'v1.' . str_repeat( 'A', 40 );
		$this->assertTrue( $this->validate( 'mfa_verify', array( 'code' => '123456', 'flow' => $flow ) ) );
		$this->assertInstanceOf( \WP_Error::class, $this->validate( 'mfa_verify', array( 'code' => "123456\n", 'flow' => $flow ) ) );
		$this->assertInstanceOf( \WP_Error::class, $this->validate( 'password', array( 'email' => 'a@example.com', 'password' => 'x', 'profile' => "shop\n" ) ) );
		$this->assertInstanceOf( \WP_Error::class, $this->validate( 'org_select', array( 'organization_id' => "org_01ABC\n", 'flow' => $flow ) ) );
	}

	public function test_the_union_of_authorize_keeps_each_branch_field_optional(): void {
		$this->assertTrue( $this->validate( 'authorize', array( 'kind' => 'sso_organization' ) ) );
		$this->assertTrue( $this->validate( 'authorize', array( 'kind' => 'oauth', 'provider' => 'github' ) ) );
		$this->assertInstanceOf( \WP_Error::class, $this->validate( 'authorize', array( 'kind' => 'oauth', 'provider' => 'myspace' ) ) );
		$this->assertInstanceOf( \WP_Error::class, $this->validate( 'authorize', array( 'kind' => 'nothing' ) ) );
	}
}
