<?php
/**
 * The sign-in page: no theme, no wp_head(), nothing render-blocking but a few lines of CSS.
 *
 * @package WorkOS_Login
 * @since   0.1.0
 *
 * @var array{profile: string, title: string, site_name: string, home_url: string, api_root: string, nonce: string, redirect_to: string, strings: array<string, string>, script_url: string|null, is_admin: bool} $workos_login_page
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

$workos_login_i18n = (string) wp_json_encode( $workos_login_page['strings'], JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES );
?>
<!doctype html>
<html <?php language_attributes(); ?>>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title><?php echo esc_html( $workos_login_page['title'] ); ?></title>
<style>
	html { color-scheme: light dark; }
	body { margin: 0; min-height: 100vh; display: flex; flex-direction: column; align-items: center; justify-content: center; gap: 1.5rem; padding: 2rem 1rem; box-sizing: border-box; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
	.workos-login-site { font-size: 1.25rem; font-weight: 600; color: inherit; text-decoration: none; }
	.workos-login-site:hover, .workos-login-site:focus { text-decoration: underline; }
	workos-login { display: block; width: 100%; max-width: 24rem; }
	.workos-login-notice { max-width: 24rem; margin: 0; padding: 1rem; border: 1px solid currentColor; border-radius: .5rem; }
</style>
</head>
<body>
<a class="workos-login-site" href="<?php echo esc_url( $workos_login_page['home_url'] ); ?>"><?php echo esc_html( $workos_login_page['site_name'] ); ?></a>
<main>
<?php if ( null === $workos_login_page['script_url'] ) : ?>
	<p class="workos-login-notice" role="alert">
		<?php
		if ( $workos_login_page['is_admin'] ) {
			esc_html_e( 'The sign-in form is missing: build/elements/workos-login.js was not found in the WorkOS Login plugin. Run “npm run build” in the plugin folder, or install a release package.', 'workos-login' );
		} else {
			esc_html_e( 'Sign-in is unavailable right now. Try again in a few minutes.', 'workos-login' );
		}
		?>
	</p>
<?php else : ?>
	<workos-login profile="<?php echo esc_attr( $workos_login_page['profile'] ); ?>" api-root="<?php echo esc_url( $workos_login_page['api_root'] ); ?>" nonce="<?php echo esc_attr( $workos_login_page['nonce'] ); ?>" redirect-to="<?php echo esc_attr( $workos_login_page['redirect_to'] ); ?>" i18n='<?php echo esc_attr( $workos_login_i18n ); ?>'></workos-login>
	<noscript><p class="workos-login-notice"><?php esc_html_e( 'Turn on JavaScript in your browser to sign in.', 'workos-login' ); ?></p></noscript>
	<script type="module" src="<?php echo esc_url( $workos_login_page['script_url'] ); ?>"></script>
<?php endif; ?>
</main>
</body>
</html>
