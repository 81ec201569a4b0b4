<?php
/**
 * `wp workos profiles …`: Login Profiles through the administrator REST routes
 * (rest/admin-profiles.php), so the command line checks and words everything as the admin
 * screen does.
 *
 * @package WorkOS_Login
 * @since   0.6.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** The route of the Login Profiles. */
const WORKOS_LOGIN_CLI_PROFILES_ROUTE = '/workos/v1/admin/profiles';

/** Options of `create` and `update` that are not profile fields. */
const WORKOS_LOGIN_CLI_PROFILE_OPTIONS = array( 'body', 'format', 'porcelain' );

/**
 * Lists the Login Profiles, `default` first.
 *
 * ## OPTIONS
 *
 * [--format=<format>]
 * : How to print them; `json` prints whole profiles, as the REST route answers.
 * ---
 * default: table
 * options:
 *   - table
 *   - csv
 *   - yaml
 *   - json
 * ---
 *
 * ## EXAMPLES
 *
 *     $ wp workos profiles list
 *     $ wp workos profiles list --format=json
 *
 * @since 0.6.0
 *
 * @param string[]             $args       Positional arguments (none).
 * @param array<string, mixed> $assoc_args `format`.
 */
function workos_login_cli_profiles_list( array $args, array $assoc_args ): void {
	$format   = workos_login_cli_format( $assoc_args, array( 'table', 'csv', 'yaml', 'json' ) );
	$profiles = workos_login_cli_profiles_answer( workos_login_cli_rest( 'GET', WORKOS_LOGIN_CLI_PROFILES_ROUTE ) );
	if ( 'json' === $format ) {
		workos_login_cli_print_json( $profiles );
		return;
	}
	$rows = array();
	foreach ( $profiles as $profile ) {
		$rows[] = array(
			'slug'        => $profile['slug'],
			'title'       => $profile['title'],
			'methods'     => implode( ',', $profile['methods'] ),
			'mode'        => $profile['mode'],
			'custom_path' => $profile['custom_path'],
			'url'         => workos_login_profile_url( $profile['slug'] ),
		);
	}
	workos_login_cli_print_rows( $format, $rows, array( 'slug', 'title', 'methods', 'mode', 'custom_path', 'url' ) );
}

/**
 * Shows one Login Profile.
 *
 * ## OPTIONS
 *
 * <slug>
 * : The profile's slug.
 *
 * [--format=<format>]
 * : How to print it; `table` lists one field a row (nested fields as `branding.heading`).
 * ---
 * default: table
 * options:
 *   - table
 *   - csv
 *   - yaml
 *   - json
 * ---
 *
 * ## EXAMPLES
 *
 *     $ wp workos profiles get default
 *     $ wp workos profiles get members --format=json
 *
 * @since 0.6.0
 *
 * @param string[]             $args       The slug.
 * @param array<string, mixed> $assoc_args `format`.
 */
function workos_login_cli_profiles_get( array $args, array $assoc_args ): void {
	$format  = workos_login_cli_format( $assoc_args, array( 'table', 'csv', 'yaml', 'json' ) );
	$profile = workos_login_cli_profiles_answer( workos_login_cli_rest( 'GET', workos_login_cli_profile_route( $args[0] ?? '' ) ) );
	workos_login_cli_print_profile( $profile, $format );
}

/**
 * Creates a Login Profile: the defaults, then the fields given.
 *
 * Fields are given as options named like the profile's fields (`--title=Members`, nested ones
 * as `--branding.heading=Welcome`; lists comma-separated, `--methods=password,magic_code`;
 * true/false for switches), or all at once as a JSON object with `--body`. The REST route
 * checks them and answers in the words of the admin screen.
 *
 * ## OPTIONS
 *
 * <slug>
 * : The new profile's slug: up to 64 lowercase letters, digits, hyphens and underscores.
 *
 * [--body=<json>]
 * : The fields as a JSON object, the REST route's body; options given as well override it.
 * (Not `--json`: WP-CLI reads that as `--format=json`.)
 *
 * [--<field>=<value>]
 * : A profile field.
 *
 * [--porcelain]
 * : Print only the slug.
 *
 * ## EXAMPLES
 *
 *     $ wp workos profiles create members --title="Members" --methods=password,magic_code
 *     $ wp workos profiles create partners --body='{"title":"Partners","signup":{"enabled":false}}'
 *
 * @since 0.6.0
 *
 * @param string[]             $args       The slug.
 * @param array<string, mixed> $assoc_args The fields.
 */
function workos_login_cli_profiles_create( array $args, array $assoc_args ): void {
	$slug = (string) ( $args[0] ?? '' );
	$body = workos_login_cli_profile_body( $assoc_args, array( 'slug' => $slug ) );
	$made = workos_login_cli_profiles_answer( workos_login_cli_rest( 'POST', WORKOS_LOGIN_CLI_PROFILES_ROUTE, $body ) );
	/* translators: %s: a profile slug. */
	workos_login_cli_profile_done( $made, $assoc_args, __( 'Created the Login Profile “%s”.', 'workos-login' ) );
}

