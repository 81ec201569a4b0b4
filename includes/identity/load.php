<?php
/**
 * Loads the identity files: suspension, role sync, logout, impersonation.
 *
 * @package WorkOS_Login
 * @since   0.3.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

require_once __DIR__ . '/gate.php';
require_once __DIR__ . '/suspension.php';
require_once __DIR__ . '/role-sync.php';
require_once __DIR__ . '/logout.php';
require_once __DIR__ . '/resync.php';
require_once __DIR__ . '/user-admin.php';
require_once __DIR__ . '/impersonation.php';
require_once __DIR__ . '/password-paths.php';
require_once __DIR__ . '/password-paths-settings.php';
require_once __DIR__ . '/password-headless.php';
