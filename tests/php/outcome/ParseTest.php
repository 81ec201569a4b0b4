<?php
/**
 * The checks of the login server's answers (includes/outcome/*.php), against the contract's JSON
 * fixtures (protocol/fixtures/server-*-outcome.json) and shapes the contract forbids.
 *
 * @package WorkOS_Login
 */

namespace WorkOS_Login\Tests\Outcome;

use PHPUnit\Framework\Attributes\DataProvider;
use WorkOS_Login\Tests\TestCase;

final class ParseTest extends TestCase {

	/**
	 * Every outcome fixture.
	 *
	 * @return array<string, array{string}>
	 */
	public static function fixtures(): array {
		$files = glob( dirname( __DIR__, 3 ) . '/protocol/fixtures/server-*-outcome.json' );
		$cases = array();
		foreach ( $files ? $files : array() as $file ) {
			$cases[ basename( $file ) ] = array( basename( $file ) );
		}
		return $cases;
	}

	#[DataProvider( 'fixtures' )]
	public function test_every_fixture_parses_to_exactly_itself( string $file ): void {
		$fixture = self::fixture( $file );
		$parsed  = workos_login_parse_outcome( self::fixture_json( $file ), array( $fixture['type'] ) );
		$this->assertNotNull( $parsed, $file );
		$this->assertSame( $this->canonical( $fixture ), $this->canonical( json_decode( wp_json_encode( $parsed ), true ) ) );
	}

	public function test_the_fixtures_cover_every_outcome_type(): void {
		$types = array_unique( array_map( static fn( array $case ): string => self::fixture( $case[0] )['type'], self::fixtures() ) );
		sort( $types );
		$this->assertSame( array( 'audit_forwarded', 'authenticated', 'error', 'health', 'organizations', 'passkey_registered', 'redirect', 'reset_token', 'roles', 'session_revoked', 'step', 'user' ), $types );
	}

	public function test_only_the_types_the_caller_accepts(): void {
		$this->assertNull( workos_login_parse_outcome( self::fixture_json( 'server-organizations-outcome.json' ) ) );
		$this->assertNull( workos_login_parse_outcome( self::fixture_json( 'server-redirect-outcome.json' ), array( 'step' ) ) );
		$this->assertNull( workos_login_parse_outcome( self::fixture_json( 'server-passkey-registered-outcome.json' ) ) );
		$this->assertNotNull( workos_login_parse_outcome( self::fixture_json( 'server-redirect-outcome.json' ) ) );
		$this->assertSame( WORKOS_LOGIN_ORGANIZATIONS_OUTCOME_TYPES, array( 'organizations', 'error' ) );
	}

