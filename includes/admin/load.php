<?php
/**
 * Loads the administrator's menu and notices, and the emergency access screen.
 *
 * @package WorkOS_Login
 * @since   0.6.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

require_once __DIR__ . '/notices.php';
require_once __DIR__ . '/menu.php';
require_once __DIR__ . '/emergency-notices.php';
require_once __DIR__ . '/emergency-access.php';
