<?php
/**
 * Routing rules: validation and storage (includes/routing/rules.php), matching and the order rules
 * are tried in (includes/routing/match.php).
 *
 * @package WorkOS_Login
 */

namespace WorkOS_Login\Tests\Routing;

use PHPUnit\Framework\Attributes\DataProvider;
use WorkOS_Login\Tests\TestCase;

final class RulesTest extends TestCase {

	/**
	 * A rule.
	 *
	 * @return array{match: string, pattern: string, profile: string}
	 */
	private static function rule( string $match, string $pattern, string $profile = 'default' ): array {
		return compact( 'match', 'pattern', 'profile' );
	}

	/** Creates a Login Profile. */
	private function profile( string $slug ): void {
		$this->assertIsArray( workos_login_save_profile( array( 'slug' => $slug, 'title' => ucfirst( $slug ) ) ) );
	}

	/**
	 * Lists the admin route refuses, with the field it names.
	 *
	 * @return array<string, array{mixed, string}>
	 */
	public static function invalid(): array {
		$rule = self::rule( 'redirect_to', '/shop/*' );
		return array(
			'not a list'                 => array( array( 'a' => $rule ), 'rules' ),
			'not an array'               => array( 'rules', 'rules' ),
			'51 rules'                   => array( array_fill( 0, 51, $rule ), 'rules' ),
			'a rule that is a list'      => array( array( array( 'redirect_to', '/x', 'default' ) ), 'rules[0]' ),
			'a rule that is a string'    => array( array( $rule, 'x' ), 'rules[1]' ),
			'an unknown field'           => array( array( $rule + array( 'colour' => 'red' ) ), 'rules[0].colour' ),
			'an unknown match'           => array( array( self::rule( 'cookie', '/x' ) ), 'rules[0].match' ),
			'an empty pattern'           => array( array( self::rule( 'redirect_to', '' ) ), 'rules[0].pattern' ),
			'a pattern of 201'           => array( array( self::rule( 'redirect_to', '/' . str_repeat( 'a', 200 ) ) ), 'rules[0].pattern' ),
			'a path without /'           => array( array( self::rule( 'redirect_to', 'shop/*' ) ), 'rules[0].pattern' ),
			'a full URL'                 => array( array( self::rule( 'redirect_to', 'https://localhost/shop' ) ), 'rules[0].pattern' ),
			'a path with a space'        => array( array( self::rule( 'redirect_to', '/a b' ) ), 'rules[0].pattern' ),
			'a path with a newline'      => array( array( self::rule( 'redirect_to', "/a\n" ) ), 'rules[0].pattern' ),
			'a path with a backslash'    => array( array( self::rule( 'redirect_to', '/a\\b' ) ), 'rules[0].pattern' ),
			'a regular expression'       => array( array( self::rule( 'redirect_to', '/(a|b)?' ) ), 'rules[0].pattern' ),
			'a host with a path'         => array( array( self::rule( 'referrer_host', 'example.com/x' ) ), 'rules[0].pattern' ),
			'a host with a port'         => array( array( self::rule( 'referrer_host', 'example.com:8080' ) ), 'rules[0].pattern' ),
			'a wildcard not in front'    => array( array( self::rule( 'referrer_host', 'shop.*' ) ), 'rules[0].pattern' ),
			'a bare wildcard'            => array( array( self::rule( 'referrer_host', '*' ) ), 'rules[0].pattern' ),
			'a label of 64'              => array( array( self::rule( 'referrer_host', str_repeat( 'a', 64 ) . '.com' ) ), 'rules[0].pattern' ),
			'a profile that is missing'  => array( array( self::rule( 'redirect_to', '/x', 'nobody' ) ), 'rules[0].profile' ),
			'a malformed profile'        => array( array( self::rule( 'redirect_to', '/x', 'Default!' ) ), 'rules[0].profile' ),
			'the second rule is wrong'   => array( array( $rule, self::rule( 'redirect_to', '/x', 7 ) ), 'rules[1].profile' ),
		);
	}

	/**
	 * @param mixed  $rules The list sent.
	 * @param string $field The field the error must name.
	 */
	#[DataProvider( 'invalid' )]
	public function test_refuses_invalid_lists_naming_the_field( mixed $rules, string $field ): void {
		$error = workos_login_save_routing_rules( $rules );
		$this->assertInstanceOf( \WP_Error::class, $error );
		$this->assertSame( 'workos_login_invalid_routing_rules', $error->get_error_code() );
		$this->assertSame( array( 'status' => 400, 'field' => $field ), $error->get_error_data() );
		$this->assertSame( array(), workos_login_get_routing_rules() );
	}

	public function test_stores_valid_rules_in_order_normalized(): void {
		$this->profile( 'shop' );
		$fired = 0;
		add_action( 'workos_login_routing_rules_updated', static function () use ( &$fired ): void {
			++$fired;
		} );
		$rules = array(
			array( 'profile' => 'shop', 'pattern' => '/shop/*', 'match' => 'redirect_to' ),
			self::rule( 'referrer_host', '*.Partner.Example', 'default' ),
			self::rule( 'redirect_to', "/a-z_0.9~!$&'()+,;=:@%/*", 'shop' ),
		);
		$expected = array(
			self::rule( 'redirect_to', '/shop/*', 'shop' ),
			self::rule( 'referrer_host', '*.partner.example', 'default' ),
			self::rule( 'redirect_to', "/a-z_0.9~!$&'()+,;=:@%/*", 'shop' ),
		);
		$this->assertSame( $expected, workos_login_save_routing_rules( $rules ) );
		$this->assertSame( $expected, workos_login_get_routing_rules() );
		$this->assertSame( 1, $fired );
		// Saving the same list again is a success that changes nothing.
		$this->assertSame( $expected, workos_login_save_routing_rules( $expected ) );
		$this->assertSame( 1, $fired );
		$this->assertSame( array(), workos_login_save_routing_rules( array() ) );
		$this->assertSame( 2, $fired );
	}

