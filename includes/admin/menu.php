<?php
/**
 * The "WorkOS" admin menu and its "Login Profiles" screen.
 *
 * The screen is a `@wordpress/components` app (admin/profiles/, built by vite.blocks.config.ts
 * into build/admin/profiles/index.js with its `index.asset.php`); this file prints its root,
 * enqueues it only there and hands it what it cannot know itself.
 *
 * @package WorkOS_Login
 * @since   0.2.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** Slug of the top-level menu, and of its first screen, Login Profiles. */
const WORKOS_LOGIN_ADMIN_MENU = 'workos-login';

/** Script and style handle of the Login Profiles screen. */
const WORKOS_LOGIN_ADMIN_PROFILES_HANDLE = 'workos-login-admin-profiles';

/**
 * Adds WorkOS → Login Profiles for administrators.
 *
 * @since 0.2.0
 */
function workos_login_admin_menu(): void {
	add_menu_page(
		__( 'Login Profiles', 'workos-login' ),
		__( 'WorkOS', 'workos-login' ),
		'manage_options',
		WORKOS_LOGIN_ADMIN_MENU,
		'workos_login_render_profiles_screen',
		'dashicons-lock',
		81
	);
	// Same slug as the parent: the menu's first entry is this screen, titled "Login Profiles".
	add_submenu_page(
		WORKOS_LOGIN_ADMIN_MENU,
		__( 'Login Profiles', 'workos-login' ),
		__( 'Login Profiles', 'workos-login' ),
		'manage_options',
		WORKOS_LOGIN_ADMIN_MENU,
		'workos_login_render_profiles_screen'
	);
}
add_action( 'admin_menu', 'workos_login_admin_menu' );

/**
 * Prints the screen: a heading and the root the script renders into.
 *
 * @since 0.2.0
 */
function workos_login_render_profiles_screen(): void {
	if ( ! current_user_can( 'manage_options' ) ) {
		wp_die( esc_html__( 'Sorry, you are not allowed to manage Login Profiles.', 'workos-login' ), 403 );
	}
	echo '<div class="wrap workos-profiles-wrap">';
	echo '<h1 class="wp-heading-inline">' . esc_html__( 'Login Profiles', 'workos-login' ) . '</h1>';
	echo '<hr class="wp-header-end">';
	if ( ! workos_login_admin_profiles_asset() ) {
		printf(
			'<div class="notice notice-error"><p>%s</p></div>',
			esc_html__( 'This screen cannot load: build/admin/profiles/index.js is missing from the WorkOS Login plugin. Run “npm run build” in the plugin folder, or install a release package.', 'workos-login' )
		);
	}
	echo '<div id="workos-login-profiles-root"></div>';
	echo '<noscript><p>' . esc_html__( 'Login Profiles need JavaScript.', 'workos-login' ) . '</p></noscript>';
	echo '</div>';
}

/**
 * The built script's `index.asset.php`, or null when the build is missing.
 *
 * @since 0.2.0
 *
 * @return array{dependencies: string[], version: string}|null
 */
function workos_login_admin_profiles_asset(): ?array {
	$asset = plugin_dir_path( WORKOS_LOGIN_FILE ) . 'build/admin/profiles/index.asset.php';
	if ( ! is_readable( $asset ) || ! is_readable( dirname( $asset ) . '/index.js' ) ) {
		return null;
	}
	$data = require $asset;
	return is_array( $data ) ? $data : null;
}

/**
 * Enqueues the screen's script, `wp-components`' style, its own style and the Media Library —
 * on this screen only.
 *
 * @since 0.2.0
 *
 * @param string $hook_suffix The current admin screen.
 */
function workos_login_enqueue_profiles_screen( string $hook_suffix ): void {
	if ( 'toplevel_page_' . WORKOS_LOGIN_ADMIN_MENU !== $hook_suffix || ! current_user_can( 'manage_options' ) ) {
		return;
	}
	$asset = workos_login_admin_profiles_asset();
	if ( null === $asset ) {
		return;
	}
	wp_enqueue_media();
	wp_enqueue_script(
		WORKOS_LOGIN_ADMIN_PROFILES_HANDLE,
		plugins_url( 'build/admin/profiles/index.js', WORKOS_LOGIN_FILE ),
		$asset['dependencies'],
		$asset['version'],
		true
	);
	wp_set_script_translations( WORKOS_LOGIN_ADMIN_PROFILES_HANDLE, 'workos-login', plugin_dir_path( WORKOS_LOGIN_FILE ) . 'languages' );
	wp_add_inline_script( WORKOS_LOGIN_ADMIN_PROFILES_HANDLE, workos_login_element_preview_script(), 'before' );
	wp_add_inline_script(
		WORKOS_LOGIN_ADMIN_PROFILES_HANDLE,
		'window.workosLoginAdmin = ' . wp_json_encode( workos_login_admin_profiles_data(), JSON_HEX_TAG | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE ) . ';',
		'before'
	);

	$style = 'admin/profiles/style.css';
	wp_enqueue_style(
		WORKOS_LOGIN_ADMIN_PROFILES_HANDLE,
		plugins_url( $style, WORKOS_LOGIN_FILE ),
		array( 'wp-components' ),
		(string) filemtime( plugin_dir_path( WORKOS_LOGIN_FILE ) . $style )
	);
}
add_action( 'admin_enqueue_scripts', 'workos_login_enqueue_profiles_screen' );

