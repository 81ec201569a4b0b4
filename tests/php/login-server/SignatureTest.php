<?php
/**
 * Signatures between WordPress and the login server (includes/login-server/signature.php).
 *
 * @package WorkOS_Login
 */

namespace WorkOS_Login\Tests\LoginServer;

use PHPUnit\Framework\Attributes\DataProvider;
use WorkOS_Login\Tests\TestCase;

final class SignatureTest extends TestCase {

	private const SECRET = 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx';
	private const ID     = '0123456789abcdef0123456789abcdef';
	private const BODY   = '{"a":1}';

	/**
	 * A request to `/v1/password`, or its answer.
	 *
	 * @param string $kind `request` or `response`.
	 * @return array{kind: string, method: string, path: string, id: string}
	 */
	private static function message( string $kind = 'request' ): array {
		return array(
			'kind'   => $kind,
			'method' => 'POST',
			'path'   => '/v1/password',
			'id'     => self::ID,
		);
	}

	public function test_matches_the_typescript_signer(): void {
		// server/signature.ts: sign('x'.repeat(64), '{"a":1}', { kind: 'request', method: 'POST',
		// path: '/v1/password', id }, 1_700_000_000_000), and the answer signed with method 'post'.
		$this->assertSame(
			't=1700000000000,id=0123456789abcdef0123456789abcdef,v2=d466c7b7089958f838be5e09dc691e1e71b2844d1013b5b64134be8e6f646267',
			workos_login_sign( self::BODY, self::SECRET, self::message(), 1700000000000 )
		);
		$answer = array( 'method' => 'post' ) + self::message( 'response' );
		$this->assertSame(
			't=1700000000000,id=0123456789abcdef0123456789abcdef,v2=91fcc359b1ea4e1ad126d729d7b76157939318918c217a518127b995dec2b9e6',
			workos_login_sign( '{"type":"error"}', self::SECRET, $answer, 1700000000000 )
		);
	}

	public function test_round_trip_now(): void {
		$header = workos_login_sign( self::BODY, self::SECRET, self::message() );
		$this->assertMatchesRegularExpression( '/^t=\d{13},id=' . self::ID . ',v2=[0-9a-f]{64}$/', $header );
		$this->assertTrue( workos_login_verify_signature( $header, self::BODY, self::SECRET, self::message() ) );
	}

	public function test_within_the_tolerance_window_either_side(): void {
		$now = workos_login_now_ms();
		foreach ( array( -50000, 50000 ) as $offset ) {
			$header = workos_login_sign( self::BODY, self::SECRET, self::message(), $now + $offset );
			$this->assertTrue( workos_login_verify_signature( $header, self::BODY, self::SECRET, self::message() ), "offset $offset" );
		}
	}

	public function test_refuses_a_replay_outside_the_window_either_side(): void {
		$now = workos_login_now_ms();
		foreach ( array( -61000, 70000, -86400000, 0 - $now ) as $offset ) {
			$header = workos_login_sign( self::BODY, self::SECRET, self::message(), $now + $offset );
			$this->assertFalse( workos_login_verify_signature( $header, self::BODY, self::SECRET, self::message() ), "offset $offset" );
		}
	}

	/**
	 * What a signature must not verify for: each changes one thing the signer bound.
	 *
	 * @return array<string, array{array<string, string>, string, string}>
	 */
	public static function other_messages(): array {
		return array(
			'another route'     => array( array( 'path' => '/v1/signup' ), self::BODY, self::SECRET ),
			'a prefixed route'  => array( array( 'path' => '/wp/v1/password' ), self::BODY, self::SECRET ),
			'another method'    => array( array( 'method' => 'GET' ), self::BODY, self::SECRET ),
			'request as answer' => array( array( 'kind' => 'response' ), self::BODY, self::SECRET ),
			'another body'      => array( array(), '{"a":2}', self::SECRET ),
			'body + newline'    => array( array(), self::BODY . "\n", self::SECRET ),
			'another secret'    => array( array(), self::BODY, self::SECRET . 'y' ),
		);
	}

