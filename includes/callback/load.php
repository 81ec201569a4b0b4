<?php
/**
 * Loads /workos/callback: the OAuth and SSO return, dashboard impersonation, and its page.
 *
 * @package WorkOS_Login
 * @since   0.6.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

require_once __DIR__ . '/route.php';
require_once __DIR__ . '/handle.php';
require_once __DIR__ . '/impersonation.php';
require_once __DIR__ . '/page.php';
