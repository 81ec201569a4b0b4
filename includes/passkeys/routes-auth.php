<?php
/**
 * The passkey browser routes' parts (rest/auth-routes.php lists them; their `response` argument
 * is generated from protocol `AuthenticationResponseJSON` / `RegistrationResponseJSON`): what each route
 * forwards (protocol `StepInputs`), and the credential lookup of `passkey_verify` — a credential
 * this site does not know is refused (`passkey_unknown`) without asking the login server.
 *
 * @package WorkOS_Login
 * @since   0.5.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The envelope's `input` of a passkey route (protocol `StepInputs[route]`).
 *
 * `passkey_verify` without a `credential` means the credential is not registered here: the
 * caller answers `passkey_unknown` and never sends it.
 *
 * @since 0.5.0
 *
 * @param string          $route   `passkey_options`, `passkey_verify`, `passkey_register_options` or `passkey_register_verify`.
 * @param WP_REST_Request $request The request (validated).
 * @return array<string, mixed>|stdClass `{}` for `passkey_options`.
 */
function workos_login_passkey_auth_input( string $route, WP_REST_Request $request ): array|stdClass {
	switch ( $route ) {
		case 'passkey_verify':
			$response = workos_login_passkey_response_input( (array) $request['response'] );
			$row      = workos_login_passkey_find( (string) $response['id'] );
			workos_login_passkey_request_credential( $row ?? array() );
			return null === $row ? array( 'response' => $response ) : array(
				'response'   => $response,
				'credential' => workos_login_passkey_stored( $row ),
			);
		case 'passkey_register_options':
			return array(
				'user'    => null,
				'exclude' => array(),
				'rp_name' => workos_login_passkey_rp_name(),
			);
		case 'passkey_register_verify':
			return array(
				'response' => workos_login_passkey_response_input( (array) $request['response'] ),
				'user_id'  => null,
			);
	}
	return new stdClass(); // For `passkey_options`, an empty JSON object, never an empty array.
}

/**
 * The browser's WebAuthn answer as forwarded: only the schema's fields, objects kept objects
 * (`clientExtensionResults: {}` must not become `[]`).
 *
 * @since 0.5.0
 *
 * @param array<string, mixed> $response The sanitized `response` argument.
 * @return array<string, mixed>
 */
function workos_login_passkey_response_input( array $response ): array {
	$input = array(
		'id'                     => (string) ( $response['id'] ?? '' ),
		'rawId'                  => (string) ( $response['rawId'] ?? '' ),
		'type'                   => 'public-key',
		'response'               => (object) (array) ( $response['response'] ?? array() ),
		'clientExtensionResults' => workos_login_json_object( $response['clientExtensionResults'] ?? array() ),
	);
	if ( isset( $response['authenticatorAttachment'] ) && is_string( $response['authenticatorAttachment'] ) ) {
		$input['authenticatorAttachment'] = $response['authenticatorAttachment'];
	}
	return $input;
}

/**
 * A decoded JSON object as one that encodes back to an object: associative and empty arrays
 * become objects (nested too), lists stay lists.
 *
 * @since 0.5.0
 *
 * @param mixed $value Decoded JSON (associative arrays).
 * @return mixed
 */
function workos_login_json_object( mixed $value ): mixed {
	if ( ! is_array( $value ) ) {
		return $value;
	}
	$mapped = array_map( 'workos_login_json_object', $value );
	return array() !== $value && array_is_list( $value ) ? $mapped : (object) $mapped;
}

/**
 * The site's name as the authenticator shows it (WebAuthn `rp.name`): the site title, else
 * the relying party id.
 *
 * @since 0.5.0
 */
function workos_login_passkey_rp_name(): string {
	$name = trim( wp_specialchars_decode( (string) get_bloginfo( 'name' ), ENT_QUOTES ) );
	return '' !== $name ? mb_substr( $name, 0, 64, 'UTF-8' ) : workos_login_passkey_rp_id();
}

/**
 * The stored credential `passkey_verify` was asked about in this request (for the audit of a
 * refusal).
 *
 * @since 0.5.0
 *
 * @param array<string, string>|null $set The row ([] for none), null to read.
 * @return array<string, string> The row, [] when none.
 */
function workos_login_passkey_request_credential( ?array $set = null ): array {
	static $row = array();
	if ( null !== $set ) {
		$row = $set;
	}
	return $row;
}

/**
 * After `passkey_verify` was answered: a counter that went backwards (`passkey_refused`, a
 * possible clone) is reported to the audit log.
 *
 * @since 0.5.0
 *
 * @param array<string, mixed>|WP_Error $outcome The login server's outcome.
 * @param string                        $profile The Login Profile slug.
 */
function workos_login_passkey_verify_answered( array|WP_Error $outcome, string $profile ): void {
	$row = workos_login_passkey_request_credential();
	if ( ! $row || is_wp_error( $outcome ) || 'error' !== $outcome['type'] || 'passkey_refused' !== $outcome['code'] ) {
		return;
	}
	/**
	 * Fires when a passkey's signature counter did not increase: the sign-in was refused as a
	 * possible cloned authenticator.
	 *
	 * @since 0.5.0
	 *
	 * @param array<string, string> $row     The stored passkey (never send its public key anywhere).
	 * @param string                $profile The Login Profile slug.
	 */
	do_action( 'workos_login_passkey_refused', $row, $profile );
}
