<?php
/**
 * The health tests WordPress answers alone: the login server's transport, the shared secret, the
 * rewrite rules, HTTPS.
 *
 * @package WorkOS_Login
 * @since   0.3.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Requests to the login server are encrypted, or never leave this machine: a plain http://
 * address of another host carries visitors' passwords and codes readable on the network.
 *
 * @since 0.6.0
 *
 * @return array{status: string, label: string, description: string}
 */
function workos_login_health_test_server_transport(): array {
	$url = workos_login_server_url();
	if ( ! workos_login_is_server_url( $url ) ) {
		return workos_login_health_outcome(
			'recommended',
			__( 'The login server’s address is not set yet', 'workos-login' ),
			array(
				/* translators: %s: the constant name. */
				sprintf( __( 'Set %s in wp-config.php; this test then checks that requests to it are encrypted.', 'workos-login' ), 'WORKOS_LOGIN_SERVER_URL' ),
			)
		);
	}
	$host = (string) wp_parse_url( $url, PHP_URL_HOST );
	if ( ! workos_login_server_url_exposed( $url ) ) {
		return workos_login_health_outcome(
			'good',
			__( 'Requests to the login server are encrypted or stay on this machine', 'workos-login' ),
			array(
				'https' === wp_parse_url( $url, PHP_URL_SCHEME )
					/* translators: %s: a host name. */
					? sprintf( __( 'WordPress reaches the login server at %s over HTTPS.', 'workos-login' ), $host )
					/* translators: %s: a host name. */
					: sprintf( __( 'WordPress reaches the login server on this machine (%s), so nothing crosses the network.', 'workos-login' ), $host ),
			)
		);
	}
	return workos_login_health_outcome(
		'production' === wp_get_environment_type() ? 'critical' : 'recommended',
		__( 'Requests to the login server cross the network unencrypted', 'workos-login' ),
		array(
			/* translators: %s: a host name. */
			sprintf( __( 'WORKOS_LOGIN_SERVER_URL is a plain http:// address of another host (%s). Visitors’ passwords and one-time codes travel in these requests, readable by anyone on the network path; the signatures stop them being changed or replayed, not read.', 'workos-login' ), $host ),
			__( 'Put TLS in front of the login server (a reverse proxy or load balancer with a certificate) and change WORKOS_LOGIN_SERVER_URL to its https:// address, or run the login server on this machine and use http://127.0.0.1.', 'workos-login' ),
		)
	);
}

/**
 * The shared secret is set and long enough. Never shows any part of it.
 *
 * @since 0.3.0
 *
 * @return array{status: string, label: string, description: string}
 */
function workos_login_health_test_secret(): array {
	$length = strlen( workos_login_secret() );
	$where  = workos_login_diagnostics_source_label( workos_login_option_source( 'secret' ) );
	if ( 0 === $length ) {
		return workos_login_health_outcome(
			'critical',
			__( 'The WorkOS Login shared secret is not set', 'workos-login' ),
			array(
				__( 'WordPress and the login server sign every message with a shared secret; without it nobody can sign in with WorkOS.', 'workos-login' ),
				/* translators: %d: a number of bytes. */
				sprintf( __( 'Generate at least %d random bytes (for example: openssl rand -hex 32) and set the same value as WORKOS_LOGIN_SECRET in wp-config.php and in the login server’s environment.', 'workos-login' ), WORKOS_LOGIN_SECRET_MIN_BYTES ),
			)
		);
	}
	if ( $length < WORKOS_LOGIN_SECRET_MIN_BYTES ) {
		return workos_login_health_outcome(
			'critical',
			__( 'The WorkOS Login shared secret is too short', 'workos-login' ),
			array(
				/* translators: 1: a number of characters, 2: where it is set (constant, environment…), 3: a number of bytes. */
				sprintf( __( 'It has %1$d characters (source: %2$s); at least %3$d are needed, so WordPress does not send anything to the login server.', 'workos-login' ), $length, $where, WORKOS_LOGIN_SECRET_MIN_BYTES ),
				__( 'Generate a new one (for example: openssl rand -hex 32) and set it as WORKOS_LOGIN_SECRET in wp-config.php and in the login server’s environment.', 'workos-login' ),
			)
		);
	}
	$paragraphs = array(
		/* translators: 1: a number of characters, 2: where it is set (constant, environment…). */
		sprintf( __( 'It has %1$d characters (source: %2$s).', 'workos-login' ), $length, $where ),
	);
	if ( 'database' === workos_login_option_source( 'secret' ) ) {
		$paragraphs[] = __( 'Consider moving it to wp-config.php (WORKOS_LOGIN_SECRET), so database backups do not carry it.', 'workos-login' );
	}
	if ( '' !== workos_login_previous_secret() ) {
		$paragraphs[] = __( 'A rotation of the secret is under way: WORKOS_LOGIN_SECRET_PREVIOUS is set, so a login server that does not have the new secret yet is still answered with the previous one.', 'workos-login' );
		$paragraphs[] = __( 'Once every login server uses the new secret, remove WORKOS_LOGIN_SECRET_PREVIOUS from wp-config.php and from the login servers: until then the previous secret still works.', 'workos-login' );
		return workos_login_health_outcome( 'recommended', __( 'A rotation of the WorkOS Login shared secret is under way', 'workos-login' ), $paragraphs );
	}
	return workos_login_health_outcome( 'good', __( 'The WorkOS Login shared secret is set and long enough', 'workos-login' ), $paragraphs );
}

