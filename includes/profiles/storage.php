<?php
/**
 * Where Login Profiles live: one autoloaded option, an array keyed by slug.
 *
 * Text round-trips exactly because nothing here slashes, unslashes, strips tags or trims: the
 * option API serializes the array as is (`update_option()` never unslashes — only request data
 * is slashed, and REST JSON bodies are not), and every surface escapes on output. Validation
 * (validate.php) is the gate; the sanitize callback below only repairs the shape.
 *
 * @package WorkOS_Login
 * @since   0.2.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** The option holding every stored profile. Read on every sign-in page, so autoloaded. */
const WORKOS_LOGIN_PROFILES_OPTION = 'workos_login_profiles';

/**
 * Registers the option (group `workos_login`). Not shown in the core settings REST API: the
 * admin profiles endpoints are its API, with validation and conflict checks core cannot do.
 *
 * @since 0.2.0
 */
function workos_login_register_profiles_setting(): void {
	register_setting(
		'workos_login',
		WORKOS_LOGIN_PROFILES_OPTION,
		array(
			'type'              => 'object',
			'description'       => __( 'Login Profiles, keyed by slug.', 'workos-login' ),
			'sanitize_callback' => 'workos_login_sanitize_profiles_option',
			'default'           => array(),
			'show_in_rest'      => false,
		)
	);
}
add_action( 'init', 'workos_login_register_profiles_setting' );

/**
 * Sanitize callback of the option: keeps entries with a valid slug key, each repaired into the
 * `LoginProfile` shape. Anything that is not an array leaves the stored value unchanged.
 *
 * @since 0.2.0
 *
 * @param mixed $value The value about to be stored.
 * @return array<string, array<string, mixed>>
 */
function workos_login_sanitize_profiles_option( mixed $value ): array {
	if ( ! is_array( $value ) ) {
		return workos_login_stored_profiles();
	}
	$clean = array();
	foreach ( $value as $slug => $profile ) {
		$slug = (string) $slug; // PHP turns numeric keys such as "2024" into integers.
		if ( is_array( $profile ) && 1 === preg_match( '/' . WORKOS_LOGIN_PROFILE_SLUG_PATTERN . '/', $slug ) ) {
			$clean[ $slug ] = workos_login_profile_shape( $profile, $slug );
		}
	}
	return $clean;
}

/**
 * The stored profiles, repaired into shape (the `default` one only when it was edited).
 *
 * @since 0.2.0
 *
 * @return array<string, array<string, mixed>> Slug → `LoginProfile`, in stored order.
 */
function workos_login_stored_profiles(): array {
	$stored   = get_option( WORKOS_LOGIN_PROFILES_OPTION, array() );
	$profiles = array();
	foreach ( is_array( $stored ) ? $stored : array() as $slug => $profile ) {
		if ( is_array( $profile ) ) {
			$profiles[ $slug ] = workos_login_profile_shape( $profile, (string) $slug );
		}
	}
	return $profiles;
}

/**
 * Replaces the stored profiles.
 *
 * @since 0.2.0
 *
 * @param array<string, array<string, mixed>> $profiles Slug → validated `LoginProfile`.
 * @return bool False when the database refused the write.
 */
function workos_login_store_profiles( array $profiles ): bool {
	if ( workos_login_stored_profiles() === $profiles ) {
		return true; // update_option() answers false for "unchanged"; that is a success here.
	}
	return update_option( WORKOS_LOGIN_PROFILES_OPTION, $profiles, true );
}

/**
 * Asks for the rewrite rules to be rebuilt on the next request (custom paths changed).
 *
 * Reuses rewrite.php's once-per-version flush: forgetting the recorded version makes its
 * `wp_loaded` check flush once — after every `init` rule, custom paths included, is registered
 * from the new profiles — and record the version again. No flush ever runs on ordinary requests.
 *
 * @since 0.2.0
 */
function workos_login_schedule_rewrite_flush(): void {
	delete_option( WORKOS_LOGIN_REWRITE_OPTION );
}
