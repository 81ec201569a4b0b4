<?php
/**
 * Server render of `workos/login`: the profile's branded `<workos-login>` inside the block's
 * wrapper, "Signed in as … · Continue · Log out" for a signed-in visitor, and for a profile
 * that no longer exists a notice to editors (nothing for visitors).
 *
 * The block's colours are not serialised by core (`__experimentalSkipSerialization`): they become
 * the element's custom properties on the wrapper, which the element inherits.
 *
 * @package WorkOS_Login
 * @since   0.2.0
 *
 * @var array{profile?: string, redirectTo?: string, backgroundColor?: string, textColor?: string, style?: array<string, mixed>} $attributes Block attributes.
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

$workos_login_redirect_to = is_string( $attributes['redirectTo'] ?? null ) ? $attributes['redirectTo'] : '';
$workos_login_inner       = is_user_logged_in()
	? workos_login_signed_in_notice( $workos_login_profile, $workos_login_redirect_to )
	: workos_login_element( $workos_login_profile['slug'], array( 'redirect_to' => $workos_login_redirect_to ) );

$workos_login_style = workos_login_block_color_style(
	$attributes,
	array(
		'background' => '--workos-login-background',
		'text'       => '--workos-login-text',
	)
);

printf(
	'<div %1$s>%2$s</div>',
	get_block_wrapper_attributes( '' !== $workos_login_style ? array( 'style' => $workos_login_style ) : array() ), // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- escaped by core.
	$workos_login_inner // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- escaped HTML from the renderers.
);
