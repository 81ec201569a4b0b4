<?php
/**
 * What the audit listeners learn from the request itself: which sign-in step and Login Profile
 * a REST call is for (so a `wp_login_failed` fired without them still records them), and the
 * fields of a WordPress user.
 *
 * @package WorkOS_Login
 * @since   0.3.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Remembers the step and profile of a `workos/v1/auth/<step>` call before it runs.
 *
 * @since 0.3.0
 * @since 0.4.0 Routes of a method under another name (`magic_code_send`, `authorize`…) record that method.
 *
 * @param mixed           $response Passed through untouched.
 * @param mixed           $handler  The route's handler.
 * @param WP_REST_Request $request  The request.
 * @return mixed `$response`.
 */
function workos_login_audit_note_rest_request( $response, $handler, $request ) {
	if ( $request instanceof WP_REST_Request && 1 === preg_match( '#^/workos/v1/auth/([a-z0-9_-]+)#', $request->get_route(), $match ) ) {
		$profile = $request->get_param( 'profile' );
		$step    = $match[1];
		// The method a route signs in with, when it names one (the step name, else below).
		$methods = array(
			'magic_code_send'   => 'magic_code',
			'magic_code_verify' => 'magic_code',
			'signup'            => 'password',
			'reset_confirm'     => 'password',
			'passkey_options'   => 'passkey',
			'passkey_verify'    => 'passkey',
		);
		if ( 'authorize' === $step ) {
			$kind                 = $request->get_param( 'kind' );
			$provider             = $request->get_param( 'provider' );
			$methods['authorize'] = 'oauth' === $kind && is_string( $provider ) ? 'oauth_' . $provider : ( in_array( $kind, array( 'sso', 'sso_organization' ), true ) ? 'sso' : '' );
		}
		workos_login_audit_request_state(
			array(
				'step'    => $methods[ $step ] ?? $step,
				'profile' => is_string( $profile ) ? $profile : 'default',
			)
		);
	}
	return $response;
}
add_filter( 'rest_request_before_callbacks', 'workos_login_audit_note_rest_request', 10, 3 );

/**
 * The remembered sign-in call of this request.
 *
 * @since 0.3.0
 *
 * @param array{step: string, profile: string}|null $set What to remember, null to read.
 * @return array{step: string, profile: string}
 */
function workos_login_audit_request_state( ?array $set = null ): array {
	static $state = array(
		'step'    => '',
		'profile' => '',
	);
	if ( null !== $set ) {
		$state = $set;
	}
	return $state;
}

/**
 * The sign-in method of this request's step: the step's name when it is a protocol `Method`.
 *
 * @since 0.3.0
 */
function workos_login_audit_request_method(): string {
	$step = str_replace( '-', '_', workos_login_audit_request_state()['step'] );
	return in_array( $step, WORKOS_LOGIN_METHODS, true ) ? $step : '';
}

/**
 * The Login Profile of this request's sign-in call, '' outside one.
 *
 * @since 0.3.0
 */
function workos_login_audit_request_profile(): string {
	return workos_login_audit_request_state()['profile'];
}

/**
 * Whether this request is WordPress's own sign-in form (wp-login.php).
 *
 * @since 0.3.0
 */
function workos_login_audit_is_native_form(): bool {
	return isset( $GLOBALS['pagenow'] ) && 'wp-login.php' === $GLOBALS['pagenow'];
}

/**
 * The audit fields of a WordPress user.
 *
 * @since 0.3.0
 *
 * @param WP_User $user The user.
 * @return array{user_id: int, email: string, workos_user_id: string}
 */
function workos_login_audit_user_fields( WP_User $user ): array {
	return array(
		'user_id'        => $user->ID,
		'email'          => (string) $user->user_email,
		'workos_user_id' => (string) get_user_meta( $user->ID, WORKOS_LOGIN_USER_META, true ),
	);
}

/**
 * The WordPress user linked to a WorkOS user id, 0 when none.
 *
 * @since 0.3.0
 *
 * @param string $workos_user_id WorkOS user id.
 */
function workos_login_audit_user_id_of( string $workos_user_id ): int {
	if ( '' === $workos_user_id ) {
		return 0;
	}
	$ids = get_users(
		array(
			'blog_id'     => 0,
			'meta_key'    => WORKOS_LOGIN_USER_META, // phpcs:ignore WordPress.DB.SlowDBQuery -- one indexed key lookup, on a refusal.
			'meta_value'  => $workos_user_id, // phpcs:ignore WordPress.DB.SlowDBQuery
			'number'      => 1,
			'fields'      => 'ID',
			'count_total' => false,
		)
	);
	return $ids ? (int) $ids[0] : 0;
}
