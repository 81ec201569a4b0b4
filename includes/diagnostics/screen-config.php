<?php
/**
 * The Diagnostics screen's configuration tables: every setting with its value and source, what
 * the login server reports about WorkOS, and the software versions.
 *
 * Secrets are never printed: the shared secret is shown as "set (N characters)", the WorkOS API
 * key (which WordPress never has) as the last 4 characters the login server reports.
 *
 * @package WorkOS_Login
 * @since   0.3.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Prints the three tables.
 *
 * @since 0.3.0
 */
function workos_login_render_diagnostics_configuration(): void {
	echo '<h2>' . esc_html__( 'Configuration', 'workos-login' ) . '</h2>';
	echo '<table class="widefat striped workos-diagnostics-settings"><thead><tr>';
	echo '<th scope="col">' . esc_html__( 'Setting', 'workos-login' ) . '</th>';
	echo '<th scope="col">' . esc_html__( 'Value', 'workos-login' ) . '</th>';
	echo '<th scope="col">' . esc_html__( 'Source', 'workos-login' ) . '</th>';
	echo '</tr></thead><tbody>';
	foreach ( workos_login_settings_definitions() as $name => $definition ) {
		$source = workos_login_option_source( $name );
		$where  = workos_login_diagnostics_setting_where( $name, $source );
		printf(
			'<tr data-setting="%1$s" data-source="%2$s"><th scope="row"><code>%3$s</code></th><td>%4$s</td><td>%5$s%6$s</td></tr>',
			esc_attr( $name ),
			esc_attr( $source ),
			esc_html( $name ),
			esc_html( workos_login_diagnostics_setting_value( $name, $definition ) ),
			esc_html( workos_login_diagnostics_source_label( $source ) ),
			'' === $where ? '' : ' <code>' . esc_html( $where ) . '</code>'
		);
	}
	echo '</tbody></table>';

	workos_login_render_diagnostics_rows( __( 'WorkOS, as the login server reports it', 'workos-login' ), 'workos-diagnostics-workos', workos_login_diagnostics_workos_rows() );
	workos_login_render_diagnostics_rows( __( 'Software', 'workos-login' ), 'workos-diagnostics-software', workos_login_diagnostics_software_rows() );
}

/**
 * A setting's value as text for the screen. Secret settings show only whether they are set and
 * their length.
 *
 * @since 0.3.0
 *
 * @param string                             $name       Setting name.
 * @param array{type: string, secret?: bool} $definition Its definition.
 */
function workos_login_diagnostics_setting_value( string $name, array $definition ): string {
	$value = workos_login_option( $name );
	if ( ! empty( $definition['secret'] ) ) {
		$length = strlen( is_string( $value ) ? $value : '' );
		/* translators: %d: a number of characters. */
		return 0 === $length ? __( 'not set', 'workos-login' ) : sprintf( _n( 'set (%d character)', 'set (%d characters)', $length, 'workos-login' ), $length );
	}
	if ( is_bool( $value ) ) {
		return $value ? __( 'on', 'workos-login' ) : __( 'off', 'workos-login' );
	}
	if ( is_array( $value ) ) {
		return array() === $value ? __( '(none)', 'workos-login' ) : (string) wp_json_encode( $value, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE );
	}
	$text = is_scalar( $value ) ? (string) $value : '';
	return '' === $text ? __( '(empty)', 'workos-login' ) : $text;
}

/**
 * Where a setting's value is set: the constant or environment variable's name, or the option's.
 *
 * @since 0.6.0
 *
 * @param string $name   Setting name.
 * @param string $source Its workos_login_option_source().
 * @return string '' for a default.
 */
function workos_login_diagnostics_setting_where( string $name, string $source ): string {
	$definition = workos_login_settings_definitions()[ $name ] ?? null;
	if ( null === $definition ) {
		return '';
	}
	return array(
		'constant'    => $definition['constant'],
		'environment' => $definition['constant'],
		'database'    => 'workos_login_' . $name,
	)[ $source ] ?? '';
}

/**
 * A source of workos_login_option_source(), translated.
 *
 * @since 0.3.0
 *
 * @param string $source `constant`, `environment`, `database` or `default`.
 */
function workos_login_diagnostics_source_label( string $source ): string {
	$labels = array(
		'constant'    => __( 'constant', 'workos-login' ),
		'environment' => __( 'environment', 'workos-login' ),
		'database'    => __( 'database', 'workos-login' ),
		'default'     => __( 'default', 'workos-login' ),
	);
	return $labels[ $source ] ?? $source;
}

/**
 * What the login server reports about its WorkOS connection (its last health answer).
 *
 * @since 0.3.0
 *
 * @return array<string, string> Label => value.
 */
function workos_login_diagnostics_workos_rows(): array {
	$health = workos_login_diagnostics_health()['health'];
	if ( null === $health ) {
		return array( __( 'Status', 'workos-login' ) => __( 'unknown: the login server did not report it', 'workos-login' ) );
	}
	$workos = $health['workos'];
	return array(
		__( 'API key', 'workos-login' )   => null === $workos['api_key_last4'] ? __( 'not set', 'workos-login' ) : '…' . $workos['api_key_last4'],
		__( 'Client ID', 'workos-login' ) => null === $workos['client_id'] ? __( 'not set', 'workos-login' ) : $workos['client_id'],
		__( 'API host', 'workos-login' )  => $workos['api_host'],
	);
}

/**
 * Versions and the WordPress settings the plugin depends on.
 *
 * @since 0.3.0
 *
 * @return array<string, string> Label => value.
 */
function workos_login_diagnostics_software_rows(): array {
	$permalinks = (string) get_option( 'permalink_structure' );
	return array(
		__( 'WorkOS Login', 'workos-login' )        => WORKOS_LOGIN_VERSION,
		__( 'WordPress', 'workos-login' )           => (string) get_bloginfo( 'version' ),
		__( 'PHP', 'workos-login' )                 => PHP_VERSION,
		__( 'Permalink structure', 'workos-login' ) => '' === $permalinks ? __( 'plain', 'workos-login' ) : $permalinks,
		__( 'Environment type', 'workos-login' )    => wp_get_environment_type(),
		__( 'Site address', 'workos-login' )        => home_url( '/' ),
	);
}

/**
 * Prints a heading and a two-column table.
 *
 * @since 0.3.0
 *
 * @param string                $heading The table's heading.
 * @param string                $class   Its CSS class.
 * @param array<string, string> $rows    Label => value (plain text).
 */
function workos_login_render_diagnostics_rows( string $heading, string $class, array $rows ): void {
	echo '<h2>' . esc_html( $heading ) . '</h2>';
	echo '<table class="widefat striped ' . esc_attr( $class ) . '"><tbody>';
	foreach ( $rows as $label => $value ) {
		printf( '<tr><th scope="row" style="width:30%%">%1$s</th><td>%2$s</td></tr>', esc_html( $label ), esc_html( $value ) );
	}
	echo '</tbody></table>';
}
