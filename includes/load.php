<?php
/**
 * Loads the plugin, one folder per part.
 *
 * @package WorkOS_Login
 * @since   0.1.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

// One folder per part, in the order their load-time constants need; each folder's load.php lists
// its files.
require_once __DIR__ . '/generated/protocol.php'; // The PHP mirror of protocol/, generated (npm run generate:php).
require_once __DIR__ . '/generated/strings.php'; // The UI strings, generated from protocol/strings.ts.
require_once __DIR__ . '/core/load.php'; // Foundations: settings registry, configuration, strings, redirects, request context.
require_once __DIR__ . '/profiles/load.php'; // Login Profiles.
require_once __DIR__ . '/login-server/load.php'; // The signed seam to the login server.
require_once __DIR__ . '/outcome/load.php'; // Checks of the login server's answers.
require_once __DIR__ . '/limits/load.php'; // Rate limits and one-time marks (the atomic table).
require_once __DIR__ . '/incidents/load.php'; // Storage-failure incidents.
require_once __DIR__ . '/sessions/load.php'; // WordPress sessions with their WorkOS session.
require_once __DIR__ . '/identity/load.php'; // Who may sign in and how: the gate, suspension, role sync, logout, WordPress passwords.
require_once __DIR__ . '/completion/load.php'; // Login completion, the one place a sign-in becomes a WordPress session.
require_once __DIR__ . '/rest/load.php'; // REST routes (browser steps, administrator routes).
require_once __DIR__ . '/routing/load.php'; // Routing rules.
require_once __DIR__ . '/callback/load.php'; // The OAuth/SSO callback.
require_once __DIR__ . '/surfaces/load.php'; // Where visitors sign in.
require_once __DIR__ . '/admin/load.php'; // Administrator menu, notices, emergency access.
require_once __DIR__ . '/settings/load.php'; // Settings screens and the preview.
require_once __DIR__ . '/audit/load.php'; // The audit log.
require_once __DIR__ . '/diagnostics/load.php'; // Diagnostics and Site Health.
require_once __DIR__ . '/passkeys/load.php'; // Passkeys.
if ( defined( 'WP_CLI' ) && WP_CLI ) {
	require_once __DIR__ . '/cli/load.php'; // The `wp workos` commands.
}

/**
 * Loads translations from the plugin's languages/ folder.
 *
 * @since 0.1.0
 */
function workos_login_load_textdomain(): void {
	load_plugin_textdomain( 'workos-login', false, dirname( plugin_basename( WORKOS_LOGIN_FILE ) ) . '/languages' );
}
add_action( 'init', 'workos_login_load_textdomain' );
