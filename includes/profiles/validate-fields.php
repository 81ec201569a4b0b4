<?php
/**
 * Each Login Profile field checked against the generated `LoginProfile` schema
 * (WORKOS_LOGIN_PROFILE_SCHEMA, from server/profile-schema.ts) with WordPress's own validator,
 * in words the admin screen shows next to the field; then the rules a schema cannot say.
 *
 * @package WorkOS_Login
 * @since   0.2.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Checks every field of a merged profile, in `LoginProfile` order, and normalizes it.
 *
 * @since 0.2.0
 * @since 0.6.0 Checked against the generated schema.
 *
 * @param array<string, mixed> $profile    Merged profile, slug already checked.
 * @param string               $path_owner The slug whose current custom path is not a conflict.
 * @return array<string, mixed>|WP_Error The profile with normalized `primary_color` and `custom_path`.
 */
function workos_login_validate_profile_fields( array $profile, string $path_owner ): array|WP_Error {
	$checked = workos_login_check_profile_value( $profile, WORKOS_LOGIN_PROFILE_SCHEMA, '', true );
	if ( is_wp_error( $checked ) ) {
		return $checked;
	}

	if ( 'custom' === $profile['branding']['logo_mode'] && ! wp_attachment_is_image( $profile['branding']['logo_attachment_id'] ) ) {
		return workos_login_profile_error( 'branding.logo_attachment_id', __( 'Choose an image from the Media Library for a custom logo.', 'workos-login' ) );
	}

	$profile['branding']['primary_color'] = strtolower( $profile['branding']['primary_color'] );
	$path_ok                              = workos_login_validate_custom_path( $profile['custom_path'], $path_owner );
	if ( is_wp_error( $path_ok ) ) {
		return $path_ok;
	}
	$profile['custom_path'] = workos_login_normalize_custom_path( $profile['custom_path'] );
	if ( '' !== $profile['post_login_redirect'] ) {
		$profile['post_login_redirect'] = workos_login_requested_redirect( $profile['post_login_redirect'] );
	}
	return $profile;
}

/**
 * Checks a value against its part of the profile schema; objects are walked so the error names
 * the exact field (`branding.primary_color`). Used on a whole merged profile and on a REST body
 * (which may name only some fields).
 *
 * @since 0.6.0
 *
 * @param mixed                $value  The value.
 * @param array<string, mixed> $schema Its part of WORKOS_LOGIN_PROFILE_SCHEMA.
 * @param string               $field  Its path, '' for the whole profile.
 * @param bool                 $whole  Whether every field must be there (a merged profile).
 * @return true|WP_Error `workos_login_invalid_profile` naming the field.
 */
function workos_login_check_profile_value( mixed $value, array $schema, string $field, bool $whole ): bool|WP_Error {
	if ( 'object' === $schema['type'] ) {
		if ( ! is_array( $value ) || ( $value && array_is_list( $value ) ) ) {
			return workos_login_profile_error( $field, __( 'Must be an object.', 'workos-login' ) );
		}
		foreach ( array_keys( $value ) as $key ) {
			if ( ! isset( $schema['properties'][ $key ] ) ) {
				$path = ltrim( $field . '.' . $key, '.' );
				/* translators: %s: a field name such as branding.colour. */
				return workos_login_profile_error( $path, sprintf( __( 'Unknown field: %s.', 'workos-login' ), $path ) );
			}
		}
		foreach ( $schema['properties'] as $key => $property ) {
			if ( $whole || array_key_exists( $key, $value ) ) {
				$valid = workos_login_check_profile_value( $value[ $key ] ?? null, $property, ltrim( $field . '.' . $key, '.' ), $whole );
				if ( is_wp_error( $valid ) ) {
					return $valid;
				}
			}
		}
		return true;
	}
	$problem = workos_login_profile_value_problem( $value, $schema, $field );
	return null === $problem ? true : workos_login_profile_error( $field, $problem );
}

