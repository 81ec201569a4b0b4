<?php
/**
 * Loads the audit files, one per job.
 *
 * @package WorkOS_Login
 * @since   0.3.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

require_once __DIR__ . '/schema.php';
require_once __DIR__ . '/log.php';
require_once __DIR__ . '/chain.php';
require_once __DIR__ . '/chain-verify.php';
require_once __DIR__ . '/context.php';
require_once __DIR__ . '/listeners-sign-in.php';
require_once __DIR__ . '/listeners-accounts.php';
require_once __DIR__ . '/listeners-flows.php';
require_once __DIR__ . '/listeners-passkeys.php';
require_once __DIR__ . '/listeners-emergency.php';
require_once __DIR__ . '/retention.php';
require_once __DIR__ . '/forward.php';
require_once __DIR__ . '/health.php';
require_once __DIR__ . '/query.php';
require_once __DIR__ . '/columns.php';
require_once __DIR__ . '/summary.php';
require_once __DIR__ . '/screen.php';
require_once __DIR__ . '/actions.php';
