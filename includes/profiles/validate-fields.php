<?php
/**
 * Type and value checks for each Login Profile field but `slug` (see validate.php).
 *
 * @package WorkOS_Login
 * @since   0.2.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Checks every field of a merged profile with only known keys, in `LoginProfile` order.
 *
 * @since 0.2.0
 *
 * @param array<string, mixed> $profile    Merged profile, slug already checked.
 * @param string               $path_owner The slug whose current custom path is not a conflict.
 * @return array<string, mixed>|WP_Error The profile with normalized `primary_color` and `custom_path`.
 */
function workos_login_validate_profile_fields( array $profile, string $path_owner ): array|WP_Error {
	$checks = array(
		'title'                       => array( 'workos_login_check_profile_text', true ),
		'methods'                     => array( 'workos_login_check_profile_list', WORKOS_LOGIN_METHODS, true ),
		'organization_id'             => array( 'workos_login_check_profile_organization' ),
		'signup.enabled'              => array( 'workos_login_check_profile_bool' ),
		'signup.require_invitation'   => array( 'workos_login_check_profile_bool' ),
		'invitations'                 => array( 'workos_login_check_profile_bool' ),
		'password_reset'              => array( 'workos_login_check_profile_bool' ),
		'auto_sign_in_after_reset'    => array( 'workos_login_check_profile_bool' ),
		'mfa.enforce'                 => array( 'workos_login_check_profile_enum', WORKOS_LOGIN_MFA_ENFORCE ),
		'mfa.factors'                 => array( 'workos_login_check_profile_list', WORKOS_LOGIN_MFA_FACTORS, false ),
		'branding.heading'            => array( 'workos_login_check_profile_text', false ),
		'branding.subheading'         => array( 'workos_login_check_profile_text', false ),
		'branding.primary_color'      => array( 'workos_login_check_profile_color' ),
		'branding.logo_mode'          => array( 'workos_login_check_profile_enum', WORKOS_LOGIN_LOGO_MODES ),
		'branding.logo_attachment_id' => array( 'workos_login_check_profile_attachment' ),
		'custom_path'                 => array( 'workos_login_check_profile_string' ),
		'post_login_redirect'         => array( 'workos_login_check_profile_redirect' ),
		'forward_query_args'          => array( 'workos_login_check_profile_bool' ),
		'remember_me'                 => array( 'workos_login_check_profile_enum', WORKOS_LOGIN_REMEMBER_ME ),
		'mode'                        => array( 'workos_login_check_profile_enum', WORKOS_LOGIN_PROFILE_MODES ),
		'passkey_prompt'              => array( 'workos_login_check_profile_bool' ),
	);

	foreach ( array_keys( WORKOS_LOGIN_PROFILE_OBJECTS ) as $key ) {
		if ( ! is_array( $profile[ $key ] ?? null ) ) {
			return workos_login_profile_error( $key, __( 'Must be an object.', 'workos-login' ) );
		}
	}
	foreach ( $checks as $field => $check ) {
		$keys  = explode( '.', $field );
		$value = isset( $keys[1] ) ? $profile[ $keys[0] ][ $keys[1] ] ?? null : $profile[ $field ] ?? null;
		$rule  = array_shift( $check );
		$ok    = $rule( $value, $field, ...$check );
		if ( true !== $ok ) {
			return workos_login_profile_error( $field, $ok );
		}
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
 * Text: valid UTF-8, no control characters but tab and newlines, within its length limit.
 *
 * @since 0.2.0
 *
 * @param mixed  $value    The value.
 * @param string $field    Field path (its limit is in `WORKOS_LOGIN_PROFILE_TEXT_MAX`).
 * @param bool   $required Whether it must contain more than white space.
 * @return true|string True, or the translated problem.
 */
function workos_login_check_profile_text( mixed $value, string $field, bool $required ): bool|string {
	if ( ! is_string( $value ) || 1 !== preg_match( '/^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$/u', $value ) ) {
		return __( 'Must be text.', 'workos-login' );
	}
	if ( $required && '' === trim( $value ) ) {
		return __( 'This field is required.', 'workos-login' );
	}
	$max = WORKOS_LOGIN_PROFILE_TEXT_MAX[ $field ];
	/* translators: %d: a number of characters. */
	return mb_strlen( $value, 'UTF-8' ) <= $max ? true : sprintf( __( 'Use at most %d characters.', 'workos-login' ), $max );
}

/**
 * One of a set of values.
 *
 * @since 0.2.0
 *
 * @param mixed    $value   The value.
 * @param string   $field   Field path.
 * @param string[] $allowed The allowed values.
 * @return true|string
 */
function workos_login_check_profile_enum( mixed $value, string $field, array $allowed ): bool|string {
	/* translators: %s: the allowed values, comma-separated. */
	return in_array( $value, $allowed, true ) ? true : sprintf( __( 'Must be one of: %s.', 'workos-login' ), implode( ', ', $allowed ) );
}

/**
 * A list of distinct values from a set (order kept: it is the order the UI offers them in).
 *
 * @since 0.2.0
 *
 * @param mixed    $value     The value.
 * @param string   $field     Field path.
 * @param string[] $allowed   The allowed values.
 * @param bool     $non_empty Whether at least one is required.
 * @return true|string
 */
function workos_login_check_profile_list( mixed $value, string $field, array $allowed, bool $non_empty ): bool|string {
	if ( ! is_array( $value ) || ! array_is_list( $value ) || count( array_filter( $value, 'is_string' ) ) !== count( $value ) || array_diff( $value, $allowed ) ) {
		/* translators: %s: the allowed values, comma-separated. */
		return sprintf( __( 'Must be a list of: %s.', 'workos-login' ), implode( ', ', $allowed ) );
	}
	if ( count( array_unique( $value ) ) !== count( $value ) ) {
		return __( 'List each value once.', 'workos-login' );
	}
	return ! $non_empty || $value ? true : __( 'Choose at least one.', 'workos-login' );
}
