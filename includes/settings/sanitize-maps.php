<?php
/**
 * Validation of the settings that hold several values: the role mapping, the role-based
 * redirects and the trusted proxies. Same contract as sanitize.php (`array( $value, $problems )`,
 * idempotent); maps keep the previous value entry by entry.
 *
 * @package WorkOS_Login
 * @since   0.3.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** A WorkOS role slug as the mapping accepts it. */
const WORKOS_LOGIN_WORKOS_ROLE_PATTERN = '/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/D';

/** At most this many WorkOS roles are mapped. */
const WORKOS_LOGIN_ROLE_MAP_MAX = 200;

/**
 * Text from a submission, cut for quoting it back in a notice.
 *
 * @since 0.3.0
 *
 * @param mixed $value Submitted value.
 */
function workos_login_quote_submitted( mixed $value ): string {
	$text = is_scalar( $value ) ? (string) $value : '';
	$text = wp_check_invalid_utf8( $text, true );
	return mb_strlen( $text ) > 80 ? mb_substr( $text, 0, 80 ) . '…' : $text;
}

/**
 * A WordPress role's translated name (the slug when the role does not exist).
 *
 * @since 0.3.0
 *
 * @param string $role Role slug.
 */
function workos_login_role_name( string $role ): string {
	$roles = wp_roles()->roles;
	return isset( $roles[ $role ]['name'] ) ? translate_user_role( $roles[ $role ]['name'] ) : $role;
}

/**
 * `role_map`: WorkOS role slug → WordPress role. The Roles screen sends
 * `array( '_rows' => list<array{slug, role}>, '_new_slug' => …, '_new_role' => … )`; code may
 * pass the plain map. A role of '' (“no change”) removes the slug from the map.
 *
 * @since 0.3.0
 *
 * @param mixed                 $value    Submitted value.
 * @param array<string, string> $previous Current map.
 * @return array{0: array<string, string>, 1: list<string>}
 */
function workos_login_sanitize_role_map( mixed $value, array $previous ): array {
	$pairs = array();
	// The form's keys start with "_", which no WorkOS slug the mapping accepts does.
	if ( is_array( $value ) && ( array_key_exists( '_rows', $value ) || array_key_exists( '_new_slug', $value ) ) ) {
		foreach ( is_array( $value['_rows'] ?? null ) ? $value['_rows'] : array() as $row ) {
			$pairs[] = is_array( $row ) ? array( $row['slug'] ?? '', $row['role'] ?? '' ) : array( null, null );
		}
		$pairs[] = array( $value['_new_slug'] ?? '', $value['_new_role'] ?? '' );
	} elseif ( is_array( $value ) ) {
		foreach ( $value as $slug => $role ) {
			$pairs[] = array( (string) $slug, $role );
		}
	} elseif ( null !== $value && '' !== $value ) {
		return array( $previous, array( __( 'the mapping was not understood.', 'workos-login' ) ) );
	}

	$map      = array();
	$problems = array();
	foreach ( $pairs as list( $raw_slug, $raw_role ) ) {
		$slug = workos_login_submitted_string( $raw_slug );
		$role = workos_login_submitted_string( $raw_role );
		if ( '' === $slug && '' === $role ) {
			continue; // The empty "add a role by hand" row.
		}
		if ( null === $slug || 1 !== preg_match( WORKOS_LOGIN_WORKOS_ROLE_PATTERN, $slug ) ) {
			$problems[] = sprintf(
				/* translators: %s: what was entered. */
				__( '“%s” is not a WorkOS role slug (letters, digits, “_”, “-”, “.” or “:”).', 'workos-login' ),
				workos_login_quote_submitted( $raw_slug )
			);
			continue;
		}
		if ( '' === $role ) {
			unset( $map[ $slug ] );
			continue;
		}
		if ( null === $role || ! wp_roles()->is_role( $role ) ) {
			/* translators: 1: WorkOS role slug, 2: what was chosen. */
			$problems[] = sprintf( __( '“%1$s” cannot map to “%2$s”: no such WordPress role.', 'workos-login' ), $slug, workos_login_quote_submitted( $raw_role ) );
			if ( isset( $previous[ $slug ] ) ) {
				$map[ $slug ] = $previous[ $slug ];
			}
			continue;
		}
		$map[ $slug ] = $role;
	}
	if ( count( $map ) > WORKOS_LOGIN_ROLE_MAP_MAX ) {
		/* translators: %d: a number of roles. */
		return array( $previous, array( sprintf( __( 'map at most %d WorkOS roles.', 'workos-login' ), WORKOS_LOGIN_ROLE_MAP_MAX ) ) );
	}
	ksort( $map );
	return array( $map, $problems );
}

