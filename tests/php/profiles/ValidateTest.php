<?php
/**
 * Login Profile validation (includes/profiles/validate.php, validate-fields.php, validate-values.php).
 *
 * @package WorkOS_Login
 */

namespace WorkOS_Login\Tests\Profiles;

use PHPUnit\Framework\Attributes\DataProvider;
use WorkOS_Login\Tests\TestCase;

final class ValidateTest extends TestCase {

	/**
	 * A new profile's input.
	 *
	 * @param array<string, mixed> $change Fields to set.
	 * @return array<string, mixed>
	 */
	private static function input( array $change = array() ): array {
		return $change + array(
			'slug'  => 'shop',
			'title' => 'Shop',
		);
	}

	public function test_a_new_profile_is_completed_from_the_defaults_in_order(): void {
		$profile = workos_login_validate_profile( self::input(), null );
		$this->assertIsArray( $profile );
		$this->assertSame( array( 'slug' => 'shop', 'title' => 'Shop' ) + workos_login_profile_defaults(), $profile );
		$this->assertSame( array_merge( array( 'slug', 'title' ), array_keys( workos_login_profile_defaults() ) ), array_keys( $profile ) );
	}

	public function test_accepted_values_are_kept_and_only_the_color_and_path_are_normalized(): void {
		$input   = self::input(
			array(
				'title'               => "  Shop\tfront\n ",
				'methods'             => array( 'passkey', 'oauth_google', 'password' ),
				'organization_id'     => 'org_01ABC',
				'signup'              => array( 'enabled' => true ),
				'mfa'                 => array( 'factors' => array() ),
				'branding'            => array( 'primary_color' => '#1E73BE', 'heading' => str_repeat( 'é', 200 ) ),
				'custom_path'         => '/Team/Login/',
				'post_login_redirect' => '/members/',
				'remember_me'         => 'never',
			)
		);
		$profile = workos_login_validate_profile( $input, null );
		$this->assertIsArray( $profile, is_wp_error( $profile ) ? $profile->get_error_message() : '' );
		$this->assertSame( "  Shop\tfront\n ", $profile['title'] );
		$this->assertSame( array( 'passkey', 'oauth_google', 'password' ), $profile['methods'] );
		$this->assertSame( array( 'enabled' => true, 'require_invitation' => false ), $profile['signup'] );
		$this->assertSame( array( 'enforce' => 'if_required', 'factors' => array() ), $profile['mfa'] );
		$this->assertSame( '#1e73be', $profile['branding']['primary_color'] );
		$this->assertSame( 'team/login', $profile['custom_path'] );
		$this->assertSame( '/members/', $profile['post_login_redirect'] );
	}

	/**
	 * Inputs refused, with the field the error names.
	 *
	 * @return array<string, array{array<string, mixed>, string}>
	 */
	public static function refused(): array {
		return array(
			'no slug'                        => array( array( 'slug' => null ), 'slug' ),
			'upper-case slug'                => array( array( 'slug' => 'Shop' ), 'slug' ),
			'slug of 65'                     => array( array( 'slug' => str_repeat( 'a', 65 ) ), 'slug' ),
			'slug with a slash'              => array( array( 'slug' => 'a/b' ), 'slug' ),
			'slug with a trailing newline'   => array( array( 'slug' => "shop\n" ), 'slug' ),
			'unknown field'                  => array( array( 'colour' => 'red' ), 'colour' ),
			'unknown nested field'           => array( array( 'branding' => array( 'colour' => 'red' ) ), 'branding.colour' ),
			'no title'                       => array( array( 'title' => '   ' ), 'title' ),
			'title of 201'                   => array( array( 'title' => str_repeat( 'a', 201 ) ), 'title' ),
			'title with a control character' => array( array( 'title' => "a\x1bb" ), 'title' ),
			'title not UTF-8'                => array( array( 'title' => "caf\xe9" ), 'title' ),
			'title a number'                 => array( array( 'title' => 7 ), 'title' ),
			'no method'                      => array( array( 'methods' => array() ), 'methods' ),
			'unknown method'                 => array( array( 'methods' => array( 'password', 'telepathy' ) ), 'methods' ),
			'a method twice'                 => array( array( 'methods' => array( 'password', 'password' ) ), 'methods' ),
			'methods as an object'           => array( array( 'methods' => array( 'a' => 'password' ) ), 'methods' ),
			'a hosted-only method'           => array( array( 'methods' => array( 'oauth_slack' ) ), 'methods' ),
			'organization without org_'      => array( array( 'organization_id' => '01ABC' ), 'organization_id' ),
			'organization, trailing newline' => array( array( 'organization_id' => "org_01ABC\n" ), 'organization_id' ),
			'signup not an object'           => array( array( 'signup' => true ), 'signup' ),
			'a boolean as a string'          => array( array( 'invitations' => 'yes' ), 'invitations' ),
			'a boolean as 1'                 => array( array( 'signup' => array( 'enabled' => 1 ) ), 'signup.enabled' ),
			'unknown MFA enforcement'        => array( array( 'mfa' => array( 'enforce' => 'sometimes' ) ), 'mfa.enforce' ),
			'unknown MFA factor'             => array( array( 'mfa' => array( 'factors' => array( 'email' ) ) ), 'mfa.factors' ),
			'color without #'                => array( array( 'branding' => array( 'primary_color' => '1e73be' ) ), 'branding.primary_color' ),
			'short color'                    => array( array( 'branding' => array( 'primary_color' => '#fff' ) ), 'branding.primary_color' ),
			'color, trailing newline'        => array( array( 'branding' => array( 'primary_color' => "#1e73be\n" ) ), 'branding.primary_color' ),
			'color with CSS after it'        => array( array( 'branding' => array( 'primary_color' => '#1e73be;x:y' ) ), 'branding.primary_color' ),
			'negative attachment'            => array( array( 'branding' => array( 'logo_attachment_id' => -1 ) ), 'branding.logo_attachment_id' ),
			'custom logo without an image'   => array( array( 'branding' => array( 'logo_mode' => 'custom' ) ), 'branding.logo_attachment_id' ),
			'subheading of 501'              => array( array( 'branding' => array( 'subheading' => str_repeat( 'a', 501 ) ) ), 'branding.subheading' ),
			'custom path reserved'           => array( array( 'custom_path' => 'wp-json' ), 'custom_path' ),
			'custom path with a dot'         => array( array( 'custom_path' => '../x' ), 'custom_path' ),
			'destination off site'           => array( array( 'post_login_redirect' => 'https://evil.example/' ), 'post_login_redirect' ),
			'destination scheme-relative'    => array( array( 'post_login_redirect' => '//evil.example/' ), 'post_login_redirect' ),
			'unknown remember_me'            => array( array( 'remember_me' => 'maybe' ), 'remember_me' ),
			'unknown mode'                   => array( array( 'mode' => 'hosted' ), 'mode' ),
		);
	}