/**
 * Changes fields of a Login Profile; fields left out keep their value (nested ones too).
 *
 * Fields as for `create`; `--slug=<new-slug>` renames the profile (never `default`).
 *
 * ## OPTIONS
 *
 * <slug>
 * : The profile to change.
 *
 * [--body=<json>]
 * : The fields as a JSON object, the REST route's body; options given as well override it.
 * (Not `--json`: WP-CLI reads that as `--format=json`.)
 *
 * [--<field>=<value>]
 * : A profile field.
 *
 * [--porcelain]
 * : Print only the slug.
 *
 * ## EXAMPLES
 *
 *     $ wp workos profiles update members --branding.primary_color=#1e73be --no-invitations
 *     $ wp workos profiles update default --body='{"mfa":{"enforce":true}}'
 *
 * @since 0.6.0
 *
 * @param string[]             $args       The slug.
 * @param array<string, mixed> $assoc_args The fields.
 */
function workos_login_cli_profiles_update( array $args, array $assoc_args ): void {
	$route = workos_login_cli_profile_route( $args[0] ?? '' );
	$body  = workos_login_cli_profile_body( $assoc_args, array() );
	$saved = workos_login_cli_profiles_answer( workos_login_cli_rest( 'PATCH', $route, $body ) );
	/* translators: %s: a profile slug. */
	workos_login_cli_profile_done( $saved, $assoc_args, __( 'Updated the Login Profile “%s”.', 'workos-login' ) );
}

/**
 * Deletes a Login Profile. The `default` profile cannot be deleted.
 *
 * ## OPTIONS
 *
 * <slug>
 * : The profile to delete.
 *
 * [--yes]
 * : Delete without asking.
 *
 * ## EXAMPLES
 *
 *     $ wp workos profiles delete members --yes
 *
 * @since 0.6.0
 *
 * @param string[]             $args       The slug.
 * @param array<string, mixed> $assoc_args `yes`.
 */
function workos_login_cli_profiles_delete( array $args, array $assoc_args ): void {
	$slug  = (string) ( $args[0] ?? '' );
	$route = workos_login_cli_profile_route( $slug );
	if ( 'default' !== $slug ) {
		// Unknown slugs are refused before the question, as the route refuses them.
		workos_login_cli_profiles_answer( workos_login_cli_rest( 'GET', $route ) );
		/* translators: %s: a profile slug. */
		WP_CLI::confirm( sprintf( __( 'Delete the Login Profile “%s”?', 'workos-login' ), $slug ), $assoc_args );
	}
	workos_login_cli_profiles_answer( workos_login_cli_rest( 'DELETE', $route ) );
	/* translators: %s: a profile slug. */
	WP_CLI::success( sprintf( __( 'Deleted the Login Profile “%s”.', 'workos-login' ), $slug ) );
}

/**
 * Copies a Login Profile, titled "… (copy)", without its custom path.
 *
 * Without a new slug the copy gets the first free `<slug>-copy`, `<slug>-copy-2`, … as on the
 * admin screen.
 *
 * ## OPTIONS
 *
 * <slug>
 * : The profile to copy.
 *
 * [<new-slug>]
 * : The copy's slug.
 *
 * [--porcelain]
 * : Print only the copy's slug.
 *
 * ## EXAMPLES
 *
 *     $ wp workos profiles duplicate members
 *     $ wp workos profiles duplicate members partners
 *
 * @since 0.6.0
 *
 * @param string[]             $args       The slug, and the copy's slug.
 * @param array<string, mixed> $assoc_args `porcelain`.
 */
function workos_login_cli_profiles_duplicate( array $args, array $assoc_args ): void {
	$new_slug = isset( $args[1] ) ? (string) $args[1] : null;
	if ( null !== $new_slug ) {
		// Checked first, with the words of the rename below, so a refused slug leaves no copy behind.
		$valid = workos_login_validate_profile_slug( array( 'slug' => $new_slug ), null );
		if ( is_wp_error( $valid ) ) {
			workos_login_cli_fail( $valid );
		}
	}
	$copy = workos_login_cli_profiles_answer( workos_login_cli_rest( 'POST', workos_login_cli_profile_route( $args[0] ?? '' ) . '/duplicate' ) );
	if ( null !== $new_slug ) {
		$renamed = workos_login_cli_rest( 'PATCH', workos_login_cli_profile_route( $copy['slug'] ), (string) wp_json_encode( array( 'slug' => $new_slug ) ) );
		if ( is_wp_error( $renamed ) ) {
			workos_login_cli_rest( 'DELETE', workos_login_cli_profile_route( $copy['slug'] ) );
		}
		$copy = workos_login_cli_profiles_answer( $renamed );
	}
	/* translators: %s: a profile slug. */
	workos_login_cli_profile_done( $copy, $assoc_args, __( 'Created the Login Profile “%s”, a copy.', 'workos-login' ) );
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
