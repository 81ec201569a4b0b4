<?php
/**
 * Login Profiles: the named presets that decide what a sign-in surface offers.
 *
 * Reading lives here; the shape, storage, validation and saving are in includes/profiles/.
 *
 * @package WorkOS_Login
 * @since   0.1.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Every Login Profile, `default` first (built in until it is edited).
 *
 * @since 0.2.0
 *
 * @return array<string, array<string, mixed>> Slug → `LoginProfile`.
 */
function workos_login_get_profiles(): array {
	$stored = workos_login_stored_profiles();
	return array( 'default' => $stored['default'] ?? workos_login_default_profile() ) + $stored;
}

/**
 * A Login Profile by slug (protocol `LoginProfile`).
 *
 * It is not what the login server receives: send workos_login_resolved_profile( $profile ).
 *
 * @since 0.1.0
 * @since 0.2.0 Returns the whole `LoginProfile`; stored profiles.
 *
 * @param string $slug Profile slug.
 * @return WorkOSLoginProfile|null
 *         Null when unknown.
 */
function workos_login_get_profile( string $slug ): ?array {
	return workos_login_get_profiles()[ $slug ] ?? null;
}

/**
 * Whether a sign-in through this profile keeps the session past the browser session.
 *
 * The profile decides; only `ask` leaves it to the visitor's checkbox. Remember-me is never a
 * default (ARCHITECTURE "Login completion").
 *
 * @since 0.2.0
 *
 * @param array{remember_me?: string} $profile Login Profile.
 * @param bool                        $asked   What the visitor chose (only read for `ask`).
 * @return bool
 */
function workos_login_profile_remember( array $profile, bool $asked ): bool {
	switch ( $profile['remember_me'] ?? 'ask' ) {
		case 'always':
			return true;
		case 'ask':
			return $asked;
		default:
			return false;
	}
}
