<?php
/**
 * A passkey as the second factor: an MFA step the login server marked with `subject` (the
 * WorkOS user whose identity its flow holds) offers "Use your passkey" when that user has a
 * passkey of this site. `subject` itself never reaches the browser.
 *
 * WorkOS's own MFA (a `pending_authentication_token` flow) carries no `subject`: a passkey of
 * this site cannot complete WorkOS's grant, so only TOTP and SMS serve there.
 *
 * @package WorkOS_Login
 * @since   0.5.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * A step's `data` for the browser: `passkey: 'use'` when the subject has a passkey here (it
 * wins over the server's `register` offer on an enrolment step: this user can use one now).
 *
 * @since 0.5.0
 *
 * @param object $data    The step's data (decoded as objects).
 * @param string $subject WorkOS user id.
 * @return object The data, copied when changed.
 */
function workos_login_passkey_step_data( object $data, string $subject ): object {
	if ( workos_login_passkeys_count_for_workos_user( $subject ) < 1 ) {
		return $data;
	}
	$data          = clone $data;
	$data->passkey = 'use';
	return $data;
}
