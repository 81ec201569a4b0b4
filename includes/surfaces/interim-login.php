<?php
/**
 * The wp-admin session-expired modal ("interim login"): wp-auth-check.js loads
 * `wp-login.php?interim-login=1` in an iframe and closes the modal when the page in it has the
 * body class `interim-login-success`.
 *
 * The visitor signs in with the element; the page then reloads itself, and a signed-in
 * interim request prints what wp-login.php prints on interim success.
 *
 * @package WorkOS_Login
 * @since   0.2.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Serves an interim-login request: the success page when signed in, else the form.
 *
 * @since 0.2.0
 *
 * @param array{slug: string, post_login_redirect: string, forward_query_args: bool} $profile The profile.
 */
function workos_login_serve_interim_login( array $profile ): never {
	if ( is_user_logged_in() ) {
		workos_login_render_interim_success();
		exit;
	}
	// The success page is this same URL, requested again once signed in.
	$success = workos_login_interim_success_url();
	add_action(
		'workos_login_page_footer',
		static function () use ( $success ) {
			// Whatever the login_redirect filter chose, the modal needs the success page.
			$script = sprintf(
				'document.addEventListener("workos-signed-in",function(e){e.preventDefault();location.replace(%s)});',
				wp_json_encode( $success, JSON_UNESCAPED_SLASHES | JSON_HEX_TAG | JSON_HEX_AMP )
			);
			wp_print_inline_script_tag( $script );
		}
	);
	workos_login_render_login_page(
		$profile,
		array(
			'redirect_to' => $success,
			'interim'     => true,
			'message'     => __( 'Your session has expired. Please sign in to continue where you left off.', 'workos-login' ),
		)
	);
	exit;
}

/**
 * The URL of the current request (our host), which answers with the success page once signed in.
 *
 * @since 0.2.0
 */
function workos_login_interim_success_url(): string {
	$home   = wp_parse_url( home_url() );
	$origin = $home['scheme'] . '://' . $home['host'] . ( isset( $home['port'] ) ? ':' . $home['port'] : '' );
	$uri    = isset( $_SERVER['REQUEST_URI'] ) ? (string) wp_unslash( $_SERVER['REQUEST_URI'] ) : '/'; // phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- reduced to its path below.
	$path   = (string) preg_replace( '/[\x00-\x20\x7f]/', '', (string) wp_parse_url( $uri, PHP_URL_PATH ) );
	$query  = workos_login_current_query();
	return $origin . $path . ( '' === $query ? '' : '?' . $query );
}

/**
 * Prints what wp-login.php prints after a successful interim login: a `<body>` with the class
 * `interim-login-success` holding core's message, and for the Customizer's login
 * (`customize-login`) the message telling the Customizer.
 *
 * @since 0.2.0
 */
function workos_login_render_interim_success(): void {
	workos_login_nocache_headers();
	send_frame_options_header();
	header( 'Content-Type: text/html; charset=UTF-8' );
	header( 'X-Robots-Tag: noindex, nofollow' );
	// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- a display flag.
	$customize = isset( $_REQUEST['customize-login'] );
	?>
<!doctype html>
<html <?php language_attributes(); ?>>
<head>
<meta charset="utf-8">
<meta name="robots" content="noindex, nofollow">
<meta name="color-scheme" content="light dark">
<title><?php esc_html_e( 'Signed in', 'workos-login' ); ?></title>
<style>body { margin: 0; padding: 1.5rem; font: 16px/1.5 system-ui, sans-serif; }</style>
</head>
<body class="login interim-login interim-login-success workos-login-page">
<p class="message" role="status"><?php esc_html_e( 'You have logged in successfully.', 'workos-login' ); ?></p>
	<?php
	if ( $customize ) {
		wp_print_scripts( array( 'customize-base' ) );
		wp_print_inline_script_tag(
			sprintf(
				'setTimeout(function(){new wp.customize.Messenger({url:%s,channel:"login"}).send("login")},1000);',
				wp_json_encode( wp_customize_url(), JSON_UNESCAPED_SLASHES | JSON_HEX_TAG | JSON_HEX_AMP )
			)
		);
	}
	?>
</body>
</html>
	<?php
}
