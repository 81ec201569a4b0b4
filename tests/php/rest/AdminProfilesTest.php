<?php
/**
 * The admin profile routes as WordPress serves them: the generated `LoginProfile` schema as
 * their arguments, the fields a request names checked first, PATCH semantics.
 *
 * @package WorkOS_Login
 */

namespace WorkOS_Login\Tests\Rest;

use WorkOS_Login\Tests\TestCase;

final class AdminProfilesTest extends TestCase {

	/**
	 * Sends a JSON request as an administrator.
	 *
	 * @param string               $method HTTP method.
	 * @param string               $route  Route under /workos/v1.
	 * @param array<string, mixed> $body   JSON body.
	 */
	private function send( string $method, string $route, array $body ): \WP_REST_Response {
		wp_set_current_user( $this->user( 'administrator' )->ID );
		$request = new \WP_REST_Request( $method, '/workos/v1' . $route );
		$request->set_header( 'content-type', 'application/json' );
		$request->set_body( (string) wp_json_encode( $body ) );
		return rest_get_server()->dispatch( $request );
	}

	public function test_an_update_may_name_one_nested_field(): void {
		$this->assertSame( 201, $this->send( 'POST', '/admin/profiles', array( 'slug' => 'shop', 'title' => 'Shop' ) )->get_status() );
		$updated = $this->send( 'PATCH', '/admin/profiles/shop', array( 'branding' => array( 'primary_color' => '#1E73BE' ) ) );
		$this->assertSame( 200, $updated->get_status(), (string) wp_json_encode( $updated->get_data() ) );
		$this->assertSame( '#1e73be', $updated->get_data()['branding']['primary_color'] );
		$this->assertSame( 'default', $updated->get_data()['branding']['logo_mode'] );
	}

	/**
	 * @return array<string, array{array<string, mixed>, string}>
	 */
	public static function refused(): array {
		return array(
			'a custom logo that is no image' => array( array( 'branding' => array( 'logo_mode' => 'custom', 'logo_attachment_id' => 999999 ) ), 'branding.logo_attachment_id' ),
			'a boolean as a string'          => array( array( 'signup' => array( 'enabled' => 'true' ) ), 'signup.enabled' ),
			'a title with a control'         => array( array( 'title' => "a\x07" ), 'title' ),
			'an unknown nested field'        => array( array( 'mfa' => array( 'when' => 'always' ) ), 'mfa.when' ),
		);
	}

	/**
	 * @param array<string, mixed> $body  What is sent besides slug and title.
	 * @param string               $field The field the error names.
	 */
	#[\PHPUnit\Framework\Attributes\DataProvider( 'refused' )]
	public function test_a_refusal_names_its_field_in_the_plugins_words( array $body, string $field ): void {
		$response = $this->send( 'POST', '/admin/profiles', $body + array( 'slug' => 'bad', 'title' => 'Bad' ) );
		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( 'workos_login_invalid_profile', $response->get_data()['code'] );
		$this->assertSame( $field, $response->get_data()['data']['field'] );
	}
}
