<?php
/**
 * PHPUnit bootstrap: loads the test site's WordPress (SQLite, the plugin active) into this process.
 *
 * The site is made by scripts/php-unit.ts (`npm run test:php`), which names its document root in
 * WORKOS_PHPUNIT_DOCROOT. Loading it is what a request does (wp-load.php), minus the HTTP server.
 *
 * @package WorkOS_Login
 */

$workos_docroot = getenv( 'WORKOS_PHPUNIT_DOCROOT' );
if ( ! is_string( $workos_docroot ) || ! is_file( $workos_docroot . '/wp-load.php' ) ) {
	fwrite( STDERR, "No test site: run the PHP tests with `npm run test:php` (it makes the site first).\n" );
	exit( 1 );
}

// What a web request would have; WordPress reads these while loading (as scripts/wp/php-runner.ts sets them).
$workos_port            = (string) getenv( 'WORKOS_PHPUNIT_PORT' );
$_SERVER['HTTP_HOST']   = 'localhost:' . $workos_port;
$_SERVER['SERVER_NAME'] = 'localhost';
$_SERVER['SERVER_PORT'] = $workos_port;
$_SERVER['REQUEST_URI'] = '/';
// phpcs:ignore WordPress.Security.ValidatedSanitizedInput -- a test process, no request.
$_SERVER['REQUEST_METHOD'] = 'GET';
$_SERVER['REMOTE_ADDR']    = '127.0.0.1';

// PHPUnit includes this file inside a method, so the variables wp-config.php and wp-settings.php set
// at their top level would be local to it: make the ones WordPress reads as globals global first.
// phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited
global $table_prefix, $wpdb, $wp_version, $wp_db_version, $wp_filter, $wp_actions, $wp_current_filter, $wp_rewrite, $wp, $wp_query, $wp_the_query, $wp_roles, $wp_locale, $shortcode_tags, $wp_embed, $wp_theme_directories, $wp_plugin_paths;

// A fatal error in a test is PHP's message on stderr, not WordPress's "critical error" page.
define( 'WP_DISABLE_FATAL_ERROR_HANDLER', true );

require $workos_docroot . '/wp-load.php';

// WP_DEBUG_DISPLAY=false silenced errors; PHPUnit reports them, PHP's fatal ones go to stderr.
ini_set( 'display_errors', 'stderr' ); // phpcs:ignore WordPress.PHP.IniSet.display_errors_Disallowed -- a test process.

if ( ! function_exists( 'workos_login_requested_redirect' ) ) {
	fwrite( STDERR, "WorkOS Login is not active on the test site.\n" );
	exit( 1 );
}

require_once __DIR__ . '/TestCase.php';
