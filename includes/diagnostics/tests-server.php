<?php
/**
 * The health tests that need the login server: reachable and signing, WorkOS credentials, the
 * site organization, the clocks. All read the one exchange of workos_login_diagnostics_health().
 *
 * @package WorkOS_Login
 * @since   0.3.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** Clock difference (seconds) above which the clock test recommends a fix. */
const WORKOS_LOGIN_CLOCK_SKEW_WARN = 30;

/** Clock difference (seconds) above which it is critical: signatures allow 60 s. */
const WORKOS_LOGIN_CLOCK_SKEW_CRITICAL = 120;

/**
 * Login server reachable, and its signature and ours accepted both ways.
 *
 * @since 0.3.0
 *
 * @return array{status: string, label: string, description: string}
 */
function workos_login_health_test_login_server(): array {
	$errors = workos_login_config_errors();
	if ( $errors ) {
		$errors[] = __( 'Nobody can sign in with WorkOS until this is fixed.', 'workos-login' );
		return workos_login_health_outcome( 'critical', __( 'The WorkOS login server is not configured', 'workos-login' ), $errors );
	}
	$url    = workos_login_server_url();
	$health = workos_login_diagnostics_health();
	if ( $health['signed'] && 'invalid_outcome' === ( $health['error']['code'] ?? null ) ) {
		return workos_login_health_outcome(
			'recommended',
			__( 'The WorkOS login server answers, but its health report is not understood', 'workos-login' ),
			array(
				/* translators: %s: the login server address. */
				sprintf( __( 'The login server at %s accepted this site’s signature, but answered the health check with something this version of the plugin does not understand.', 'workos-login' ), $url ),
				__( 'Run the login server of the same release as the plugin.', 'workos-login' ),
			)
		);
	}
	if ( $health['signed'] ) {
		return workos_login_health_outcome(
			'good',
			__( 'The WorkOS login server answers and accepts this site’s signature', 'workos-login' ),
			array(
				/* translators: %s: the login server address. */
				sprintf( __( 'WordPress reached the login server at %s, and each side verified the other’s signature with the shared secret.', 'workos-login' ), $url ),
			)
		);
	}
	if ( $health['reachable'] ) {
		return workos_login_health_outcome(
			'critical',
			__( 'The WorkOS login server answers, but refuses this site’s signed requests', 'workos-login' ),
			array(
				/* translators: %s: the login server address. */
				sprintf( __( 'Something answers at %s, but the signed exchange with it failed, so nobody can sign in with WorkOS.', 'workos-login' ), $url ),
				__( 'Check that WORKOS_LOGIN_SECRET is exactly the same in wp-config.php and in the login server’s environment, that both clocks are right (see the clock test), and that the login server is of the same release as the plugin. The PHP error log has a line starting with “WorkOS Login:”.', 'workos-login' ),
			)
		);
	}
	return workos_login_health_outcome(
		'critical',
		__( 'The WorkOS login server cannot be reached', 'workos-login' ),
		array(
			/* translators: %s: the login server address. */
			sprintf( __( 'WordPress could not connect to the login server at %s, so nobody can sign in with WorkOS.', 'workos-login' ), $url ),
			__( 'Check that the login server is running, that WORKOS_LOGIN_SERVER_URL points to it, and that this web server may connect to it (firewall, private network).', 'workos-login' ),
		)
	);
}

/**
 * WorkOS accepts the login server's credentials: the server made a real authenticated call.
 *
 * @since 0.3.0
 *
 * @return array{status: string, label: string, description: string}
 */
function workos_login_health_test_workos_credentials(): array {
	$health = workos_login_diagnostics_health();
	if ( null === $health['health'] ) {
		return workos_login_health_unchecked( __( 'WorkOS credentials could not be checked', 'workos-login' ), $health );
	}
	$workos = $health['health']['workos'];
	if ( $workos['ok'] ) {
		return workos_login_health_outcome(
			'good',
			__( 'WorkOS accepts the login server’s credentials', 'workos-login' ),
			array(
				/* translators: 1: a host name, 2: the last characters of an API key. */
				sprintf( __( 'The login server made an authenticated call to WorkOS (%1$s) with the API key ending in “%2$s”, and it succeeded.', 'workos-login' ), $workos['api_host'], (string) $workos['api_key_last4'] ),
			)
		);
	}
	$reason = null !== $workos['error'] && '' !== $workos['error'] ? $workos['error'] : __( 'no reason given', 'workos-login' );
	return workos_login_health_outcome(
		'critical',
		__( 'The login server’s call to WorkOS failed', 'workos-login' ),
		array(
			/* translators: 1: a host name, 2: the reason WorkOS or the network gave. */
			sprintf( __( 'The login server’s authenticated call to WorkOS (%1$s) failed: %2$s. Nobody can sign in with WorkOS until it succeeds.', 'workos-login' ), $workos['api_host'], $reason ),
			null === $workos['api_key_last4']
				? __( 'The login server has no WorkOS API key: set WORKOS_API_KEY and WORKOS_CLIENT_ID in its environment (WorkOS dashboard → API Keys) and restart it.', 'workos-login' )
				: __( 'Check WORKOS_API_KEY and WORKOS_CLIENT_ID in the login server’s environment against the WorkOS dashboard (API Keys, and the right environment: staging or production), then restart the login server.', 'workos-login' ),
		)
	);
}

/**
 * The site organization exists in WorkOS.
 *
 * @since 0.3.0
 *
 * @return array{status: string, label: string, description: string}
 */
