<?php
/**
 * What the `wp workos` commands share: the output formats, plain text from the HTML of health
 * results, errors, and the administrator REST routes run from the command line.
 *
 * @package WorkOS_Login
 * @since   0.6.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The `--format` asked for, refused with an error unless it is one of `$allowed`.
 *
 * @since 0.6.0
 *
 * @param array<string, mixed> $assoc_args The command's options.
 * @param string[]             $allowed    Formats the command prints.
 * @return string The format; the first of `$allowed` when none was asked for.
 */
function workos_login_cli_format( array $assoc_args, array $allowed ): string {
	$format = $assoc_args['format'] ?? $allowed[0];
	if ( ! is_string( $format ) || ! in_array( $format, $allowed, true ) ) {
		/* translators: %s: the allowed formats, comma-separated. */
		WP_CLI::error( sprintf( __( 'Unknown --format: use one of %s.', 'workos-login' ), implode( ', ', $allowed ) ) );
	}
	return (string) $format;
}

/**
 * Prints rows in a format WP-CLI knows (`table`, `csv`, `yaml`, `json`).
 *
 * @since 0.6.0
 *
 * @param string                           $format A format from workos_login_cli_format().
 * @param array<int, array<string, mixed>> $rows   The rows.
 * @param string[]                         $fields The columns, in order.
 */
function workos_login_cli_print_rows( string $format, array $rows, array $fields ): void {
	$formatter_args = array( 'format' => $format );
	$formatter      = new WP_CLI\Formatter( $formatter_args, $fields );
	$formatter->display_items( $rows );
}

/**
 * Prints a value as pretty JSON.
 *
 * @since 0.6.0
 *
 * @param mixed $value The value.
 */
function workos_login_cli_print_json( mixed $value ): void {
	WP_CLI::line( (string) wp_json_encode( $value, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE ) );
}

/**
 * Plain text from the HTML of a health result's description: one line per paragraph, no tags,
 * entities decoded.
 *
 * @since 0.6.0
 *
 * @param string $html The description.
 */
function workos_login_cli_plain_text( string $html ): string {
	$text  = (string) preg_replace( '#</p>\s*<p[^>]*>|<br\s*/?>#i', "\n", $html );
	$lines = array_map( 'trim', explode( "\n", html_entity_decode( wp_strip_all_tags( $text ), ENT_QUOTES | ENT_HTML5, 'UTF-8' ) ) );
	return implode( "\n", array_filter( $lines, static fn( string $line ): bool => '' !== $line ) );
}

/**
 * Ends the command with a WP_Error's message, as the REST route answers it, naming the field
 * when the error names one and its message does not, and each refused parameter.
 *
 * @since 0.6.0
 *
 * @param WP_Error $error The error.
 */
function workos_login_cli_fail( WP_Error $error ): void {
	$message = $error->get_error_message();
	$data    = $error->get_error_data();
	$field   = is_array( $data ) && is_string( $data['field'] ?? null ) ? $data['field'] : '';
	if ( '' !== $field && false === strpos( $message, $field ) ) {
		$message = $field . ': ' . $message;
	}
	if ( is_array( $data ) && is_array( $data['params'] ?? null ) ) {
		foreach ( $data['params'] as $param => $problem ) {
			$message .= "\n" . $param . ': ' . ( is_string( $problem ) ? $problem : (string) wp_json_encode( $problem ) );
		}
	}
	WP_CLI::error( $message );
}

/**
 * Runs one of the plugin's REST routes (`workos/v1`) the way WordPress's REST server dispatches
 * it — the route's argument checks, its `validate_callback`, its callback — so a command gives
 * the same answers and the same error messages as the admin screens. The route's permission
 * callback is not asked: there is no signed-in user on the command line, and whoever runs WP-CLI
 * already holds the site's files and database.
 *
 * @since 0.6.0
 *
 * @param string      $method HTTP method.
 * @param string      $route  Route, e.g. `/workos/v1/admin/profiles/default`.
 * @param string|null $json   JSON request body, if any.
 * @return mixed|WP_Error The response data, or the error the route answers.
 */
function workos_login_cli_rest( string $method, string $route, ?string $json = null ): mixed {
	$request = new WP_REST_Request( $method, $route );
	if ( null !== $json ) {
		$request->set_header( 'Content-Type', 'application/json' );
		$request->set_body( $json );
	}
	foreach ( rest_get_server()->get_routes( 'workos/v1' ) as $pattern => $handlers ) {
		if ( 1 !== preg_match( '@^' . $pattern . '$@i', $route, $matches ) ) {
			continue;
		}
		foreach ( $handlers as $handler ) {
			if ( empty( $handler['methods'][ $method ] ) ) {
				continue;
			}
			$request->set_url_params( array_filter( $matches, 'is_string', ARRAY_FILTER_USE_KEY ) );
			$request->set_attributes( $handler );
			$valid = $request->has_valid_params();
			if ( true === $valid ) {
				$valid = $request->sanitize_params();
			}
			if ( is_wp_error( $valid ) ) {
				return $valid;
			}
			$response = rest_ensure_response( call_user_func( $handler['callback'], $request ) );
			return is_wp_error( $response ) ? $response : $response->get_data();
		}
	}
	return new WP_Error( 'rest_no_route', __( 'No route was found matching the URL and request method.', 'workos-login' ) );
}
