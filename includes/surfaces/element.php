<?php
/**
 * The one renderer of `<workos-login>`: every surface (page, wp-login.php, shortcode, blocks,
 * theme templates) prints the element through workos_login_element().
 *
 * @package WorkOS_Login
 * @since   0.2.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Returns the `<workos-login>` element for a Login Profile, branded, and enqueues its script.
 *
 * Theme API. Example: `echo workos_login_element( 'members', array( 'redirect_to' => '/welcome/' ) );`
 *
 * @since 0.2.0
 * @since 0.4.0 The profile's methods and flows; invitation and reset tokens; `resume`.
 *
 * @param string                                                                                                                                                                        $profile_slug Login Profile slug.
 * @param array{redirect_to?: string, heading?: string, class?: string, id?: string, email?: string, resume?: string, remember?: bool, invitation_token?: string, reset_token?: string} $args {
 *     Optional.
 *
 *     @type string $redirect_to      Where to go after signing in (validated; foreign hosts dropped).
 *     @type string $heading          Heading text; default the profile's heading, else "Sign in".
 *     @type string $class            Extra CSS classes of the element.
 *     @type string $id               HTML id of the element.
 *     @type string $email            Prefills the email field.
 *     @type string $resume           JSON `StepResponse` to resume at (the callback page's).
 *     @type bool   $remember         With `resume`: the visitor asked to be remembered before WorkOS's redirect.
 *     @type string $invitation_token Default: the page URL's `invitation_token`.
 *     @type string $reset_token      Default: the page URL's `reset_token`.
 * }
 * @return string Escaped HTML; '' for an unknown profile.
 */
function workos_login_element( string $profile_slug, array $args = array() ): string {
	$profile = workos_login_get_profile( $profile_slug );
	if ( null === $profile ) {
		return '';
	}
	if ( ! workos_login_enqueue_element() ) {
		return workos_login_element_unavailable();
	}
	$public   = workos_login_public_profile( $profile );
	$branding = $public['branding'];
	$heading  = (string) ( $args['heading'] ?? '' );

	$attributes = array(
		'id'          => (string) ( $args['id'] ?? '' ),
		'class'       => trim( 'workos-login ' . (string) ( $args['class'] ?? '' ) ),
		'profile'     => $public['slug'],
		'api-root'    => esc_url_raw( rest_url( 'workos/v1/' ) ),
		'nonce'       => wp_create_nonce( WORKOS_LOGIN_NONCE_ACTION ),
		'redirect-to' => workos_login_requested_redirect( (string) ( $args['redirect_to'] ?? '' ) ),
		'i18n'        => (string) wp_json_encode( workos_login_strings(), JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES ),
		'heading'     => '' !== $heading ? $heading : $branding['heading'],
		'subheading'  => $branding['subheading'],
		'email'       => (string) ( $args['email'] ?? '' ),
		'remember-me' => $public['remember_me'],
		'style'       => workos_login_branding_style( $branding['primary_color'] ),
	) + workos_login_element_flow_attributes( $profile, $args );

	$logo = '';
	if ( '' !== $branding['logo_url'] ) {
		$logo = sprintf(
			'<img slot="logo" src="%s" alt="%s">',
			esc_url( $branding['logo_url'] ),
			workos_login_attr( wp_specialchars_decode( get_bloginfo( 'name' ), ENT_QUOTES ) )
		);
	}

	return '<workos-login' . workos_login_html_attributes( $attributes ) . '>' . $logo . '</workos-login>'
		. '<noscript><p class="workos-login-notice">' . esc_html__( 'Turn on JavaScript in your browser to sign in.', 'workos-login' ) . '</p></noscript>';
}

/**
 * The attributes of the profile's methods and flows: `methods` (in the profile's order),
 * `signup` and `password-reset` (boolean), `mode`, `sso` (`organization` when the profile pins
 * one, else `email`), `invitation-token` and `reset-token` (from the page URL when the profile
 * allows them; URL-safe, `LIMITS.tokenMax`), `resume`.
 *
 * @since 0.4.0
 *
 * @param array<string, mixed> $profile The `LoginProfile`.
 * @param array<string, mixed> $args    workos_login_element()'s arguments.
 * @return array<string, string|bool>
 */