	/**
	 * Outcomes the contract forbids: a fixture with one change (null removes the field).
	 *
	 * @return array<string, array{string, array<string, mixed>}>
	 */
	public static function forbidden(): array {
		$user     = static fn( array $change ): array => array( 'identity' => array( 'user' => $change ) );
		$identity = static fn( array $change ): array => array( 'identity' => $change );
		$step     = 'server-step-mfa-code-outcome.json';
		$signed   = 'server-callback-impersonation-outcome.json';
		$error    = 'server-password-rejected-outcome.json';
		return array(
			'unknown type'                  => array( 'server-redirect-outcome.json', array( 'type' => 'teleport' ) ),
			'no type'                       => array( 'server-redirect-outcome.json', array( 'type' => null ) ),
			'unknown step'                  => array( $step, array( 'step' => 'teleport' ) ),
			'empty flow on a step'          => array( $step, array( 'flow' => '' ) ),
			'flow over 8192'                => array( $step, array( 'flow' => 'v1.' . str_repeat( 'A', 8190 ) ) ),
			'data a list'                   => array( $step, array( 'data' => array( 1 ) ) ),
			'data missing'                  => array( $step, array( 'data' => null ) ),
			'subject with a space'          => array( $step, array( 'subject' => 'user 1' ) ),
			'redirect to javascript:'       => array( 'server-redirect-outcome.json', array( 'url' => 'javascript:alert(1)' ) ),
			'redirect to a path'            => array( 'server-redirect-outcome.json', array( 'url' => '/x' ) ),
			'no user id'                    => array( $signed, $user( array( 'id' => '' ) ) ),
			'an invalid email'              => array( $signed, $user( array( 'email' => 'grace@' ) ) ),
			'email_verified as a string'    => array( $signed, $user( array( 'email_verified' => 'true' ) ) ),
			'first_name missing'            => array( $signed, $user( array( 'first_name' => null ) ) ),
			'membership status unknown'     => array( $signed, $identity( array( 'membership' => array( 'status' => 'owner' ) ) ) ),
			'organization_id missing'       => array( $signed, $identity( array( 'organization_id' => null ) ) ),
			'method unknown to both sides'  => array( $signed, $identity( array( 'method' => 'linkedin' ) ) ),
			'workos_method beside a method' => array( $signed, $identity( array( 'workos_method' => 'XOAuth' ) ) ),
			'impersonator with more keys'   => array( $signed, $identity( array( 'impersonator' => array( 'admin' => true ) ) ) ),
			'impersonator reason of 501'    => array( $signed, $identity( array( 'impersonator' => array( 'reason' => str_repeat( 'a', 501 ) ) ) ) ),
			'impersonator reason, newline'  => array( $signed, $identity( array( 'impersonator' => array( 'reason' => "a\nb" ) ) ) ),
			'impersonator empty reason'     => array( $signed, $identity( array( 'impersonator' => array( 'reason' => '' ) ) ) ),
			'second factor unknown'         => array( $signed, $identity( array( 'second_factor' => 'email' ) ) ),
			'passthrough too long'          => array( $signed, array( 'passthrough' => array( 'redirect_to' => '/' . str_repeat( 'a', 2048 ) ) ) ),
			'passthrough remember a string' => array( $signed, array( 'passthrough' => array( 'remember' => 'no' ) ) ),
			'passkey counter negative'      => array( 'server-passkey-authenticated-outcome.json', array( 'passkey_used' => array( 'counter' => -1 ) ) ),
			'passkey id too short'          => array( 'server-passkey-authenticated-outcome.json', array( 'passkey_used' => array( 'id' => 'abc' ) ) ),
			'unknown error code'            => array( $error, array( 'code' => 'oops' ) ),
			'error status 200'              => array( $error, array( 'status' => 200 ) ),
			'error status a string'         => array( $error, array( 'status' => '422' ) ),
			'error message missing'         => array( $error, array( 'message' => null ) ),
			'unknown password problem'      => array( $error, array( 'problems' => array( 'too_short', 'nope' ) ) ),
			'problems not a list'           => array( $error, array( 'problems' => array( 'a' => 'too_short' ) ) ),
			'reset token with a space'      => array( 'server-reset-token-outcome.json', array( 'token' => 'a b' ) ),
			'reset token missing'           => array( 'server-reset-token-outcome.json', array( 'token' => null ) ),
			'reset email invalid'           => array( 'server-reset-token-outcome.json', array( 'email' => 'nobody' ) ),
			'organizations without after'   => array( 'server-organizations-outcome.json', array( 'after' => null ) ),
			'health without server_time'    => array( 'server-health-outcome.json', array( 'server_time' => null ) ),
			'session revoked to javascript' => array( 'server-session-revoked-outcome.json', array( 'logout_url' => 'javascript:x' ) ),
			'credential without aaguid'     => array( 'server-passkey-registered-outcome.json', array( 'credential' => array( 'aaguid' => null ) ) ),
			'credential device unknown'     => array( 'server-passkey-registered-outcome.json', array( 'credential' => array( 'device_type' => 'phone' ) ) ),
			'credential with more keys'     => array( 'server-passkey-registered-outcome.json', array( 'credential' => array( 'user_id' => 'user_1' ) ) ),
			'credential, 9 transports'      => array( 'server-passkey-registered-outcome.json', array( 'credential' => array( 'transports' => array_fill( 0, 9, 'usb' ) ) ) ),
			'credential transport shouted'  => array( 'server-passkey-registered-outcome.json', array( 'credential' => array( 'transports' => array( 'USB' ) ) ) ),
			'passkey counter past 32 bits'  => array( 'server-passkey-authenticated-outcome.json', array( 'passkey_used' => array( 'counter' => 4294967296 ) ) ),
			'subject not a WorkOS user id'  => array( $step, array( 'subject' => 'user1' ) ),
		);
	}

	/**
	 * @param string               $file   A fixture that parses.
	 * @param array<string, mixed> $change What to change in it (null: remove).
	 */
	#[DataProvider( 'forbidden' )]
	public function test_refuses_what_the_contract_forbids( string $file, array $change ): void {
		$fixture = self::fixture( $file );
		$this->assertNotNull( workos_login_parse_outcome( self::fixture_json( $file ), array( $fixture['type'] ) ) );
		$changed = $this->change( $fixture, $change );
		$this->assertNull( workos_login_parse_outcome( wp_json_encode( $changed ), array( $fixture['type'] ?? 'step', (string) ( $changed['type'] ?? '' ) ) ) );
	}

