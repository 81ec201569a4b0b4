<?php
/**
 * Matching a WorkOS user to a WordPress user, and provisioning new ones.
 *
 * @package WorkOS_Login
 * @since   0.1.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** User meta linking a WordPress user to its WorkOS user id. */
const WORKOS_LOGIN_USER_META = '_workos_user_id';

/**
 * Finds the WordPress user for a WorkOS user: by link first, then by email only when WorkOS
 * says the email is verified (an unverified email proves nothing about who owns it).
 *
 * @since 0.1.0
 *
 * @param array{id: string, email: string, email_verified: bool, first_name: string|null, last_name: string|null} $workos_user The identity's user.
 * @return WP_User|WP_Error|null The user; null when none exists; a WP_Error when one exists but may
 *                                not be taken over: `unverified_email` or `linked_elsewhere`.
 */
function workos_login_find_user( array $workos_user ): WP_User|WP_Error|null {
	$ids = get_users(
		array(
			'blog_id'     => 0,
			'meta_key'    => WORKOS_LOGIN_USER_META, // phpcs:ignore WordPress.DB.SlowDBQuery -- one indexed key lookup per sign-in.
			'meta_value'  => $workos_user['id'], // phpcs:ignore WordPress.DB.SlowDBQuery
			'number'      => 1,
			'orderby'     => 'ID',
			'fields'      => 'ID',
			'count_total' => false,
		)
	);
	if ( $ids ) {
		$user = get_user_by( 'id', (int) $ids[0] );
		return $user ? $user : null;
	}

	$user = get_user_by( 'email', $workos_user['email'] );
	if ( ! $user ) {
		return null;
	}
	if ( ! $workos_user['email_verified'] ) {
		return new WP_Error( 'unverified_email', 'A WordPress user has this email, but WorkOS has not verified it.' );
	}
	$linked = (string) get_user_meta( $user->ID, WORKOS_LOGIN_USER_META, true );
	if ( '' !== $linked && $linked !== $workos_user['id'] ) {
		return new WP_Error( 'linked_elsewhere', 'The WordPress user with this email is linked to another WorkOS user.' );
	}
	return $user;
}

/**
 * Creates a WordPress user for a WorkOS user, with the default role for created users
 * (WorkOS → Roles), else the site's default role.
 *
 * @since 0.1.0
 *
 * @param array{id: string, email: string, email_verified: bool, first_name: string|null, last_name: string|null} $workos_user The identity's user.
 * @return WP_User|WP_Error
 */
function workos_login_create_user( array $workos_user ): WP_User|WP_Error {
	$login   = workos_login_unique_username( $workos_user['email'], $workos_user['id'] );
	$first   = (string) $workos_user['first_name'];
	$last    = (string) $workos_user['last_name'];
	$display = trim( $first . ' ' . $last );
	$user_id = wp_insert_user(
		array(
			'user_login'    => $login,
			// user_nicename is limited to 50 characters; core appends -2, -3… when taken.
			'user_nicename' => mb_substr( sanitize_title( $login ), 0, 50 ),
			'user_email'    => $workos_user['email'],
			'user_pass'     => wp_generate_password( 64, true, true ),
			'first_name'    => $first,
			'last_name'     => $last,
			'display_name'  => '' !== $display ? $display : $login,
			'role'          => workos_login_default_role(),
		)
	);
	if ( is_wp_error( $user_id ) ) {
		return $user_id;
	}
	update_user_meta( $user_id, WORKOS_LOGIN_USER_META, $workos_user['id'] );
	return new WP_User( $user_id );
}

/** How long a parallel first sign-in waits for the request creating the account, in seconds. */
const WORKOS_LOGIN_PROVISION_WAIT = 20;

/**
 * The account another request is creating for this WorkOS user right now, once it exists. Waits
 * while that request holds the `provision:` mark (on a busy database creating an account can take
 * seconds), and gives up at once when it let the mark go without an account (it failed).
 *
 * @since 0.6.0
 *
 * @param array{id: string, email: string, email_verified: bool, first_name: string|null, last_name: string|null} $workos_user The identity's user.
 * @return WP_User|null Null when it did not appear in time.
 */
