<?php
/**
 * Loads the places visitors sign in: rewrite rules and routes, the element and its script, the pages, wp-login.php, break-glass access, the shortcode and the blocks.
 *
 * @package WorkOS_Login
 * @since   0.6.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

require_once __DIR__ . '/rewrite.php';
require_once __DIR__ . '/routes.php';
require_once __DIR__ . '/script.php';
require_once __DIR__ . '/element.php';
require_once __DIR__ . '/destination.php';
require_once __DIR__ . '/page.php';
require_once __DIR__ . '/authkit.php';
require_once __DIR__ . '/custom-paths.php';
require_once __DIR__ . '/interim-login.php';
require_once __DIR__ . '/wp-login.php';
require_once __DIR__ . '/native-login.php';
require_once __DIR__ . '/break-glass-link.php';
require_once __DIR__ . '/break-glass-request.php';
require_once __DIR__ . '/break-glass-form.php';
require_once __DIR__ . '/break-glass-cli.php';
require_once __DIR__ . '/signed-in.php';
require_once __DIR__ . '/shortcode.php';
require_once __DIR__ . '/blocks.php';
