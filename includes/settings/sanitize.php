<?php
/**
 * Validation of the single-value settings. Each function answers `array( $value, $problems )`:
 * the value to store (the previous one when the submission is invalid) and plain-text sentences
 * for the administrator. Each accepts its own output, because WordPress sanitises a new option
 * twice (update_option(), then add_option()).
 *
 * @package WorkOS_Login
 * @since   0.3.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** The longest shared secret accepted, in bytes. */
const WORKOS_LOGIN_SECRET_MAX_BYTES = 512;

/** The longest denial message accepted, in characters. */
const WORKOS_LOGIN_GATE_MESSAGE_MAX = 1000;

/** Audit retention bounds, in days. */
const WORKOS_LOGIN_RETENTION_DAYS_MIN = 1;
const WORKOS_LOGIN_RETENTION_DAYS_MAX = 3650;

/**
 * A submitted scalar as a trimmed string, null for anything else (arrays, objects).
 *
 * @since 0.3.0
 *
 * @param mixed $value Submitted value.
 */
function workos_login_submitted_string( mixed $value ): ?string {
	if ( null === $value ) {
		return '';
	}
	return is_scalar( $value ) ? trim( (string) $value ) : null;
}

/**
 * `server_url`: '' (unset) or an http(s) URL with a host, no credentials, query or fragment.
 *
 * @since 0.3.0
 *
 * @param mixed  $value    Submitted value.
 * @param string $previous Current value.
 * @return array{0: string, 1: list<string>}
 */
function workos_login_sanitize_server_url( mixed $value, string $previous ): array {
	$url = workos_login_submitted_string( $value );
	if ( '' === $url ) {
		return array( '', array() );
	}
	$parts = null === $url || strlen( $url ) > 2048 ? false : wp_parse_url( $url );
	$valid = is_array( $parts )
		&& in_array( strtolower( $parts['scheme'] ?? '' ), array( 'http', 'https' ), true )
		&& '' !== ( $parts['host'] ?? '' )
		&& ! isset( $parts['user'] ) && ! isset( $parts['pass'] ) && ! isset( $parts['query'] ) && ! isset( $parts['fragment'] )
		&& 1 !== preg_match( '/[\s\x00-\x1f\x7f<>"\\\\]/', (string) $url );
	if ( ! $valid ) {
		return array( $previous, array( __( 'enter an http:// or https:// address, such as http://127.0.0.1:4101.', 'workos-login' ) ) );
	}
	return array( untrailingslashit( (string) $url ), array() );
}

/**
 * `secret`: the screen sends `array( 'value' => …, 'remove' => '1' )`. An empty value keeps the
 * stored secret; "remove" clears it; a new value needs WORKOS_LOGIN_SECRET_MIN_BYTES bytes.
 * A plain string (from code) replaces the secret, '' clears it. Never echoes the value.
 *
 * @since 0.3.0
 *
 * @param mixed  $value    Submitted value.
 * @param string $previous Current secret.
 * @return array{0: string, 1: list<string>}
 */
function workos_login_sanitize_secret( mixed $value, string $previous ): array {
	if ( is_array( $value ) ) {
		$secret = workos_login_submitted_string( $value['value'] ?? '' );
		if ( '' === $secret ) {
			return array( empty( $value['remove'] ) ? $previous : '', array() );
		}
	} else {
		$secret = workos_login_submitted_string( $value );
		if ( '' === $secret ) {
			return array( '', array() );
		}
	}
	if ( null === $secret || strlen( $secret ) > WORKOS_LOGIN_SECRET_MAX_BYTES || 1 === preg_match( '/[\x00-\x1f\x7f]/', $secret ) ) {
		return array( $previous, array( __( 'the new secret is not valid text of a usable length.', 'workos-login' ) ) );
	}
	if ( strlen( $secret ) < WORKOS_LOGIN_SECRET_MIN_BYTES ) {
		return array(
			$previous,
			array(
				/* translators: %d: a number of bytes. */
				sprintf( __( 'the new secret is too short: use at least %d random bytes (for example the output of “openssl rand -hex 32”).', 'workos-login' ), WORKOS_LOGIN_SECRET_MIN_BYTES ),
			),
		);
	}
	return array( $secret, array() );
}

