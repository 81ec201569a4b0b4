<?php
/**
 * Loads the identity files: suspension, role sync, logout.
 *
 * @package WorkOS_Login
 * @since   0.3.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

require_once __DIR__ . '/suspension.php';
require_once __DIR__ . '/role-sync.php';
require_once __DIR__ . '/logout.php';
require_once __DIR__ . '/resync.php';
require_once __DIR__ . '/user-admin.php';