/**
 * What is wrong with one field's value, in the words shown next to it.
 *
 * The schema decides (JSON types strictly, then rest_validate_value_from_schema()); the words
 * follow what the schema asks for. Then the rules JSON Schema cannot say: a title that is more
 * than white space, a destination sign-in may redirect to.
 *
 * @since 0.6.0
 *
 * @param mixed                $value  The value.
 * @param array<string, mixed> $schema Its schema.
 * @param string               $field  Its path.
 * @return string|null The translated problem, null when the value is fine.
 */
function workos_login_profile_value_problem( mixed $value, array $schema, string $field ): ?string {
	if ( workos_login_json_types_match( $value, $schema ) && true === rest_validate_value_from_schema( $value, $schema, $field ) ) {
		if ( 'title' === $field && '' === trim( $value ) ) {
			return __( 'This field is required.', 'workos-login' );
		}
		if ( 'post_login_redirect' === $field && ! workos_login_profile_redirect_ok( $value ) ) {
			return __( 'Must be a path on this site (like /members/) or an address on an allowed host.', 'workos-login' );
		}
		return null;
	}
	$words = array(
		'organization_id'             => __( 'Must be a WorkOS organization ID (org_ followed by letters and digits), or empty.', 'workos-login' ),
		'branding.primary_color'      => __( 'Must be a color like #1e73be, or empty for the default.', 'workos-login' ),
		'branding.logo_attachment_id' => __( 'Must be a Media Library item ID, or 0.', 'workos-login' ),
	);
	$types = (array) $schema['type'];
	if ( null === $value && ! in_array( 'null', $types, true ) ) {
		return __( 'This field is required.', 'workos-login' );
	}
	if ( isset( $words[ $field ] ) ) {
		return $words[ $field ];
	}
	if ( isset( $schema['enum'] ) ) {
		/* translators: %s: the allowed values, comma-separated. */
		return sprintf( __( 'Must be one of: %s.', 'workos-login' ), implode( ', ', $schema['enum'] ) );
	}
	if ( in_array( 'boolean', $types, true ) ) {
		return __( 'Must be true or false.', 'workos-login' );
	}
	if ( in_array( 'array', $types, true ) ) {
		return workos_login_profile_list_problem( $value, $schema );
	}
	$text = array_diff_key( $schema, array( 'maxLength' => true ) );
	if ( is_string( $value ) && isset( $schema['maxLength'] ) && true === rest_validate_value_from_schema( $value, $text, $field ) ) {
		/* translators: %d: a number of characters. */
		return sprintf( __( 'Use at most %d characters.', 'workos-login' ), $schema['maxLength'] );
	}
	return __( 'Must be text.', 'workos-login' );
}

/**
 * What is wrong with a list of values from a set (its order is kept: it is the order the UI
 * offers them in).
 *
 * @since 0.6.0
 *
 * @param mixed                $value  The value, refused by its schema.
 * @param array<string, mixed> $schema An array schema of string `items.enum`.
 */
function workos_login_profile_list_problem( mixed $value, array $schema ): string {
	$allowed = (array) $schema['items']['enum'];
	$strings = is_array( $value ) && array_is_list( $value ) && count( array_filter( $value, 'is_string' ) ) === count( $value );
	if ( ! $strings || array_diff( $value, $allowed ) ) {
		/* translators: %s: the allowed values, comma-separated. */
		return sprintf( __( 'Must be a list of: %s.', 'workos-login' ), implode( ', ', $allowed ) );
	}
	return count( array_unique( $value ) ) !== count( $value ) ? __( 'List each value once.', 'workos-login' ) : __( 'Choose at least one.', 'workos-login' );
}

/**
 * Whether a stored destination is one sign-in may redirect to: empty, or the same rule as a
 * requested `redirect_to` (workos_login_requested_redirect()), so a stored value is never
 * dropped later.
 *
 * @since 0.2.0
 * @since 0.6.0 A predicate.
 *
 * @param string $value The destination.
 */
function workos_login_profile_redirect_ok( string $value ): bool {
	return '' === $value || '' !== workos_login_requested_redirect( $value );
}
