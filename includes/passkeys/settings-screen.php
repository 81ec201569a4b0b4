<?php
/**
 * The "Passkeys" section of WorkOS → Settings: relying party id, step-up roles, the prompt's
 * snooze and the recent-sign-in window.
 *
 * @package WorkOS_Login
 * @since   0.5.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Declares the section and its fields (called by workos_login_settings_sections_more()).
 *
 * @since 0.5.0
 *
 * @param string   $page   Settings page.
 * @param callable $render Field renderer.
 */
function workos_login_passkey_settings_section( string $page, callable $render ): void {
	add_settings_section( 'workos_login_passkeys', __( 'Passkeys', 'workos-login' ), '__return_null', $page );
	add_settings_field(
		'passkey_rp_id',
		esc_html( workos_login_setting_label( 'passkey_rp_id' ) ),
		$render,
		$page,
		'workos_login_passkeys',
		workos_login_field_args(
			'passkey_rp_id',
			array(
				'description' => sprintf(
					/* translators: %s: the site's host name. */
					__( 'Empty: this site’s host (%s). A parent domain lets passkeys work on every host under it; changing it later makes existing passkeys unusable.', 'workos-login' ),
					workos_login_home_host()
				),
				'placeholder' => workos_login_home_host(),
			)
		)
	);
	add_settings_field(
		'passkey_step_up_roles',
		esc_html( workos_login_setting_label( 'passkey_step_up_roles' ) ),
		'workos_login_render_step_up_roles_field',
		$page,
		'workos_login_passkeys',
		workos_login_field_args( 'passkey_step_up_roles' )
	);
	add_settings_field(
		'passkey_prompt_snooze_days',
		esc_html( workos_login_setting_label( 'passkey_prompt_snooze_days' ) ),
		$render,
		$page,
		'workos_login_passkeys',
		workos_login_field_args(
			'passkey_prompt_snooze_days',
			array(
				'kind'        => 'number',
				'min'         => 1,
				'max'         => 365,
				'description' => __( 'Days (1–365) before someone who chose “Not now” is offered a passkey again after signing in.', 'workos-login' ),
			)
		)
	);
	add_settings_field(
		'passkey_reauth_minutes',
		esc_html( workos_login_setting_label( 'passkey_reauth_minutes' ) ),
		$render,
		$page,
		'workos_login_passkeys',
		workos_login_field_args(
			'passkey_reauth_minutes',
			array(
				'kind'        => 'number',
				'min'         => 1,
				'max'         => 1440,
				'description' => __( 'Minutes (1–1440): adding a passkey on the profile screen needs a sign-in at most this old; otherwise the user signs in again first.', 'workos-login' ),
			)
		)
	);
}

/**
 * The step-up roles: a checkbox per WordPress role.
 *
 * @since 0.5.0
 *
 * @param array{name: string, label_for: string} $args Field options.
 */
function workos_login_render_step_up_roles_field( array $args ): void {
	$name     = $args['name'];
	$selected = (array) workos_login_option( $name );
	$locked   = workos_login_setting_locked( $name );
	ob_start();
	$describedby = workos_login_print_field_notes( $name, __( 'These roles must sign in with a passkey or a second factor (TOTP, SMS or a passkey) on every WorkOS sign-in, and WordPress’s own password form refuses them. To undo this in an emergency, define WORKOS_LOGIN_PASSKEY_STEP_UP_ROLES as an empty array in wp-config.php.', 'workos-login' ) );
	$notes       = (string) ob_get_clean();

	echo '<fieldset><legend class="screen-reader-text">' . esc_html( workos_login_setting_label( $name ) ) . '</legend>';
	$first = true;
	foreach ( wp_roles()->get_names() as $role => $label ) {
		printf(
			'<label><input type="checkbox" id="%1$s" name="%2$s" value="%3$s"%4$s%5$s%6$s> %7$s</label><br>',
			esc_attr( workos_login_field_id( $name ) . ( $first ? '' : '-' . $role ) ),
			esc_attr( 'workos_login_' . $name . '[]' ),
			esc_attr( (string) $role ),
			checked( in_array( $role, $selected, true ), true, false ),
			$locked ? ' disabled' : '', // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- a literal attribute.
			'' !== $describedby ? ' aria-describedby="' . esc_attr( $describedby ) . '"' : '', // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- a literal attribute around esc_attr().
			esc_html( translate_user_role( $label ) )
		);
		$first = false;
	}
	echo '</fieldset>';
	echo $notes; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- escaped by workos_login_print_field_notes().
}
