<?php
/**
 * Loads the plugin, one file per job.
 *
 * @package WorkOS_Login
 * @since   0.1.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

require_once __DIR__ . '/settings/registry.php';
require_once __DIR__ . '/config.php';
require_once __DIR__ . '/admin-notices.php';
require_once __DIR__ . '/strings.php';
require_once __DIR__ . '/profiles.php';
require_once __DIR__ . '/profiles/defaults.php';
require_once __DIR__ . '/profiles/storage.php';
require_once __DIR__ . '/profiles/custom-path.php';
require_once __DIR__ . '/profiles/validate.php';
require_once __DIR__ . '/profiles/validate-fields.php';
require_once __DIR__ . '/profiles/validate-values.php';
require_once __DIR__ . '/profiles/save.php';
require_once __DIR__ . '/profiles/public.php';
require_once __DIR__ . '/profiles/url.php';
require_once __DIR__ . '/signature.php';
require_once __DIR__ . '/outcome.php';
require_once __DIR__ . '/outcome-identity.php';
require_once __DIR__ . '/outcome-flows.php';
require_once __DIR__ . '/outcome-passkeys.php';
require_once __DIR__ . '/outcome-admin.php';
require_once __DIR__ . '/server-client.php';
require_once __DIR__ . '/server-budget.php';
require_once __DIR__ . '/request-context.php';
require_once __DIR__ . '/browser-cookie.php';
require_once __DIR__ . '/limits/schema.php';
require_once __DIR__ . '/limits/store.php';
require_once __DIR__ . '/limits/policy.php';
require_once __DIR__ . '/incidents/record.php';
require_once __DIR__ . '/incidents/recover.php';
require_once __DIR__ . '/sessions/load.php';
require_once __DIR__ . '/users.php';
require_once __DIR__ . '/redirect.php';
require_once __DIR__ . '/no-cache.php';
require_once __DIR__ . '/identity/gate.php';
require_once __DIR__ . '/completion.php';
require_once __DIR__ . '/completion-session.php';
require_once __DIR__ . '/rest/auth.php';
require_once __DIR__ . '/rest/auth-routes.php';
require_once __DIR__ . '/rest/auth-inputs.php';
require_once __DIR__ . '/rest/auth-steps.php';
require_once __DIR__ . '/rest/auth-password.php';
require_once __DIR__ . '/rest/responses.php';
require_once __DIR__ . '/rest/reset-mail.php';
require_once __DIR__ . '/rest/profile-schema.php';
require_once __DIR__ . '/rest/admin-profiles.php';
require_once __DIR__ . '/rest/admin-profiles-handlers.php';
require_once __DIR__ . '/rest/profiles.php';
require_once __DIR__ . '/rest/admin-organizations.php';
require_once __DIR__ . '/routing/rules.php';
require_once __DIR__ . '/routing/match.php';
require_once __DIR__ . '/rest/admin-routing-rules.php';
require_once __DIR__ . '/rewrite.php';
require_once __DIR__ . '/routes.php';
require_once __DIR__ . '/callback/route.php';
require_once __DIR__ . '/callback/handle.php';
require_once __DIR__ . '/callback/impersonation.php';
require_once __DIR__ . '/callback/page.php';
require_once __DIR__ . '/surfaces/script.php';
require_once __DIR__ . '/surfaces/element.php';
require_once __DIR__ . '/surfaces/destination.php';
require_once __DIR__ . '/surfaces/page.php';
require_once __DIR__ . '/surfaces/authkit.php';
require_once __DIR__ . '/surfaces/custom-paths.php';
require_once __DIR__ . '/surfaces/interim-login.php';
require_once __DIR__ . '/surfaces/wp-login.php';
require_once __DIR__ . '/surfaces/native-login.php';
require_once __DIR__ . '/surfaces/break-glass-link.php';
require_once __DIR__ . '/surfaces/break-glass-request.php';
require_once __DIR__ . '/surfaces/break-glass-form.php';
require_once __DIR__ . '/surfaces/break-glass-cli.php';
require_once __DIR__ . '/surfaces/signed-in.php';
require_once __DIR__ . '/surfaces/shortcode.php';
require_once __DIR__ . '/blocks.php';
require_once __DIR__ . '/admin/menu.php';
require_once __DIR__ . '/admin/emergency-notices.php';
require_once __DIR__ . '/admin/emergency-access.php';
require_once __DIR__ . '/settings/load.php';
require_once __DIR__ . '/audit/load.php';
require_once __DIR__ . '/diagnostics/load.php';
require_once __DIR__ . '/identity/load.php';
require_once __DIR__ . '/passkeys/load.php';

/**
 * Loads translations from the plugin's languages/ folder.
 *
 * @since 0.1.0
 */
function workos_login_load_textdomain(): void {
	load_plugin_textdomain( 'workos-login', false, dirname( plugin_basename( WORKOS_LOGIN_FILE ) ) . '/languages' );
}
add_action( 'init', 'workos_login_load_textdomain' );
