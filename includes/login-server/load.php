<?php
/**
 * Loads the seam to the login server: request signatures, the signed client and the time budget.
 *
 * @package WorkOS_Login
 * @since   0.6.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

require_once __DIR__ . '/signature.php';
require_once __DIR__ . '/client.php';
require_once __DIR__ . '/budget.php';
