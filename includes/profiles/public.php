<?php
/**
 * What leaves WordPress of a Login Profile: the visitor's view and the login server's view.
 *
 * @package WorkOS_Login
 * @since   0.2.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The part of a profile a visitor's UI needs (protocol `PublicProfile`): never the organization,
 * redirects, custom path or other internal settings.
 *
 * Text is raw (it may contain `<`, quotes, …): escape it for its context when printing.
 *
 * @since 0.2.0
 *
 * @param array<string, mixed> $profile A `LoginProfile` (workos_login_get_profile()).
 * @return array{slug: string, title: string, methods: string[], signup_enabled: bool, password_reset: bool, remember_me: string, mode: string, branding: array{heading: string, subheading: string, primary_color: string, logo_url: string}}
 */
function workos_login_public_profile( array $profile ): array {
	return array(
		'slug'           => $profile['slug'],
		'title'          => $profile['title'],
		'methods'        => array_values( $profile['methods'] ),
		'signup_enabled' => $profile['signup']['enabled'],
		'password_reset' => $profile['password_reset'],
		'remember_me'    => $profile['remember_me'],
		'mode'           => $profile['mode'],
		'branding'       => array(
			'heading'       => $profile['branding']['heading'],
			'subheading'    => $profile['branding']['subheading'],
			'primary_color' => $profile['branding']['primary_color'],
			'logo_url'      => workos_login_profile_logo_url( $profile['branding'] ),
		),
	);
}

/**
 * The logo a profile shows: `custom` → its image (the Site Icon or bundled mark if the image was
 * deleted since), `default` → the Site Icon, else the bundled mark; `none` → ''.
 *
 * @since 0.2.0
 *
 * @param array{logo_mode: string, logo_attachment_id: int} $branding The profile's branding.
 * @return string An absolute URL, or '' for no logo.
 */
function workos_login_profile_logo_url( array $branding ): string {
	if ( 'none' === $branding['logo_mode'] ) {
		return '';
	}
	if ( 'custom' === $branding['logo_mode'] && $branding['logo_attachment_id'] > 0 ) {
		$url = wp_get_attachment_image_url( $branding['logo_attachment_id'], 'medium' );
		if ( is_string( $url ) && '' !== $url ) {
			return $url;
		}
	}
	$icon = get_site_icon_url( 192 );
	return '' !== $icon ? $icon : plugins_url( 'assets/logo.svg', WORKOS_LOGIN_FILE );
}

/**
 * The profile as the login server receives it in every envelope (protocol `ResolvedProfile`):
 * a profile without a pinned organization serves the site's (`WORKOS_ORGANIZATION_ID`), if any.
 *
 * @since 0.2.0
 * @since 0.4.0 `organization_pinned`, sign-up, invitations, reset and MFA policy.
 * @since 0.6.0 The fields of `RESOLVED_PROFILE_FIELDS`.
 *
 * @param array<string, mixed> $profile A `LoginProfile`.
 * @return WorkOSLoginResolvedProfile
 */
function workos_login_resolved_profile( array $profile ): array {
	$defaults = workos_login_profile_defaults();
	$resolved = array();
	foreach ( WORKOS_LOGIN_RESOLVED_PROFILE_FIELDS as $field ) {
		$resolved[ $field ] = $profile[ $field ] ?? $defaults[ $field ];
	}
	$pinned                          = is_string( $profile['organization_id'] ?? null ) && '' !== $profile['organization_id'];
	$resolved['methods']             = array_values( $resolved['methods'] );
	$resolved['organization_id']     = $pinned ? $profile['organization_id'] : workos_login_site_organization_id();
	$resolved['organization_pinned'] = $pinned;
	return $resolved;
}
