<?php
/**
 * Loads the settings files, one per job.
 *
 * @package WorkOS_Login
 * @since   0.3.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

require_once __DIR__ . '/proxies.php';
require_once __DIR__ . '/sanitize.php';
require_once __DIR__ . '/sanitize-maps.php';
require_once __DIR__ . '/register.php';
require_once __DIR__ . '/fields.php';
require_once __DIR__ . '/screen-settings.php';
require_once __DIR__ . '/roles-source.php';
require_once __DIR__ . '/screen-roles.php';
require_once __DIR__ . '/preview.php';
require_once __DIR__ . '/preview-text.php';
require_once __DIR__ . '/preview-rest.php';
require_once __DIR__ . '/preview-screen.php';
