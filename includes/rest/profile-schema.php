<?php
/**
 * The JSON Schema of a Login Profile (protocol `LoginProfile`), for the admin REST routes.
 *
 * The schema is the first gate (types, enums, patterns, no unknown properties); validate.php is
 * the authority (uniqueness, custom paths, attachments, redirects, limits in characters).
 *
 * @package WorkOS_Login
 * @since   0.2.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The `LoginProfile` schema, as a REST resource schema.
 *
 * @since 0.2.0
 *
 * @return array{'$schema': string, title: string, type: string, additionalProperties: false, properties: array<string, array<string, mixed>>}
 */
function workos_login_profile_schema(): array {
	$boolean = array( 'type' => 'boolean' );
	$text    = static fn ( int $max ): array => array(
		'type'      => 'string',
		'maxLength' => $max,
	);
	$enum    = static fn ( array $values ): array => array(
		'type' => 'string',
		'enum' => $values,
	);
	$object  = static fn ( array $properties ): array => array(
		'type'                 => 'object',
		'properties'           => $properties,
		'additionalProperties' => false,
	);
	$set     = static fn ( array $values ): array => array(
		'type'        => 'array',
		'items'       => array(
			'type' => 'string',
			'enum' => $values,
		),
		'uniqueItems' => true,
	);

	return array(
		'$schema'              => 'http://json-schema.org/draft-04/schema#',
		'title'                => 'workos-login-profile',
		'type'                 => 'object',
		'additionalProperties' => false,
		'properties'           => array(
			'slug'                     => array(
				'type'    => 'string',
				'pattern' => WORKOS_LOGIN_PROFILE_SLUG_PATTERN,
			),
			'title'                    => $text( WORKOS_LOGIN_PROFILE_TEXT_MAX['title'] ),
			'methods'                  => array( 'minItems' => 1 ) + $set( WORKOS_LOGIN_METHODS ),
			'organization_id'          => array(
				'type'    => array( 'string', 'null' ),
				'pattern' => WORKOS_LOGIN_ORGANIZATION_PATTERN,
			),
			'signup'                   => $object(
				array(
					'enabled'            => $boolean,
					'require_invitation' => $boolean,
				)
			),
			'invitations'              => $boolean,
			'password_reset'           => $boolean,
			'auto_sign_in_after_reset' => $boolean,
			'mfa'                      => $object(
				array(
					'enforce' => $enum( WORKOS_LOGIN_MFA_ENFORCE ),
					'factors' => $set( WORKOS_LOGIN_MFA_FACTORS ),
				)
			),
			'branding'                 => $object(
				array(
					'heading'            => $text( WORKOS_LOGIN_PROFILE_TEXT_MAX['branding.heading'] ),
					'subheading'         => $text( WORKOS_LOGIN_PROFILE_TEXT_MAX['branding.subheading'] ),
					'primary_color'      => array(
						'type'    => 'string',
						'pattern' => '^(#[0-9a-fA-F]{6})?$',
					),
					'logo_mode'          => $enum( WORKOS_LOGIN_LOGO_MODES ),
					'logo_attachment_id' => array(
						'type'    => 'integer',
						'minimum' => 0,
					),
				)
			),
			'custom_path'              => $text( 200 ),
			'post_login_redirect'      => $text( 2048 ),
			'forward_query_args'       => $boolean,
			'remember_me'              => $enum( WORKOS_LOGIN_REMEMBER_ME ),
			'mode'                     => $enum( WORKOS_LOGIN_PROFILE_MODES ),
			'passkey_prompt'           => $boolean,
		),
	);
}

/**
 * Checks a request body against the schema, before the permission check and the callback.
 *
 * Used as the routes' own `validate_callback`, so its error reaches the client as is, with
 * `data.field` naming the field (`branding.primary_color`), like validation errors do.
 *
 * @since 0.2.0
 *
 * @param WP_REST_Request $request The request.
 * @return true|WP_Error `workos_login_invalid_profile` (400).
 */
function workos_login_rest_check_profile_body( WP_REST_Request $request ): bool|WP_Error {
	$body = workos_login_rest_profile_body( $request );
	if ( null === $body ) {
		return new WP_Error( 'workos_login_invalid_profile', __( 'The request body must be a JSON object.', 'workos-login' ), array( 'status' => 400 ) );
	}
	return workos_login_rest_check_schema_value( $body, workos_login_profile_schema(), '' );
}

/**
 * Checks a value against a schema; objects are walked here so the error names the exact field.
 *
 * @since 0.2.0
 *
 * @param mixed                $value  The value.
 * @param array<string, mixed> $schema Its schema.
 * @param string               $field  Its path, '' for the body.
 * @return true|WP_Error
 */
function workos_login_rest_check_schema_value( mixed $value, array $schema, string $field ): bool|WP_Error {
	if ( 'object' === $schema['type'] && is_array( $value ) ) {
		foreach ( $value as $key => $sub_value ) {
			$path = '' === $field ? (string) $key : $field . '.' . $key;
			if ( ! isset( $schema['properties'][ $key ] ) ) {
				/* translators: %s: a field name such as branding.colour. */
				return workos_login_profile_error( $path, sprintf( __( 'Unknown field: %s.', 'workos-login' ), $path ) );
			}
			$valid = workos_login_rest_check_schema_value( $sub_value, $schema['properties'][ $key ], $path );
			if ( is_wp_error( $valid ) ) {
				return $valid;
			}
		}
		return true;
	}
	$valid = rest_validate_value_from_schema( $value, $schema, $field );
	return is_wp_error( $valid ) ? workos_login_profile_error( $field, $valid->get_error_message() ) : true;
}

/**
 * The fields a request sends: its JSON object body, else its form body.
 *
 * @since 0.2.0
 *
 * @param WP_REST_Request $request The request.
 * @return array<string, mixed>|null Null when the body is not an object.
 */
function workos_login_rest_profile_body( WP_REST_Request $request ): ?array {
	$body = $request->is_json_content_type() ? $request->get_json_params() : $request->get_body_params();
	if ( null === $body && '' === trim( (string) $request->get_body() ) ) {
		return array();
	}
	return is_array( $body ) && ( ! $body || ! array_is_list( $body ) ) ? $body : null;
}
