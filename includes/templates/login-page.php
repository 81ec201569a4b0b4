<?php
/**
 * The sign-in page: no theme, no wp_head(), nothing render-blocking but a few lines of CSS.
 * Prints the enqueued script modules itself (the element's, enqueued by workos_login_element()).
 *
 * @package WorkOS_Login
 * @since   0.1.0
 *
 * @var array{title: string, site_name: string, home_url: string, element: string, message: string, interim: bool, error?: bool} $workos_login_page
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}
?>
<!doctype html>
<html <?php language_attributes(); ?>>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="color-scheme" content="light dark">
<title><?php echo esc_html( $workos_login_page['title'] ); ?></title>
<style>
	html { color-scheme: light dark; }
	body { margin: 0; min-height: 100vh; display: flex; flex-direction: column; align-items: center; justify-content: center; gap: 1.5rem; padding: 2rem 1rem; box-sizing: border-box; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
	main { width: 100%; max-width: 24rem; }
	.workos-login-site { font-size: 1.25rem; font-weight: 600; color: inherit; text-decoration: none; }
	.workos-login-site:hover, .workos-login-site:focus { text-decoration: underline; }
	workos-login { display: block; width: 100%; max-width: 24rem; }
	.workos-login-notice { margin: 0 0 1rem; padding: 1rem; border: 1px solid currentColor; border-radius: .5rem; }
</style>
<?php workos_login_print_element_module(); ?>
</head>
<body class="<?php echo $workos_login_page['interim'] ? 'workos-login-page interim-login' : 'workos-login-page'; ?>">
<?php if ( ! $workos_login_page['interim'] ) : ?>
<a class="workos-login-site" href="<?php echo esc_url( $workos_login_page['home_url'] ); ?>"><?php echo esc_html( $workos_login_page['site_name'] ); ?></a>
<?php endif; ?>
<main>
<?php if ( '' !== $workos_login_page['message'] ) : ?>
	<p class="workos-login-notice" role="<?php echo empty( $workos_login_page['error'] ) ? 'status' : 'alert'; ?>"><?php echo esc_html( $workos_login_page['message'] ); ?></p>
<?php endif; ?>
	<?php echo $workos_login_page['element']; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- built escaped by workos_login_element(). ?>
</main>
<?php
/**
 * Fires at the end of the plugin's sign-in page, which has no `wp_footer()`.
 *
 * @since 0.2.0
 */
do_action( 'workos_login_page_footer' );
?>
</body>
</html>
