<?php
/**
 * The one handler of every browser route: profile check, rate limits, one-time flows, the
 * envelope, the login server, the answer.
 *
 * @package WorkOS_Login
 * @since   0.4.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** How long one-time marks and flow tags last: longer than any sealed flow. */
const WORKOS_LOGIN_FLOW_MARK_TTL = DAY_IN_SECONDS;

/**
 * Handles `POST /wp-json/workos/v1/auth/<route>` (protocol `AuthResponse`).
 *
 * @since 0.4.0
 *
 * @param WP_REST_Request $request Validated by the route's args.
 */
function workos_login_rest_step( WP_REST_Request $request ): WP_REST_Response {
	$route    = workos_login_auth_route_of( $request );
	$asked    = false;
	$response = workos_login_rest_step_answer( $route, $request, $asked );
	// Refusals decided before the login server was asked (limits, profile, spent flows) are the same
	// for every email and stay cheap: a flood must not hold PHP workers asleep.
	if ( $asked && workos_login_answer_floored( $route, $response ) ) {
		workos_login_pad_to_floor();
	}
	return $response;
}

/**
 * Whether an answer of a route waits for the floor: every answer of the routes that exist
 * whatever the email (magic code, sign-up, reset), and the refusals of a password sign-in.
 *
 * @since 0.6.0
 *
 * @param string           $route    Browser route.
 * @param WP_REST_Response $response The answer.
 */
function workos_login_answer_floored( string $route, WP_REST_Response $response ): bool {
	$floor = workos_login_auth_routes()[ $route ]['floor'] ?? '';
	return 'always' === $floor || ( 'failure' === $floor && $response->get_status() >= 400 );
}

/**
 * Everything but the floor.
 *
 * @since 0.4.0
 * @since 0.5.0 `passkey_unknown` for a credential this site does not store, without asking the login server.
 * @since 0.6.0 `$asked`.
 *
 * @param string          $route   Browser route ('' when unknown).
 * @param WP_REST_Request $request The request.
 * @param bool            $asked   Set to whether the login server was asked.
 */
function workos_login_rest_step_answer( string $route, WP_REST_Request $request, bool &$asked = false ): WP_REST_Response {
	$spec = workos_login_auth_routes()[ $route ] ?? null;
	// Only the route's own fields: a body may carry others, which are ignored.
	$email   = isset( $spec['args']['email'] ) && is_string( $request['email'] ) ? $request['email'] : '';
	$profile = workos_login_get_profile( (string) $request['profile'] );
	if ( null === $spec || null === $profile ) {
		return workos_login_rest_error( 'invalid_request', 404, $email );
	}
	$refusal = workos_login_auth_route_refusal( $route, $profile, $request );
	if ( null !== $refusal ) {
		return workos_login_rest_error( $refusal[0], $refusal[1], $email );
	}
	$flow    = isset( $spec['args']['flow'] ) && is_string( $request['flow'] ) ? $request['flow'] : null;
	$buckets = workos_login_rate_buckets( $route, $email, $spec['limit'], $flow );
	$refusal = workos_login_rate_limit( $buckets );
	if ( null !== $refusal ) {
		return workos_login_rest_error( $refusal['code'], $refusal['status'], $email, $refusal['retry_after'] );
	}
	$once = $spec['once'] && null !== $flow ? 'once:flow:' . hash( 'sha256', $flow ) : null;
	if ( null !== $once ) {
		$marked = workos_login_limits_mark( $once, WORKOS_LOGIN_FLOW_MARK_TTL );
		if ( true !== $marked ) {
			return null === $marked
				? workos_login_rest_error( 'database_unavailable', 503, $email, WORKOS_LOGIN_DATABASE_RETRY_AFTER )
				: workos_login_rest_error( 'flow_expired', 400, $email );
		}
	}
	$choices = workos_login_auth_choices( $profile, (string) ( $request['redirect_to'] ?? '' ), (bool) $request['remember'] );
	$input   = workos_login_auth_input( $route, $request, $choices );
	if ( 'passkey_verify' === $route && ! isset( $input['credential'] ) ) {
		// Not a passkey of this site (or removed): the login server has nothing to check it against.
		if ( null !== $once ) {
			workos_login_limits_unmark( $once );
		}
		return workos_login_rest_error( 'passkey_unknown', 400, $email );
	}
	// Any step may end in a redirect to WorkOS (`sso_required`): bind this browser first.
	workos_login_ensure_browser_cookie();

	$extra = array( 'flow' => $flow );
	if ( $spec['passthrough'] ) {
		// WorkOS may answer `sso_required`: the server seals these into the OAuth state.
		$extra['passthrough'] = array(
			'redirect_to' => workos_login_requested_redirect( $choices['redirect_to'] ),
			'remember'    => $choices['remember'],
		);
	}
	$asked   = true;
	$outcome = workos_login_server_step( $route, $profile, $input, $spec['types'], $extra );
	$failed  = is_wp_error( $outcome ) || 'error' === $outcome['type'];
	if ( 'passkey_verify' === $route ) {
		workos_login_passkey_verify_answered( $outcome, (string) $profile['slug'] );
	}
	if ( null !== $once && $failed ) {
		workos_login_limits_unmark( $once ); // A wrong code may be corrected: the flow is not spent.
	}
	if ( workos_login_outcome_spares_budget( $outcome ) ) {
		workos_login_rate_give_back( $buckets );
	}

	$tags = workos_login_flow_tags( $route, $flow );
	if ( ! $failed && 'step' === $outcome['type'] ) {
		workos_login_tag_flow( $outcome['flow'], $tags );
	}
	workos_login_auth_request_tags( $tags );
	$response = workos_login_rest_answer( $outcome, $email, $choices );
	/**
	 * Fires after a browser route answered (the audit log records flow events from it).
	 *
	 * @since 0.4.0
	 *
	 * @param string                 $route    Browser route.
	 * @param array|WP_Error         $outcome  The login server's outcome.
	 * @param WP_REST_Response       $response The answer.
	 * @param string[]               $tags     What the flow started as (`signup`, `mfa_enroll`).
	 * @param array<string, mixed>   $profile  The `LoginProfile`.
	 */
	do_action( 'workos_login_auth_answered', $route, $outcome, $response, $tags, $profile );
	return $response;
}

