<?php
/**
 * The "Passkeys" section of the profile screens (profile.php, user-edit.php):
 * `<workos-passkeys api-root nonce user>` manages them (list, rename, delete, add; "Remove all
 * passkeys" on another user's screen), and a list printed here stands in until the element
 * runs — or for good, without JavaScript.
 *
 * Script modules are printed on the front end only in WordPress 6.5 (`wp_head` / `wp_footer`),
 * so the element's module is printed here, in the admin footer.
 *
 * @package WorkOS_Login
 * @since   0.5.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** The management element's entry file, relative to the plugin folder. */
const WORKOS_LOGIN_PASSKEYS_ELEMENT_FILE = 'build/elements/workos-passkeys.js';

/**
 * Prints the section (`show_user_profile` / `edit_user_profile`).
 *
 * @since 0.5.0
 *
 * @param WP_User $user The user whose profile is shown.
 */
function workos_login_passkeys_profile_section( $user ): void {
	if ( ! $user instanceof WP_User || ( get_current_user_id() !== $user->ID && ! current_user_can( 'edit_user', $user->ID ) ) ) {
		return;
	}
	$attributes = array(
		'api-root' => esc_url_raw( rest_url( 'workos/v1/' ) ),
		'nonce'    => wp_create_nonce( 'wp_rest' ),
		'i18n'     => (string) wp_json_encode( workos_login_passkey_manage_strings(), JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES ),
	);
	// The own screen names no user: adding a passkey and the Signal API are the owner's alone.
	if ( get_current_user_id() !== $user->ID ) {
		$attributes['user'] = (string) $user->ID;
	}
	echo '<div class="workos-login-passkeys"><workos-passkeys' . workos_login_html_attributes( $attributes ) . '>'; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- escaped by workos_login_html_attributes().
	// Light DOM in a slot the element does not render: shown until the element upgrades (which brings its own heading).
	echo '<div slot="fallback"><h2>' . esc_html__( 'Passkeys', 'workos-login' ) . '</h2>' . workos_login_passkeys_fallback( $user ) . '</div>'; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- escaped by workos_login_passkeys_fallback().
	echo '</workos-passkeys></div>';
	workos_login_passkeys_print_module( true );
}
add_action( 'show_user_profile', 'workos_login_passkeys_profile_section', 20 );
add_action( 'edit_user_profile', 'workos_login_passkeys_profile_section', 20 );

/**
 * The list printed by PHP: name, created, last used.
 *
 * @since 0.5.0
 *
 * @param WP_User $user The owner.
 * @return string Escaped HTML.
 */
function workos_login_passkeys_fallback( WP_User $user ): string {
	$rows = workos_login_passkeys_of_user( $user->ID );
	if ( ! $rows ) {
		return '<p>' . esc_html__( 'No passkeys yet.', 'workos-login' ) . '</p>';
	}
	$format = get_option( 'date_format' ) . ' ' . get_option( 'time_format' );
	$html   = '<table class="widefat striped workos-login-passkeys-list"><thead><tr>'
		. '<th scope="col">' . esc_html__( 'Name', 'workos-login' ) . '</th>'
		. '<th scope="col">' . esc_html__( 'Created', 'workos-login' ) . '</th>'
		. '<th scope="col">' . esc_html__( 'Last used', 'workos-login' ) . '</th>'
		. '</tr></thead><tbody>';
	foreach ( $rows as $row ) {
		$created = strtotime( $row['created_at'] . ' UTC' );
		$used    = null === $row['last_used_at'] ? false : strtotime( $row['last_used_at'] . ' UTC' );
		$html   .= '<tr><td>' . esc_html( $row['name'] ) . '</td>'
			. '<td>' . esc_html( false === $created ? '' : (string) wp_date( $format, $created ) ) . '</td>'
			. '<td>' . esc_html( false === $used ? __( 'Never', 'workos-login' ) : (string) wp_date( $format, $used ) ) . '</td></tr>';
	}
	$html .= '</tbody></table>';
	return $html . '<noscript><p>' . esc_html__( 'Turn on JavaScript to add, rename or delete passkeys.', 'workos-login' ) . '</p></noscript>';
}

/**
 * Asks for the element's module in the admin footer (once), or says whether it was asked for.
 *
 * @since 0.5.0
 *
 * @param bool $want True to ask for it.
 */
function workos_login_passkeys_print_module( bool $want = false ): bool {
	static $wanted = false;
	if ( $want ) {
		$wanted = true;
	}
	return $wanted;
}

/**
 * Prints `<script type="module">` for the element when the section was shown and the build exists.
 *
 * @since 0.5.0
 */
function workos_login_passkeys_admin_footer(): void {
	$path = plugin_dir_path( WORKOS_LOGIN_FILE ) . WORKOS_LOGIN_PASSKEYS_ELEMENT_FILE;
	if ( ! workos_login_passkeys_print_module() || ! is_readable( $path ) ) {
		return;
	}
	wp_print_script_tag(
		array(
			'type' => 'module',
			'src'  => esc_url( add_query_arg( 'ver', (string) filemtime( $path ), plugins_url( WORKOS_LOGIN_PASSKEYS_ELEMENT_FILE, WORKOS_LOGIN_FILE ) ) ),
			'id'   => 'workos-login-passkeys-js-module',
		)
	);
}
add_action( 'admin_print_footer_scripts', 'workos_login_passkeys_admin_footer' );
