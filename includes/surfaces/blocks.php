<?php
/**
 * Gutenberg blocks: `workos/login` and `workos/login-button`.
 *
 * Each block is registered from its folder in blocks/ (block.json is the source of truth; it
 * points `editorScript` at build/blocks/<name>/index.js, whose `index.asset.php` lists the
 * WordPress scripts it needs). Both are dynamic: render.php prints them on every request.
 *
 * @package WorkOS_Login
 * @since   0.2.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** Block folders under blocks/, each also the name of its build folder. */
const WORKOS_LOGIN_BLOCKS = array( 'login', 'login-button' );

/**
 * Registers the blocks. Without their build they still render on the front end (render.php needs
 * no JavaScript of its own); only the editor misses them, which an admin notice explains.
 *
 * With block.json's `textdomain` alone, core looks for the editor scripts' translations only in
 * wp-content/languages/plugins/; the plugin ships its own in languages/, so they are pointed there.
 *
 * @since 0.2.0
 * @since 0.6.0 The editor scripts' translations come from the plugin's languages/ folder.
 */
function workos_login_register_blocks(): void {
	foreach ( WORKOS_LOGIN_BLOCKS as $name ) {
		$block = register_block_type( dirname( __DIR__, 2 ) . '/blocks/' . $name );
		foreach ( $block ? $block->editor_script_handles : array() as $handle ) {
			wp_set_script_translations( $handle, 'workos-login', plugin_dir_path( WORKOS_LOGIN_FILE ) . 'languages' );
		}
	}
}
add_action( 'init', 'workos_login_register_blocks' );

/**
 * The blocks whose editor script has not been built.
 *
 * @since 0.2.0
 *
 * @return string[] Block folder names.
 */
function workos_login_blocks_missing_build(): array {
	$root = dirname( __DIR__, 2 ) . '/build/blocks/';
	return array_values(
		array_filter(
			WORKOS_LOGIN_BLOCKS,
			static fn ( string $name ): bool => ! is_readable( $root . $name . '/index.js' ) || ! is_readable( $root . $name . '/index.asset.php' )
		)
	);
}

/**
 * Tells administrators that the blocks cannot be edited because their build is missing.
 *
 * @since 0.2.0
 */
function workos_login_blocks_build_notice(): void {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	$missing = workos_login_blocks_missing_build();
	if ( ! $missing ) {
		return;
	}
	printf(
		'<div class="notice notice-warning"><p>%s</p></div>',
		esc_html(
			sprintf(
				/* translators: %s: folders such as "build/blocks/login". */
				__( 'The WorkOS Login blocks cannot be added or edited: their editor scripts are missing (%s). Pages that already hold them still show them. Run “npm run build” in the plugin folder, or install a release package.', 'workos-login' ),
				implode( ', ', array_map( static fn ( string $name ): string => 'build/blocks/' . $name, $missing ) )
			)
		)
	);
}
add_action( 'admin_notices', 'workos_login_blocks_build_notice' );

/**
 * What a wp-admin script needs to show the real element as a preview (blocks/shared/element.ts):
 * where the element's module is and the element's strings in the user's language, printed as
 * `window.workosLoginBlocks`. The URL is the one the script module is registered with
 * (includes/surfaces/script.php), so the browser never loads it twice. Also used by the Login
 * Profiles screen (includes/admin/menu.php).
 *
 * @since 0.2.0
 *
 * @return string A script statement.
 */
function workos_login_element_preview_script(): string {
	$file = defined( 'WORKOS_LOGIN_ELEMENT_FILE' ) ? WORKOS_LOGIN_ELEMENT_FILE : 'build/elements/workos-login.js';
	$path = plugin_dir_path( WORKOS_LOGIN_FILE ) . $file;
	$data = array(
		'elementUrl' => is_readable( $path ) ? add_query_arg( 'ver', (string) filemtime( $path ), plugins_url( $file, WORKOS_LOGIN_FILE ) ) : '',
		'i18n'       => (string) wp_json_encode( workos_login_strings(), JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES ),
	);
	return 'window.workosLoginBlocks = ' . wp_json_encode( $data, JSON_HEX_TAG | JSON_UNESCAPED_SLASHES ) . ';';
}

/**
 * Hands the editor scripts what they cannot know themselves (workos_login_element_preview_script()).
 *
 * @since 0.2.0
 */
function workos_login_blocks_editor_data(): void {
	$script = workos_login_element_preview_script();

	$registry = WP_Block_Type_Registry::get_instance();
	foreach ( WORKOS_LOGIN_BLOCKS as $name ) {
		$block = $registry->get_registered( 'workos/' . $name );
		foreach ( $block ? $block->editor_script_handles : array() as $handle ) {
			wp_add_inline_script( $handle, $script, 'before' );
		}
	}
}
add_action( 'enqueue_block_editor_assets', 'workos_login_blocks_editor_data' );

