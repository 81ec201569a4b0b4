<?php
/**
 * Server render of `workos/login-button`: for visitors a link to the profile's sign-in page that
 * comes back to this page; for signed-in users a "Log out" link (to `logoutRedirect`, else back
 * here). A profile that no longer exists shows editors a notice and visitors nothing.
 *
 * The block's colours are not serialised by core (`__experimentalSkipSerialization`): they
 * colour the link itself, which is what looks like a button.
 *
 * @package WorkOS_Login
 * @since   0.2.0
 *
 * @var array{profile?: string, label?: string, logoutLabel?: string, logoutRedirect?: string, backgroundColor?: string, textColor?: string, style?: array<string, mixed>} $attributes Block attributes.
 * @var string   $content Inner content: none, the block is dynamic.
 * @var WP_Block $block   The block instance.
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

$workos_login_profile = workos_login_block_profile( $attributes['profile'] ?? 'default' );
if ( null === $workos_login_profile ) {
	echo workos_login_block_unknown_profile( $attributes['profile'] ?? '' ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- escaped HTML.
	return;
}

$workos_login_here = workos_login_current_url();

if ( is_user_logged_in() ) {
	$workos_login_label   = (string) ( $attributes['logoutLabel'] ?? '' );
	$workos_login_default = __( 'Log out', 'workos-login' );
	$workos_login_after   = trim( (string) ( $attributes['logoutRedirect'] ?? '' ) );
	$workos_login_href    = wp_logout_url( '' !== $workos_login_after ? wp_validate_redirect( $workos_login_after, $workos_login_here ) : $workos_login_here );
	$workos_login_state   = 'is-signed-in';
	$workos_login_english = 'Log out';
} else {
	$workos_login_label   = (string) ( $attributes['label'] ?? '' );
	$workos_login_default = __( 'Log in', 'workos-login' );
	$workos_login_href    = add_query_arg( 'redirect_to', rawurlencode( $workos_login_here ), workos_login_block_login_url( $workos_login_profile ) );
	$workos_login_state   = 'is-signed-out';
	$workos_login_english = 'Log in';
}

// The label is RichText HTML: keep its text (entities stay escaped), drop any markup.
// block.json defaults cannot be translated: an untouched default label shows the translation.
$workos_login_label = trim( wp_kses( $workos_login_label, array() ) );
if ( '' === $workos_login_label || $workos_login_english === $workos_login_label ) {
	$workos_login_label = esc_html( $workos_login_default );
}

$workos_login_style = workos_login_block_color_style(
	$attributes,
	array(
		'background' => 'background-color',
		'text'       => 'color',
	)
);

printf(
	'<div %1$s><a class="wp-block-workos-login-button__link wp-element-button" href="%2$s"%3$s>%4$s</a></div>',
	get_block_wrapper_attributes( array( 'class' => $workos_login_state ) ), // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- escaped by core.
	esc_url( $workos_login_href ),
	'' !== $workos_login_style ? ' style="' . esc_attr( $workos_login_style ) . '"' : '',
	$workos_login_label // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- wp_kses() with no tags allowed, or esc_html().
);
