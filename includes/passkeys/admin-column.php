<?php
/**
 * Users list: a "Passkeys" column with each user's number of passkeys (one query per page).
 *
 * @package WorkOS_Login
 * @since   0.5.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Adds the "Passkeys" column.
 *
 * @since 0.5.0
 *
 * @param array<string, string> $columns Columns.
 * @return array<string, string>
 */
function workos_login_passkeys_users_column( $columns ) {
	$columns                          = is_array( $columns ) ? $columns : array();
	$columns['workos_login_passkeys'] = __( 'Passkeys', 'workos-login' );
	return $columns;
}
add_filter( 'manage_users_columns', 'workos_login_passkeys_users_column' );

/**
 * Prints the count.
 *
 * @since 0.5.0
 *
 * @param string $output  Column output so far.
 * @param string $column  Column name.
 * @param int    $user_id User.
 * @return string
 */
function workos_login_passkeys_users_column_value( $output, $column, $user_id ) {
	if ( 'workos_login_passkeys' !== $column ) {
		return $output;
	}
	$count = workos_login_passkeys_listed_counts()[ (int) $user_id ] ?? null;
	if ( null === $count ) {
		$count = workos_login_passkey_counts( array( (int) $user_id ) )[ (int) $user_id ] ?? 0;
	}
	return 0 === $count
		? '<span aria-hidden="true">—</span><span class="screen-reader-text">' . esc_html__( 'None', 'workos-login' ) . '</span>'
		: esc_html( number_format_i18n( $count ) );
}
add_filter( 'manage_users_custom_column', 'workos_login_passkeys_users_column_value', 10, 3 );

/**
 * The counts of every user on the list being printed, read once.
 *
 * @since 0.5.0
 *
 * @return array<int, int> User id → count (0 included for users on the list).
 */
function workos_login_passkeys_listed_counts(): array {
	static $counts = null;
	if ( null === $counts ) {
		global $wp_list_table;
		$users  = $wp_list_table instanceof WP_Users_List_Table ? (array) $wp_list_table->items : array();
		$ids    = array_map( static fn ( $user ): int => $user instanceof WP_User ? $user->ID : 0, array_values( $users ) );
		$counts = array_fill_keys( $ids, 0 );
		foreach ( workos_login_passkey_counts( $ids ) as $id => $n ) {
			$counts[ $id ] = $n;
		}
	}
	return $counts;
}
