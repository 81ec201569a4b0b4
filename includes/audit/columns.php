<?php
/**
 * The audit log's columns and the text of each cell, shared by the screen and the CSV export
 * so both always say the same thing.
 *
 * @package WorkOS_Login
 * @since   0.3.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Column key → heading. The forwarding column appears once forwarding is on or was used.
 *
 * @since 0.3.0
 *
 * @return array<string, string>
 */
function workos_login_audit_columns(): array {
	$columns = array(
		/* translators: %s: the site's time zone, e.g. "Europe/Paris" or "UTC+2". */
		'occurred_at'    => sprintf( __( 'Time (%s)', 'workos-login' ), wp_timezone_string() ),
		'event'          => __( 'Event', 'workos-login' ),
		'user'           => __( 'User', 'workos-login' ),
		'email'          => __( 'Email', 'workos-login' ),
		'workos_user_id' => __( 'WorkOS user', 'workos-login' ),
		'profile'        => __( 'Profile', 'workos-login' ),
		'method'         => __( 'Method', 'workos-login' ),
		'ip'             => __( 'IP address', 'workos-login' ),
		'user_agent'     => __( 'User agent', 'workos-login' ),
		'detail'         => __( 'Details', 'workos-login' ),
	);
	if ( workos_login_audit_has_forwarding() ) {
		$columns['forwarding'] = __( 'Forwarded to WorkOS', 'workos-login' );
	}
	return $columns;
}

/**
 * A cell's text (not escaped: the screen escapes it, the CSV export guards it).
 *
 * @since 0.3.0
 *
 * @param array<string, string> $row    A row as read.
 * @param string                $column Column key.
 */
function workos_login_audit_cell( array $row, string $column ): string {
	switch ( $column ) {
		case 'occurred_at':
			$time = strtotime( $row['occurred_at'] . ' UTC' );
			return false === $time ? $row['occurred_at'] : wp_date( 'Y-m-d H:i:s', $time );
		case 'user':
			return workos_login_audit_user_label( (int) $row['user_id'] );
		case 'detail':
			return workos_login_audit_detail_text( $row['detail'] );
		case 'forwarding':
			return workos_login_audit_forwarding_text( $row );
	}
	return (string) ( $row[ $column ] ?? '' );
}

/**
 * "login (#id)" for a user, "#id" for a deleted one, '' for none.
 *
 * @since 0.3.0
 *
 * @param int $user_id User id.
 */
function workos_login_audit_user_label( int $user_id ): string {
	if ( $user_id <= 0 ) {
		return '';
	}
	$user = get_userdata( $user_id );
	return $user ? sprintf( '%s (#%d)', $user->user_login, $user_id ) : '#' . $user_id;
}

/**
 * The detail JSON as `key: value; …` (nested values as JSON).
 *
 * @since 0.3.0
 *
 * @param string $json Stored detail.
 */
function workos_login_audit_detail_text( string $json ): string {
	$detail = json_decode( $json, true );
	if ( ! is_array( $detail ) ) {
		return '';
	}
	$parts = array();
	foreach ( $detail as $key => $value ) {
		if ( is_bool( $value ) ) {
			$value = $value ? 'true' : 'false';
		} elseif ( null === $value ) {
			$value = 'null';
		} elseif ( ! is_scalar( $value ) ) {
			$value = (string) wp_json_encode( $value, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE );
		}
		$parts[] = $key . ': ' . $value;
	}
	return implode( '; ', $parts );
}

/**
 * The forwarding state: "sent", "pending (2 attempts: workos_unavailable)", "failed (…)", ''.
 *
 * @since 0.3.0
 *
 * @param array<string, string> $row A row as read.
 */
function workos_login_audit_forwarding_text( array $row ): string {
	$labels = array(
		'sent'    => __( 'sent', 'workos-login' ),
		'pending' => __( 'pending', 'workos-login' ),
		'failed'  => __( 'failed', 'workos-login' ),
	);
	$state  = $row['forward_state'] ?? '';
	if ( ! isset( $labels[ $state ] ) ) {
		return '';
	}
	$attempts = (int) ( $row['forward_attempts'] ?? 0 );
	if ( 'sent' === $state || 0 === $attempts ) {
		return $labels[ $state ];
	}
	return sprintf(
		/* translators: 1: state (pending, failed), 2: number of attempts, 3: error code. */
		_n( '%1$s (%2$d attempt: %3$s)', '%1$s (%2$d attempts: %3$s)', $attempts, 'workos-login' ),
		$labels[ $state ],
		$attempts,
		(string) ( $row['forward_error'] ?? '' )
	);
}

