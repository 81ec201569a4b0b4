<?php
/**
 * Loads the WP-CLI commands, `wp workos …` (required only while WP-CLI runs). Each command is a
 * thin layer over what the REST routes and admin screens already run.
 *
 * @package WorkOS_Login
 * @since   0.6.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

// The groups' class and shared helpers (formats, plain text, the admin REST routes run from the
// command line), then one file per command group: status; Login Profiles; the audit log; users;
// the old break-glass name.
require_once __DIR__ . '/class-cli-namespace.php';
require_once __DIR__ . '/output.php';
require_once __DIR__ . '/status.php';
require_once __DIR__ . '/profiles.php';
require_once __DIR__ . '/profiles-input.php';
require_once __DIR__ . '/audit.php';
require_once __DIR__ . '/users.php';
require_once __DIR__ . '/break-glass.php';

/**
 * Registers every `wp workos` command.
 *
 * @since 0.6.0
 */
function workos_login_cli_register(): void {
	// WP-CLI's help is read from the commands' docblocks, in English; the groups' lines join it
	// (registered while plugins load, before translations may be loaded).
	$groups = array(
		'workos'          => 'WorkOS Login: status, Login Profiles, the audit log, users, break-glass links.',
		'workos profiles' => 'Lists, shows, creates, changes, copies and deletes Login Profiles.',
		'workos audit'    => 'Exports, purges and verifies the WorkOS Login audit log.',
		'workos users'    => 'Brings WordPress users in step with WorkOS.',
		'workos-login'    => 'Deprecated: the old name of `wp workos break-glass`.',
	);
	foreach ( $groups as $name => $shortdesc ) {
		WP_CLI::add_command( $name, WorkOS_Login\CLI_Namespace::class, array( 'shortdesc' => $shortdesc ) );
	}
	$commands = array(
		'workos status'             => 'workos_login_cli_status',
		'workos profiles list'      => 'workos_login_cli_profiles_list',
		'workos profiles get'       => 'workos_login_cli_profiles_get',
		'workos profiles create'    => 'workos_login_cli_profiles_create',
		'workos profiles update'    => 'workos_login_cli_profiles_update',
		'workos profiles delete'    => 'workos_login_cli_profiles_delete',
		'workos profiles duplicate' => 'workos_login_cli_profiles_duplicate',
		'workos audit export'       => 'workos_login_cli_audit_export',
		'workos audit purge'        => 'workos_login_cli_audit_purge',
		'workos audit verify'       => 'workos_login_cli_audit_verify',
		'workos users resync'       => 'workos_login_cli_users_resync',
		'workos break-glass'        => 'workos_login_break_glass_cli',
		// The name of 0.3.0–0.5.x, kept working with a warning naming the new one.
		'workos-login break-glass'  => 'workos_login_break_glass_cli_deprecated',
	);
	foreach ( $commands as $name => $callable ) {
		WP_CLI::add_command( $name, $callable );
	}
}

if ( defined( 'WP_CLI' ) && WP_CLI && class_exists( 'WP_CLI' ) ) {
	workos_login_cli_register();
}