function workos_login_element_flow_attributes( array $profile, array $args ): array {
	$pinned = is_string( $profile['organization_id'] ?? null ) && '' !== $profile['organization_id'];
	return array(
		'methods'          => implode( ',', (array) $profile['methods'] ),
		'signup'           => ! empty( $profile['signup']['enabled'] ),
		'password-reset'   => ! empty( $profile['password_reset'] ),
		'mode'             => (string) $profile['mode'],
		'sso'              => $pinned ? 'organization' : 'email',
		'invitation-token' => empty( $profile['invitations'] ) ? '' : workos_login_page_token( 'invitation_token', $args ),
		'reset-token'      => empty( $profile['password_reset'] ) ? '' : workos_login_page_token( 'reset_token', $args ),
		'resume'           => (string) ( $args['resume'] ?? '' ),
		// The choice made before WorkOS's redirect, so the resumed steps keep it.
		'remember'         => '' !== (string) ( $args['resume'] ?? '' ) && ! empty( $args['remember'] ),
	);
}

/**
 * A token the element reads from its page's URL (`invitation_token`, `reset_token`), or given.
 *
 * @since 0.4.0
 *
 * @param string                $name Query argument and `$args` key.
 * @param array<string, string> $args workos_login_element()'s arguments.
 * @return string The token, '' when absent or not a well-formed token.
 */
function workos_login_page_token( string $name, array $args ): string {
	// phpcs:ignore WordPress.Security.NonceVerification.Recommended, WordPress.Security.ValidatedSanitizedInput.MissingUnslash, WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- a token the login server checks; unslashed and matched against its pattern below.
	$token = $args[ $name ] ?? ( $_GET[ $name ] ?? '' );
	if ( ! is_string( $token ) || strlen( $token ) > WORKOS_LOGIN_TOKEN_MAX ) {
		return '';
	}
	$token = wp_unslash( $token );
	return 1 === preg_match( '/' . WORKOS_LOGIN_TOKEN_PATTERN . '/', $token ) ? $token : '';
}

/**
 * The element's inline style for a primary colour: the colour and a readable text colour on it.
 *
 * @since 0.2.0
 *
 * @param string $color `#rrggbb` or ''.
 * @return string CSS declarations, '' for no or invalid colour.
 */
function workos_login_branding_style( string $color ): string {
	if ( ! preg_match( '/^#[0-9a-f]{6}$/i', $color ) ) {
		return '';
	}
	// WCAG relative luminance: black text on light colours, white on dark ones.
	$channels  = array_map(
		static function ( string $hex ): float {
			$c = hexdec( $hex ) / 255;
			return $c <= 0.03928 ? $c / 12.92 : ( ( $c + 0.055 ) / 1.055 ) ** 2.4;
		},
		str_split( substr( $color, 1 ), 2 )
	);
	$luminance = 0.2126 * $channels[0] + 0.7152 * $channels[1] + 0.0722 * $channels[2];
	$text      = ( $luminance + 0.05 ) / 0.05 > 1.05 / ( $luminance + 0.05 ) ? '#000000' : '#ffffff';
	return sprintf( '--workos-login-primary: %s; --workos-login-primary-text: %s', strtolower( $color ), $text );
}

/**
 * Escapes an attribute value exactly: unlike esc_attr(), existing entities are escaped again, so
 * a heading that reads "&amp;" shows "&amp;" (profile text round-trips exactly).
 *
 * @since 0.2.0
 *
 * @param string $value Raw text.
 */
function workos_login_attr( string $value ): string {
	return htmlspecialchars( $value, ENT_QUOTES | ENT_SUBSTITUTE | ENT_HTML5, 'UTF-8', true );
}

/**
 * ` name="value"` pairs for the non-empty attributes, escaped; ` name` for `true` (boolean
 * attributes), nothing for `false`.
 *
 * @since 0.2.0
 * @since 0.4.0 Boolean attributes.
 *
 * @param array<string, string|bool> $attributes Names (trusted) to raw values.
 */
function workos_login_html_attributes( array $attributes ): string {
	$html = '';
	foreach ( $attributes as $name => $value ) {
		if ( true === $value ) {
			$html .= ' ' . $name;
		} elseif ( is_string( $value ) && '' !== $value ) {
			$html .= sprintf( ' %s="%s"', $name, workos_login_attr( $value ) );
		}
	}
	return $html;
}