function workos_login_wait_for_user( array $workos_user ): ?WP_User {
	$until = microtime( true ) + WORKOS_LOGIN_PROVISION_WAIT;
	do {
		usleep( 100000 );
		wp_cache_delete( 'last_changed', 'users' );
		$user = workos_login_find_user( $workos_user );
		if ( $user instanceof WP_User && (string) get_user_meta( $user->ID, WORKOS_LOGIN_USER_META, true ) === $workos_user['id'] ) {
			return $user;
		}
	} while ( microtime( true ) < $until && workos_login_limits_marked( 'provision:' . $workos_user['id'] ) );
	return null;
}

/**
 * A free, safe username derived from the email's local part.
 *
 * `Jörg.Müller@…` gives `jorg.muller`; a taken name gets `-2`, `-3`…; a local part with no Latin
 * letters left (or a reserved name) gives `user_<hash of the WorkOS id>`. At most 60 characters.
 *
 * @since 0.1.0
 *
 * @param string $email          Email address.
 * @param string $workos_user_id WorkOS user id, for the fallback.
 */
function workos_login_unique_username( string $email, string $workos_user_id ): string {
	$local = strtolower( sanitize_user( (string) strstr( $email, '@', true ), true ) );
	$base  = trim( (string) preg_replace( '/[^a-z0-9._-]+/', '', $local ), '._-' );
	$base  = substr( $base, 0, 60 );

	$illegal = array_map( 'strtolower', (array) apply_filters( 'illegal_user_logins', array() ) ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound -- WordPress core's hook, run as core runs it.
	if ( '' !== $base && ! in_array( $base, $illegal, true ) ) {
		if ( ! username_exists( $base ) ) {
			return $base;
		}
		for ( $n = 2; $n < 50; $n++ ) {
			$candidate = substr( $base, 0, 60 - strlen( "-$n" ) ) . "-$n";
			if ( ! username_exists( $candidate ) ) {
				return $candidate;
			}
		}
	}

	$fallback = 'user_' . substr( hash( 'sha256', $workos_user_id ), 0, 12 );
	return username_exists( $fallback ) ? $fallback . '_' . strtolower( wp_generate_password( 6, false ) ) : $fallback;
}

/**
 * The role given to users created at sign-in: the setting when it names an existing role,
 * else WordPress's own default role.
 *
 * @since 0.3.0
 */
function workos_login_default_role(): string {
	$role = (string) workos_login_option( 'default_role' );
	return '' !== $role && null !== get_role( $role ) ? $role : (string) get_option( 'default_role' );
}

/**
 * Keeps first and last name, and a verified email, in step with WorkOS.
 *
 * An email WorkOS has not verified is never adopted; one that another WordPress account already
 * uses is refused (`workos_login_email_conflict`), never merged. Roles are not touched here (see
 * workos_login_apply_mapped_role()).
 *
 * @since 0.1.0
 * @since 0.3.0 Email sync.
 *
 * @param WP_User                                                                                                 $user        WordPress user (already linked).
 * @param array{id: string, email: string, email_verified: bool, first_name: string|null, last_name: string|null} $workos_user The identity's user.
 * @param array<string, mixed>                                                                                    $identity    The whole identity, for the hook.
 */
function workos_login_sync_user( WP_User $user, array $workos_user, array $identity = array() ): void {
	$changes = array();
	foreach ( array( 'first_name', 'last_name' ) as $field ) {
		if ( null !== $workos_user[ $field ] && $workos_user[ $field ] !== $user->get( $field ) ) {
			$changes[ $field ] = $workos_user[ $field ];
		}
	}

	$email = (string) $workos_user['email'];
	if ( $workos_user['email_verified'] && is_email( $email ) && 0 !== strcasecmp( $email, $user->user_email ) ) {
		$other = get_user_by( 'email', $email );
		if ( $other && $other->ID !== $user->ID ) {
			/**
			 * Fires when WorkOS reports an email that another WordPress account already uses:
			 * the change is refused (the accounts are never merged).
			 *
			 * @since 0.3.0
			 *
			 * @param WP_User $user     The signing-in user, who keeps its email.
			 * @param int     $other_id The account that has the email.
			 * @param array   $identity The identity.
			 */
			do_action( 'workos_login_email_conflict', $user, $other->ID, $identity );
		} else {
			$changes['user_email'] = $email;
		}
	}
	if ( $changes ) {
		wp_update_user( array( 'ID' => $user->ID ) + $changes );
	}
}