/**
 * `login_redirects` / `logout_redirects`: WordPress role → a same-site address (validated like a
 * requested `redirect_to`, workos_login_requested_redirect()). '' removes the role's redirect.
 *
 * @since 0.3.0
 *
 * @param mixed                 $value    Submitted value (role → URL).
 * @param array<string, string> $previous Current map.
 * @return array{0: array<string, string>, 1: list<string>}
 */
function workos_login_sanitize_role_redirects( mixed $value, array $previous ): array {
	if ( null === $value || '' === $value ) {
		return array( array(), array() );
	}
	if ( ! is_array( $value ) ) {
		return array( $previous, array( __( 'the addresses were not understood.', 'workos-login' ) ) );
	}
	$map      = array();
	$problems = array();
	foreach ( $value as $role => $raw_url ) {
		$role = (string) $role;
		$url  = workos_login_submitted_string( $raw_url );
		if ( '' === $url ) {
			continue;
		}
		if ( ! wp_roles()->is_role( $role ) ) {
			/* translators: %s: a role slug. */
			$problems[] = sprintf( __( 'there is no WordPress role “%s”.', 'workos-login' ), workos_login_quote_submitted( $role ) );
			continue;
		}
		$valid = null === $url ? '' : workos_login_requested_redirect( $url );
		if ( '' === $valid ) {
			$problems[] = sprintf(
				/* translators: 1: what was entered, 2: a role name. */
				__( '“%1$s” (for %2$s) is not an address on this site: use a path such as /welcome/ or a full address on this site.', 'workos-login' ),
				workos_login_quote_submitted( $raw_url ),
				workos_login_role_name( $role )
			);
			if ( isset( $previous[ $role ] ) ) {
				$map[ $role ] = $previous[ $role ];
			}
			continue;
		}
		$map[ $role ] = $valid;
	}
	return array( $map, $problems );
}

/**
 * `trusted_proxies`: IPs and CIDR ranges, v4 and v6, one per line (or separated by commas or
 * spaces), stored canonical (`10.0.0.0/8`, `2001:db8::/32`), without duplicates.
 *
 * @since 0.3.0
 *
 * @param mixed    $value    Submitted value: text, or a list from code.
 * @param string[] $previous Current list.
 * @return array{0: list<string>, 1: list<string>}
 */
function workos_login_sanitize_trusted_proxies( mixed $value, array $previous ): array {
	if ( is_string( $value ) ) {
		$value = preg_split( '/[\s,]+/', $value, -1, PREG_SPLIT_NO_EMPTY );
	}
	if ( null === $value ) {
		$value = array();
	}
	if ( ! is_array( $value ) ) {
		return array( $previous, array( __( 'the list was not understood.', 'workos-login' ) ) );
	}
	$ranges  = array();
	$invalid = array();
	foreach ( $value as $entry ) {
		$range = is_string( $entry ) ? workos_login_parse_proxy_range( $entry ) : null;
		if ( null === $range ) {
			$invalid[] = workos_login_quote_submitted( $entry );
			continue;
		}
		$ranges[ $range['text'] ] = true;
	}
	if ( $invalid ) {
		return array(
			$previous,
			array(
				/* translators: %s: the entries that are not valid, separated by commas. */
				sprintf( __( 'these entries are not IP addresses or CIDR ranges (such as 10.0.0.0/8 or 2001:db8::/32): %s.', 'workos-login' ), implode( ', ', array_slice( $invalid, 0, 10 ) ) ),
			),
		);
	}
	if ( count( $ranges ) > WORKOS_LOGIN_TRUSTED_PROXIES_MAX ) {
		/* translators: %d: a number of entries. */
		return array( $previous, array( sprintf( __( 'list at most %d proxies.', 'workos-login' ), WORKOS_LOGIN_TRUSTED_PROXIES_MAX ) ) );
	}
	return array( array_keys( $ranges ), array() );
}
