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
