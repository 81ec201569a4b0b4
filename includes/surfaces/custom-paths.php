<?php
/**
 * Custom paths: each profile's `custom_path` (`members`, `team/login`) serves its sign-in page.
 *
 * The rules are added on every `init` from the stored profiles; rewrite.php flushes them when the
 * set of paths changed (compared by signature), so a saved path works on the next request
 * without a manual permalink flush.
 *
 * @package WorkOS_Login
 * @since   0.2.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The stored custom paths.
 *
 * @since 0.2.0
 *
 * @return array<string, string> Path (no leading or trailing slash) → profile slug, sorted.
 */
function workos_login_custom_paths(): array {
	$paths = array();
	foreach ( workos_login_get_profiles() as $slug => $profile ) {
		$path = trim( (string) ( $profile['custom_path'] ?? '' ), '/' );
		if ( '' !== $path ) {
			$paths[ $path ] = (string) $slug;
		}
	}
	ksort( $paths );
	return $paths;
}

/**
 * The rewrite regex of a custom path: the exact path, with or without a trailing slash.
 *
 * @since 0.2.0
 *
 * @param string $path A custom path.
 */
function workos_login_custom_path_regex( string $path ): string {
	return '^' . preg_quote( $path, '#' ) . '/?$';
}

/**
 * Adds a rule per custom path, at the top so it wins over pages of the same path (validation
 * refuses those, but a page may be created later).
 *
 * @since 0.2.0
 */
function workos_login_add_custom_path_rules(): void {
	foreach ( workos_login_custom_paths() as $path => $slug ) {
		add_rewrite_rule( workos_login_custom_path_regex( $path ), 'index.php?workos_login_custom=' . rawurlencode( $slug ), 'top' );
	}
}
add_action( 'init', 'workos_login_add_custom_path_rules' );

/**
 * A fingerprint of the rules this plugin adds: the version, its own rules and the custom paths.
 * Stored after a flush; a different value means the rules in the database are stale.
 *
 * @since 0.2.0
 * @since 0.4.0 The plugin's own rules too (a new rule needs a flush without a version change).
 */
function workos_login_rewrite_signature(): string {
	$rules = array( WORKOS_LOGIN_ROUTE_REGEX, WORKOS_LOGIN_CALLBACK_REGEX );
	return WORKOS_LOGIN_VERSION . ':' . md5( (string) wp_json_encode( array( $rules, workos_login_custom_paths() ) ) );
}
