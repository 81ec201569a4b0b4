<?php
/**
 * The connection settings (login server URL, shared secret, site organization) and their checks.
 *
 * Best kept as wp-config.php constants or environment variables, beside the database
 * credentials, so a database dump never carries the secret; WorkOS → Settings can hold them
 * too (settings/registry.php).
 *
 * @package WorkOS_Login
 * @since   0.1.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** The shortest shared secret accepted, in bytes (ARCHITECTURE rule 2). */
const WORKOS_LOGIN_SECRET_MIN_BYTES = 32;

/** What a WorkOS organization id looks like (a regex without delimiters, also a REST `pattern`). */
const WORKOS_LOGIN_ORGANIZATION_ID_PATTERN = '^org_[A-Za-z0-9_]{1,100}\z';

/**
 * Whether a string is a WorkOS organization id.
 *
 * @since 0.3.0
 *
 * @param string $id Candidate.
 */
function workos_login_is_organization_id( string $id ): bool {
	return 1 === preg_match( '/' . WORKOS_LOGIN_ORGANIZATION_ID_PATTERN . '/', $id );
}

/**
 * Whether a string is usable as the login server's address: http(s) with a host.
 *
 * @since 0.3.0
 *
 * @param string $url Candidate.
 */
function workos_login_is_server_url( string $url ): bool {
	return in_array( wp_parse_url( $url, PHP_URL_SCHEME ), array( 'http', 'https' ), true ) && (bool) wp_parse_url( $url, PHP_URL_HOST );
}

/**
 * Whether requests to this login server address cross a network unencrypted: plain http:// to a
 * host that is not this machine's loopback (127.0.0.0/8, ::1, localhost). Visitors' passwords and
 * codes travel in those requests; the signatures keep them from being changed or replayed, not
 * from being read.
 *
 * @since 0.6.0
 *
 * @param string $url A login server address (workos_login_is_server_url()).
 */
function workos_login_server_url_exposed( string $url ): bool {
	if ( 'http' !== strtolower( (string) wp_parse_url( $url, PHP_URL_SCHEME ) ) ) {
		return false;
	}
	$host = strtolower( trim( (string) wp_parse_url( $url, PHP_URL_HOST ), '[]' ) );
	if ( 'localhost' === $host || str_ends_with( $host, '.localhost' ) || '::1' === $host ) {
		return false;
	}
	return ! ( false !== filter_var( $host, FILTER_VALIDATE_IP, FILTER_FLAG_IPV4 ) && str_starts_with( $host, '127.' ) );
}

/**
 * The login server's base URL, without a trailing slash.
 *
 * @since 0.1.0
 *
 * @return string '' when unset.
 */
function workos_login_server_url(): string {
	return untrailingslashit( (string) workos_login_option( 'server_url' ) );
}

/**
 * The secret shared with the login server. Never print or log it.
 *
 * @since 0.1.0
 *
 * @return string '' when unset.
 */
function workos_login_secret(): string {
	return (string) workos_login_option( 'secret' );
}

/**
 * During a rotation of the shared secret (`WORKOS_LOGIN_SECRET_PREVIOUS`), the secret before it:
 * a login server that does not have the new one yet is asked again with this one. Never used
 * otherwise; remove it once every login server has the new secret.
 *
 * @since 0.6.0
 *
 * @return string '' when unset, too short, or the same as the current secret.
 */
function workos_login_previous_secret(): string {
	$previous = (string) workos_login_option( 'secret_previous' );
	return strlen( $previous ) >= WORKOS_LOGIN_SECRET_MIN_BYTES && ! hash_equals( workos_login_secret(), $previous ) ? $previous : '';
}

/**
 * The site's WorkOS organization (`WORKOS_ORGANIZATION_ID`), if any.
 *
 * @since 0.1.0
 *
 * @return string|null Null when unset or malformed.
 */
function workos_login_site_organization_id(): ?string {
	$id = (string) workos_login_option( 'organization_id' );
	return workos_login_is_organization_id( $id ) ? $id : null;
}

