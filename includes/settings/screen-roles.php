<?php
/**
 * WorkOS → Roles: the role for created users, the WorkOS → WordPress role mapping (WorkOS roles
 * listed live from the site organization), role-based redirects (a Settings API form posted to
 * options.php, group `workos_login_roles`), and the dry-run preview (preview-screen.php).
 *
 * @package WorkOS_Login
 * @since   0.3.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** Slug of the Roles screen. */
const WORKOS_LOGIN_ROLES_PAGE = 'workos-login-roles';

/**
 * Adds WorkOS → Roles.
 *
 * @since 0.3.0
 */
function workos_login_roles_menu(): void {
	add_submenu_page(
		WORKOS_LOGIN_ADMIN_MENU,
		__( 'Roles', 'workos-login' ),
		__( 'Roles', 'workos-login' ),
		'manage_options',
		WORKOS_LOGIN_ROLES_PAGE,
		'workos_login_render_roles_screen'
	);
}
add_action( 'admin_menu', 'workos_login_roles_menu', 20 );

/**
 * Prints the screen.
 *
 * @since 0.3.0
 */
function workos_login_render_roles_screen(): void {
	if ( ! current_user_can( 'manage_options' ) ) {
		wp_die( esc_html__( 'Sorry, you are not allowed to manage WorkOS Login settings.', 'workos-login' ), 403 );
	}
	echo '<div class="wrap">';
	echo '<h1>' . esc_html__( 'Roles', 'workos-login' ) . '</h1>';
	settings_errors();
	echo '<form method="post" action="' . esc_url( admin_url( 'options.php' ) ) . '" novalidate>';
	settings_fields( 'workos_login_roles' );

	echo '<h2>' . esc_html__( 'New users', 'workos-login' ) . '</h2><table class="form-table" role="presentation"><tr>';
	echo '<th scope="row"><label for="' . esc_attr( workos_login_field_id( 'default_role' ) ) . '">' . esc_html( workos_login_setting_label( 'default_role' ) ) . '</label></th><td>';
	workos_login_render_default_role_field();
	echo '</td></tr></table>';

	echo '<h2>' . esc_html( workos_login_setting_label( 'role_map' ) ) . '</h2>';
	workos_login_render_role_map_table();

	echo '<h2>' . esc_html__( 'Redirects by role', 'workos-login' ) . '</h2>';
	workos_login_render_role_redirects_table();

	submit_button();
	echo '</form>';
	workos_login_render_preview_section();
	echo '</div>';
}

/**
 * The `<option>`s of WordPress roles; Administrator says what it means.
 *
 * @since 0.3.0
 *
 * @param string $selected Selected role slug.
 */
function workos_login_role_options( string $selected ): string {
	$html = '';
	foreach ( array_reverse( wp_roles()->get_names(), true ) as $role => $name ) {
		$label = 'administrator' === $role
			/* translators: %s: the Administrator role's name. */
			? sprintf( __( '%s — full control of this site!', 'workos-login' ), translate_user_role( $name ) )
			: translate_user_role( $name );
		$html .= sprintf( '<option value="%s"%s>%s</option>', esc_attr( $role ), selected( $selected, $role, false ), esc_html( $label ) );
	}
	return $html;
}

/**
 * The role for users created at sign-in.
 *
 * @since 0.3.0
 */
function workos_login_render_default_role_field(): void {
	$default = (string) get_option( 'default_role' );
	ob_start();
	$describedby = workos_login_print_field_notes( 'default_role', __( 'The role-mapping below may replace it at the same sign-in.', 'workos-login' ) );
	$notes       = (string) ob_get_clean();
	printf(
		'<select %s><option value="">%s</option>%s</select>',
		workos_login_field_attributes( 'default_role', $describedby ), // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- built with esc_attr().
		/* translators: %s: role name. */
		esc_html( sprintf( __( 'WordPress’s default role (%s)', 'workos-login' ), workos_login_role_name( $default ) ) ),
		workos_login_role_options( (string) workos_login_option( 'default_role' ) ) // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- escaped inside.
	);
	echo $notes; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- escaped by workos_login_print_field_notes().
}

/**
 * The mapping table: one row per WorkOS role listed live, one per mapped slug no longer listed,
 * and a row to map a slug by hand.
 *
 * @since 0.3.0
 */