/**
 * The `/workos/…` rewrite rules are among WordPress's stored rules.
 *
 * @since 0.3.0
 * @since 0.4.0 `/workos/callback`.
 *
 * @return array{status: string, label: string, description: string}
 */
function workos_login_health_test_rewrite_rules(): array {
	if ( '' === (string) get_option( 'permalink_structure' ) ) {
		return workos_login_health_outcome(
			'recommended',
			__( 'WorkOS sign-in pages use plain addresses', 'workos-login' ),
			array(
				__( 'This site uses plain permalinks, so sign-in pages are reached as ?workos_login_profile=<profile> instead of /workos/login/<profile>, and the custom paths of Login Profiles do not work. wp-login.php still shows the default profile.', 'workos-login' ),
				__( 'Choose any other structure on Settings → Permalinks to use them.', 'workos-login' ),
			)
		);
	}
	$stored   = get_option( 'rewrite_rules' );
	$stored   = is_array( $stored ) ? $stored : array();
	$expected = array(
		WORKOS_LOGIN_ROUTE_REGEX    => '/workos/login/<profile>',
		WORKOS_LOGIN_CALLBACK_REGEX => '/workos/callback',
	);
	foreach ( array_keys( workos_login_custom_paths() ) as $path ) {
		$expected[ workos_login_custom_path_regex( $path ) ] = '/' . $path;
	}
	$missing = array_values( array_diff_key( $expected, $stored ) );
	if ( $missing ) {
		return workos_login_health_outcome(
			'critical',
			__( 'WorkOS sign-in addresses are missing from the rewrite rules', 'workos-login' ),
			array(
				/* translators: %s: a list of addresses. */
				sprintf( __( 'These addresses answer “page not found” instead of a sign-in page: %s.', 'workos-login' ), implode( ', ', $missing ) ),
				__( 'Open Settings → Permalinks and press “Save Changes” to rebuild the rules. If they go missing again, another plugin is replacing the rules.', 'workos-login' ),
			)
		);
	}
	return workos_login_health_outcome(
		'good',
		__( 'WorkOS sign-in addresses are in place', 'workos-login' ),
		array(
			/* translators: %s: a list of addresses. */
			sprintf( __( 'WordPress routes these addresses to their sign-in pages: %s.', 'workos-login' ), implode( ', ', $expected ) ),
		)
	);
}

/**
 * A production site is served over HTTPS (sign-in pages carry passwords and session cookies).
 *
 * @since 0.3.0
 *
 * @return array{status: string, label: string, description: string}
 */
function workos_login_health_test_https(): array {
	$environment = wp_get_environment_type();
	$insecure    = array();
	foreach ( array( home_url( '/' ), site_url( '/' ) ) as $url ) {
		if ( 'https' !== wp_parse_url( $url, PHP_URL_SCHEME ) ) {
			$insecure[] = $url;
		}
	}
	$insecure = array_unique( $insecure );
	if ( ! $insecure ) {
		return workos_login_health_outcome( 'good', __( 'WorkOS sign-in pages are served over HTTPS', 'workos-login' ), array( __( 'The site and WordPress addresses both use https://.', 'workos-login' ) ) );
	}
	if ( 'production' !== $environment ) {
		return workos_login_health_outcome(
			'good',
			__( 'HTTPS is not required on this site', 'workos-login' ),
			array(
				/* translators: %s: the environment type (local, development, staging). */
				sprintf( __( 'This is a “%s” site (WP_ENVIRONMENT_TYPE), so plain http:// is accepted; a production site must use HTTPS.', 'workos-login' ), $environment ),
			)
		);
	}
	return workos_login_health_outcome(
		'critical',
		__( 'WorkOS sign-in pages are not served over HTTPS', 'workos-login' ),
		array(
			/* translators: %s: one or two addresses. */
			sprintf( __( 'This production site uses %s, so passwords, one-time codes and session cookies cross the network unencrypted.', 'workos-login' ), implode( ', ', $insecure ) ),
			__( 'Install a TLS certificate, then change the WordPress Address and Site Address on Settings → General to https://.', 'workos-login' ),
		)
	);
}
