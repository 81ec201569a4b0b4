<?php
/**
 * Validation of the passkey settings (same contract as settings/sanitize.php: `array( $value,
 * $problems )`, idempotent): the relying party id, the step-up roles, and whole numbers in a range.
 *
 * @package WorkOS_Login
 * @since   0.5.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The host of the site's home URL, lowercase.
 *
 * @since 0.5.0
 */
function workos_login_home_host(): string {
	return strtolower( (string) wp_parse_url( home_url(), PHP_URL_HOST ) );
}

/**
 * The relying party id in force: the setting, else the host of the home URL.
 *
 * @since 0.5.0
 */
function workos_login_passkey_rp_id(): string {
	$setting = strtolower( (string) workos_login_option( 'passkey_rp_id' ) );
	return '' !== $setting ? $setting : workos_login_home_host();
}

/**
 * Whether a relying party id may serve a host: the host itself, or a registrable suffix of it
 * (`example.com` for `login.example.com`; never a bare top-level domain).
 *
 * WebAuthn refuses public suffixes such as `co.uk`, which this check cannot know without the
 * Public Suffix List: browsers then answer SecurityError, and Site Health's test says so.
 *
 * @since 0.5.0
 *
 * @param string $rp_id Candidate relying party id (lowercase).
 * @param string $host  The site's host (lowercase).
 */
function workos_login_rp_id_fits_host( string $rp_id, string $host ): bool {
	if ( '' === $rp_id || '' === $host ) {
		return false;
	}
	return $rp_id === $host || ( str_contains( $rp_id, '.' ) && str_ends_with( $host, '.' . $rp_id ) && false === filter_var( $host, FILTER_VALIDATE_IP ) );
}

/**
 * `passkey_rp_id`: '' (the home URL's host) or a host name that is the site's host or a
 * registrable suffix of it. Stored lowercase, without a trailing dot.
 *
 * @since 0.5.0
 *
 * @param mixed  $value    Submitted value.
 * @param string $previous Current value.
 * @return array{0: string, 1: list<string>}
 */
function workos_login_sanitize_passkey_rp_id( mixed $value, string $previous ): array {
	$rp_id = workos_login_submitted_string( $value );
	if ( '' === $rp_id ) {
		return array( '', array() );
	}
	$rp_id = null === $rp_id ? '' : rtrim( strtolower( $rp_id ), '.' );
	$host  = workos_login_home_host();
	$valid = strlen( $rp_id ) <= 253 && 1 === preg_match( '/^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/', $rp_id );
	if ( ! $valid || ! workos_login_rp_id_fits_host( $rp_id, $host ) ) {
		return array(
			$previous,
			array(
				/* translators: %s: the site's host name, e.g. login.example.com. */
				sprintf( __( 'enter this site’s host name (%s) or a domain it belongs to, such as example.com for login.example.com — or leave it empty.', 'workos-login' ), $host ),
			),
		);
	}
	return array( $rp_id, array() );
}

/**
 * `passkey_step_up_roles`: existing WordPress role slugs, each once (the screen sends the
 * checked ones; code may pass a list or a comma-separated string).
 *
 * @since 0.5.0
 *
 * @param mixed    $value    Submitted value.
 * @param string[] $previous Current roles.
 * @return array{0: list<string>, 1: list<string>}
 */
function workos_login_sanitize_step_up_roles( mixed $value, array $previous ): array {
	if ( is_string( $value ) ) {
		$value = preg_split( '/[\s,]+/', $value, -1, PREG_SPLIT_NO_EMPTY );
	}
	if ( null === $value ) {
		$value = array();
	}
	if ( ! is_array( $value ) ) {
		return array( $previous, array( __( 'the roles were not understood.', 'workos-login' ) ) );
	}
	$roles    = array();
	$problems = array();
	foreach ( $value as $role ) {
		$role = workos_login_submitted_string( $role );
		if ( null === $role || '' === $role || ! wp_roles()->is_role( $role ) ) {
			/* translators: %s: what was submitted. */
			$problems[] = sprintf( __( 'there is no WordPress role “%s”.', 'workos-login' ), workos_login_quote_submitted( $role ) );
			continue;
		}
		$roles[ $role ] = true;
	}
	return array( array_keys( $roles ), $problems );
}

/**
 * A whole number from `$min` to `$max`.
 *
 * @since 0.5.0
 *
 * @param mixed  $value    Submitted value.
 * @param int    $previous Current value.
 * @param int    $min      Smallest allowed.
 * @param int    $max      Largest allowed.
 * @param string $unit     The unit, translated (`days`, `minutes`).
 * @return array{0: int, 1: list<string>}
 */
function workos_login_sanitize_whole_number( mixed $value, int $previous, int $min, int $max, string $unit ): array {
	$number = is_int( $value ) ? (string) $value : workos_login_submitted_string( $value );
	if ( null !== $number && 1 === preg_match( '/^\d{1,6}$/', $number ) && (int) $number >= $min && (int) $number <= $max ) {
		return array( (int) $number, array() );
	}
	/* translators: 1: smallest number, 2: largest number, 3: unit (days, minutes). */
	return array( $previous, array( sprintf( __( 'enter a whole number from %1$d to %2$d (%3$s).', 'workos-login' ), $min, $max, $unit ) ) );
}
