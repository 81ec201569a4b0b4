<?php
/**
 * The shape of a Login Profile: enums, limits and defaults, mirroring `protocol/profile.ts`.
 *
 * @package WorkOS_Login
 * @since   0.2.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** Pinned organization IDs: the login server's pattern (`server/schemas.ts`). */
const WORKOS_LOGIN_ORGANIZATION_PATTERN = '^org_[A-Za-z0-9]{1,64}\z';

/** Longest text fields, in characters; keyed by field path. */
const WORKOS_LOGIN_PROFILE_TEXT_MAX = array(
	'title'               => 200,
	'branding.heading'    => 200,
	'branding.subheading' => 500,
);

/** The fields of the nested objects, with their defaults' keys: the only keys accepted there. */
const WORKOS_LOGIN_PROFILE_OBJECTS = array(
	'signup'   => array( 'enabled', 'require_invitation' ),
	'mfa'      => array( 'enforce', 'factors' ),
	'branding' => array( 'heading', 'subheading', 'primary_color', 'logo_mode', 'logo_attachment_id' ),
);

/**
 * Protocol `PROFILE_DEFAULTS`: every field but `slug` and `title` (generated: WORKOS_LOGIN_PROFILE_DEFAULTS).
 *
 * @since 0.2.0
 * @since 0.5.0 `passkey_prompt`.
 *
 * @return array{methods: string[], organization_id: null, signup: array{enabled: bool, require_invitation: bool}, invitations: bool, password_reset: bool, auto_sign_in_after_reset: bool, mfa: array{enforce: string, factors: string[]}, branding: array{heading: string, subheading: string, primary_color: string, logo_mode: string, logo_attachment_id: int}, custom_path: string, post_login_redirect: string, forward_query_args: bool, remember_me: string, mode: string, passkey_prompt: bool}
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
		if ( isset( WORKOS_LOGIN_PROFILE_OBJECTS[ $key ] ) ) {
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