	/**
	 * @param array<string, string> $change Fields of the message the verifier expects instead.
	 */
	#[DataProvider( 'other_messages' )]
	public function test_refuses_what_was_signed_for_another_message( array $change, string $body, string $secret ): void {
		$header = workos_login_sign( self::BODY, self::SECRET, self::message() );
		$this->assertFalse( workos_login_verify_signature( $header, $body, $secret, $change + self::message() ) );
	}

	public function test_method_case_does_not_matter(): void {
		$header = workos_login_sign( self::BODY, self::SECRET, array( 'method' => 'post' ) + self::message() );
		$this->assertTrue( workos_login_verify_signature( $header, self::BODY, self::SECRET, self::message() ) );
	}

	public function test_an_answer_is_bound_to_the_id_of_its_request(): void {
		$other  = 'fedcba9876543210fedcba9876543210';
		$answer = workos_login_sign( '{}', self::SECRET, array( 'id' => $other ) + self::message( 'response' ) );
		// Signed correctly, but for another request: refused when this request's id is expected.
		$this->assertTrue( workos_login_verify_signature( $answer, '{}', self::SECRET, array( 'id' => $other ) + self::message( 'response' ) ) );
		$this->assertFalse( workos_login_verify_signature( $answer, '{}', self::SECRET, self::message( 'response' ) ) );
		// Naming our id in the header without having signed over it does not help.
		$forged = str_replace( 'id=' . $other, 'id=' . self::ID, $answer );
		$this->assertFalse( workos_login_verify_signature( $forged, '{}', self::SECRET, self::message( 'response' ) ) );
	}

	/**
	 * Malformed headers.
	 *
	 * @return array<string, array{callable(string): string}>
	 */
	public static function malformed(): array {
		return array(
			'empty'                  => array( static fn( string $h ): string => '' ),
			'garbage'                => array( static fn( string $h ): string => 'garbage' ),
			'no id'                  => array( static fn( string $h ): string => preg_replace( '/,id=[^,]*/', '', $h ) ),
			'no v2'                  => array( static fn( string $h ): string => preg_replace( '/,v2=.*/', '', $h ) ),
			'no t'                   => array( static fn( string $h ): string => preg_replace( '/^t=[^,]*,/', '', $h ) ),
			'the old v1 scheme'      => array( static fn( string $h ): string => str_replace( 'v2=', 'v1=', $h ) ),
			'signed t with a sign'   => array( static fn( string $h ): string => preg_replace( '/^t=/', 't=+', $h ) ),
			'fractional t'           => array( static fn( string $h ): string => preg_replace( '/^t=(\d+)/', 't=$1.0', $h ) ),
			'16-digit t'             => array( static fn( string $h ): string => preg_replace( '/^t=(\d+)/', 't=000$1', $h ) ),
			'truncated v2'           => array( static fn( string $h ): string => substr( $h, 0, -1 ) ),
			'v2 one digit off'       => array( static fn( string $h ): string => substr( $h, 0, -1 ) . ( str_ends_with( $h, '0' ) ? '1' : '0' ) ),
			'v2 with trailing bytes' => array( static fn( string $h ): string => $h . '00' ),
		);
	}

	/**
	 * @param callable(string): string $spoil Turns a valid header into a malformed one.
	 */
	#[DataProvider( 'malformed' )]
	public function test_refuses_malformed_headers( callable $spoil ): void {
		$header = $spoil( workos_login_sign( self::BODY, self::SECRET, self::message() ) );
		$this->assertFalse( workos_login_verify_signature( $header, self::BODY, self::SECRET, self::message() ) );
	}

	public function test_request_ids_are_fresh_32_hex_digits(): void {
		$a = workos_login_new_request_id();
		$this->assertMatchesRegularExpression( '/^[0-9a-f]{32}$/', $a );
		$this->assertNotSame( $a, workos_login_new_request_id() );
	}
}