/**
 * Sleeps until the answer floor: `WORKOS_LOGIN_ANSWER_FLOOR_MS` after the request started, or, when
 * the work took longer (a loaded machine), the next `WORKOS_LOGIN_ANSWER_STEP_MS` beyond it. The
 * floor is above the real cost of these routes (the login server's own floor is
 * `LIMITS.enumerationFloorMs`), so their time says nothing about whether the account exists, and
 * the steps keep that true, mostly, when the machine is slow.
 *
 * @since 0.4.0
 * @since 0.6.0 The answer floor, and its steps.
 */
function workos_login_pad_to_floor(): void {
	// phpcs:ignore WordPress.Security.ValidatedSanitizedInput -- a number PHP sets.
	$started = isset( $_SERVER['REQUEST_TIME_FLOAT'] ) ? (float) $_SERVER['REQUEST_TIME_FLOAT'] : microtime( true );
	$elapsed = ( microtime( true ) - $started ) * 1000;
	$target  = workos_login_answer_floor_ms( $elapsed );
	if ( $target > $elapsed ) {
		usleep( (int) ceil( ( $target - $elapsed ) * 1000 ) );
	}
}

/**
 * When an answer that took `$elapsed_ms` so far may leave: the floor, or the first step past it.
 *
 * @since 0.6.0
 *
 * @param float $elapsed_ms Time since the request started.
 */
function workos_login_answer_floor_ms( float $elapsed_ms ): float {
	$over = max( 0.0, $elapsed_ms - WORKOS_LOGIN_ANSWER_FLOOR_MS );
	return WORKOS_LOGIN_ANSWER_FLOOR_MS + ceil( $over / WORKOS_LOGIN_ANSWER_STEP_MS ) * WORKOS_LOGIN_ANSWER_STEP_MS;
}

/**
 * The tags of this request: the route's own (`signup`, `mfa_enroll`) and those of the flow it
 * continues.
 *
 * @since 0.4.0
 *
 * @param string      $route Browser route.
 * @param string|null $flow  The request's flow token.
 * @return string[]
 */
function workos_login_flow_tags( string $route, ?string $flow ): array {
	$tagging = array_keys( array_filter( wp_list_pluck( workos_login_auth_routes(), 'tag' ) ) );
	$tags    = in_array( $route, $tagging, true ) ? array( $route ) : array();
	if ( null !== $flow ) {
		foreach ( $tagging as $tag ) {
			if ( ! in_array( $tag, $tags, true ) && workos_login_limits_marked( 'tag:' . $tag . ':' . hash( 'sha256', $flow ) ) ) {
				$tags[] = $tag;
			}
		}
	}
	return $tags;
}

/**
 * Tags the flow of a step answer, so the requests that continue it know how it started.
 *
 * @since 0.4.0
 *
 * @param string   $flow The answer's flow token ('' for notices).
 * @param string[] $tags Tags.
 */
function workos_login_tag_flow( string $flow, array $tags ): void {
	if ( '' === $flow ) {
		return;
	}
	foreach ( $tags as $tag ) {
		workos_login_limits_mark( 'tag:' . $tag . ':' . hash( 'sha256', $flow ), WORKOS_LOGIN_FLOW_MARK_TTL );
	}
}

/**
 * The tags of the sign-in being answered in this request (read by the audit listeners while
 * login completion runs).
 *
 * @since 0.4.0
 *
 * @param string[]|null $set Tags to remember, null to read.
 * @return string[]
 */
function workos_login_auth_request_tags( ?array $set = null ): array {
	static $tags = array();
	if ( null !== $set ) {
		$tags = $set;
	}
	return $tags;
}
