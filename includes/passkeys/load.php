<?php
/**
 * Loads the passkey files, one per job (ARCHITECTURE "Passkeys": the site is the WebAuthn
 * relying party; the login server generates and verifies, WordPress stores the credentials).
 *
 * @package WorkOS_Login
 * @since   0.5.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

require_once __DIR__ . '/schema.php';
require_once __DIR__ . '/store.php';
require_once __DIR__ . '/summary.php';
require_once __DIR__ . '/lifecycle.php';
require_once __DIR__ . '/settings.php';
require_once __DIR__ . '/settings-screen.php';
require_once __DIR__ . '/routes-auth.php';
require_once __DIR__ . '/mfa-offer.php';
require_once __DIR__ . '/completion.php';
require_once __DIR__ . '/step-up.php';
require_once __DIR__ . '/prompt.php';
require_once __DIR__ . '/routes-manage.php';
require_once __DIR__ . '/routes-register.php';
require_once __DIR__ . '/admin-column.php';
require_once __DIR__ . '/profile-section.php';
require_once __DIR__ . '/health.php';