	public function test_the_option_keeps_only_well_formed_rules_even_when_written_directly(): void {
		update_option(
			WORKOS_LOGIN_ROUTING_OPTION,
			array( self::rule( 'redirect_to', 'no-slash' ), 'junk', self::rule( 'referrer_host', 'A.example' ), self::rule( 'redirect_to', '/x', 'gone' ) )
		);
		// A missing profile is kept (it may come back) and skipped when matching.
		$this->assertSame( array( self::rule( 'referrer_host', 'a.example' ), self::rule( 'redirect_to', '/x', 'gone' ) ), workos_login_get_routing_rules() );
		$this->assertCount( 50, workos_login_sanitize_routing_rules( array_fill( 0, 60, self::rule( 'redirect_to', '/x' ) ) ) );
	}

	/**
	 * Patterns and what they match.
	 *
	 * @return array<string, array{string, string, string, bool}>
	 */
	public static function patterns(): array {
		return array(
			'exact path'                    => array( 'redirect_to', '/shop', '/shop', true ),
			'exact path, other case'        => array( 'redirect_to', '/Shop', '/sHOP', true ),
			'exact path is not a prefix'    => array( 'redirect_to', '/shop', '/shop/cart', false ),
			'/* matches the folder itself'  => array( 'redirect_to', '/shop/*', '/shop', true ),
			'/* matches below it'           => array( 'redirect_to', '/shop/*', '/shop/a/b', true ),
			'/* is not a name prefix'       => array( 'redirect_to', '/shop/*', '/shopping', false ),
			'* crosses slashes'             => array( 'redirect_to', '/a*z', '/a/b/z', true ),
			'. is literal'                  => array( 'redirect_to', '/a.b', '/aXb', false ),
			'+ is literal'                  => array( 'redirect_to', '/a+', '/aa', false ),
			'exact host'                    => array( 'referrer_host', 'example.com', 'example.com', true ),
			'exact host, not a subdomain'   => array( 'referrer_host', 'example.com', 'a.example.com', false ),
			'*. matches a subdomain'        => array( 'referrer_host', '*.example.com', 'a.example.com', true ),
			'*. matches a deeper subdomain' => array( 'referrer_host', '*.example.com', 'a.b.example.com', true ),
			'*. not the domain itself'      => array( 'referrer_host', '*.example.com', 'example.com', false ),
			'*. not a look-alike'           => array( 'referrer_host', '*.example.com', 'badexample.com', false ),
			'*. not a suffix trick'         => array( 'referrer_host', '*.example.com', 'example.com.evil.test', false ),
		);
	}

	#[DataProvider( 'patterns' )]
	public function test_matching( string $match, string $pattern, string $subject, bool $expected ): void {
		$this->assertSame( $expected, workos_login_routing_rule_matches( self::rule( $match, $pattern ), $subject ) );
	}

	public function test_the_first_matching_rule_with_an_existing_profile_wins(): void {
		$this->profile( 'shop' );
		$this->profile( 'partners' );
		$this->profile( 'doomed' );
		workos_login_save_routing_rules(
			array(
				self::rule( 'redirect_to', '/shop/vip/*', 'doomed' ),
				self::rule( 'referrer_host', '*.partner.example', 'partners' ),
				self::rule( 'redirect_to', '/shop/*', 'shop' ),
			)
		);
		workos_login_delete_profile( 'doomed' );

		$this->assertSame( 'default', workos_login_routed_profile_slug() );
		$_GET['redirect_to'] = '/shop/vip/room';
		$this->assertSame( 'shop', workos_login_routed_profile_slug() );
		$_SERVER['HTTP_REFERER'] = 'https://www.Partner.Example./page';
		$this->assertSame( 'partners', workos_login_routed_profile_slug() );
		// An unsafe or foreign redirect_to routes nothing.
		unset( $_SERVER['HTTP_REFERER'] );
		$_GET['redirect_to'] = '//evil.example/shop/';
		$this->assertSame( 'default', workos_login_routed_profile_slug() );
		add_filter( 'allowed_redirect_hosts', static fn( array $hosts ): array => array_merge( $hosts, array( 'other.example' ) ) );
		$_GET['redirect_to'] = 'https://other.example/shop/';
		$this->assertSame( 'default', workos_login_routed_profile_slug() );
		$_GET['redirect_to'] = 'http://localhost/shop/';
		$this->assertSame( 'shop', workos_login_routed_profile_slug() );
	}

	public function test_the_session_expired_modal_always_gets_default(): void {
		$this->profile( 'shop' );
		workos_login_save_routing_rules( array( self::rule( 'redirect_to', '/*', 'shop' ) ) );
		$_GET['redirect_to'] = '/x';
		$this->assertSame( 'shop', workos_login_wp_login_profile()['slug'] );
		$_REQUEST['interim-login'] = '1';
		$this->assertSame( 'default', workos_login_wp_login_profile()['slug'] );
	}
}