	/**
	 * @param array<string, mixed> $change What differs from a valid input.
	 * @param string               $field  The field the error must name.
	 */
	#[DataProvider( 'refused' )]
	public function test_refuses_invalid_input_naming_the_field( array $change, string $field ): void {
		$error = workos_login_validate_profile( self::input( $change ), null );
		$this->assertInstanceOf( \WP_Error::class, $error );
		$this->assertSame( 'workos_login_invalid_profile', $error->get_error_code() );
		$this->assertSame( array( 'status' => 400, 'field' => $field ), $error->get_error_data() );
	}

	public function test_an_update_merges_nested_objects_key_by_key(): void {
		$this->assertIsArray( workos_login_save_profile( self::input( array( 'branding' => array( 'heading' => 'Welcome' ) ) ) ) );
		$profile = workos_login_validate_profile( array( 'branding' => array( 'primary_color' => '#000000' ) ), 'shop' );
		$this->assertIsArray( $profile );
		$this->assertSame( 'Welcome', $profile['branding']['heading'] );
		$this->assertSame( '#000000', $profile['branding']['primary_color'] );
		$this->assertSame( 'Shop', $profile['title'] );
	}

	public function test_slugs_are_unique_and_default_keeps_its_name(): void {
		$this->assertIsArray( workos_login_save_profile( self::input() ) );
		$taken = workos_login_validate_profile( self::input(), null );
		$this->assertSame( 'workos_login_profile_exists', $taken->get_error_code() );
		$this->assertSame( 409, $taken->get_error_data()['status'] );

		$renamed = workos_login_validate_profile( array( 'slug' => 'main' ), 'default' );
		$this->assertSame( array( 'status' => 400, 'field' => 'slug' ), $renamed->get_error_data() );
		$this->assertSame( 'workos_login_profile_not_found', workos_login_validate_profile( array(), 'nobody' )->get_error_code() );
	}

	public function test_two_profiles_cannot_share_a_custom_path(): void {
		$this->assertIsArray( workos_login_save_profile( self::input( array( 'custom_path' => 'team' ) ) ) );
		$error = workos_login_validate_profile( array( 'slug' => 'other', 'title' => 'Other', 'custom_path' => '/Team/' ), null );
		$this->assertSame( array( 'status' => 400, 'field' => 'custom_path' ), $error->get_error_data() );
		// The profile that has the path may keep it.
		$this->assertIsArray( workos_login_validate_profile( array( 'custom_path' => 'team' ), 'shop' ) );
	}