/**
 * Event key → label, for the filter.
 *
 * @since 0.3.0
 *
 * @return array<string, string>
 */
function workos_login_audit_event_labels(): array {
	return array(
		'login'                      => __( 'Sign-in', 'workos-login' ),
		'login_failed'               => __( 'Failed sign-in', 'workos-login' ),
		'login_denied'               => __( 'Denied sign-in', 'workos-login' ),
		'logout'                     => __( 'Sign-out', 'workos-login' ),
		'signup'                     => __( 'Sign-up', 'workos-login' ),
		'password_reset'             => __( 'Password reset', 'workos-login' ),
		'mfa_enrolled'               => __( 'MFA enrolled', 'workos-login' ),
		'mfa_challenge_failed'       => __( 'MFA challenge failed', 'workos-login' ),
		'passkey_registered'         => __( 'Passkey registered', 'workos-login' ),
		'passkey_removed'            => __( 'Passkey removed', 'workos-login' ),
		'passkey_counter_regression' => __( 'Passkey refused (possible clone)', 'workos-login' ),
		'role_changed'               => __( 'Role changed', 'workos-login' ),
		'user_linked'                => __( 'User linked', 'workos-login' ),
		'user_created'               => __( 'User created', 'workos-login' ),
		'user_suspended'             => __( 'User suspended or restored', 'workos-login' ),
		'email_conflict'             => __( 'Email change refused', 'workos-login' ),
		'profile_changed'            => __( 'Login Profile changed', 'workos-login' ),
		'settings_changed'           => __( 'Settings changed', 'workos-login' ),
		'native_login_used'          => __( 'Emergency access', 'workos-login' ),
		'wp_password_used'           => __( 'WordPress password used', 'workos-login' ),
		'wp_password_refused'        => __( 'WordPress password refused', 'workos-login' ),
		'storage_failure'            => __( 'Database refused a write', 'workos-login' ),
	);
}

/**
 * Method key → label, for the filter (a key it does not know: the key itself).
 *
 * @since 0.6.0
 *
 * @param string $method Protocol `IdentityMethod`, or `native`.
 */
function workos_login_method_label( string $method ): string {
	$labels = array(
		'password'                 => __( 'Password', 'workos-login' ),
		'magic_code'               => __( 'Email code', 'workos-login' ),
		'oauth_google'             => 'Google',
		'oauth_microsoft'          => 'Microsoft',
		'oauth_github'             => 'GitHub',
		'oauth_apple'              => 'Apple',
		'sso'                      => __( 'Single sign-on', 'workos-login' ),
		'passkey'                  => __( 'Passkey', 'workos-login' ),
		'oauth_bitbucket'          => 'Bitbucket',
		'oauth_discord'            => 'Discord',
		'oauth_gitlab'             => 'GitLab',
		'oauth_intuit'             => 'Intuit',
		'oauth_linkedin'           => 'LinkedIn',
		'oauth_salesforce'         => 'Salesforce',
		'oauth_slack'              => 'Slack',
		'oauth_vercel'             => 'Vercel',
		'oauth_vercel_marketplace' => __( 'Vercel Marketplace', 'workos-login' ),
		'oauth_xero'               => 'Xero',
		'cross_app'                => __( 'Cross-app authentication', 'workos-login' ),
		'external'                 => __( 'External provider', 'workos-login' ),
		'impersonation'            => __( 'WorkOS impersonation', 'workos-login' ),
		'migrated_session'         => __( 'Migrated session', 'workos-login' ),
		'unknown'                  => __( 'Unknown (named by WorkOS)', 'workos-login' ),
		'native'                   => __( 'WordPress password', 'workos-login' ),
	);
	return $labels[ $method ] ?? $method;
}
