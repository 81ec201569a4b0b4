<?php
/**
 * Routing rules: which Login Profile a `wp-login.php` visit gets, by the `redirect_to` it is
 * bound for or the host it came from (protocol `RoutingRule`, protocol/admin.ts).
 *
 * Stored as an ordered list in one autoloaded option (read on every wp-login.php visit). The
 * validation here is the gate for the admin REST route; the option's sanitize callback only
 * keeps well-formed rules. Routing picks a sign-in page, nothing more: it grants nothing, so a
 * visitor who sets their own `redirect_to` or `Referer` only chooses which form they see — as
 * they could by visiting `/workos/login/<slug>`.
 *
 * @package WorkOS_Login
 * @since   0.2.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** The option holding the rules. */
const WORKOS_LOGIN_ROUTING_OPTION = 'workos_login_routing_rules';

/** Protocol `RoutingMatch` → the pattern its `pattern` must match (`ADMIN_LIMITS`). */
const WORKOS_LOGIN_ROUTING_PATTERNS = array(
	'redirect_to'   => '#^/[A-Za-z0-9._~!$&\'()+,;=:@%/*-]*$#',
	'referrer_host' => '#^(\*\.)?[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$#',
);

/**
 * Registers the option (group `workos_login`), not shown in the core settings REST API: the
 * admin routing-rules route is its API, with the checks core cannot do (profiles exist).
 *
 * @since 0.2.0
 */
function workos_login_register_routing_setting(): void {
	register_setting(
		'workos_login',
		WORKOS_LOGIN_ROUTING_OPTION,
		array(
			'type'              => 'array',
			'description'       => __( 'Routing rules for wp-login.php: the first match picks the Login Profile.', 'workos-login' ),
			'sanitize_callback' => 'workos_login_sanitize_routing_rules',
			'default'           => array(),
			'show_in_rest'      => false,
		)
	);
}
add_action( 'init', 'workos_login_register_routing_setting' );

/**
 * Sanitize callback of the option: keeps the well-formed rules (normalized), at most 50. Whether
 * their profile exists is checked on save and again on use (a profile may be deleted later).
 *
 * @since 0.2.0
 *
 * @param mixed $value The value about to be stored.
 * @return list<array{match: string, pattern: string, profile: string}>
 */
function workos_login_sanitize_routing_rules( mixed $value ): array {
	$rules = array();
	foreach ( is_array( $value ) ? $value : array() as $index => $rule ) {
		$rule = workos_login_check_routing_rule( $rule, (int) $index, false );
		if ( ! is_wp_error( $rule ) ) {
			$rules[] = $rule;
		}
	}
	return array_slice( $rules, 0, WORKOS_LOGIN_ROUTING_RULES_MAX );
}

/**
 * The stored rules, in order.
 *
 * @since 0.2.0
 *
 * @return list<array{match: string, pattern: string, profile: string}>
 */
function workos_login_get_routing_rules(): array {
	return workos_login_sanitize_routing_rules( get_option( WORKOS_LOGIN_ROUTING_OPTION, array() ) );
}

/**
 * Validates and stores a new list of rules.
 *
 * @since 0.2.0
 *
 * @param mixed $rules The list, as sent.
 * @return list<array{match: string, pattern: string, profile: string}>|WP_Error The stored rules;
 *         `workos_login_invalid_routing_rules` (400, `data.field` like `rules[2].pattern`), or
 *         `workos_login_routing_rules_not_saved` (500).
 */
function workos_login_save_routing_rules( mixed $rules ): array|WP_Error {
	$rules = workos_login_validate_routing_rules( $rules );
	if ( is_wp_error( $rules ) ) {
		return $rules;
	}
	$previous = workos_login_get_routing_rules();
	if ( $previous === $rules ) {
		return $rules; // update_option() answers false for "unchanged"; that is a success here.
	}
	if ( ! update_option( WORKOS_LOGIN_ROUTING_OPTION, $rules, true ) ) {
		return new WP_Error( 'workos_login_routing_rules_not_saved', __( 'The routing rules could not be saved.', 'workos-login' ), array( 'status' => 500 ) );
	}
	/**
	 * Fires after the routing rules changed (for the audit log).
	 *
	 * @since 0.2.0
	 *
	 * @param array $rules    The new rules.
	 * @param array $previous The rules before.
	 */
	do_action( 'workos_login_routing_rules_updated', $rules, $previous );
	return $rules;
}

/**
 * Validates a whole list: a list of at most 50 valid rules whose profiles exist.
 *
 * @since 0.2.0
 *
 * @param mixed $rules The list, as sent.
 * @return list<array{match: string, pattern: string, profile: string}>|WP_Error
 */