/**
 * A colour of the block supports as CSS: a palette slug becomes its preset variable, a custom
 * value passes only when it is a plain colour.
 *
 * @since 0.2.0
 *
 * @param string $preset Palette slug (`backgroundColor`/`textColor` attribute), '' for none.
 * @param string $custom Custom colour (`style.color.*`), '' for none.
 * @return string CSS colour, '' for none.
 */
function workos_login_block_color_value( string $preset, string $custom ): string {
	if ( preg_match( '/^[a-z0-9-]+$/', $preset ) ) {
		return 'var(--wp--preset--color--' . $preset . ')';
	}
	if ( preg_match( '/^var:preset\|color\|([a-z0-9-]+)$/', $custom, $match ) ) {
		return 'var(--wp--preset--color--' . $match[1] . ')';
	}
	$custom = trim( $custom );
	if ( preg_match( '/^(#[0-9a-f]{3,8}|(rgb|rgba|hsl|hsla)\([0-9.,%\s\/]+\))$/i', $custom ) ) {
		return $custom;
	}
	return '';
}

/**
 * The block's colours (`supports.color`, not serialised by core) as CSS declarations, each
 * under the property the block names: the login block maps them to the element's custom
 * properties, the button to the link's own colours.
 *
 * @since 0.2.0
 *
 * @param array{backgroundColor?: string, textColor?: string, style?: array{color?: array{background?: string, text?: string}}} $attributes Block attributes.
 * @param array{background: string, text: string}                                                                               $properties CSS property for each colour.
 * @return string Declarations such as `--workos-login-background: #fff;`, '' for none.
 */
function workos_login_block_color_style( array $attributes, array $properties ): string {
	$colors = array(
		'background' => workos_login_block_color_value( (string) ( $attributes['backgroundColor'] ?? '' ), (string) ( $attributes['style']['color']['background'] ?? '' ) ),
		'text'       => workos_login_block_color_value( (string) ( $attributes['textColor'] ?? '' ), (string) ( $attributes['style']['color']['text'] ?? '' ) ),
	);
	$css    = '';
	foreach ( $colors as $kind => $value ) {
		if ( '' !== $value ) {
			$css .= $properties[ $kind ] . ': ' . $value . ';';
		}
	}
	return $css;
}

/**
 * The sign-in page of a profile: its custom path when it has one, else `/workos/login/<slug>/`
 * (the query-var form on sites with plain permalinks).
 *
 * @since 0.2.0
 *
 * @param array{slug: string, custom_path?: string} $profile The profile.
 */
function workos_login_block_login_url( array $profile ): string {
	if ( function_exists( 'workos_login_profile_url' ) ) {
		return (string) workos_login_profile_url( $profile['slug'] );
	}
	if ( '' === (string) get_option( 'permalink_structure' ) ) {
		return add_query_arg( 'workos_login_profile', rawurlencode( $profile['slug'] ), home_url( '/' ) );
	}
	$path = trim( (string) ( $profile['custom_path'] ?? '' ), '/' );
	if ( '' !== $path && function_exists( 'workos_login_custom_path_url' ) ) {
		return workos_login_custom_path_url( $path );
	}
	return home_url( user_trailingslashit( '' !== $path ? $path : 'workos/login/' . $profile['slug'] ) );
}

/**
 * The profile a block names, or null when the slug is malformed or unknown.
 *
 * @since 0.2.0
 *
 * @param mixed $slug The block's `profile` attribute.
 * @return array<string, mixed>|null
 */
function workos_login_block_profile( $slug ): ?array {
	$slug = is_string( $slug ) && '' !== $slug ? $slug : 'default';
	if ( ! preg_match( '/' . WORKOS_LOGIN_PROFILE_SLUG_PATTERN . '/', $slug ) ) {
		return null;
	}
	return workos_login_get_profile( $slug );
}

/**
 * What a block shows instead of itself when its profile is gone: a notice to those who can edit
 * the page, nothing to visitors.
 *
 * @since 0.2.0
 *
 * @param mixed $slug The block's `profile` attribute.
 * @return string Escaped HTML.
 */
function workos_login_block_unknown_profile( $slug ): string {
	if ( ! current_user_can( 'edit_posts' ) ) {
		return '';
	}
	return '<p class="workos-login-notice" role="alert">' . esc_html(
		sprintf(
			/* translators: %s: the profile slug the block names. */
			__( 'WorkOS Login: there is no Login Profile “%s”. Choose another profile in the block’s settings. (Only editors see this notice.)', 'workos-login' ),
			is_string( $slug ) ? $slug : ''
		)
	) . '</p>';
}
