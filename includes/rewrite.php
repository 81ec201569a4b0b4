<?php
/**
 * The rewrite rule for `/workos/login/<profile>`, flushed on activation and once per version —
 * never on an ordinary request.
 *
 * @package WorkOS_Login
 * @since   0.1.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** Option holding the plugin version whose rewrite rules are in place. */
const WORKOS_LOGIN_REWRITE_OPTION = 'workos_login_rewrite_version';

/** The rule's pattern: the profile slug pattern of protocol `LIMITS`. */
const WORKOS_LOGIN_ROUTE_REGEX = '^workos/login/([a-z0-9][a-z0-9_-]{0,63})/?$';

/**
 * Adds the `/workos/login/<profile>` rule.
 *
 * @since 0.1.0
 */
function workos_login_add_rewrite_rules(): void {
	add_rewrite_rule( WORKOS_LOGIN_ROUTE_REGEX, 'index.php?workos_login_profile=$matches[1]', 'top' );
}
add_action( 'init', 'workos_login_add_rewrite_rules' );

/**
 * Declares the `workos_login_profile` query var.
 *
 * @since 0.1.0
 *
 * @param string[] $vars Public query vars.
 * @return string[]
 */
function workos_login_query_vars( array $vars ): array {
	$vars[] = 'workos_login_profile';
	return $vars;
}
add_filter( 'query_vars', 'workos_login_query_vars' );

/**
 * Flushes the rules once after an update changed the plugin version.
 *
 * Runs on `wp_loaded` so every plugin's `init` rules are registered before the flush.
 *
 * @since 0.1.0
 */
function workos_login_maybe_flush_rewrite_rules(): void {
	if ( get_option( WORKOS_LOGIN_REWRITE_OPTION ) !== WORKOS_LOGIN_VERSION ) {
		flush_rewrite_rules( false );
		update_option( WORKOS_LOGIN_REWRITE_OPTION, WORKOS_LOGIN_VERSION, true );
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
	flush_rewrite_rules( false );
	update_option( WORKOS_LOGIN_REWRITE_OPTION, WORKOS_LOGIN_VERSION, true );
}
register_activation_hook( WORKOS_LOGIN_FILE, 'workos_login_activate' );

/**
 * On deactivation: drop the rule (added earlier in this request) and flush without it.
 *
 * @since 0.1.0
 */
function workos_login_deactivate(): void {
	global $wp_rewrite;
	unset( $wp_rewrite->extra_rules_top[ WORKOS_LOGIN_ROUTE_REGEX ] );
	flush_rewrite_rules( false );
	delete_option( WORKOS_LOGIN_REWRITE_OPTION );
}
register_deactivation_hook( WORKOS_LOGIN_FILE, 'workos_login_deactivate' );
