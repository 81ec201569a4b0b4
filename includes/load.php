<?php
/**
 * Loads the plugin, one file per job.
 *
 * @package WorkOS_Login
 * @since   0.1.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

require_once __DIR__ . '/config.php';
require_once __DIR__ . '/admin-notices.php';
require_once __DIR__ . '/strings.php';
require_once __DIR__ . '/profiles.php';
require_once __DIR__ . '/signature.php';
require_once __DIR__ . '/outcome.php';
require_once __DIR__ . '/server-client.php';
require_once __DIR__ . '/request-context.php';
require_once __DIR__ . '/users.php';
require_once __DIR__ . '/redirect.php';
require_once __DIR__ . '/completion.php';
require_once __DIR__ . '/rest/auth.php';
require_once __DIR__ . '/rest/auth-password.php';
require_once __DIR__ . '/rest/responses.php';
require_once __DIR__ . '/rewrite.php';
require_once __DIR__ . '/routes.php';

/**
 * Loads translations from the plugin's languages/ folder.
 *
 * @since 0.1.0
 */
function workos_login_load_textdomain(): void {
	load_plugin_textdomain( 'workos-login', false, dirname( plugin_basename( WORKOS_LOGIN_FILE ) ) . '/languages' );
}
add_action( 'init', 'workos_login_load_textdomain' );