/**
 * Everything wrong with the configuration, as sentences for administrators.
 *
 * @since 0.1.0
 *
 * @return string[] Translated messages; empty when the configuration is usable.
 */
function workos_login_config_errors(): array {
	$errors = array();
	$url    = workos_login_server_url();
	if ( '' === $url ) {
		/* translators: %s: the constant name. */
		$errors[] = sprintf( __( '%s is not set. Define it in wp-config.php with the address of the login server.', 'workos-login' ), 'WORKOS_LOGIN_SERVER_URL' );
	} elseif ( ! workos_login_is_server_url( $url ) ) {
		/* translators: %s: the constant name. */
		$errors[] = sprintf( __( '%s is not a valid http:// or https:// address.', 'workos-login' ), 'WORKOS_LOGIN_SERVER_URL' );
	}

	$secret = workos_login_secret();
	if ( '' === $secret ) {
		/* translators: %s: the constant name. */
		$errors[] = sprintf( __( '%s is not set. Define it in wp-config.php with the secret the login server uses.', 'workos-login' ), 'WORKOS_LOGIN_SECRET' );
	} elseif ( strlen( $secret ) < WORKOS_LOGIN_SECRET_MIN_BYTES ) {
		/* translators: 1: the constant name, 2: a number of bytes. */
		$errors[] = sprintf( __( '%1$s is too short: use at least %2$d random bytes.', 'workos-login' ), 'WORKOS_LOGIN_SECRET', WORKOS_LOGIN_SECRET_MIN_BYTES );
	}

	if ( '' !== workos_login_option( 'organization_id' ) && null === workos_login_site_organization_id() ) {
		/* translators: %s: the constant name. */
		$errors[] = sprintf( __( '%s does not look like a WorkOS organization ID (org_…).', 'workos-login' ), 'WORKOS_ORGANIZATION_ID' );
	}
	return $errors;
}

/** Option: proof that this server URL and secret once completed a signed exchange (an HMAC, not the secret). */
const WORKOS_LOGIN_CONFIG_VERIFIED_OPTION = 'workos_login_config_verified';

/**
 * What the proof of the current configuration looks like: an HMAC of the server URL keyed with
 * the secret, so a changed URL or secret needs proving again and the option reveals neither.
 *
 * @since 0.6.0
 */
function workos_login_config_fingerprint(): string {
	return hash_hmac( 'sha256', 'workos-login-verified|' . workos_login_server_url(), workos_login_secret() );
}

/**
 * Whether the configuration is complete and has been proven to work: a signed answer of the
 * login server was verified with this URL and secret at least once. Until then WorkOS Login
 * does not take WordPress's own sign-in away (ARCHITECTURE rule 10); afterwards an outage fails
 * closed.
 *
 * @since 0.6.0
 */
function workos_login_config_verified(): bool {
	if ( workos_login_config_errors() ) {
		return false;
	}
	return hash_equals( workos_login_config_fingerprint(), (string) get_option( WORKOS_LOGIN_CONFIG_VERIFIED_OPTION, '' ) );
}

/**
 * Records that a signed answer verified with the current configuration (one write, the first
 * time only).
 *
 * @since 0.6.0
 */
function workos_login_note_config_verified(): void {
	if ( ! workos_login_config_verified() ) {
		update_option( WORKOS_LOGIN_CONFIG_VERIFIED_OPTION, workos_login_config_fingerprint(), true );
	}
}

/**
 * Whether the configuration is verified — trying it now (one signed health exchange, at most
 * once a minute) when it is complete but unproven, so a site needs no extra step after setup.
 *
 * @since 0.6.0
 */
function workos_login_config_ready(): bool {
	if ( workos_login_config_verified() ) {
		return true;
	}
	if ( workos_login_config_errors() || true !== workos_login_limits_mark( 'config:verify:' . workos_login_config_fingerprint(), MINUTE_IN_SECONDS ) ) {
		return false;
	}
	workos_login_server_request( 'admin/health', array( 'input' => array( 'organization_id' => workos_login_site_organization_id() ) ), array( 'health' ) );
	return workos_login_config_verified();
}