function workos_login_validate_routing_rules( mixed $rules ): array|WP_Error {
	if ( ! is_array( $rules ) || ! array_is_list( $rules ) ) {
		return workos_login_routing_error( 'rules', __( 'Routing rules must be a list.', 'workos-login' ) );
	}
	if ( count( $rules ) > WORKOS_LOGIN_ROUTING_RULES_MAX ) {
		/* translators: %d: the maximum number of routing rules. */
		return workos_login_routing_error( 'rules', sprintf( __( 'At most %d routing rules are allowed.', 'workos-login' ), WORKOS_LOGIN_ROUTING_RULES_MAX ) );
	}
	$valid = array();
	foreach ( $rules as $index => $rule ) {
		$rule = workos_login_check_routing_rule( $rule, $index, true );
		if ( is_wp_error( $rule ) ) {
			return $rule;
		}
		$valid[] = $rule;
	}
	return $valid;
}

/**
 * Checks one rule and returns it normalized (host patterns lowercased, fields in order).
 *
 * @since 0.2.0
 *
 * @param mixed $rule          The rule, as sent.
 * @param int   $index         Its place in the list, for the error's `data.field`.
 * @param bool  $check_profile Whether its profile must exist.
 * @return array{match: string, pattern: string, profile: string}|WP_Error
 */
function workos_login_check_routing_rule( mixed $rule, int $index, bool $check_profile ): array|WP_Error {
	$field = static fn ( string $name = '' ): string => 'rules[' . $index . ']' . ( '' === $name ? '' : '.' . $name );
	if ( ! is_array( $rule ) || ( $rule && array_is_list( $rule ) ) ) {
		return workos_login_routing_error( $field(), __( 'A routing rule must be an object with match, pattern and profile.', 'workos-login' ) );
	}
	foreach ( array_keys( $rule ) as $key ) {
		if ( ! in_array( $key, array( 'match', 'pattern', 'profile' ), true ) ) {
			/* translators: %s: a field name such as rules[2].colour. */
			return workos_login_routing_error( $field( (string) $key ), sprintf( __( 'Unknown field: %s.', 'workos-login' ), $field( (string) $key ) ) );
		}
	}

	$match = $rule['match'] ?? null;
	if ( ! is_string( $match ) || ! isset( WORKOS_LOGIN_ROUTING_PATTERNS[ $match ] ) ) {
		return workos_login_routing_error( $field( 'match' ), __( 'Choose what the rule matches: redirect_to or referrer_host.', 'workos-login' ) );
	}

	$pattern = $rule['pattern'] ?? null;
	if ( ! is_string( $pattern ) || '' === $pattern ) {
		return workos_login_routing_error( $field( 'pattern' ), __( 'Enter a pattern.', 'workos-login' ) );
	}
	if ( strlen( $pattern ) > WORKOS_LOGIN_ROUTING_PATTERN_MAX ) {
		/* translators: %d: the maximum length of a pattern. */
		return workos_login_routing_error( $field( 'pattern' ), sprintf( __( 'A pattern can be at most %d characters long.', 'workos-login' ), WORKOS_LOGIN_ROUTING_PATTERN_MAX ) );
	}
	if ( 'referrer_host' === $match ) {
		$pattern = strtolower( $pattern );
	}
	// `D`: without it, PCRE's `$` also matches before a final newline (`/shop\n` would pass).
	if ( 1 !== preg_match( WORKOS_LOGIN_ROUTING_PATTERNS[ $match ] . 'D', $pattern ) ) {
		$message = 'redirect_to' === $match
			? __( 'Enter a path starting with /, using * as the only wildcard (for example /shop/*).', 'workos-login' )
			: __( 'Enter a host name, optionally starting with *. (for example shop.example.com or *.example.com).', 'workos-login' );
		return workos_login_routing_error( $field( 'pattern' ), $message );
	}

	$profile = $rule['profile'] ?? null;
	$exists  = is_string( $profile ) && 1 === preg_match( '/' . WORKOS_LOGIN_PROFILE_SLUG_PATTERN . '/D', $profile )
		&& ( ! $check_profile || null !== workos_login_get_profile( $profile ) );
	if ( ! $exists ) {
		return workos_login_routing_error( $field( 'profile' ), __( 'Choose an existing Login Profile.', 'workos-login' ) );
	}

	return array(
		'match'   => $match,
		'pattern' => $pattern,
		'profile' => $profile,
	);
}

/**
 * The 400 for an invalid list, naming the field.
 *
 * @since 0.2.0
 *
 * @param string $field   The field, like `rules[2].pattern`.
 * @param string $message Translated text.
 */
function workos_login_routing_error( string $field, string $message ): WP_Error {
	return new WP_Error(
		'workos_login_invalid_routing_rules',
		$message,
		array(
			'status' => 400,
			'field'  => $field,
		)
	);
}
