<?php
/**
 * Loads the foundations every other part uses: the settings registry, configuration, UI strings, redirect validation, the request context, the browser cookie and cache headers.
 *
 * @package WorkOS_Login
 * @since   0.6.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

require_once __DIR__ . '/settings.php';
require_once __DIR__ . '/config.php';
require_once __DIR__ . '/strings.php';
require_once __DIR__ . '/redirect.php';
require_once __DIR__ . '/request-context.php';
require_once __DIR__ . '/browser-cookie.php';
require_once __DIR__ . '/no-cache.php';
