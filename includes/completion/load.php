<?php
/**
 * Loads login completion: admitting an identity, the WordPress user, and the session it gets.
 *
 * @package WorkOS_Login
 * @since   0.6.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

require_once __DIR__ . '/users.php';
require_once __DIR__ . '/complete.php';
require_once __DIR__ . '/session.php';
