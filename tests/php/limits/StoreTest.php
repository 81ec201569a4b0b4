<?php
/**
 * Counting against the atomic table (includes/limits/store.php through policy.php's
 * workos_login_rate_limit()), on the site's SQLite database.
 *
 * Windows end by moving a row's `expires` into the past: no test waits on the clock.
 *
 * @package WorkOS_Login
 */

namespace WorkOS_Login\Tests\Limits;

use WorkOS_Login\Tests\TestCase;

final class StoreTest extends TestCase {

	protected function setUp(): void {
		parent::setUp();
		$_SERVER['REMOTE_ADDR'] = '198.51.100.9';
	}

	/**
	 * Sets the site's limits through the filter.
	 *
	 * @param array<string, mixed> $limits Replacements, as the filter takes them.
	 */
	private function limits( array $limits ): void {
		add_filter( 'workos_login_rate_limits', static fn(): array => $limits );
	}

	/** Ends the window of a counter or mark, as time passing would. */
	private function expire( string $key ): void {
		global $wpdb;
		$wpdb->query( $wpdb->prepare( 'UPDATE %i SET expires = %d WHERE bucket = %s', workos_login_limits_table(), time() - 1, workos_login_limits_bucket( $key ) ) );
	}

	/**
	 * A counter's row, null when it has none.
	 *
	 * @return array{hits: int, expires: int}|null
	 */
	private function row( string $key ): ?array {
		return workos_login_limits_live( array( $key ) )[ $key ] ?? null;
	}

	public function test_max_requests_pass_then_the_next_is_refused_until_the_window_ends(): void {
		$this->limits( array( 'ip' => array( 'max' => 2, 'window' => 600 ) ) );
		$buckets = workos_login_rate_buckets( 'password' );
		$this->assertNull( workos_login_rate_limit( $buckets ) );
		$this->assertNull( workos_login_rate_limit( $buckets ) );
		$refusal = workos_login_rate_limit( $buckets );
		$this->assertSame( 'rate_limited', $refusal['code'] ?? null );
		$this->assertSame( 429, $refusal['status'] );
		$this->assertGreaterThan( 0, $refusal['retry_after'] );
		$this->assertLessThanOrEqual( 600, $refusal['retry_after'] );
		// Another route, or another address, has its own budget.
		$this->assertNull( workos_login_rate_limit( workos_login_rate_buckets( 'signup' ) ) );

		$this->expire( 'ip:password:198.51.100.9' );
		$this->assertNull( workos_login_rate_limit( $buckets ) );
		$this->assertSame( 1, $this->row( 'ip:password:198.51.100.9' )['hits'] );
	}

	public function test_the_counting_statement_alone_stops_at_max(): void {
		// What parallel requests meet when each passed the read-only check before the others counted.
		$this->assertSame( array( 'allowed' => true, 'reset_in' => 0 ), workos_login_limits_take( 'k', 2, 600 ) );
		$this->assertTrue( workos_login_limits_take( 'k', 2, 600 )['allowed'] );
		$third = workos_login_limits_take( 'k', 2, 600 );
		$this->assertFalse( $third['allowed'] );
		$this->assertGreaterThan( 0, $third['reset_in'] );
		$this->assertSame( 2, $this->row( 'k' )['hits'] );
		$this->expire( 'k' );
		$this->assertTrue( workos_login_limits_take( 'k', 2, 600 )['allowed'] );
		$this->assertSame( 1, $this->row( 'k' )['hits'] );
	}

	public function test_a_refused_request_spends_no_other_budget(): void {
		$this->limits( array( 'email' => array( 'password' => array( 'max' => 1 ) ) ) );
		$buckets = workos_login_rate_buckets( 'password', 'a@example.com', 'password', 'v1.flow' );
		$this->assertNull( workos_login_rate_limit( $buckets ) );
		$this->assertSame( 'rate_limited', workos_login_rate_limit( $buckets )['code'] ?? null );
		$this->assertSame( 'rate_limited', workos_login_rate_limit( $buckets )['code'] ?? null );
		// The full email counter refused before anything was counted: the address spent one hit.
		$this->assertSame( 1, $this->row( 'ip:password:198.51.100.9' )['hits'] );
		$this->assertSame( 1, $this->row( 'flow:' . hash( 'sha256', 'v1.flow' ) )['hits'] );
		// Another email from the same address still passes: one victim's lockout is not everyone's.
		$this->assertNull( workos_login_rate_limit( workos_login_rate_buckets( 'password', 'b@example.com', 'password' ) ) );
	}

