<?php
/**
 * Loads the routing rules that pick a Login Profile for a request.
 *
 * @package WorkOS_Login
 * @since   0.6.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

require_once __DIR__ . '/rules.php';
require_once __DIR__ . '/match.php';
