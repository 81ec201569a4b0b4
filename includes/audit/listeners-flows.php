<?php
/**
 * What the account flows of the browser routes write to the audit log: `signup` (a sign-up
 * created the WordPress user), `password_reset` (a WorkOS reset went through), `mfa_enrolled`
 * and `mfa_challenge_failed`. Which flow a request continues comes from the flow tags
 * (rest/auth-steps.php).
 *
 * @package WorkOS_Login
 * @since   0.4.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * `signup`: the WordPress user just created came through the sign-up flow.
 *
 * @since 0.4.0
 *
 * @param WP_User              $user     The new user.
 * @param array<string, mixed> $identity The identity.
 */
function workos_login_audit_on_signup_user_created( $user, $identity ): void {
	if ( in_array( 'signup', workos_login_auth_request_tags(), true ) ) {
		workos_login_audit_account_event( 'signup', $user, $identity );
	}
}
add_action( 'workos_login_user_created', 'workos_login_audit_on_signup_user_created', 10, 2 );

/**
 * `password_reset`, `mfa_enrolled`, `mfa_challenge_failed` from a browser route's answer (the
 * events each route declares in its row).
 *
 * @since 0.4.0
 *
 * @param string                        $route   Browser route.
 * @param array<string, mixed>|WP_Error $outcome The login server's outcome.
 * @param mixed                         $response The answer (unused).
 * @param string[]                      $tags    What the flow started as.
 * @param array<string, mixed>          $profile The `LoginProfile`.
 */
function workos_login_audit_on_auth_answered( $route, $outcome, $response, $tags, $profile ): void {
	if ( ! is_array( $outcome ) || ! is_array( $profile ) ) {
		return;
	}
	$event = workos_login_audit_route_event( (string) $route, $outcome, (array) $tags );
	if ( null === $event ) {
		return;
	}
	$identity = 'authenticated' === $outcome['type'] ? $outcome['identity'] : array();
	$fields   = workos_login_audit_identity_fields( $identity, (string) $profile['slug'] );
	if ( 'password_reset' === $event ) {
		$fields['method'] = 'password';
	}
	workos_login_audit(
		$event,
		array( 'user_id' => workos_login_audit_user_id_of( $fields['workos_user_id'] ) ) + $fields + array(
			'detail' => array( 'signed_in' => 'authenticated' === $outcome['type'] ),
		)
	);
}
add_action( 'workos_login_auth_answered', 'workos_login_audit_on_auth_answered', 10, 5 );

/**
 * The audit event of a route's answer, from the route's `audit` (workos_login_auth_routes()):
 * `ok` on success, `ok:<tag>` on success of a flow tagged so, an error code on that refusal.
 *
 * @since 0.6.0
 *
 * @param string               $route   Browser route.
 * @param array<string, mixed> $outcome The login server's outcome.
 * @param string[]             $tags    What the flow started as.
 * @return string|null The event, null for none.
 */
function workos_login_audit_route_event( string $route, array $outcome, array $tags ): ?string {
	$events = workos_login_auth_routes()[ $route ]['audit'] ?? array();
	if ( 'error' === $outcome['type'] ) {
		return $events[ (string) $outcome['code'] ] ?? null;
	}
	foreach ( $tags as $tag ) {
		if ( isset( $events[ 'ok:' . $tag ] ) ) {
			return $events[ 'ok:' . $tag ];
		}
	}
	return $events['ok'] ?? null;
}
