<?php
/**
 * Loads the diagnostics files, one per job.
 *
 * @package WorkOS_Login
 * @since   0.3.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

require_once __DIR__ . '/registry.php';
require_once __DIR__ . '/server-health.php';
require_once __DIR__ . '/tests-server.php';
require_once __DIR__ . '/tests-site.php';
require_once __DIR__ . '/tests-recent.php';
require_once __DIR__ . '/tests-audit-chain.php';
require_once __DIR__ . '/site-health.php';
require_once __DIR__ . '/screen.php';
require_once __DIR__ . '/screen-config.php';
