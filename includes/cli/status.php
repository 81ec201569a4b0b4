<?php
/**
 * `wp workos status`: what WorkOS → Diagnostics shows, on the command line.
 *
 * @package WorkOS_Login
 * @since   0.6.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Shows every setting with its value and source, then runs every health test.
 *
 * Secrets are shown only as "set (N characters)", as on WorkOS → Diagnostics. The health tests
 * are those of Site Health and Diagnostics; the ones that ask the login server ask it now.
 *
 * Exit code, for scripts: 0 when no test is critical, 1 when at least one is.
 *
 * ## OPTIONS
 *
 * [--format=<format>]
 * : How to print the settings and the tests.
 * ---
 * default: table
 * options:
 *   - table
 *   - json
 * ---
 *
 * ## EXAMPLES
 *
 *     # The configuration and the health of the connection to WorkOS.
 *     $ wp workos status
 *
 *     # For monitoring: exits with 1 when a test is critical.
 *     $ wp workos status --format=json > status.json || echo "WorkOS Login needs attention"
 *
 * @since 0.6.0
 *
 * @param string[]             $args       Positional arguments (none).
 * @param array<string, mixed> $assoc_args `format`.
 */
function workos_login_cli_status( array $args, array $assoc_args ): void {
	$format   = workos_login_cli_format( $assoc_args, array( 'table', 'json' ) );
	$settings = workos_login_cli_status_settings();
	$tests    = workos_login_cli_status_tests();
	$critical = count( wp_list_filter( $tests, array( 'status' => 'critical' ) ) );

	if ( 'json' === $format ) {
		workos_login_cli_print_json(
			array(
				'settings' => $settings,
				'tests'    => $tests,
				'critical' => $critical,
			)
		);
	} else {
		WP_CLI::line( __( 'Configuration', 'workos-login' ) );
		workos_login_cli_print_rows( 'table', $settings, array( 'setting', 'value', 'source', 'where' ) );
		WP_CLI::line();
		WP_CLI::line( __( 'Tests', 'workos-login' ) );
		workos_login_cli_print_rows( 'table', $tests, array( 'test', 'status', 'label', 'description' ) );
	}
	if ( $critical > 0 ) {
		WP_CLI::halt( 1 );
	}
}

/**
 * Every setting as Diagnostics lists it: name, value (secrets only as their length), source and
 * where the value is set.
 *
 * @since 0.6.0
 *
 * @return list<array{setting: string, value: string, source: string, where: string}>
 */
function workos_login_cli_status_settings(): array {
	$rows = array();
	foreach ( workos_login_settings_definitions() as $name => $definition ) {
		$source = workos_login_option_source( $name );
		$rows[] = array(
			'setting' => $name,
			'value'   => workos_login_diagnostics_setting_value( $name, $definition ),
			'source'  => $source,
			'where'   => workos_login_diagnostics_setting_where( $name, $source ),
		);
	}
	return $rows;
}

/**
 * Runs every health test.
 *
 * @since 0.6.0
 *
 * @return list<array{test: string, status: string, label: string, description: string}>
 *         Descriptions in plain text, one line per paragraph.
 */
function workos_login_cli_status_tests(): array {
	$rows = array();
	foreach ( array_keys( workos_login_health_tests() ) as $name ) {
		$result = workos_login_run_health_test( $name );
		if ( null === $result ) {
			continue;
		}
		$rows[] = array(
			'test'        => $name,
			'status'      => $result['status'],
			'label'       => $result['label'],
			'description' => workos_login_cli_plain_text( $result['description'] ),
		);
	}
	return $rows;
}
