<?php
/**
 * The rewrite rules for `/workos/login/<profile>` and the profiles' custom paths, flushed on
 * activation and whenever the plugin version or the set of custom paths changed — never on an
 * ordinary request.
 *
 * @package WorkOS_Login
 * @since   0.1.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** Option holding the signature (version and custom paths) of the rewrite rules in place. */
const WORKOS_LOGIN_REWRITE_OPTION = 'workos_login_rewrite_version';

/** The rule's pattern: the profile slug pattern of protocol `LIMITS`. */
const WORKOS_LOGIN_ROUTE_REGEX = '^workos/login/([a-z0-9][a-z0-9_-]{0,63})/?$';

/** The OAuth/SSO callback's pattern (protocol `CALLBACK_PATH`). */
const WORKOS_LOGIN_CALLBACK_REGEX = '^workos/callback/?$';

/**
 * Adds the `/workos/login/<profile>` and `/workos/callback` rules.
 *
 * @since 0.1.0
 * @since 0.4.0 `/workos/callback`.
 */
function workos_login_add_rewrite_rules(): void {
	add_rewrite_rule( WORKOS_LOGIN_ROUTE_REGEX, 'index.php?workos_login_profile=$matches[1]', 'top' );
	add_rewrite_rule( WORKOS_LOGIN_CALLBACK_REGEX, 'index.php?workos_callback=1', 'top' );
}
add_action( 'init', 'workos_login_add_rewrite_rules' );

/**
 * Declares the `workos_login_profile`, `workos_login_custom` (reached by custom path) and
 * `workos_callback` query vars.
 *
 * @since 0.1.0
 * @since 0.2.0 `workos_login_custom`.
 * @since 0.4.0 `workos_callback`.
 *
 * @param string[] $vars Public query vars.
 * @return string[]
 */
function workos_login_query_vars( array $vars ): array {
	$vars[] = 'workos_login_profile';
	$vars[] = 'workos_login_custom';
	$vars[] = 'workos_callback';
	return $vars;
}
add_filter( 'query_vars', 'workos_login_query_vars' );

/**
 * Flushes the rules once after an update changed the plugin version, or after the profiles'
 * custom paths changed (however they were saved).
 *
 * Runs on `wp_loaded` so every plugin's `init` rules are registered before the flush; the
 * request that flushes already parses with the new rules.
 *
 * @since 0.1.0
 * @since 0.2.0 Compares the signature of the custom paths too.
 */
function workos_login_maybe_flush_rewrite_rules(): void {
	$signature = workos_login_rewrite_signature();
	if ( get_option( WORKOS_LOGIN_REWRITE_OPTION ) !== $signature ) {
		flush_rewrite_rules( false );
		update_option( WORKOS_LOGIN_REWRITE_OPTION, $signature, true );
	}
}
add_action( 'wp_loaded', 'workos_login_maybe_flush_rewrite_rules' );

/**
 * On activation: `init` has already run in this request, so add the rule, then flush.
 *
 * @since 0.1.0
 */
function workos_login_activate(): void {
	workos_login_add_rewrite_rules();
	workos_login_add_custom_path_rules();
	flush_rewrite_rules( false );
	update_option( WORKOS_LOGIN_REWRITE_OPTION, workos_login_rewrite_signature(), true );
}
register_activation_hook( WORKOS_LOGIN_FILE, 'workos_login_activate' );

/**
 * On deactivation: drop the rules (added earlier in this request) and flush without them.
 *
 * @since 0.1.0
 */
function workos_login_deactivate(): void {
	global $wp_rewrite;
	unset( $wp_rewrite->extra_rules_top[ WORKOS_LOGIN_ROUTE_REGEX ], $wp_rewrite->extra_rules_top[ WORKOS_LOGIN_CALLBACK_REGEX ] );
	foreach ( array_keys( workos_login_custom_paths() ) as $path ) {
		unset( $wp_rewrite->extra_rules_top[ workos_login_custom_path_regex( $path ) ] );
	}
	flush_rewrite_rules( false );
	delete_option( WORKOS_LOGIN_REWRITE_OPTION );
}
register_deactivation_hook( WORKOS_LOGIN_FILE, 'workos_login_deactivate' );
