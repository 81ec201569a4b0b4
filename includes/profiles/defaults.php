<?php
/**
 * The shape of a Login Profile: its defaults and the repair of stored ones (the enums, limits and
 * schema are generated from `protocol/profile.ts` into includes/generated/protocol.php).
 *
 * @package WorkOS_Login
 * @since   0.2.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Protocol `PROFILE_DEFAULTS`: every field but `slug` and `title` (generated: WORKOS_LOGIN_PROFILE_DEFAULTS).
 *
 * @since 0.2.0
 * @since 0.5.0 `passkey_prompt`.
 *
 * @return WorkOSLoginProfileDefaults
 */
function workos_login_profile_defaults(): array {
	return WORKOS_LOGIN_PROFILE_DEFAULTS;
}

/**
 * The built-in `default` profile as it is before anyone edits it.
 *
 * @since 0.2.0
 *
 * @return array<string, mixed> A `LoginProfile`.
 */
function workos_login_default_profile(): array {
	return array(
		'slug'  => 'default',
		'title' => __( 'Default', 'workos-login' ),
	) + workos_login_profile_defaults();
}

/**
 * Repairs a stored profile into the exact `LoginProfile` shape: unknown keys dropped, missing or
 * mistyped fields (an older version's data, a hand-edited option) replaced by their defaults.
 * Never rejects and never changes a well-typed value — validation happens before saving.
 *
 * @since 0.2.0
 *
 * @param array<string, mixed> $stored A stored profile.
 * @param string               $slug   Its key in the option (authoritative over `$stored['slug']`).
 * @return array<string, mixed> A `LoginProfile`.
 */
function workos_login_profile_shape( array $stored, string $slug ): array {
	$defaults = array(
		'slug'  => $slug,
		'title' => 'default' === $slug ? __( 'Default', 'workos-login' ) : $slug,
	) + workos_login_profile_defaults();

	$profile = array();
	foreach ( $defaults as $key => $default ) {
		$value = $stored[ $key ] ?? null;
		if ( 'object' === WORKOS_LOGIN_PROFILE_SCHEMA['properties'][ $key ]['type'] ) {
			$value = is_array( $value ) ? $value : array();
			foreach ( $default as $sub_key => $sub_default ) {
				$sub_value                   = $value[ $sub_key ] ?? null;
				$profile[ $key ][ $sub_key ] = gettype( $sub_value ) === gettype( $sub_default ) ? $sub_value : $sub_default;
			}
			continue;
		}
		$typed           = 'organization_id' === $key ? ( null === $value || is_string( $value ) ) : gettype( $value ) === gettype( $default );
		$profile[ $key ] = $typed ? $value : $default;
	}
	$profile['slug'] = $slug;
	return $profile;
}
