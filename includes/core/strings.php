<?php
/**
 * The visible strings of the sign-in UI, translated.
 *
 * Same keys and English text as `protocol/strings.ts` (`DEFAULT_STRINGS`): the page hands them to
 * `<workos-login>` in its `i18n` attribute, and the REST route uses the `error_<code>` ones.
 * `{name}` placeholders are filled in by the element; translations must keep them.
 *
 * @package WorkOS_Login
 * @since   0.1.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Every string of the sign-in UI in the site's language.
 *
 * @since 0.1.0
 *
 * @return array<string, string> Keyed like `DEFAULT_STRINGS` in protocol/strings.ts.
 */
function workos_login_strings(): array {
	return array(
		'heading'                    => __( 'Sign in', 'workos-login' ),
		'email_label'                => __( 'Email', 'workos-login' ),
		'password_label'             => __( 'Password', 'workos-login' ),
		'remember_me'                => __( 'Remember me', 'workos-login' ),
		'submit'                     => __( 'Sign in', 'workos-login' ),
		'submitting'                 => __( 'Signing in…', 'workos-login' ),
		'signed_in'                  => __( 'Signed in. Redirecting…', 'workos-login' ),
		'redirecting'                => __( 'Redirecting…', 'workos-login' ),
		'working'                    => __( 'Please wait…', 'workos-login' ),
		'email_required'             => __( 'Enter your email address.', 'workos-login' ),
		'email_invalid'              => __( 'Enter a valid email address, like name@example.com.', 'workos-login' ),
		'email_too_long'             => __( 'That email address is too long.', 'workos-login' ),
		'password_required'          => __( 'Enter your password.', 'workos-login' ),
		'password_too_long'          => __( 'That password is too long.', 'workos-login' ),
		'or'                         => __( 'or', 'workos-login' ),
		'magic_code_send'            => __( 'Email me a code', 'workos-login' ),
		'forgot_password'            => __( 'Forgot password?', 'workos-login' ),
		'create_account'             => __( 'Create an account', 'workos-login' ),
		'oauth_google'               => __( 'Continue with Google', 'workos-login' ),
		'oauth_microsoft'            => __( 'Continue with Microsoft', 'workos-login' ),
		'oauth_github'               => __( 'Continue with GitHub', 'workos-login' ),
		'oauth_apple'                => __( 'Continue with Apple', 'workos-login' ),
		'sso_continue'               => __( 'Continue with SSO', 'workos-login' ),
		'passkey_sign_in'            => __( 'Sign in with a passkey', 'workos-login' ),
		'continue'                   => __( 'Continue', 'workos-login' ),
		'back_to_sign_in'            => __( 'Back to sign in', 'workos-login' ),
		'start_again'                => __( 'Start again', 'workos-login' ),
		'reset_done'                 => __( 'Your password was changed. Sign in with your new password.', 'workos-login' ),
		'sso_heading'                => __( 'Sign in with SSO', 'workos-login' ),
		'sso_text'                   => __( 'Enter your work email to continue with your organization’s sign-in.', 'workos-login' ),
		'sso_email_label'            => __( 'Work email', 'workos-login' ),
		'code_label'                 => __( '6-digit code', 'workos-login' ),
		'code_required'              => __( 'Enter the 6-digit code.', 'workos-login' ),
		'code_invalid'               => __( 'The code is 6 digits, like 123456.', 'workos-login' ),
		'verify'                     => __( 'Continue', 'workos-login' ),
		'code_sent_heading'          => __( 'Check your email', 'workos-login' ),
		/* translators: {email} is the email address the visitor typed. Keep it as it is. */
		'code_sent_text'             => __( 'If {email} can sign in here, a 6-digit code is on its way to it.', 'workos-login' ),
		'resend_code'                => __( 'Resend code', 'workos-login' ),
		/* translators: {seconds} is a number of seconds. Keep it as it is. */
		'resend_in'                  => __( 'Resend code in {seconds} s', 'workos-login' ),
		'code_resent'                => __( 'A new code is on its way.', 'workos-login' ),
		'use_another_email'          => __( 'Use a different email', 'workos-login' ),
		/* translators: {seconds} is a number of seconds. Keep it as it is. */
		'retry_in'                   => __( 'Try again in {seconds} s', 'workos-login' ),
		/* translators: {seconds} is a number of seconds. Keep it as it is. */
		'retry_in_announce'          => __( 'You can try again in {seconds} seconds.', 'workos-login' ),
		'retry_now'                  => __( 'You can try again now.', 'workos-login' ),
		'error_invalid_credentials'  => __( 'That email and password don’t match. Check them and try again.', 'workos-login' ),
		'error_invalid_request'      => __( 'Something in the form isn’t right. Check it and try again.', 'workos-login' ),
		'error_invalid_nonce'        => __( 'This page has expired. Reload it and try again.', 'workos-login' ),
		'error_invalid_origin'       => __( 'This sign-in form can only be used on its own site.', 'workos-login' ),
		'error_rate_limited'         => __( 'Too many attempts. Wait a moment and try again.', 'workos-login' ),
		'error_flow_expired'         => __( 'This sign-in took too long. Start again.', 'workos-login' ),
		'error_server_unavailable'   => __( 'Sign-in is unavailable right now. Try again in a few minutes.', 'workos-login' ),
		'error_workos_unavailable'   => __( 'Sign-in is unavailable right now. Try again in a few minutes.', 'workos-login' ),
		'error_database_unavailable' => __( 'Sign-in is unavailable right now. Try again in a few minutes.', 'workos-login' ),
		'error_sign_in_refused'      => __( 'This account can’t sign in to this site.', 'workos-login' ),
		'error_invalid_code'         => __( 'That code is wrong or has expired. Check it and try again.', 'workos-login' ),
		'error_password_rejected'    => __( 'That password can’t be used. Choose another one.', 'workos-login' ),
		'error_invitation_required'  => __( 'Signing up here needs an invitation.', 'workos-login' ),
		'error_invitation_invalid'   => __( 'This invitation link has expired or was already used. Ask for a new one.', 'workos-login' ),
		'error_reset_invalid'        => __( 'This reset link has expired or was already used. Request a new one.', 'workos-login' ),
		'error_organization_refused' => __( 'Your account isn’t a member of this site’s organization.', 'workos-login' ),
		'error_mfa_not_allowed'      => __( 'Your account’s two-step verification can’t be used here. Contact the site’s administrator.', 'workos-login' ),
		'error_consent_denied'       => __( 'Sign-in was cancelled.', 'workos-login' ),
		'error_sso_unavailable'      => __( 'There’s no single sign-on for that email address. Check it, or sign in another way.', 'workos-login' ),
		'error_method_disabled'      => __( 'That way of signing in isn’t available here.', 'workos-login' ),
		'error_internal_error'       => __( 'Something went wrong. Try again.', 'workos-login' ),
		'error_network'              => __( 'Couldn’t reach the site. Check your connection and try again.', 'workos-login' ),
		'signup_heading'             => __( 'Create your account', 'workos-login' ),
		'first_name_label'           => __( 'First name', 'workos-login' ),
		'last_name_label'            => __( 'Last name', 'workos-login' ),
		'first_name_required'        => __( 'Enter your first name.', 'workos-login' ),
		'last_name_required'         => __( 'Enter your last name.', 'workos-login' ),
		'name_too_long'              => __( 'That name is too long.', 'workos-login' ),
		'signup_submit'              => __( 'Create account', 'workos-login' ),
		'have_account'               => __( 'Already have an account? Sign in', 'workos-login' ),
		'email_verify_heading'       => __( 'Verify your email', 'workos-login' ),
		/* translators: {email} is the email address the visitor typed. Keep it as it is. */
		'email_verify_text'          => __( 'Enter the 6-digit code we sent to {email}.', 'workos-login' ),
		'invitation_heading'         => __( 'Accept your invitation', 'workos-login' ),
		/* translators: {organization} is the name of an organization. Keep it as it is. */
		'invitation_text'            => __( 'You’ve been invited to join {organization}.', 'workos-login' ),
		'invitation_text_site'       => __( 'You’ve been invited to join this site.', 'workos-login' ),
		'invitation_submit'          => __( 'Accept invitation', 'workos-login' ),
		'problem_too_short'          => __( 'Use a longer password.', 'workos-login' ),
		'problem_too_weak'           => __( 'Choose a stronger password: mix words, numbers and symbols.', 'workos-login' ),
		'problem_breached'           => __( 'This password has appeared in a data breach. Choose another one.', 'workos-login' ),
		'problem_other'              => __( 'This password doesn’t meet the site’s rules. Choose another one.', 'workos-login' ),
		'new_password_label'         => __( 'New password', 'workos-login' ),
		'reset_heading'              => __( 'Reset your password', 'workos-login' ),
		'reset_text'                 => __( 'Enter your email and we’ll send you a link to choose a new password.', 'workos-login' ),
		'reset_submit'               => __( 'Send reset link', 'workos-login' ),
		'reset_sent_heading'         => __( 'Check your email', 'workos-login' ),
		/* translators: {email} is the email address the visitor typed. Keep it as it is. */
		'reset_sent_text'            => __( 'If {email} has an account here, a link to reset its password is on its way.', 'workos-login' ),
		'reset_confirm_heading'      => __( 'Choose a new password', 'workos-login' ),
		'reset_confirm_submit'       => __( 'Save password', 'workos-login' ),
		'reset_request_again'        => __( 'Request a new link', 'workos-login' ),
		'mfa_heading'                => __( 'Two-step verification', 'workos-login' ),
		'mfa_challenge_text'         => __( 'Choose how to confirm it’s you.', 'workos-login' ),
		'factor_totp'                => __( 'Authenticator app', 'workos-login' ),
		'factor_sms'                 => __( 'Text message', 'workos-login' ),
		/* translators: {phone} is the last digits of a phone number. Keep it as it is. */
		'factor_sms_to'              => __( 'Text message to the phone ending in {phone}', 'workos-login' ),
		'factor_webauthn'            => __( 'Security key or passkey', 'workos-login' ),
		'mfa_totp_text'              => __( 'Enter the 6-digit code from your authenticator app.', 'workos-login' ),
		/* translators: {phone} is the last digits of a phone number. Keep it as it is. */
		'mfa_sms_text'               => __( 'Enter the 6-digit code we texted to the phone ending in {phone}.', 'workos-login' ),
		'mfa_sms_text_any'           => __( 'Enter the 6-digit code we texted to your phone.', 'workos-login' ),
		'mfa_other'                  => __( 'Use another method', 'workos-login' ),
		'passkey_use'                => __( 'Use your passkey', 'workos-login' ),
		'mfa_setup_heading'          => __( 'Set up your authenticator app', 'workos-login' ),
		'mfa_setup_text'             => __( 'Scan this QR code with your authenticator app, then enter the 6-digit code it shows.', 'workos-login' ),
		'mfa_qr_alt'                 => __( 'QR code for your authenticator app', 'workos-login' ),
		'mfa_secret_label'           => __( 'Can’t scan it? Enter this key instead:', 'workos-login' ),
		'mfa_open_app'               => __( 'Open in your authenticator app', 'workos-login' ),
		'mfa_enroll_heading'         => __( 'Set up two-step verification', 'workos-login' ),
		'mfa_enroll_text'            => __( 'This site asks for a second step when you sign in. Choose how you want to confirm it’s you.', 'workos-login' ),
		'mfa_enroll_totp'            => __( 'Use an authenticator app', 'workos-login' ),
		'mfa_enroll_sms'             => __( 'Text me a code', 'workos-login' ),
		'mfa_enroll_passkey'         => __( 'Create a passkey', 'workos-login' ),
		'mfa_enroll_passkey_text'    => __( 'This site asks for a second step when you sign in. Create a passkey to confirm it’s you.', 'workos-login' ),
		'phone_label'                => __( 'Mobile phone number', 'workos-login' ),
		'phone_hint'                 => __( 'Include the country code, like +1 555 555 0123.', 'workos-login' ),
		'phone_required'             => __( 'Enter your mobile phone number.', 'workos-login' ),
		'phone_invalid'              => __( 'Enter the number with its country code, like +15555550123.', 'workos-login' ),
		'org_heading'                => __( 'Choose an organization', 'workos-login' ),
		'org_text'                   => __( 'Your account belongs to several organizations. Which one are you signing in to?', 'workos-login' ),
		'error_passkey_unknown'      => __( 'This passkey isn’t registered on this site (it may have been removed). Sign in another way.', 'workos-login' ),
		'error_passkey_invalid'      => __( 'This passkey couldn’t be verified. Try again, or sign in another way.', 'workos-login' ),
		'error_passkey_refused'      => __( 'This passkey was refused to protect your account. Sign in another way.', 'workos-login' ),
		'error_reauth_required'      => __( 'For your security, sign in again to add a passkey.', 'workos-login' ),
		'error_passkey_cancelled'    => __( 'The passkey request was cancelled or timed out. Try again, or sign in another way.', 'workos-login' ),
		'error_passkey_not_allowed'  => __( 'Passkeys can’t be used on this page’s address. Sign in another way.', 'workos-login' ),
		'error_passkey_unsupported'  => __( 'This browser can’t use passkeys. Sign in another way.', 'workos-login' ),
		'error_passkey_failed'       => __( 'Your passkey couldn’t be used. Try again, or sign in another way.', 'workos-login' ),
		'error_passkey_exists'       => __( 'This device already has a passkey for your account.', 'workos-login' ),
		'passkey_prompt_heading'     => __( 'Sign in faster next time?', 'workos-login' ),
		'passkey_prompt_text'        => __( 'Create a passkey to sign in with your fingerprint, face or screen lock instead of a password. Passkeys can’t be guessed or phished.', 'workos-login' ),
		'passkey_prompt_create'      => __( 'Create a passkey', 'workos-login' ),
		'passkey_not_now'            => __( 'Not now', 'workos-login' ),
		'passkey_created'            => __( 'Passkey created. Redirecting…', 'workos-login' ),
	);
}

