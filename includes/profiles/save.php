<?php
/**
 * Saving and deleting Login Profiles; every change fires `workos_login_profile_changed`.
 *
 * @package WorkOS_Login
 * @since   0.2.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Validates and stores a profile: creates it, or updates the profile `$existing_slug` (by default
 * the one named by `$profile['slug']`, if it exists) by merging `$profile` onto it.
 *
 * @since 0.2.0
 *
 * @param array<string, mixed> $profile       Fields (all on create; any subset on update).
 * @param string|null          $existing_slug The profile to update, to rename it; null = by `slug`.
 * @return array<string, mixed>|WP_Error The stored `LoginProfile`, or the validation error
 *                                       (see workos_login_validate_profile()) or `workos_login_save_failed` (500).
 */
function workos_login_save_profile( array $profile, ?string $existing_slug = null ): array|WP_Error {
	if ( null === $existing_slug && isset( $profile['slug'] ) && is_string( $profile['slug'] ) && null !== workos_login_get_profile( $profile['slug'] ) ) {
		$existing_slug = $profile['slug'];
	}
	$old = null === $existing_slug ? null : workos_login_get_profile( $existing_slug );
	$new = workos_login_validate_profile( $profile, $existing_slug );
	if ( is_wp_error( $new ) ) {
		return $new;
	}
	$stored = workos_login_stored_profiles();

	// Replace in place (a rename keeps the position too); a new profile goes last.
	$next = array();
	foreach ( $stored as $key => $value ) {
		if ( (string) $key === $existing_slug ) {
			$next[ $new['slug'] ] = $new;
		} else {
			$next[ $key ] = $value;
		}
	}
	$next[ $new['slug'] ] = $new;
	if ( ! workos_login_store_profiles( $next ) ) {
		return new WP_Error( 'workos_login_save_failed', __( 'The Login Profile could not be saved. Try again.', 'workos-login' ), array( 'status' => 500 ) );
	}

	if ( null === $old ? '' !== $new['custom_path'] : ( $old['custom_path'] !== $new['custom_path'] || $old['slug'] !== $new['slug'] ) ) {
		workos_login_schedule_rewrite_flush();
	}
	workos_login_profile_changed( $new['slug'], $old, $new );
	return $new;
}

/**
 * Deletes a stored profile. `default` cannot be deleted.
 *
 * @since 0.2.0
 *
 * @param string $slug Profile slug.
 * @return true|WP_Error `workos_login_invalid_profile` (400) for `default`, `workos_login_profile_not_found`
 *                       (404), `workos_login_save_failed` (500).
 */
function workos_login_delete_profile( string $slug ): bool|WP_Error {
	if ( 'default' === $slug ) {
		return workos_login_profile_error( 'slug', __( 'The default Login Profile cannot be deleted.', 'workos-login' ) );
	}
	$stored = workos_login_stored_profiles();
	if ( ! isset( $stored[ $slug ] ) ) {
		return new WP_Error( 'workos_login_profile_not_found', __( 'No Login Profile has this slug.', 'workos-login' ), array( 'status' => 404 ) );
	}
	$old = $stored[ $slug ];
	unset( $stored[ $slug ] );
	if ( ! workos_login_store_profiles( $stored ) ) {
		return new WP_Error( 'workos_login_save_failed', __( 'The Login Profile could not be deleted. Try again.', 'workos-login' ), array( 'status' => 500 ) );
	}
	if ( '' !== $old['custom_path'] ) {
		workos_login_schedule_rewrite_flush();
	}
	workos_login_profile_changed( $slug, $old, null );
	return true;
}

/**
 * Announces a change (the audit log records it).
 *
 * @since 0.2.0
 *
 * @param string                    $slug The profile's slug after the change (before, on delete).
 * @param array<string, mixed>|null $old  The profile before (null when created).
 * @param array<string, mixed>|null $new  The profile after (null when deleted).
 */
function workos_login_profile_changed( string $slug, ?array $old, ?array $new ): void {
	/**
	 * Fires after a Login Profile was created, updated, renamed or deleted.
	 *
	 * @since 0.2.0
	 *
	 * @param string                    $slug The profile's slug (the new one after a rename).
	 * @param array<string, mixed>|null $old  The `LoginProfile` before; null when created.
	 * @param array<string, mixed>|null $new  The `LoginProfile` after; null when deleted.
	 */
	do_action( 'workos_login_profile_changed', $slug, $old, $new );
}
