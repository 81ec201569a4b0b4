<?php
/**
 * Custom paths (`members`, `team/login`): their normal form, which are allowed, and lookup.
 *
 * @package WorkOS_Login
 * @since   0.2.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** Most segments in a custom path. */
const WORKOS_LOGIN_CUSTOM_PATH_MAX_SEGMENTS = 3;

/** Longest segment, in characters. */
const WORKOS_LOGIN_CUSTOM_PATH_MAX_SEGMENT = 64;

/** Paths WordPress (or this plugin) serves itself; a custom path may not be or start with one. */
const WORKOS_LOGIN_RESERVED_PATHS = array( 'wp-admin', 'wp-content', 'wp-includes', 'wp-json', 'workos', 'feed', 'comments', 'trackback', 'wp-login.php', 'xmlrpc.php', 'wp-signup.php', 'wp-activate.php', 'embed', 'page', 'search', 'author', 'category', 'tag', 'type', 'attachment', 'sitemap.xml', 'robots.txt', 'favicon.ico' );

/**
 * The normal form of a custom path: trimmed, lowercase, without leading, trailing or doubled
 * slashes. It may still be invalid; see workos_login_validate_custom_path().
 *
 * @since 0.2.0
 *
 * @param string $path A path as typed (`/Team/Login/`).
 * @return string E.g. `team/login`; '' for none.
 */
function workos_login_normalize_custom_path( string $path ): string {
	$segments = array_filter( explode( '/', strtolower( trim( $path ) ) ), static fn ( string $segment ): bool => '' !== $segment );
	return implode( '/', $segments );
}

/**
 * First segments a custom path may not use: the reserved list, the REST prefix and the
 * category and tag bases as this site configures them.
 *
 * @since 0.2.0
 *
 * @return string[]
 */
function workos_login_reserved_path_segments(): array {
	$reserved = array( rest_get_url_prefix(), (string) get_option( 'category_base' ), (string) get_option( 'tag_base' ) );
	foreach ( WORKOS_LOGIN_RESERVED_PATHS as $path ) {
		$reserved[] = explode( '/', $path )[0];
	}
	return array_values( array_filter( array_unique( array_map( 'workos_login_normalize_custom_path', $reserved ) ), static fn ( string $segment ): bool => '' !== $segment ) );
}

/**
 * Whether a custom path may serve the profile `$slug`. Shared by profile validation and the
 * surfaces, so both refuse the same paths with the same words.
 *
 * @since 0.2.0
 *
 * @param string $path A custom path, in any form workos_login_normalize_custom_path() accepts.
 * @param string $slug The profile the path is for (its own current path is not a conflict).
 * @return true|WP_Error `workos_login_invalid_profile` (status 400, field `custom_path`).
 */
function workos_login_validate_custom_path( string $path, string $slug ): bool|WP_Error {
	$path = workos_login_normalize_custom_path( $path );
	if ( '' === $path ) {
		return true;
	}
	$segments = explode( '/', $path );
	$pattern  = '/^[a-z0-9-]{1,' . WORKOS_LOGIN_CUSTOM_PATH_MAX_SEGMENT . '}$/';
	if ( count( $segments ) > WORKOS_LOGIN_CUSTOM_PATH_MAX_SEGMENTS || count( $segments ) !== count( preg_grep( $pattern, $segments ) ) ) {
		/* translators: %d: the most segments a path may have. */
		return workos_login_custom_path_error( sprintf( __( 'Use lowercase letters, digits and hyphens, in at most %d parts separated by slashes (for example “members” or “team/login”).', 'workos-login' ), WORKOS_LOGIN_CUSTOM_PATH_MAX_SEGMENTS ) );
	}
	if ( in_array( $segments[0], workos_login_reserved_path_segments(), true ) ) {
		/* translators: %s: the first part of the path, e.g. wp-admin. */
		return workos_login_custom_path_error( sprintf( __( '“%s” is reserved by WordPress. Choose another path.', 'workos-login' ), $segments[0] ) );
	}

	$page    = get_page_by_path( $path );
	$post_id = $page instanceof WP_Post ? $page->ID : url_to_postid( home_url( user_trailingslashit( $path ) ) );
	if ( $post_id && in_array( get_post_status( $post_id ), array( 'publish', 'private', 'future' ), true ) ) {
		/* translators: %s: the title of the page or post. */
		return workos_login_custom_path_error( sprintf( __( 'The path is already used by “%s”. Choose another path, or change that page’s address.', 'workos-login' ), wp_specialchars_decode( get_the_title( $post_id ), ENT_QUOTES ) ) );
	}

	$other = workos_login_profile_by_custom_path( $path );
	if ( null !== $other && $other['slug'] !== $slug ) {
		/* translators: %s: the title of the other Login Profile. */
		return workos_login_custom_path_error( sprintf( __( 'The Login Profile “%s” already uses this path.', 'workos-login' ), $other['title'] ) );
	}
	return true;
}

/**
 * A custom-path validation error.
 *
 * @since 0.2.0
 *
 * @param string $message Translated message.
 */
function workos_login_custom_path_error( string $message ): WP_Error {
	return new WP_Error(
		'workos_login_invalid_profile',
		$message,
		array(
			'status' => 400,
			'field'  => 'custom_path',
		)
	);
}

/**
 * The profile a custom path serves.
 *
 * @since 0.2.0
 *
 * @param string $path A request path, in any form workos_login_normalize_custom_path() accepts.
 * @return array<string, mixed>|null The `LoginProfile`, or null when no profile uses the path.
 */
function workos_login_profile_by_custom_path( string $path ): ?array {
	$path = workos_login_normalize_custom_path( $path );
	if ( '' === $path ) {
		return null;
	}
	foreach ( workos_login_get_profiles() as $profile ) {
		if ( $profile['custom_path'] === $path ) {
			return $profile;
		}
	}
	return null;
}
