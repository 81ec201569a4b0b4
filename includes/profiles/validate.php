<?php
/**
 * Login Profile validation: the authority on what may be stored (the generated `LoginProfile`
 * schema, validate-fields.php, and the rules only WordPress can check: slugs free, paths free).
 *
 * @package WorkOS_Login
 * @since   0.2.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Validates a profile to create, or changes to an existing one, and returns it complete.
 *
 * On update, `$input` may be partial (PATCH semantics, also for nested objects): it is merged
 * onto the stored profile and the whole result is validated. On create it is merged onto
 * `PROFILE_DEFAULTS`; `slug` and `title` are required. Values are kept as given (text is never
 * trimmed or stripped, so it round-trips), except that `primary_color` is lowercased and
 * `custom_path` normalized.
 *
 * @since 0.2.0
 *
 * @param array<string, mixed> $input         Fields to set.
 * @param string|null          $existing_slug The stored profile being updated, null to create one.
 * @return array<string, mixed>|WP_Error The complete `LoginProfile`, or `workos_login_invalid_profile`
 *                                       (400, `data.field` names the field), `workos_login_profile_exists`
 *                                       (409) for a taken slug, `workos_login_profile_not_found` (404).
 */
function workos_login_validate_profile( array $input, ?string $existing_slug ): array|WP_Error {
	if ( null === $existing_slug ) {
		$base = workos_login_profile_defaults();
	} else {
		$base = workos_login_get_profile( $existing_slug );
		if ( null === $base ) {
			return new WP_Error( 'workos_login_profile_not_found', __( 'No Login Profile has this slug.', 'workos-login' ), array( 'status' => 404 ) );
		}
	}

	$profile    = workos_login_merge_profile( $base, $input );
	$slug_error = workos_login_validate_profile_slug( $profile, $existing_slug );
	if ( is_wp_error( $slug_error ) ) {
		return $slug_error;
	}

	$profile = workos_login_validate_profile_fields( $profile, $existing_slug ?? $profile['slug'] );
	if ( is_wp_error( $profile ) ) {
		return $profile;
	}
	// Stored and answered in the order of `LoginProfile`.
	return array_merge( array_fill_keys( array( 'slug', 'title' ), '' ) + workos_login_profile_defaults(), $profile );
}

/**
 * Merges input onto a profile; the nested objects (`signup`, `mfa`, `branding`) merge key by key.
 *
 * @since 0.2.0
 *
 * @param array<string, mixed> $base  Complete profile (or defaults).
 * @param array<string, mixed> $input Fields to set.
 * @return array<string, mixed>
 */
function workos_login_merge_profile( array $base, array $input ): array {
	foreach ( $input as $key => $value ) {
		$is_object    = 'object' === ( WORKOS_LOGIN_PROFILE_SCHEMA['properties'][ $key ]['type'] ?? '' ) && is_array( $value ) && is_array( $base[ $key ] ?? null );
		$base[ $key ] = $is_object ? array_merge( $base[ $key ], $value ) : $value;
	}
	return $base;
}

/**
 * Checks `slug`: present, well formed, free, and never a rename of `default`.
 *
 * @since 0.2.0
 *
 * @param array<string, mixed> $profile       Merged profile.
 * @param string|null          $existing_slug The stored profile being updated, null on create.
 * @return true|WP_Error
 */
function workos_login_validate_profile_slug( array $profile, ?string $existing_slug ): bool|WP_Error {
	$slug = $profile['slug'] ?? null;
	if ( ! is_string( $slug ) || 1 !== preg_match( '/' . WORKOS_LOGIN_PROFILE_SLUG_PATTERN . '/D', $slug ) ) {
		return workos_login_profile_error( 'slug', __( 'The slug is required: up to 64 lowercase letters, digits, hyphens and underscores, starting with a letter or digit.', 'workos-login' ) );
	}
	if ( 'default' === $existing_slug && 'default' !== $slug ) {
		return workos_login_profile_error( 'slug', __( 'The default Login Profile cannot be renamed.', 'workos-login' ) );
	}
	if ( $slug !== $existing_slug && null !== workos_login_get_profile( $slug ) ) {
		return workos_login_profile_exists_error( $slug );
	}
	return true;
}

/**
 * The 409 for a slug another profile has.
 *
 * @since 0.2.0
 *
 * @param string $slug The taken slug.
 */
function workos_login_profile_exists_error( string $slug ): WP_Error {
	return new WP_Error(
		'workos_login_profile_exists',
		/* translators: %s: a profile slug. */
		sprintf( __( 'A Login Profile with the slug “%s” already exists.', 'workos-login' ), $slug ),
		array(
			'status' => 409,
			'field'  => 'slug',
		)
	);
}

/**
 * A validation error about one field.
 *
 * @since 0.2.0
 *
 * @param string $field   Field path, e.g. `branding.primary_color`.
 * @param string $message Translated message.
 */
function workos_login_profile_error( string $field, string $message ): WP_Error {
	return new WP_Error(
		'workos_login_invalid_profile',
		$message,
		array(
			'status' => 400,
			'field'  => $field,
		)
	);
}
