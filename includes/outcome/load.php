<?php
/**
 * Loads the checks of the login server's answers (outcomes), one file per family.
 *
 * @package WorkOS_Login
 * @since   0.6.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

require_once __DIR__ . '/auth.php';
require_once __DIR__ . '/identity.php';
require_once __DIR__ . '/flows.php';
require_once __DIR__ . '/passkeys.php';
require_once __DIR__ . '/admin.php';