/**
 * The translated message for an error code (protocol `ErrorCode`).
 *
 * @since 0.1.0
 *
 * @param string $code An error code such as `invalid_credentials`.
 * @return string The message; the `internal_error` one for unknown codes.
 */
function workos_login_error_message( string $code ): string {
	$strings = workos_login_strings();
	return $strings[ 'error_' . $code ] ?? $strings['error_internal_error'];
}

/**
 * The strings of `<workos-passkeys>` (the passkeys on the profile screens), in the site's language.
 *
 * Same keys and English text as `PASSKEY_MANAGE_STRINGS` in protocol/strings/passkeys-manage.ts.
 * Print them as the element's `i18n` attribute (JSON), e.g.
 * `wp_json_encode( workos_login_passkey_manage_strings(), JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES )`.
 *
 * @since 0.6.0
 *
 * @return array<string, string> Keyed like `PASSKEY_MANAGE_STRINGS`.
 */
function workos_login_passkey_manage_strings(): array {
	return array(
		'passkeys_heading'            => __( 'Passkeys', 'workos-login' ),
		'passkeys_text'               => __( 'Sign in with your fingerprint, face or screen lock instead of a password.', 'workos-login' ),
		'passkeys_loading'            => __( 'Loading passkeys…', 'workos-login' ),
		'passkeys_load_failed'        => __( 'The passkeys couldn’t be loaded.', 'workos-login' ),
		'passkeys_retry'              => __( 'Try again', 'workos-login' ),
		'passkeys_empty'              => __( 'No passkeys yet.', 'workos-login' ),
		'passkeys_name'               => __( 'Name', 'workos-login' ),
		'passkeys_created'            => __( 'Created', 'workos-login' ),
		'passkeys_last_used'          => __( 'Last used', 'workos-login' ),
		'passkeys_type'               => __( 'Type', 'workos-login' ),
		'passkeys_backed_up'          => __( 'Backed up', 'workos-login' ),
		'passkeys_actions'            => __( 'Actions', 'workos-login' ),
		'passkeys_synced'             => __( 'Synced', 'workos-login' ),
		'passkeys_device_only'        => __( 'This device only', 'workos-login' ),
		'passkeys_yes'                => __( 'Yes', 'workos-login' ),
		'passkeys_no'                 => __( 'No', 'workos-login' ),
		'passkeys_never_used'         => __( 'Never used', 'workos-login' ),
		'passkeys_rename'             => __( 'Rename', 'workos-login' ),
		'passkeys_delete'             => __( 'Delete', 'workos-login' ),
		'passkeys_save'               => __( 'Save', 'workos-login' ),
		'passkeys_cancel'             => __( 'Cancel', 'workos-login' ),
		'passkeys_name_label'         => __( 'Passkey name', 'workos-login' ),
		'passkeys_name_required'      => __( 'Enter a name for this passkey.', 'workos-login' ),
		'passkeys_add'                => __( 'Add a passkey', 'workos-login' ),
		'passkeys_reauth'             => __( 'For your security, sign in again to add a passkey.', 'workos-login' ),
		'passkeys_reauth_link'        => __( 'Sign in again', 'workos-login' ),
		'passkeys_delete_confirm'     => __( 'Delete this passkey? It will no longer sign in to this site.', 'workos-login' ),
		'passkeys_remove_all'         => __( 'Remove all passkeys', 'workos-login' ),
		'passkeys_remove_all_confirm' => __( 'Remove all of this user’s passkeys? They will have to sign in another way.', 'workos-login' ),
		'passkeys_added'              => __( 'Passkey added.', 'workos-login' ),
		'passkeys_renamed'            => __( 'Passkey renamed.', 'workos-login' ),
		'passkeys_deleted'            => __( 'Passkey deleted.', 'workos-login' ),
		/* translators: {count} is a number of passkeys. Keep it as it is. */
		'passkeys_removed'            => __( 'Passkeys removed: {count}.', 'workos-login' ),
		'passkeys_working'            => __( 'Please wait…', 'workos-login' ),
		'passkeys_cancelled'          => __( 'The passkey request was cancelled or timed out. Try again.', 'workos-login' ),
		'passkeys_not_allowed'        => __( 'Passkeys can’t be used on this page’s address.', 'workos-login' ),
		'passkeys_unsupported'        => __( 'This browser can’t create passkeys.', 'workos-login' ),
		'passkeys_exists'             => __( 'This device already has a passkey for your account.', 'workos-login' ),
		'passkeys_failed'             => __( 'Something went wrong. Try again.', 'workos-login' ),
		'passkeys_offline'            => __( 'Couldn’t reach the site. Check your connection and try again.', 'workos-login' ),
	);
}
