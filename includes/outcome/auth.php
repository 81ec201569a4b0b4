<?php
/**
 * Validates the login server's answer against the protocol `Outcome` union.
 *
 * Anything that does not match exactly is treated as the server being unavailable: PHP acts
 * only on outcomes it fully understands.
 *
 * @package WorkOS_Login
 * @since   0.1.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** Protocol `StepName`. */
const WORKOS_LOGIN_STEP_NAMES = array( 'code_sent', 'email_verify', 'mfa_challenge', 'mfa_enroll', 'mfa_code', 'org_select', 'invitation', 'reset_sent', 'reset_done', 'passkey', 'passkey_register' );

/** Steps that end a flow: the only ones whose `flow` may be ''. */
const WORKOS_LOGIN_NOTICE_STEPS = array( 'reset_sent', 'reset_done' );

/** Protocol `ErrorCode`. */
const WORKOS_LOGIN_ERROR_CODES = array( 'invalid_credentials', 'invalid_request', 'invalid_nonce', 'invalid_origin', 'rate_limited', 'flow_expired', 'server_unavailable', 'workos_unavailable', 'database_unavailable', 'sign_in_refused', 'invalid_code', 'password_rejected', 'invitation_required', 'invitation_invalid', 'reset_invalid', 'organization_refused', 'mfa_not_allowed', 'consent_denied', 'sso_unavailable', 'method_disabled', 'passkey_unknown', 'passkey_invalid', 'passkey_refused', 'reauth_required', 'internal_error' );

/** Protocol `PasswordProblem`. */
const WORKOS_LOGIN_PASSWORD_PROBLEMS = array( 'too_short', 'too_weak', 'breached', 'other' );

/** Outcome types an auth step may answer with (protocol `Outcome`). */
const WORKOS_LOGIN_AUTH_OUTCOME_TYPES = array( 'step', 'redirect', 'authenticated', 'reset_token', 'error' );

/** Outcome types `/v1/admin/organizations` may answer with (protocol `AdminOrganizationsOutcome`). */
const WORKOS_LOGIN_ORGANIZATIONS_OUTCOME_TYPES = array( 'organizations', 'error' );

/** Protocol `Method`: what a Login Profile can offer (an identity may name more, see outcome-identity.php). */
const WORKOS_LOGIN_METHODS = array( 'password', 'magic_code', 'oauth_google', 'oauth_microsoft', 'oauth_github', 'oauth_apple', 'sso', 'passkey' );

/**
 * Parses and validates an Outcome.
 *
 * @since 0.1.0
 * @since 0.2.0 `$types`, and the admin `organizations` outcome.
 * @since 0.4.0 Every step of issue 4, `reset_token`, `problems` and `passthrough` (see outcome-flows.php).
 * @since 0.5.0 Passkeys: `subject` on steps, `passkey_used` / `passkey_registered` on `authenticated`,
 *              the `passkey_registered` outcome (see outcome-passkeys.php).
 *
 * @param string   $body  The response body (already signature-checked).
 * @param string[] $types The outcome types the caller accepts; any other type is refused.
 * @return array{type: 'step', step: string, flow: string, data: object, passthrough?: array{redirect_to: string, remember: bool}}|array{type: 'redirect', url: string}|array{type: 'authenticated', identity: array{user: array{id: string, email: string, email_verified: bool, first_name: string|null, last_name: string|null}, organization_id: string|null, membership: array{role: string, status: string}|null, session_id: string|null, method: string}, passthrough?: array{redirect_to: string, remember: bool}}|array{type: 'reset_token', email: string, token: string|null, expires_at: string|null}|array{type: 'error', code: string, message: string, status: int, retry_after?: int, problems?: list<string>, passthrough?: array{redirect_to: string, remember: bool}}|array{type: 'organizations', organizations: list<array{id: string, name: string}>, after: string|null}|null
 *         The outcome, or null when it does not match the contract or is not of `$types`.
 */
function workos_login_parse_outcome( string $body, array $types = WORKOS_LOGIN_AUTH_OUTCOME_TYPES ): ?array {
	$outcome = json_decode( $body, true );
	if ( ! is_array( $outcome ) || ! isset( $outcome['type'] ) || ! in_array( $outcome['type'], $types, true ) ) {
		return null;
	}
	switch ( $outcome['type'] ) {
		case 'step':
			// Decode `data` as objects too, so `{}` reaches the browser as `{}`, not `[]`.
			$raw  = json_decode( $body );
			$step = $outcome['step'] ?? null;
			$flow = $outcome['flow'] ?? null;
			$ok   = in_array( $step, WORKOS_LOGIN_STEP_NAMES, true ) && is_string( $flow ) && strlen( $flow ) <= WORKOS_LOGIN_TOKEN_MAX
				&& ( '' !== $flow || in_array( $step, WORKOS_LOGIN_NOTICE_STEPS, true ) )
				&& isset( $raw->data ) && $raw->data instanceof stdClass;
			return $ok ? workos_login_with_subject( workos_login_with_passthrough( array( 'type' => 'step', 'step' => $step, 'flow' => $flow, 'data' => $raw->data ), $outcome ), $outcome ) : null;
		case 'redirect':
			$url = $outcome['url'] ?? null;
			if ( ! is_string( $url ) || ! in_array( wp_parse_url( $url, PHP_URL_SCHEME ), array( 'http', 'https' ), true ) ) {
				return null;
			}
			return array( 'type' => 'redirect', 'url' => $url );
		case 'authenticated':
			$identity = workos_login_parse_identity( $outcome['identity'] ?? null );
			return null === $identity ? null : workos_login_with_passkey_fields( workos_login_with_passthrough( array( 'type' => 'authenticated', 'identity' => $identity ), $outcome ), $outcome );
		case 'reset_token':
			return workos_login_parse_reset_token_outcome( $outcome );
		case 'error':
			$status = $outcome['status'] ?? null;
			if ( ! in_array( $outcome['code'] ?? null, WORKOS_LOGIN_ERROR_CODES, true ) || ! is_string( $outcome['message'] ?? null ) || ! is_int( $status ) || $status < 400 || $status > 599 ) {
				return null;
			}
			$error = array( 'type' => 'error', 'code' => $outcome['code'], 'message' => $outcome['message'], 'status' => $status );
			if ( isset( $outcome['retry_after'] ) && is_int( $outcome['retry_after'] ) && $outcome['retry_after'] > 0 ) {
				$error['retry_after'] = $outcome['retry_after'];
			}
			if ( array_key_exists( 'problems', $outcome ) ) {
				$problems = workos_login_parse_password_problems( $outcome['problems'] );
				if ( null === $problems ) {
					return null;
				}
				$error['problems'] = $problems;
			}
			return workos_login_with_passthrough( $error, $outcome );
		case 'passkey_registered':
			return workos_login_parse_passkey_registered_outcome( $outcome );
		case 'organizations':
			return workos_login_parse_organizations_outcome( $outcome );
		case 'user':
		case 'roles':
		case 'health':
		case 'session_revoked':
		case 'audit_forwarded':
			return workos_login_parse_identity_admin_outcome( $outcome );
	}
	return null;
}