function workos_login_health_test_organization(): array {
	$raw = (string) workos_login_option( 'organization_id' );
	$id  = workos_login_site_organization_id();
	if ( '' !== $raw && null === $id ) {
		return workos_login_health_outcome(
			'critical',
			__( 'The WorkOS site organization ID is not valid', 'workos-login' ),
			array(
				/* translators: %s: what the administrator entered. */
				sprintf( __( '“%s” does not look like a WorkOS organization ID (org_…).', 'workos-login' ), $raw ),
				__( 'Copy the ID from the WorkOS dashboard (Organizations) into WORKOS_ORGANIZATION_ID or WorkOS → Settings.', 'workos-login' ),
			)
		);
	}
	if ( null === $id ) {
		$gate = (bool) workos_login_option( 'gate_enabled' );
		return workos_login_health_outcome(
			$gate ? 'critical' : 'recommended',
			__( 'No WorkOS site organization is set', 'workos-login' ),
			array(
				$gate
					? __( 'The entitlement gate is on but has no organization to check, so it refuses every sign-in through a Login Profile that does not pin its own organization.', 'workos-login' )
					: __( 'Without one, the entitlement gate has nothing to check and WorkOS roles cannot be mapped to WordPress roles (except through Login Profiles that pin their own organization).', 'workos-login' ),
				__( 'Choose the organization on WorkOS → Settings, or define WORKOS_ORGANIZATION_ID in wp-config.php.', 'workos-login' ),
			)
		);
	}
	$health = workos_login_diagnostics_health();
	if ( null === $health['health'] || 'unchecked' === $health['health']['organization']['status'] ) {
		return workos_login_health_unchecked( __( 'The WorkOS site organization could not be checked', 'workos-login' ), $health );
	}
	$organization = $health['health']['organization'];
	if ( 'found' === $organization['status'] ) {
		return workos_login_health_outcome(
			'good',
			__( 'The WorkOS site organization exists', 'workos-login' ),
			array(
				/* translators: 1: organization name, 2: organization ID. */
				sprintf( __( 'WorkOS knows the site organization: %1$s (%2$s).', 'workos-login' ), (string) $organization['name'], $id ),
			)
		);
	}
	return workos_login_health_outcome(
		'critical',
		__( 'The WorkOS site organization does not exist', 'workos-login' ),
		array(
			/* translators: %s: organization ID. */
			sprintf( __( 'WorkOS has no organization %s in the environment of the login server’s API key, so the entitlement gate refuses sign-ins and roles are not mapped.', 'workos-login' ), $id ),
			__( 'Copy the right ID from the WorkOS dashboard (Organizations), and check that the API key belongs to the same environment.', 'workos-login' ),
		)
	);
}

/**
 * The clocks of WordPress and the login server agree (signatures allow 60 s of difference).
 *
 * @since 0.3.0
 *
 * @return array{status: string, label: string, description: string}
 */
function workos_login_health_test_clock(): array {
	$health = workos_login_diagnostics_health();
	$clock  = workos_login_diagnostics_clock_skew( $health );
	if ( null === $clock ) {
		return workos_login_health_unchecked( __( 'The clocks of WordPress and the WorkOS login server could not be compared', 'workos-login' ), $health );
	}
	$apart   = max( 0.0, abs( $clock['skew'] ) - $clock['uncertainty'] );
	$status  = $apart > WORKOS_LOGIN_CLOCK_SKEW_CRITICAL ? 'critical' : ( $apart > WORKOS_LOGIN_CLOCK_SKEW_WARN ? 'recommended' : 'good' );
	$measure = sprintf(
		/* translators: 1: seconds, 2: "ahead of" or "behind", 3: milliseconds. */
		__( 'The login server’s clock is %1$s seconds %2$s WordPress’s (measured over a %3$s ms round trip).', 'workos-login' ),
		number_format_i18n( abs( $clock['skew'] ), 1 ),
		$clock['skew'] >= 0 ? __( 'ahead of', 'workos-login' ) : __( 'behind', 'workos-login' ),
		number_format_i18n( ( $health['finished'] - $health['started'] ) * 1000 )
	);
	if ( 'good' === $status ) {
		return workos_login_health_outcome( 'good', __( 'The clocks of WordPress and the WorkOS login server agree', 'workos-login' ), array( $measure ) );
	}
	return workos_login_health_outcome(
		$status,
		__( 'The clocks of WordPress and the WorkOS login server differ', 'workos-login' ),
		array(
			$measure,
			/* translators: %d: seconds. */
			sprintf( __( 'Signed messages between them are refused when the clocks differ by more than %d seconds, which stops every WorkOS sign-in.', 'workos-login' ), (int) ( WORKOS_LOGIN_SIGNATURE_TOLERANCE_MS / 1000 ) ),
			__( 'Keep both machines’ clocks synchronised (NTP: systemd-timesyncd, chrony or ntpd).', 'workos-login' ),
		)
	);
}

/**
 * The result of a test that needs a login server answer it did not get.
 *
 * @since 0.3.0
 *
 * @param string                                                                                 $label  Headline.
 * @param array{health: array<string, mixed>|null, error: array{code: string, status: int}|null} $health workos_login_diagnostics_health().
 * @return array{status: string, label: string, description: string}
 */
function workos_login_health_unchecked( string $label, array $health ): array {
	if ( null !== $health['health'] ) {
		$why = __( 'WorkOS did not answer the login server’s call (see the WorkOS credentials test).', 'workos-login' );
	} elseif ( null !== $health['error'] ) {
		/* translators: %s: an error code. */
		$why = sprintf( __( 'The login server could not run the check (error “%s”).', 'workos-login' ), $health['error']['code'] );
	} else {
		$why = __( 'The check runs through the login server, which did not answer (see the WorkOS login server test).', 'workos-login' );
	}
	return workos_login_health_outcome( 'recommended', $label, array( $why, __( 'Fix that first, then run the tests again.', 'workos-login' ) ) );
}
