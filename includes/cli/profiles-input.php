<?php
/**
 * What the `wp workos profiles …` commands share: the route of a profile, a profile printed one
 * field a row, the REST answer read back, and the request body built from the command's options
 * (`--<field>=…`, nested as `--branding.heading=…`, or `--body=<json>`), typed by the profile
 * schema.
 *
 * @package WorkOS_Login
 * @since   0.6.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Prints one profile: whole as JSON, else one field a row (nested fields as `branding.heading`,
 * lists comma-separated, switches as true/false).
 *
 * @since 0.6.0
 *
 * @param array<int|string, mixed> $profile The profile.
 * @param string                   $format  A format from workos_login_cli_format().
 */
function workos_login_cli_print_profile( array $profile, string $format ): void {
	if ( 'json' === $format ) {
		workos_login_cli_print_json( $profile );
		return;
	}
	$rows = array();
	foreach ( $profile as $field => $value ) {
		$nested = is_array( $value ) && ! array_is_list( $value ) ? $value : array( '' => $value );
		foreach ( $nested as $key => $item ) {
			if ( is_bool( $item ) ) {
				$item = $item ? 'true' : 'false';
			} elseif ( is_array( $item ) ) {
				$item = implode( ',', array_map( 'strval', $item ) );
			}
			$rows[] = array(
				'field' => '' === $key ? (string) $field : $field . '.' . $key,
				'value' => null === $item ? 'null' : (string) $item,
			);
		}
	}
	workos_login_cli_print_rows( $format, $rows, array( 'field', 'value' ) );
}

/**
 * The route of one profile; a slug the route would not match is refused as the route refuses
 * an unknown one.
 *
 * @since 0.6.0
 *
 * @param string $slug The slug.
 */
function workos_login_cli_profile_route( string $slug ): string {
	if ( 1 !== preg_match( '/^' . WORKOS_LOGIN_ROUTE_SLUG . '$/D', $slug ) ) {
		workos_login_cli_fail( workos_login_rest_profile_not_found() );
	}
	return WORKOS_LOGIN_CLI_PROFILES_ROUTE . '/' . $slug;
}

/**
 * A route's answer about profiles, or the end of the command with its error.
 *
 * @since 0.6.0
 *
 * @param mixed $answer From workos_login_cli_rest().
 * @return array<int|string, mixed>
 */
function workos_login_cli_profiles_answer( mixed $answer ): array {
	if ( is_wp_error( $answer ) ) {
		workos_login_cli_fail( $answer );
	}
	return is_array( $answer ) ? $answer : array();
}

/**
 * Reports a saved profile: its slug alone with `--porcelain`, else a success line.
 *
 * @since 0.6.0
 *
 * @param array<int|string, mixed> $profile    The saved profile.
 * @param array<string, mixed>     $assoc_args The command's options.
 * @param string                   $message    The success line, `%s` for the slug.
 */
function workos_login_cli_profile_done( array $profile, array $assoc_args, string $message ): void {
	$slug = (string) ( $profile['slug'] ?? '' );
	if ( ! empty( $assoc_args['porcelain'] ) ) {
		WP_CLI::line( $slug );
		return;
	}
	WP_CLI::success( sprintf( $message, $slug ) );
}

/**
 * The JSON body of a create or update: `--body`, then each `--<field>` over it.
 *
 * A field's text becomes the JSON type its schema asks for when it reads as one (`true`/`false`,
 * digits, a comma-separated list, `null`, a JSON object); anything else is passed as text, for
 * the route to refuse in its own words.
 *
 * @since 0.6.0
 *
 * @param array<string, mixed> $assoc_args The command's options.
 * @param array<string, mixed> $fixed      Fields set by the command itself (the slug on create).
 * @return string The body.
 */
function workos_login_cli_profile_body( array $assoc_args, array $fixed ): string {
	if ( isset( $assoc_args['format'] ) ) {
		// WP-CLI turns `--json=…` into `--format=json` (its value dropped) before a command sees it.
		WP_CLI::error( __( 'WP-CLI reads --json as --format=json and drops its value: give the fields as --body=<json>.', 'workos-login' ) );
	}
	$fields = array_diff_key( $assoc_args, array_flip( WORKOS_LOGIN_CLI_PROFILE_OPTIONS ) );
	if ( ! isset( $assoc_args['body'] ) && ! $fields ) {
		if ( ! $fixed ) {
			WP_CLI::error( __( 'Name at least one field to change, e.g. --title="Members", or give --body=<json>.', 'workos-login' ) );
		}
		return (string) wp_json_encode( $fixed );
	}
	$body = array();
	if ( isset( $assoc_args['body'] ) ) {
		$body = json_decode( (string) $assoc_args['body'], true );
		if ( ! is_array( $body ) || ( $body && array_is_list( $body ) ) ) {
			if ( ! $fields && ! $fixed ) {
				// The route refuses it in its own words.
				return (string) $assoc_args['body'];
			}
			WP_CLI::error( __( 'The request body must be a JSON object.', 'workos-login' ) );
		}
	}
	foreach ( $fields as $name => $value ) {
		$path    = explode( '.', (string) $name );
		$schema  = workos_login_cli_profile_field_schema( $path );
		$coerced = workos_login_cli_profile_value( $value, $schema );
		$target  = &$body;
		foreach ( array_slice( $path, 0, -1 ) as $key ) {
			if ( ! isset( $target[ $key ] ) || ! is_array( $target[ $key ] ) ) {
				$target[ $key ] = array();
			}
			$target = &$target[ $key ];
		}
		$target[ end( $path ) ] = $coerced;
		unset( $target );
	}
	return (string) wp_json_encode( (object) ( $fixed + $body ) );
}

/**
 * The schema of a field named by its path, e.g. `array( 'branding', 'heading' )`.
 *
 * @since 0.6.0
 *
 * @param string[] $path The field's path.
 * @return array<string, mixed> Its schema; empty for an unknown field.
 */
function workos_login_cli_profile_field_schema( array $path ): array {
	$schema = WORKOS_LOGIN_PROFILE_SCHEMA;
	foreach ( $path as $key ) {
		if ( ! isset( $schema['properties'][ $key ] ) ) {
			return array();
		}
		$schema = $schema['properties'][ $key ];
	}
	return $schema;
}

/**
 * A field's value from the command line, in the JSON type its schema asks for when it reads as
 * one.
 *
 * @since 0.6.0
 *
 * @param mixed                $value  What WP-CLI parsed (text, or a boolean for `--flag`/`--no-flag`).
 * @param array<string, mixed> $schema The field's schema.
 */
function workos_login_cli_profile_value( mixed $value, array $schema ): mixed {
	if ( ! is_string( $value ) ) {
		return $value;
	}
	$types = (array) ( $schema['type'] ?? array() );
	if ( 'null' === $value && in_array( 'null', $types, true ) ) {
		return null;
	}
	if ( in_array( 'boolean', $types, true ) && in_array( $value, array( 'true', 'false' ), true ) ) {
		return 'true' === $value;
	}
	if ( in_array( 'integer', $types, true ) && 1 === preg_match( '/^(0|[1-9][0-9]{0,17})$/D', $value ) ) {
		return (int) $value;
	}
	if ( in_array( 'array', $types, true ) ) {
		$list = json_decode( $value, true );
		return is_array( $list ) ? $list : array_values( array_filter( array_map( 'trim', explode( ',', $value ) ), static fn( string $line ): bool => '' !== $line ) );
	}
	if ( in_array( 'object', $types, true ) ) {
		$object = json_decode( $value, true );
		return is_array( $object ) ? $object : $value;
	}
	return $value;
}