/**
 * `organization_id`: '' or a WorkOS organization id (`org_…`, as config.php reads it).
 *
 * @since 0.3.0
 *
 * @param mixed  $value    Submitted value.
 * @param string $previous Current value.
 * @return array{0: string, 1: list<string>}
 */
function workos_login_sanitize_organization_id( mixed $value, string $previous ): array {
	$id = workos_login_submitted_string( $value );
	if ( '' === $id || ( null !== $id && workos_login_is_organization_id( $id ) ) ) {
		return array( (string) $id, array() );
	}
	return array( $previous, array( __( 'a WorkOS organization ID starts with “org_” followed by letters, digits or underscores.', 'workos-login' ) ) );
}

/**
 * `gate_message`: plain text, line breaks kept, at most WORKOS_LOGIN_GATE_MESSAGE_MAX characters.
 *
 * @since 0.3.0
 *
 * @param mixed  $value    Submitted value.
 * @param string $previous Current value.
 * @return array{0: string, 1: list<string>}
 */
function workos_login_sanitize_gate_message( mixed $value, string $previous ): array {
	$message = workos_login_submitted_string( $value );
	if ( null === $message || mb_strlen( $message ) > WORKOS_LOGIN_GATE_MESSAGE_MAX ) {
		/* translators: %d: a number of characters. */
		return array( $previous, array( sprintf( __( 'keep the message under %d characters.', 'workos-login' ), WORKOS_LOGIN_GATE_MESSAGE_MAX ) ) );
	}
	return array( sanitize_textarea_field( $message ), array() );
}

/**
 * `user_creation`: `create` or `link_only`.
 *
 * @since 0.3.0
 *
 * @param mixed  $value    Submitted value.
 * @param string $previous Current value.
 * @return array{0: string, 1: list<string>}
 */
function workos_login_sanitize_user_creation( mixed $value, string $previous ): array {
	$policy = workos_login_submitted_string( $value );
	if ( in_array( $policy, array( 'create', 'link_only' ), true ) ) {
		return array( $policy, array() );
	}
	return array( $previous, array( __( 'choose whether first sign-ins create users or only link existing ones.', 'workos-login' ) ) );
}

/**
 * `default_role`: '' (WordPress's own default role) or an existing role.
 *
 * @since 0.3.0
 *
 * @param mixed  $value    Submitted value.
 * @param string $previous Current value.
 * @return array{0: string, 1: list<string>}
 */
function workos_login_sanitize_default_role( mixed $value, string $previous ): array {
	$role = workos_login_submitted_string( $value );
	if ( '' === $role || ( null !== $role && wp_roles()->is_role( $role ) ) ) {
		return array( (string) $role, array() );
	}
	return array( $previous, array( __( 'choose an existing WordPress role.', 'workos-login' ) ) );
}

/**
 * `audit_retention_days`: a whole number from WORKOS_LOGIN_RETENTION_DAYS_MIN to _MAX.
 *
 * @since 0.3.0
 *
 * @param mixed $value    Submitted value.
 * @param int   $previous Current value.
 * @return array{0: int, 1: list<string>}
 */
function workos_login_sanitize_retention_days( mixed $value, int $previous ): array {
	$days = is_int( $value ) ? (string) $value : workos_login_submitted_string( $value );
	if ( null !== $days && 1 === preg_match( '/^\d{1,4}$/', $days ) && (int) $days >= WORKOS_LOGIN_RETENTION_DAYS_MIN && (int) $days <= WORKOS_LOGIN_RETENTION_DAYS_MAX ) {
		return array( (int) $days, array() );
	}
	return array(
		$previous,
		array(
			/* translators: 1: smallest number of days, 2: largest. */
			sprintf( __( 'enter a whole number of days from %1$d to %2$d.', 'workos-login' ), WORKOS_LOGIN_RETENTION_DAYS_MIN, WORKOS_LOGIN_RETENTION_DAYS_MAX ),
		),
	);
}