	public function test_what_is_kept_of_optional_fields(): void {
		$error = self::fixture( 'server-password-rejected-outcome.json' );
		// A `retry_after` outside 1…3600 breaks the contract: the answer is refused, not trimmed.
		$this->assertNull( workos_login_parse_outcome( wp_json_encode( array( 'retry_after' => 0 ) + $error ) ) );
		$this->assertSame( 30, workos_login_parse_outcome( wp_json_encode( array( 'retry_after' => 30 ) + $error ) )['retry_after'] );
		$this->assertSame( array( 'too_short' ), workos_login_parse_outcome( wp_json_encode( array( 'problems' => array( 'too_short', 'too_short' ) ) + $error ) )['problems'] );
		// Unknown fields are dropped, never passed on.
		$parsed = workos_login_parse_outcome( wp_json_encode( array( 'extra' => 1 ) + self::fixture( 'server-redirect-outcome.json' ) ) );
		$this->assertSame( array( 'type', 'url' ), array_keys( $parsed ) );
		// Inside an identity, an unknown field is refused (as strict as the login server's schemas).
		$callback                             = self::fixture( 'server-callback-impersonation-outcome.json' );
		$callback['identity']['user']['extra'] = 'x';
		$this->assertNull( workos_login_parse_outcome( wp_json_encode( $callback ) ) );
		// A step's empty data stays an object for the browser.
		$done = workos_login_parse_outcome( self::fixture_json( 'server-step-reset-done-outcome.json' ) );
		$this->assertSame( '{}', wp_json_encode( $done['data'] ) );
		// Never more of an API key than its last four characters: a longer one is off-contract.
		$health                            = self::fixture( 'server-health-outcome.json' );
		$health['workos']['api_key_last4'] = 'sk_test_abcd1234';
		$this->assertNull( workos_login_parse_outcome( wp_json_encode( $health ), array( 'health' ) ) );
		// Each transport of a new passkey is kept once.
		$registered                             = self::fixture( 'server-passkey-registered-outcome.json' );
		$registered['credential']['transports'] = array( 'usb', 'nfc', 'usb' );
		$this->assertSame( array( 'usb', 'nfc' ), workos_login_parse_outcome( wp_json_encode( $registered ), array( 'passkey_registered' ) )['credential']['transports'] );
		// The administration outcomes are as strict as the login server's schemas.
		$this->assertNull( workos_login_parse_outcome( wp_json_encode( array( 'extra' => 1 ) + self::fixture( 'server-health-outcome.json' ) ), array( 'health' ) ) );
		$revoked = array(
			'type'       => 'session_revoked',
			'revoked'    => true,
			'logout_url' => 'javascript:alert(1)',
		);
		$this->assertNull( workos_login_parse_outcome( wp_json_encode( $revoked ), array( 'session_revoked' ) ) );
		$revoked['logout_url'] = 'https://api.workos.test/user_management/sessions/logout';
		$this->assertSame( $revoked, workos_login_parse_outcome( wp_json_encode( $revoked ), array( 'session_revoked' ) ) );
	}

	public function test_unparseable_bodies(): void {
		foreach ( array( '', 'null', '[]', '"step"', '{"type":"redirect"', '[{"type":"redirect","url":"https://x.test"}]' ) as $body ) {
			$this->assertNull( workos_login_parse_outcome( $body ), $body );
		}
	}

	public function test_flow_tokens_have_one_spelling(): void {
		$this->assertTrue( workos_login_flow_is_canonical( 'v1.AAAA' ) );
		$this->assertTrue( workos_login_flow_is_canonical( 'v1.AAE' ) );
		// Stray bits in the last character, padding, other alphabets, other versions: refused.
		foreach ( array( 'v1.AAF', 'v1.AAE=', 'v1.AA+E', 'v1.AA/E', 'v2.AAAA', 'v1.', 'V1.AAAA', "v1.AAAA\n", 'v1.AAAA~', ' v1.AAAA' ) as $flow ) {
			$this->assertFalse( workos_login_flow_is_canonical( $flow ), $flow );
		}
	}

	/**
	 * Applies a change recursively; null removes a key.
	 *
	 * @param array<string, mixed> $value  Decoded JSON.
	 * @param array<string, mixed> $change What to change.
	 * @return array<string, mixed>
	 */
	private function change( array $value, array $change ): array {
		foreach ( $change as $key => $new ) {
			if ( null === $new ) {
				unset( $value[ $key ] );
			} elseif ( is_array( $new ) && ! array_is_list( $new ) && is_array( $value[ $key ] ?? null ) ) {
				$value[ $key ] = $this->change( $value[ $key ], $new );
			} else {
				$value[ $key ] = $new;
			}
		}
		return $value;
	}

	/**
	 * A value with its object keys sorted, for comparison.
	 *
	 * @param mixed $value Decoded JSON.
	 * @return mixed
	 */
	private function canonical( mixed $value ): mixed {
		if ( ! is_array( $value ) ) {
			return $value;
		}
		if ( ! array_is_list( $value ) ) {
			ksort( $value );
		}
		return array_map( array( $this, 'canonical' ), $value );
	}
}
