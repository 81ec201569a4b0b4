<?php
/**
 * Loads the Login Profiles: reading, defaults, storage, custom paths, validation, saving, the public view and URLs.
 *
 * @package WorkOS_Login
 * @since   0.6.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

require_once __DIR__ . '/read.php';
require_once __DIR__ . '/defaults.php';
require_once __DIR__ . '/storage.php';
require_once __DIR__ . '/custom-path.php';
require_once __DIR__ . '/validate.php';
require_once __DIR__ . '/validate-fields.php';
require_once __DIR__ . '/save.php';
require_once __DIR__ . '/public.php';
require_once __DIR__ . '/url.php';
