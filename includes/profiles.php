<?php
/**
 * Login Profiles: which methods a sign-in form offers and which organization it serves.
 *
 * Only the built-in `default` profile exists for now; stored profiles come later.
 *
 * @package WorkOS_Login
 * @since   0.1.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** Profile slugs: the same pattern as protocol `LIMITS.profileSlugPattern`. */
const WORKOS_LOGIN_PROFILE_SLUG_PATTERN = '^[a-z0-9][a-z0-9_-]{0,63}$';

/**
 * Resolves a Login Profile by slug, in the shape the login server receives (`ResolvedProfile`).
 *
 * @since 0.1.0
 *
 * @param string $slug Profile slug.
 * @return array{slug: string, methods: string[], organization_id: string|null}|null Null when unknown.
 */
function workos_login_get_profile( string $slug ): ?array {
	if ( 'default' !== $slug ) {
		return null;
	}
	return array(
		'slug'            => 'default',
		'methods'         => array( 'password' ),
		'organization_id' => workos_login_site_organization_id(),
	);
}
