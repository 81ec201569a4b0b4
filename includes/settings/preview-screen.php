<?php
/**
 * The dry-run preview on the Roles screen: a form posted back to the screen (nonce, capability)
 * and the answer, in sentences. Nothing is changed by it.
 *
 * @package WorkOS_Login
 * @since   0.3.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** Nonce action of the preview form. */
const WORKOS_LOGIN_PREVIEW_NONCE = 'workos_login_preview';

/**
 * The submitted preview request, when this request is one (nonce checked), else null.
 *
 * @since 0.3.0
 *
 * @return array{who: string, profile: string}|null
 */
function workos_login_preview_request(): ?array {
	if ( ! isset( $_POST['workos_login_preview_user'] ) || ! current_user_can( 'manage_options' ) ) {
		return null;
	}
	check_admin_referer( WORKOS_LOGIN_PREVIEW_NONCE );
	$profile = sanitize_key( wp_unslash( $_POST['workos_login_preview_profile'] ?? 'default' ) );
	return array(
		'who'     => sanitize_text_field( wp_unslash( $_POST['workos_login_preview_user'] ) ),
		'profile' => '' !== $profile ? $profile : 'default',
	);
}

/**
 * Prints the preview form and, after a submission, its answer.
 *
 * @since 0.3.0
 */
function workos_login_render_preview_section(): void {
	$request = workos_login_preview_request();
	$who     = $request['who'] ?? '';
	$chosen  = $request['profile'] ?? 'default';

	echo '<h2 id="workos-login-preview">' . esc_html__( 'Dry-run preview', 'workos-login' ) . '</h2>';
	echo '<p>' . esc_html__( 'What a sign-in would decide right now — the entitlement gate, the WordPress account, the role — for a WordPress user or an email address, asked live of WorkOS. Nothing is changed.', 'workos-login' ) . '</p>';
	echo '<form method="post" action="' . esc_url( admin_url( 'admin.php?page=' . WORKOS_LOGIN_ROLES_PAGE ) . '#workos-login-preview' ) . '">';
	wp_nonce_field( WORKOS_LOGIN_PREVIEW_NONCE );
	echo '<table class="form-table" role="presentation"><tr><th scope="row"><label for="workos-login-preview-user">' . esc_html__( 'Username or email', 'workos-login' ) . '</label></th>';
	printf( '<td><input type="text" id="workos-login-preview-user" name="workos_login_preview_user" value="%s" class="regular-text" required autocomplete="off" spellcheck="false"></td></tr>', esc_attr( $who ) );
	echo '<tr><th scope="row"><label for="workos-login-preview-profile">' . esc_html__( 'Login Profile', 'workos-login' ) . '</label></th><td><select id="workos-login-preview-profile" name="workos_login_preview_profile">';
	foreach ( workos_login_get_profiles() as $slug => $profile ) {
		printf( '<option value="%s"%s>%s</option>', esc_attr( $slug ), selected( $chosen, $slug, false ), esc_html( sprintf( '%s (%s)', (string) ( $profile['title'] ?? $slug ), $slug ) ) );
	}
	echo '</select></td></tr></table>';
	submit_button( __( 'Preview', 'workos-login' ), 'secondary', 'workos_login_preview_submit' );
	echo '</form>';

	if ( null === $request ) {
		return;
	}
	$subject = workos_login_preview_subject( $who );
	$preview = is_wp_error( $subject ) ? $subject : workos_login_preview_sign_in( $subject, $request['profile'] );
	if ( is_wp_error( $preview ) ) {
		printf( '<div class="notice notice-error inline workos-login-preview-result" role="status"><p>%s</p></div>', esc_html( $preview->get_error_message() ) );
		return;
	}
	workos_login_render_preview_result( $preview );
}

/**
 * The answer as a table.
 *
 * @since 0.3.0
 *
 * @param array<string, mixed> $preview workos_login_preview_sign_in()'s answer.
 */
function workos_login_render_preview_result( array $preview ): void {
	$sentences = workos_login_preview_sentences( $preview );
	$rows      = array(
		'workos_user' => __( 'WorkOS user', 'workos-login' ),
		'membership'  => __( 'Membership', 'workos-login' ),
		'gate'        => __( 'Entitlement gate', 'workos-login' ),
		'account'     => __( 'WordPress account', 'workos-login' ),
		'suspended'   => __( 'Suspended', 'workos-login' ),
		'roles'       => __( 'Role', 'workos-login' ),
	);
	printf(
		'<div class="notice %s inline workos-login-preview-result" role="status"><p><strong>%s</strong></p></div>',
		$preview['decision']['allowed'] ? 'notice-success' : 'notice-warning', // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- one of two literal class names.
		esc_html( $sentences['decision'] )
	);
	/* translators: 1: profile slug, 2: how WorkOS was asked ("user_id" or "email"). */
	echo '<table class="widefat striped workos-login-preview-table"><caption class="screen-reader-text">' . esc_html( sprintf( __( 'Preview through the profile %1$s (WorkOS asked by %2$s)', 'workos-login' ), $preview['profile'], $preview['lookup'] ) ) . '</caption><tbody>';
	foreach ( $rows as $key => $label ) {
		printf( '<tr data-preview="%s"><th scope="row">%s</th><td>%s</td></tr>', esc_attr( $key ), esc_html( $label ), esc_html( $sentences[ $key ] ) );
	}
	echo '</tbody></table>';
}
