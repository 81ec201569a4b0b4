<?php
/**
 * Loads storage-failure incidents: recording them and recovering them into the audit log.
 *
 * @package WorkOS_Login
 * @since   0.6.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

require_once __DIR__ . '/record.php';
require_once __DIR__ . '/recover.php';
