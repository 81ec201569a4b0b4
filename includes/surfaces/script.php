<?php
/**
 * The `<workos-login>` element's script, registered once as a script module for every surface:
 * the sign-in page, wp-login.php, the shortcode, the blocks and theme templates.
 *
 * @package WorkOS_Login
 * @since   0.2.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** Script module id of the element (blocks name it in `viewScriptModule`). */
const WORKOS_LOGIN_ELEMENT_MODULE = 'workos-login-element';

/** The element's entry file, relative to the plugin folder. */
const WORKOS_LOGIN_ELEMENT_FILE = 'build/elements/workos-login.js';

/**
 * Registers the element's script module, versioned by the file's modification time so every
 * build busts caches. Skipped when the build is missing (surfaces then show a notice).
 *
 * @since 0.2.0
 */
function workos_login_register_element_module(): void {
	$path = plugin_dir_path( WORKOS_LOGIN_FILE ) . WORKOS_LOGIN_ELEMENT_FILE;
	if ( ! is_readable( $path ) ) {
		return;
	}
	wp_register_script_module(
		WORKOS_LOGIN_ELEMENT_MODULE,
		plugins_url( WORKOS_LOGIN_ELEMENT_FILE, WORKOS_LOGIN_FILE ),
		array(),
		(string) filemtime( $path )
	);
}
add_action( 'init', 'workos_login_register_element_module', 5 );

/**
 * Whether the element's script is available (built and registered).
 *
 * @since 0.2.0
 */
function workos_login_element_available(): bool {
	return is_readable( plugin_dir_path( WORKOS_LOGIN_FILE ) . WORKOS_LOGIN_ELEMENT_FILE );
}

/**
 * Enqueues the element's script module. Core prints enqueued modules in `wp_head` (block themes)
 * or `wp_footer` (classic themes); the plugin's own pages print them with
 * {@see workos_login_print_element_module()}.
 *
 * @since 0.2.0
 *
 * @return bool False when the build is missing.
 */
function workos_login_enqueue_element(): bool {
	if ( ! workos_login_element_available() ) {
		return false;
	}
	if ( ! did_action( 'init' ) ) {
		// Too early for the registration hook: register now so the enqueue has a source.
		workos_login_register_element_module();
	}
	wp_enqueue_script_module( WORKOS_LOGIN_ELEMENT_MODULE );
	return true;
}

/**
 * Prints the enqueued script modules on a page that calls neither `wp_head()` nor
 * `wp_footer()` (the sign-in page and wp-login.php takeover).
 *
 * @since 0.2.0
 */
function workos_login_print_element_module(): void {
	$modules = wp_script_modules();
	$modules->print_import_map();
	$modules->print_enqueued_script_modules();
	$modules->print_script_module_preloads();
}

/**
 * What a surface shows instead of the form when the element's build is missing: instructions
 * for administrators, a short apology for everyone else.
 *
 * @since 0.2.0
 *
 * @return string HTML.
 */
function workos_login_element_unavailable(): string {
	$message = current_user_can( 'manage_options' )
		? __( 'The sign-in form is missing: build/elements/workos-login.js was not found in the WorkOS Login plugin. Run “npm run build” in the plugin folder, or install a release package.', 'workos-login' )
		: __( 'Sign-in is unavailable right now. Try again in a few minutes.', 'workos-login' );
	return '<p class="workos-login-notice" role="alert">' . esc_html( $message ) . '</p>';
}
