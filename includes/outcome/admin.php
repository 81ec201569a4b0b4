<?php
/**
 * Validation of the identity administration outcomes (protocol/admin.ts, issue 5): `user`,
 * `roles`, `health`, `session_revoked`, `audit_forwarded`. Callers name the types they accept
 * in workos_login_server_request()'s third argument; anything off-contract becomes null there.
 *
 * @package WorkOS_Login
 * @since   0.3.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Validates one of the identity administration outcomes.
 *
 * @since 0.3.0
 *
 * @param array<string, mixed> $outcome Decoded JSON with one of the types above.
 * @return array<string, mixed>|null The outcome (only the contract's fields), or null.
 */
function workos_login_parse_identity_admin_outcome( array $outcome ): ?array {
	switch ( $outcome['type'] ) {
		case 'user':
			$user = null;
			if ( null !== ( $outcome['user'] ?? null ) ) {
				$identity = workos_login_parse_identity(
					array(
						'user'            => $outcome['user'],
						'organization_id' => null,
						'membership'      => $outcome['membership'] ?? null,
						'session_id'      => null,
						'method'          => 'password',
					)
				);
				if ( null === $identity ) {
					return null;
				}
				$user = $identity['user'];
			}
			$membership = $outcome['membership'] ?? null;
			if ( null !== $membership && ( ! is_array( $membership ) || ! is_string( $membership['role'] ?? null ) || ! in_array( $membership['status'] ?? null, array( 'active', 'inactive', 'pending' ), true ) ) ) {
				return null;
			}
			return array(
				'type'       => 'user',
				'user'       => $user,
				'membership' => null === $membership ? null : array(
					'role'   => $membership['role'],
					'status' => $membership['status'],
				),
			);
		case 'roles':
			if ( ! is_array( $outcome['roles'] ?? null ) || ! array_is_list( $outcome['roles'] ) ) {
				return null;
			}
			$roles = array();
			foreach ( $outcome['roles'] as $role ) {
				if ( ! is_array( $role ) || ! workos_login_is_nonempty_string( $role['slug'] ?? null ) || ! is_string( $role['name'] ?? null ) ) {
					return null;
				}
				$roles[] = array(
					'slug' => $role['slug'],
					'name' => $role['name'],
				);
			}
			return array(
				'type'  => 'roles',
				'roles' => $roles,
			);
		case 'health':
			$workos       = $outcome['workos'] ?? null;
			$organization = $outcome['organization'] ?? null;
			if ( ! is_int( $outcome['server_time'] ?? null ) || ! is_array( $workos ) || ! is_bool( $workos['ok'] ?? null ) || ! is_string( $workos['api_host'] ?? null )
				|| ! workos_login_is_nullable_string( $workos, 'error' ) || ! workos_login_is_nullable_string( $workos, 'api_key_last4' ) || ! workos_login_is_nullable_string( $workos, 'client_id' )
				|| ! is_array( $organization ) || ! in_array( $organization['status'] ?? null, array( 'found', 'missing', 'unchecked' ), true )
				|| ! workos_login_is_nullable_string( $organization, 'id' ) || ! workos_login_is_nullable_string( $organization, 'name' ) ) {
				return null;
			}
			return array(
				'type'         => 'health',
				'server_time'  => $outcome['server_time'],
				'workos'       => array(
					'ok'            => $workos['ok'],
					'error'         => $workos['error'],
					'api_host'      => $workos['api_host'],
					// Only ever the last 4: never keep more of a key than a screen shows.
					'api_key_last4' => null === $workos['api_key_last4'] ? null : substr( $workos['api_key_last4'], -4 ),
					'client_id'     => $workos['client_id'],
				),
				'organization' => array(
					'status' => $organization['status'],
					'id'     => $organization['id'],
					'name'   => $organization['name'],
				),
			);
		case 'session_revoked':
			$url = $outcome['logout_url'] ?? null;
			if ( ! is_bool( $outcome['revoked'] ?? null ) || ( null !== $url && ( ! is_string( $url ) || ! in_array( wp_parse_url( $url, PHP_URL_SCHEME ), array( 'http', 'https' ), true ) ) ) ) {
				return null;
			}
			return array(
				'type'       => 'session_revoked',
				'revoked'    => $outcome['revoked'],
				'logout_url' => $url,
			);
		case 'audit_forwarded':
			return array( 'type' => 'audit_forwarded' );
	}
	return null;
}