/**
 * Validates an `OrganizationsOutcome` (protocol/admin.ts).
 *
 * @since 0.2.0
 *
 * @param array<string, mixed> $outcome Decoded JSON with `type` `organizations`.
 * @return array{type: 'organizations', organizations: list<array{id: string, name: string}>, after: string|null}|null
 */
function workos_login_parse_organizations_outcome( array $outcome ): ?array {
	$list  = $outcome['organizations'] ?? null;
	$after = array_key_exists( 'after', $outcome ) ? $outcome['after'] : false;
	if ( ! is_array( $list ) || ! array_is_list( $list ) || ! ( null === $after || workos_login_is_nonempty_string( $after ) ) ) {
		return null;
	}
	$organizations = array();
	foreach ( $list as $organization ) {
		if ( ! is_array( $organization ) || ! workos_login_is_nonempty_string( $organization['id'] ?? null ) || ! is_string( $organization['name'] ?? null ) ) {
			return null;
		}
		$organizations[] = array(
			'id'   => $organization['id'],
			'name' => $organization['name'],
		);
	}
	return array(
		'type'          => 'organizations',
		'organizations' => $organizations,
		'after'         => $after,
	);
}

/**
 * Validates an `Identity`.
 *
 * @since 0.1.0
 * @since 0.5.0 `second_factor`, kept only when present.
 *
 * @param mixed $identity Decoded JSON.
 * @return array{user: array{id: string, email: string, email_verified: bool, first_name: string|null, last_name: string|null}, organization_id: string|null, membership: array{role: string, status: string}|null, session_id: string|null, method: string, workos_method?: string, impersonator?: array{email: string, reason: string|null}, second_factor?: string}|null
 */
function workos_login_parse_identity( mixed $identity ): ?array {
	if ( ! is_array( $identity ) || ! is_array( $identity['user'] ?? null ) ) {
		return null;
	}
	$user = $identity['user'];
	$ok   = workos_login_is_nonempty_string( $user['id'] ?? null )
		&& is_string( $user['email'] ?? null ) && is_email( $user['email'] )
		&& is_bool( $user['email_verified'] ?? null )
		&& workos_login_is_nullable_string( $user, 'first_name' )
		&& workos_login_is_nullable_string( $user, 'last_name' )
		&& workos_login_is_nullable_string( $identity, 'organization_id' )
		&& workos_login_is_nullable_string( $identity, 'session_id' );
	$how  = workos_login_parse_identity_method( $identity );

	$membership = array_key_exists( 'membership', $identity ) ? $identity['membership'] : false;
	if ( null !== $membership ) {
		$ok = $ok && is_array( $membership ) && is_string( $membership['role'] ?? null )
			&& in_array( $membership['status'] ?? null, array( 'active', 'inactive', 'pending' ), true );
	}
	$second = array_key_exists( 'second_factor', $identity ) ? $identity['second_factor'] : null;
	if ( ! $ok || null === $how || ( null !== $second && ! in_array( $second, WORKOS_LOGIN_SECOND_FACTORS, true ) ) ) {
		return null;
	}
	$parsed = array(
		'user'            => array(
			'id'             => $user['id'],
			'email'          => $user['email'],
			'email_verified' => $user['email_verified'],
			'first_name'     => $user['first_name'],
			'last_name'      => $user['last_name'],
		),
		'organization_id' => $identity['organization_id'],
		'membership'      => null === $membership ? null : array( 'role' => $membership['role'], 'status' => $membership['status'] ),
		'session_id'      => $identity['session_id'],
	) + $how;
	if ( null !== $second ) {
		$parsed['second_factor'] = $second;
	}
	return $parsed;
}

/**
 * Whether a value is a string with at least one character.
 *
 * @since 0.1.0
 *
 * @param mixed $value Anything.
 */
function workos_login_is_nonempty_string( mixed $value ): bool {
	return is_string( $value ) && '' !== $value;
}

/**
 * Whether `$fields[ $key ]` exists and is a string or null (the contract's `string | null`).
 *
 * @since 0.1.0
 *
 * @param array<string, mixed> $fields Decoded JSON object.
 * @param string               $key    Field name.
 */
function workos_login_is_nullable_string( array $fields, string $key ): bool {
	return array_key_exists( $key, $fields ) && ( null === $fields[ $key ] || is_string( $fields[ $key ] ) );
}
