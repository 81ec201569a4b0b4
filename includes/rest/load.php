<?php
/**
 * Loads the REST routes: the browser auth steps and the administrator routes.
 *
 * @package WorkOS_Login
 * @since   0.6.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

require_once __DIR__ . '/auth.php';
require_once __DIR__ . '/auth-routes.php';
require_once __DIR__ . '/auth-inputs.php';
require_once __DIR__ . '/auth-steps.php';
require_once __DIR__ . '/responses.php';
require_once __DIR__ . '/reset-mail.php';
require_once __DIR__ . '/profile-schema.php';
require_once __DIR__ . '/admin-profiles.php';
require_once __DIR__ . '/admin-profiles-handlers.php';
require_once __DIR__ . '/profiles.php';
require_once __DIR__ . '/admin-organizations.php';
require_once __DIR__ . '/admin-routing-rules.php';