	public function test_a_stored_profile_is_repaired_into_shape_never_rejected(): void {
		$shaped = workos_login_profile_shape(
			array(
				'slug'     => 'ignored',
				'title'    => 'Kept',
				'methods'  => 'password',
				'branding' => array( 'heading' => 'Kept', 'primary_color' => 5, 'extra' => 'x' ),
				'extra'    => true,
			),
			'shop'
		);
		$defaults = workos_login_profile_defaults();
		$this->assertSame( 'shop', $shaped['slug'] );
		$this->assertSame( 'Kept', $shaped['title'] );
		$this->assertSame( $defaults['methods'], $shaped['methods'] );
		$this->assertSame( array( 'heading' => 'Kept' ) + $defaults['branding'], $shaped['branding'] );
		$this->assertSame( array_merge( array( 'slug', 'title' ), array_keys( $defaults ) ), array_keys( $shaped ) );
	}

	/**
	 * Refusals in the words the admin screen shows next to the field (never the schema's own
	 * phrasing, such as "title does not match pattern").
	 *
	 * @return array<string, array{array<string, mixed>, string}>
	 */
	public static function worded(): array {
		return array(
			'no title'          => array( array( 'title' => null ), 'This field is required.' ),
			'blank title'       => array( array( 'title' => " \t" ), 'This field is required.' ),
			'control character' => array( array( 'title' => "a\x1bb" ), 'Must be text.' ),
			'long title'        => array( array( 'title' => str_repeat( 'é', 201 ) ), 'Use at most 200 characters.' ),
			'long, controlled'  => array( array( 'title' => str_repeat( "\x1b", 201 ) ), 'Must be text.' ),
			'a boolean as 1'    => array( array( 'invitations' => 1 ), 'Must be true or false.' ),
			'no method'         => array( array( 'methods' => array() ), 'Choose at least one.' ),
			'a method twice'    => array( array( 'methods' => array( 'sso', 'sso' ) ), 'List each value once.' ),
			'unknown factor'    => array( array( 'mfa' => array( 'factors' => array( 'email' ) ) ), 'Must be a list of: totp, sms, webauthn.' ),
			'a list in a list'  => array( array( 'methods' => array( array( 'sso' ) ) ), 'Must be a list of: password, magic_code, oauth_google, oauth_microsoft, oauth_github, oauth_apple, sso, passkey.' ),
			'unknown mode'      => array( array( 'mode' => 'hosted' ), 'Must be one of: custom, authkit_redirect.' ),
			'not an object'     => array( array( 'branding' => 'x' ), 'Must be an object.' ),
			'a color'           => array( array( 'branding' => array( 'primary_color' => 'red' ) ), 'Must be a color like #1e73be, or empty for the default.' ),
			'an attachment'     => array( array( 'branding' => array( 'logo_attachment_id' => '5' ) ), 'Must be a Media Library item ID, or 0.' ),
			'an unknown field'  => array( array( 'signup' => array( 'open' => true ) ), 'Unknown field: signup.open.' ),
		);
	}

	/**
	 * @param array<string, mixed> $change What differs from a valid input.
	 * @param string               $words  The message.
	 */
	#[DataProvider( 'worded' )]
	public function test_refusals_are_worded_for_people( array $change, string $words ): void {
		$error = workos_login_validate_profile( self::input( $change ), null );
		$this->assertInstanceOf( \WP_Error::class, $error );
		$this->assertSame( $words, $error->get_error_message() );
	}

	public function test_a_request_body_is_checked_only_in_the_fields_it_names(): void {
		$check = static fn ( array $body ) => workos_login_check_profile_value( $body, WORKOS_LOGIN_PROFILE_SCHEMA, '', false );
		$this->assertTrue( $check( array( 'branding' => array( 'heading' => 'Hi' ) ) ) );
		$this->assertTrue( $check( array() ) );
		$error = $check( array( 'branding' => array( 'primary_color' => 'blue' ) ) );
		$this->assertSame( array( 'status' => 400, 'field' => 'branding.primary_color' ), $error->get_error_data() );
		$this->assertSame( 'title', $check( array( 'title' => '' ) )->get_error_data()['field'] );
		$this->assertSame( 'invitations', $check( array( 'invitations' => 'true' ) )->get_error_data()['field'] );
	}

	public function test_the_login_server_receives_only_the_resolved_fields(): void {
		$profile  = workos_login_validate_profile( self::input( array( 'organization_id' => 'org_01ABC' ) ), null );
		$resolved = workos_login_resolved_profile( $profile );
		$this->assertSame( array_merge( WORKOS_LOGIN_RESOLVED_PROFILE_FIELDS, array( 'organization_pinned' ) ), array_keys( $resolved ) );
		$this->assertSame( 'org_01ABC', $resolved['organization_id'] );
		$this->assertTrue( $resolved['organization_pinned'] );
		$this->assertFalse( workos_login_resolved_profile( workos_login_default_profile() )['organization_pinned'] );
	}
}
