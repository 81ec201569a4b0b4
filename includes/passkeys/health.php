<?php
/**
 * Site Health: passkeys can work here — the relying party id fits the site's host, and the
 * site is a secure context (HTTPS, or `localhost`), which WebAuthn requires. IP addresses are
 * never valid relying parties.
 *
 * @package WorkOS_Login
 * @since   0.5.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Adds the test after this plugin's own (workos_login_register_health_tests()).
 *
 * @since 0.5.0
 *
 * @param array<string, array<string, mixed>> $tests Name => entry.
 * @return array<string, array<string, mixed>>
 */
function workos_login_passkey_health_tests( $tests ): array {
	$tests             = is_array( $tests ) ? $tests : array();
	$tests['passkeys'] = array(
		'label'    => __( 'Passkeys on this site', 'workos-login' ),
		'callback' => 'workos_login_health_test_passkeys',
	);
	return $tests;
}
add_filter( 'workos_login_health_tests', 'workos_login_passkey_health_tests' );

/**
 * Whether anything uses passkeys: a profile offering them (to sign in or as a second factor),
 * or step-up roles.
 *
 * @since 0.5.0
 */
function workos_login_passkeys_in_use(): bool {
	foreach ( workos_login_get_profiles() as $profile ) {
		if ( in_array( 'passkey', (array) $profile['methods'], true ) || in_array( 'webauthn', (array) ( $profile['mfa']['factors'] ?? array() ), true ) ) {
			return true;
		}
	}
	return (bool) workos_login_option( 'passkey_step_up_roles' );
}

/**
 * The test.
 *
 * @since 0.5.0
 *
 * @return array{status: string, label: string, description: string}
 */
function workos_login_health_test_passkeys(): array {
	$host     = workos_login_home_host();
	$rp_id    = workos_login_passkey_rp_id();
	$scheme   = (string) wp_parse_url( home_url(), PHP_URL_SCHEME );
	$local    = 'localhost' === $host || str_ends_with( $host, '.localhost' );
	$problems = array();
	if ( false !== filter_var( $host, FILTER_VALIDATE_IP ) ) {
		/* translators: %s: an IP address. */
		$problems[] = sprintf( __( 'The site is addressed by an IP address (%s); browsers allow passkeys only on host names. Use a host name (for local development: localhost).', 'workos-login' ), $host );
	} elseif ( ! workos_login_rp_id_fits_host( $rp_id, $host ) ) {
		/* translators: 1: the relying party id, 2: the site's host. */
		$problems[] = sprintf( __( 'The passkey domain “%1$s” is neither this site’s host (%2$s) nor a domain it belongs to: browsers refuse every passkey. Correct it on WorkOS → Settings → Passkeys.', 'workos-login' ), $rp_id, $host );
	}
	if ( 'https' !== $scheme && ! $local ) {
		$problems[] = __( 'The site is not served over HTTPS; browsers offer passkeys only on secure pages (HTTPS, or localhost). Change the Site Address on Settings → General to https://.', 'workos-login' );
	}
	if ( ! $problems ) {
		return workos_login_health_outcome(
			'good',
			__( 'Passkeys can work on this site', 'workos-login' ),
			array(
				/* translators: 1: the relying party id, 2: the site's address. */
				sprintf( __( 'Passkeys are created for “%1$s” and accepted from %2$s.', 'workos-login' ), $rp_id, workos_login_site_origin() ),
			)
		);
	}
	$used = workos_login_passkeys_in_use();
	if ( ! $used ) {
		$problems[] = __( 'No Login Profile offers passkeys yet, so nobody is affected now.', 'workos-login' );
	}
	return workos_login_health_outcome( $used ? 'critical' : 'recommended', __( 'Passkeys cannot work on this site', 'workos-login' ), $problems );
}