	public function test_only_the_first_refusal_of_a_window_is_audited(): void {
		$this->limits( array( 'ip' => array( 'max' => 1 ) ) );
		$buckets = workos_login_rate_buckets( 'magic_code_send' );
		workos_login_rate_limit( $buckets );
		workos_login_rate_limit( $buckets );
		$this->assertFalse( workos_login_rate_refusal_repeated() );
		workos_login_rate_limit( $buckets );
		$this->assertTrue( workos_login_rate_refusal_repeated() );
		workos_login_rate_refusal_repeated( false );
	}

	public function test_a_max_of_zero_turns_a_limit_off(): void {
		$this->limits( array( 'ip' => array( 'max' => 0 ) ) );
		for ( $i = 0; $i < 3; $i++ ) {
			$this->assertNull( workos_login_rate_limit( workos_login_rate_buckets( 'password' ) ) );
		}
		$this->assertNull( $this->row( 'ip:password:198.51.100.9' ) );
	}

	public function test_giving_back_returns_only_the_email_hit(): void {
		$buckets = workos_login_rate_buckets( 'password', 'a@example.com', 'password' );
		workos_login_rate_limit( $buckets );
		workos_login_rate_limit( $buckets );
		workos_login_rate_give_back( $buckets );
		$this->assertSame( 1, $this->row( 'email:password:a@example.com' )['hits'] );
		$this->assertSame( 2, $this->row( 'ip:password:198.51.100.9' )['hits'] );
	}

	public function test_a_counter_that_cannot_be_written_refuses_the_request(): void {
		add_filter(
			'query',
			static fn( string $sql ): string => str_contains( $sql, 'workos_login_limits' ) && preg_match( '/^\s*(UPDATE|INSERT)/i', $sql )
				? str_replace( 'workos_login_limits', 'workos_login_limits_gone', $sql )
				: $sql
		);
		$refusal = workos_login_rate_limit( workos_login_rate_buckets( 'password' ) );
		$this->assertSame( array( 'code' => 'database_unavailable', 'status' => 503, 'retry_after' => WORKOS_LOGIN_DATABASE_RETRY_AFTER ), $refusal );
		$this->assertNull( workos_login_limits_mark( 'once:x', 60 ) );
	}

	public function test_a_mark_is_taken_once_until_it_expires_or_is_removed(): void {
		$this->assertFalse( workos_login_limits_marked( 'once:flow:a' ) );
		$this->assertTrue( workos_login_limits_mark( 'once:flow:a', 60 ) );
		$this->assertFalse( workos_login_limits_mark( 'once:flow:a', 60 ) );
		$this->assertTrue( workos_login_limits_marked( 'once:flow:a' ) );
		$this->assertTrue( workos_login_limits_mark( 'once:flow:b', 60 ) );

		$this->expire( 'once:flow:a' );
		$this->assertFalse( workos_login_limits_marked( 'once:flow:a' ) );
		$this->assertTrue( workos_login_limits_mark( 'once:flow:a', 60 ) );

		workos_login_limits_unmark( 'once:flow:a' );
		$this->assertSame( array( 'once:flow:b' ), array_keys( workos_login_limits_marked_any( array( 'once:flow:a', 'once:flow:b', 'once:flow:c' ) ) ) );
		$this->assertTrue( workos_login_limits_mark( 'once:flow:a', 60 ) );
	}

	public function test_rows_name_no_address_email_or_token(): void {
		global $wpdb;
		workos_login_rate_limit( workos_login_rate_buckets( 'password', 'a@example.com', 'password', 'v1.secret-flow' ) );
		$stored = implode( ' ', $wpdb->get_col( $wpdb->prepare( 'SELECT bucket FROM %i', workos_login_limits_table() ) ) );
		$this->assertMatchesRegularExpression( '/^([0-9a-f]{64} ?)+$/', $stored );
		foreach ( array( '198.51.100.9', 'a@example.com', 'secret-flow' ) as $private ) {
			$this->assertStringNotContainsString( $private, $stored );
		}
	}
}