function workos_login_render_role_map_table(): void {
	$map          = (array) workos_login_option( 'role_map' );
	$organization = workos_login_site_organization_id();
	$live         = null === $organization ? workos_login_no_organization_error() : workos_login_fetch_workos_roles( $organization );

	if ( is_wp_error( $live ) ) {
		printf(
			'<div class="notice notice-warning inline"><p>%s %s</p></div>',
			esc_html(
				null === $organization
					? __( 'No site organization is set (WorkOS → Settings), so its roles cannot be listed.', 'workos-login' )
					/* translators: %s: why. */
					: sprintf( __( 'The WorkOS roles could not be listed right now: %s', 'workos-login' ), $live->get_error_message() )
			),
			esc_html__( 'You can still map a role by typing its slug in the last row.', 'workos-login' )
		);
		$live = array();
	} else {
		/* translators: %s: organization id. */
		echo '<p>' . esc_html( sprintf( __( 'The roles of the site organization %s, as WorkOS lists them now. A member’s WorkOS role gives the WordPress role chosen here at each sign-in; “no change” leaves the WordPress role alone.', 'workos-login' ), $organization ) ) . '</p>';
	}
	if ( in_array( 'administrator', $map, true ) ) {
		printf(
			'<div class="notice notice-warning inline"><p>%s</p></div>',
			/* translators: %s: WorkOS role slugs. */
			esc_html( sprintf( __( 'Members with the WorkOS role %s become Administrators of this site when they sign in.', 'workos-login' ), implode( ', ', array_keys( $map, 'administrator', true ) ) ) )
		);
	}

	$rows = array();
	foreach ( $live as $role ) {
		$rows[ $role['slug'] ] = array( $role['name'], true );
	}
	foreach ( array_keys( $map ) as $slug ) {
		$rows[ $slug ] = $rows[ $slug ] ?? array( $slug, false );
	}

	$locked   = workos_login_setting_locked( 'role_map' );
	$disabled = $locked ? ' disabled' : '';
	echo '<table class="widefat striped workos-login-role-map"><thead><tr><th scope="col">' . esc_html__( 'WorkOS role', 'workos-login' ) . '</th><th scope="col">' . esc_html__( 'WordPress role', 'workos-login' ) . '</th></tr></thead><tbody>';
	$index = 0;
	foreach ( $rows as $slug => list( $name, $listed ) ) {
		$id = 'workos-login-role-map-' . $index;
		printf(
			'<tr><th scope="row"><label for="%1$s">%2$s</label>%4$s<input type="hidden" name="workos_login_role_map[_rows][%5$d][slug]" value="%3$s"%6$s></th><td><select id="%1$s" name="workos_login_role_map[_rows][%5$d][role]"%6$s><option value="">%7$s</option>%8$s</select></td></tr>',
			esc_attr( $id ),
			$name !== $slug ? esc_html( $name ) . ' <code>' . esc_html( $slug ) . '</code>' : '<code>' . esc_html( $slug ) . '</code>',
			esc_attr( $slug ),
			$listed ? '' : ' <em>' . esc_html__( '(not listed by WorkOS now)', 'workos-login' ) . '</em>', // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- a literal or esc_html__().
			(int) $index,
			$disabled, // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- a constant attribute.
			esc_html__( '— no change —', 'workos-login' ),
			workos_login_role_options( (string) ( $map[ $slug ] ?? '' ) ) // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- escaped inside.
		);
		++$index;
	}
	printf(
		'<tr><th scope="row"><label for="workos-login-role-map-new-slug">%1$s</label><br><input type="text" id="workos-login-role-map-new-slug" name="workos_login_role_map[_new_slug]" class="regular-text code" spellcheck="false" aria-describedby="workos-login-role-map-new-description"%2$s></th><td><label for="workos-login-role-map-new-role" class="screen-reader-text">%3$s</label><select id="workos-login-role-map-new-role" name="workos_login_role_map[_new_role]"%2$s><option value="">%4$s</option>%5$s</select></td></tr>',
		esc_html__( 'Another WorkOS role (slug)', 'workos-login' ),
		$disabled, // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- a constant attribute.
		esc_html__( 'WordPress role for that WorkOS role', 'workos-login' ),
		esc_html__( '— no change —', 'workos-login' ),
		workos_login_role_options( '' ) // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- escaped inside.
	);
	echo '</tbody></table>';
	echo '<p class="description" id="workos-login-role-map-new-description">' . esc_html__( 'Nothing maps to Administrator unless you choose it here: choosing it gives everyone with that WorkOS role full control of this site.', 'workos-login' ) . '</p>';
	$source = workos_login_setting_source_note( 'role_map' );
	if ( '' !== $source ) {
		echo '<p class="description workos-login-source">' . esc_html( $source ) . '</p>';
	}
}

/**
 * Redirects after sign-in and after logout, per WordPress role.
 *
 * @since 0.3.0
 */
function workos_login_render_role_redirects_table(): void {
	echo '<p>' . esc_html__( 'A path on this site (/welcome/) or a full address on this site. After sign-in, a requested redirect_to and the Login Profile’s own redirect come first.', 'workos-login' ) . '</p>';
	$settings = array( 'login_redirects', 'logout_redirects' );
	echo '<table class="widefat striped workos-login-role-redirects"><thead><tr><th scope="col">' . esc_html__( 'WordPress role', 'workos-login' ) . '</th>';
	foreach ( $settings as $name ) {
		echo '<th scope="col">' . esc_html( workos_login_setting_label( $name ) ) . '</th>';
	}
	echo '</tr></thead><tbody>';
	foreach ( array_reverse( wp_roles()->get_names(), true ) as $role => $role_name ) {
		echo '<tr><th scope="row">' . esc_html( translate_user_role( $role_name ) ) . '</th>';
		foreach ( $settings as $name ) {
			$value = (array) workos_login_option( $name );
			$id    = workos_login_field_id( $name ) . '-' . sanitize_html_class( $role );
			printf(
				'<td><label for="%1$s" class="screen-reader-text">%2$s</label><input type="text" inputmode="url" id="%1$s" name="%3$s" value="%4$s" class="regular-text code" spellcheck="false"%5$s></td>',
				esc_attr( $id ),
				/* translators: 1: setting label, 2: role name. */
				esc_html( sprintf( __( '%1$s for %2$s', 'workos-login' ), workos_login_setting_label( $name ), translate_user_role( $role_name ) ) ),
				esc_attr( 'workos_login_' . $name . '[' . $role . ']' ),
				esc_attr( (string) ( $value[ $role ] ?? '' ) ),
				workos_login_setting_locked( $name ) ? ' disabled' : ''
			);
		}
		echo '</tr>';
	}
	echo '</tbody></table>';
	foreach ( $settings as $name ) {
		$source = workos_login_setting_source_note( $name );
		if ( '' !== $source ) {
			echo '<p class="description workos-login-source">' . esc_html( workos_login_setting_label( $name ) . ': ' . $source ) . '</p>';
		}
	}
}
