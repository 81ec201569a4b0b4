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

/** Outcome types an auth step may answer with (protocol `Outcome`). */
const WORKOS_LOGIN_AUTH_OUTCOME_TYPES = array( 'step', 'redirect', 'authenticated', 'reset_token', 'error' );

/** Outcome types `/v1/admin/organizations` may answer with (protocol `AdminOrganizationsOutcome`). */
const WORKOS_LOGIN_ORGANIZATIONS_OUTCOME_TYPES = array( 'organizations', 'error' );

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
 * @return array{type: 'step', step: string, flow: string, data: object, passthrough?: array{redirect_to: string, remember: bool}}|array{type: 'redirect', url: string}|array{type: 'authenticated', identity: array{user: array{id: string, email: string, email_verified: bool, first_name: string|null, last_name: string|null}, organization_id: string|null, membership: array{role: string, status: string}|null, session_id: string|null, method: string}, passthrough?: array{redirect_to: string, remember: bool}}|array{type: 'reset_token', email: string, token: string|null, expires_at: string|null}|array{type: 'error', code: string, message: string, status: int, retry_after?: int, problems?: list<string>, passthrough?: array{redirect_to: string, remember: bool}}|array{type: 'organizations', organizations: list<array{id: string, name: string}>, after: string|null}|array{type: 'passkey_registered', credential: array{id: string, public_key: string, counter: int, transports: list<string>, device_type: string, backed_up: bool, aaguid: string}}|null
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
			return $ok ? workos_login_with_subject(
				workos_login_with_passthrough(
					array(
						'type' => 'step',
						'step' => $step,
						'flow' => $flow,
						'data' => $raw->data,
					),
					$outcome
				),
				$outcome
			) : null;
		case 'redirect':
			$url = $outcome['url'] ?? null;
			if ( ! is_string( $url ) || ! in_array( wp_parse_url( $url, PHP_URL_SCHEME ), array( 'http', 'https' ), true ) ) {
				return null;
			}
			return array(
				'type' => 'redirect',
				'url'  => $url,
			);
		case 'authenticated':
			$identity = workos_login_parse_identity( $outcome['identity'] ?? null );
			return null === $identity ? null : workos_login_with_passkey_fields(
				workos_login_with_passthrough(
					array(
						'type'     => 'authenticated',
						'identity' => $identity,
					),
					$outcome
				),
				$outcome
			);
		case 'reset_token':
			return workos_login_parse_reset_token_outcome( $outcome );
		case 'error':
			$error = workos_login_by_schema( $outcome, WORKOS_LOGIN_OUTCOME_SCHEMAS['error'] );
			if ( null === $error ) {
				return null;
			}
			unset( $error['passthrough'] );
			if ( isset( $error['problems'] ) ) {
				$error['problems'] = array_values( array_unique( $error['problems'] ) );
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
	return workos_login_by_schema( $outcome, WORKOS_LOGIN_OUTCOME_SCHEMAS['organizations'] );
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
	$parsed = workos_login_by_schema( $identity, WORKOS_LOGIN_OUTCOME_SCHEMAS['identity'] );
	return null !== $parsed && workos_login_identity_rules_hold( $parsed ) ? $parsed : null;
}

/**
 * A value checked against a generated schema (WORKOS_LOGIN_OUTCOME_SCHEMAS) with WordPress's own
 * validator, after its JSON types: as strict as the login server's schemas (no unknown field).
 *
 * @since 0.6.0
 *
 * @param mixed                $value  Decoded JSON.
 * @param array<string, mixed> $schema A generated schema.
 * @return array<string, mixed>|null The value, or null when it does not match.
 */
function workos_login_by_schema( mixed $value, array $schema ): ?array {
	// WordPress's validator reads request parameters, so it takes `"422"` for an integer and
	// `"true"` for a boolean; JSON types are checked strictly first.
	if ( ! is_array( $value ) || ! workos_login_json_types_match( $value, $schema ) || true !== rest_validate_value_from_schema( $value, $schema, 'outcome' ) ) {
		return null;
	}
	return $value;
}

/**
 * Whether every value has the JSON type its schema names (`integer`, `boolean`… never a string
 * spelling of one), at every depth the schema describes.
 *
 * @since 0.6.0
 *
 * @param mixed                $value  Decoded JSON.
 * @param array<string, mixed> $schema Its schema.
 */
function workos_login_json_types_match( mixed $value, array $schema ): bool {
	$types = (array) ( $schema['type'] ?? array() );
	$type  = match ( true ) {
		null === $value     => 'null',
		is_bool( $value )   => 'boolean',
		is_int( $value )    => 'integer',
		is_float( $value )  => 'number',
		is_string( $value ) => 'string',
		default             => array() === $value ? 'empty' : ( array_is_list( $value ) ? 'array' : 'object' ),
	};
	$named = array() === $types
		|| in_array( $type, $types, true )
		|| ( 'integer' === $type && in_array( 'number', $types, true ) )
		|| ( 'empty' === $type && ( in_array( 'array', $types, true ) || in_array( 'object', $types, true ) ) );
	if ( ! $named ) {
		return false;
	}
	if ( is_array( $value ) && isset( $schema['properties'] ) && 'array' !== $type ) {
		foreach ( (array) $schema['properties'] as $name => $property ) {
			if ( array_key_exists( $name, $value ) && ! workos_login_json_types_match( $value[ $name ], (array) $property ) ) {
				return false;
			}
		}
	}
	if ( is_array( $value ) && isset( $schema['items'] ) && 'object' !== $type ) {
		foreach ( $value as $item ) {
			if ( ! workos_login_json_types_match( $item, (array) $schema['items'] ) ) {
				return false;
			}
		}
	}
	return true;
}