/**
 * The screen's boot data (admin/profiles/boot.ts `AdminBoot`). REST root and nonce are not in
 * it: `wp-api-fetch` adds both itself.
 *
 * @since 0.2.0
 *
 * @return array{siteUrl: string, profileUrl: string, customPathUrl: string, prettyPermalinks: bool, defaultLogoUrl: string, adminColors: array{name: string, colors: list<array{name: string, color: string}>}, themeColors: list<array{name: string, color: string}>, mediaLibrary: bool}
 */
function workos_login_admin_profiles_data(): array {
	$pretty = '' !== (string) get_option( 'permalink_structure' );
	return array(
		'siteUrl'          => home_url( '/' ),
		'profileUrl'       => $pretty
			? home_url( user_trailingslashit( 'workos/login/__SLUG__' ) )
			: add_query_arg( 'workos_login_profile', '__SLUG__', home_url( '/' ) ),
		'customPathUrl'    => workos_login_custom_path_url( '__PATH__' ),
		'prettyPermalinks' => $pretty,
		'defaultLogoUrl'   => workos_login_profile_logo_url(
			array(
				'logo_mode'          => 'default',
				'logo_attachment_id' => 0,
			)
		),
		'adminColors'      => workos_login_admin_scheme_colors(),
		'themeColors'      => workos_login_theme_palette_colors(),
		'mediaLibrary'     => did_action( 'wp_enqueue_media' ) > 0,
	);
}

/**
 * The current user's admin color scheme, as palette entries.
 *
 * @since 0.2.0
 *
 * @return array{name: string, colors: list<array{name: string, color: string}>}
 */
function workos_login_admin_scheme_colors(): array {
	global $_wp_admin_css_colors;
	$key    = (string) get_user_option( 'admin_color' );
	$scheme = $_wp_admin_css_colors[ $key ] ?? $_wp_admin_css_colors['fresh'] ?? null;
	if ( ! is_object( $scheme ) || ! is_array( $scheme->colors ?? null ) ) {
		return array(
			'name'   => '',
			'colors' => array(),
		);
	}
	$name   = wp_strip_all_tags( (string) $scheme->name );
	$colors = array();
	foreach ( array_values( $scheme->colors ) as $index => $color ) {
		$hex = workos_login_hex_color( (string) $color );
		if ( '' !== $hex ) {
			$colors[] = array(
				/* translators: 1: admin color scheme name, 2: position of the color in it, from 1. */
				'name'  => sprintf( __( '%1$s %2$d', 'workos-login' ), $name, $index + 1 ),
				'color' => $hex,
			);
		}
	}
	return array(
		'name'   => $name,
		'colors' => $colors,
	);
}

/**
 * The `theme.json` palette of the active theme (WordPress's default palette when the theme has
 * none); only plain hex colors, which is what a profile's `primary_color` can hold.
 *
 * @since 0.2.0
 *
 * @return list<array{name: string, color: string}>
 */
function workos_login_theme_palette_colors(): array {
	$palette = wp_get_global_settings( array( 'color', 'palette' ) );
	$entries = is_array( $palette ) ? ( $palette['theme'] ?? $palette['default'] ?? array() ) : array();
	$colors  = array();
	foreach ( is_array( $entries ) ? $entries : array() as $entry ) {
		$hex = is_array( $entry ) ? workos_login_hex_color( (string) ( $entry['color'] ?? '' ) ) : '';
		if ( '' !== $hex ) {
			$colors[] = array(
				'name'  => wp_strip_all_tags( (string) ( $entry['name'] ?? $hex ) ),
				'color' => $hex,
			);
		}
	}
	return $colors;
}

/**
 * A color as `#rrggbb` (`#abc` expanded), or '' when it is not a plain hex color.
 *
 * @since 0.2.0
 *
 * @param string $color A CSS color.
 */
function workos_login_hex_color( string $color ): string {
	$color = strtolower( trim( $color ) );
	if ( preg_match( '/^#([0-9a-f])([0-9a-f])([0-9a-f])$/', $color, $m ) ) {
		return '#' . $m[1] . $m[1] . $m[2] . $m[2] . $m[3] . $m[3];
	}
	return preg_match( '/^#[0-9a-f]{6}$/', $color ) ? $color : '';
}
