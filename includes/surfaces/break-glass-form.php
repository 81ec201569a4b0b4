<?php
/**
 * A break-glass link on wp-login.php (break-glass-link.php): WordPress's own form for the link's
 * user only.
 *
 * A link that is not valid now (tampered, another site's, expired, spent, out of attempts, its
 * user gone) shows a message and no form. A valid one shows the form with the username fixed; its
 * POST carries the token in a hidden field. Each POST takes one of the link's attempts
 * (WORKOS_LOGIN_BREAK_GLASS_MAX_ATTEMPTS, counted in the plugin's table before the password is
 * checked) and is refused when it names another user. A correct password spends the link — one
 * atomic statement, limits/store.php — and is audited before WordPress sets the cookie (rule 7);
 * the session ends with the browser (no "remember me").
 *
 * @package WorkOS_Login
 * @since   0.3.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Serves a link on wp-login.php: refuses it, or sets up the form (and, for a POST, takes one
 * attempt and binds the sign-in to the link's user). Before wp-login.php's takeover (20).
 *
 * @since 0.6.0
 */
function workos_login_break_glass_login_init(): void {
	$request = workos_login_break_glass_request();
	if ( null === $request ) {
		return;
	}
	if ( '' !== $request['error'] ) {
		workos_login_break_glass_refuse( $request['error'], $request['link'] );
	}
	$link = $request['link'];
	$user = get_userdata( $link['user_id'] );
	if ( workos_login_break_glass_is_post() ) {
		$taken = workos_login_limits_take( workos_login_break_glass_tries_key( $link ), WORKOS_LOGIN_BREAK_GLASS_MAX_ATTEMPTS, workos_login_break_glass_mark_ttl( $link ) );
		if ( null === $taken ) {
			workos_login_break_glass_refuse( 'unavailable', $link );
		}
		if ( ! $taken['allowed'] ) {
			workos_login_break_glass_refuse( 'locked', $link );
		}
		if ( ! workos_login_break_glass_request_usable( $request ) ) {
			workos_login_break_glass_refuse( 'other_user', $link );
		}
		// An emergency session ends with the browser.
		unset( $_POST['rememberme'], $_REQUEST['rememberme'] ); // phpcs:ignore WordPress.Security.NonceVerification.Missing, WordPress.Security.NonceVerification.Recommended -- removes a field, reads none; the link's token is the credential, wp-login.php checks the password.
		add_filter( 'authenticate', 'workos_login_break_glass_authenticate', PHP_INT_MAX );
	} else {
		// wp-login.php prints the global `$user_login` as the username (core has no filter for it).
		$GLOBALS['user_login'] = $user->user_login; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- see above.
	}
	add_action( 'login_form', 'workos_login_break_glass_form_field' );
	add_filter( 'login_message', 'workos_login_break_glass_form_message' );
	add_action( 'login_footer', 'workos_login_break_glass_form_script' );
}
add_action( 'login_init', 'workos_login_break_glass_login_init', 5 );

/**
 * The last word on a break-glass sign-in: the link's user with the right password spends the
 * link, and is audited before WordPress sets the cookie; anything else is reported as a failed
 * attempt.
 *
 * @since 0.6.0
 *
 * @param WP_User|WP_Error|null $user The authenticated user so far.
 * @return WP_User|WP_Error|null
 */
function workos_login_break_glass_authenticate( $user ) {
	$request = workos_login_break_glass_request();
	$link    = $request['link'] ?? null;
	if ( null === $link ) {
		return $user;
	}
	if ( ! $user instanceof WP_User || $user->ID !== $link['user_id'] ) {
		$error = is_wp_error( $user ) ? $user : new WP_Error( 'incorrect_password', __( 'The password is not correct.', 'workos-login' ) );
		/**
		 * Fires when a break-glass link's form was sent with a wrong (or empty) password.
		 *
		 * @since 0.6.0
		 *
		 * @param array    $link  The link (`id`, `user_id`, `expires`, `issuer_id`, `via`).
		 * @param WP_Error $error Why.
		 */
		do_action( 'workos_login_break_glass_failed', $link, $error );
		return $error;
	}
	$spent = workos_login_limits_mark( workos_login_break_glass_spent_key( $link ), workos_login_break_glass_mark_ttl( $link ) );
	if ( true !== $spent ) {
		workos_login_break_glass_refuse( null === $spent ? 'unavailable' : 'spent', $link );
	}
	if ( ! workos_login_audit_break_glass_sign_in( $user, $link ) ) {
		// Not recorded, not signed in: the link stays usable.
		workos_login_limits_unmark( workos_login_break_glass_spent_key( $link ) );
		workos_login_break_glass_refuse( 'unavailable', $link );
	}
	/**
	 * Fires when a break-glass link signed its user in (already audited), before the cookie is set.
	 *
	 * @since 0.6.0
	 *
	 * @param WP_User $user The user.
	 * @param array   $link The link.
	 */
	do_action( 'workos_login_break_glass_signed_in', $user, $link );
	return $user;
}

/**
 * Ends the request with why the link cannot be used; no form.
 *
 * @since 0.6.0
 *
 * @param string                    $reason `invalid`, `config`, `expired`, `spent`, `locked`, `user`, `other_user` or `unavailable`.
 * @param array<string, mixed>|null $link   The link, when genuine.
 */
function workos_login_break_glass_refuse( string $reason, ?array $link ): never {
	/**
	 * Fires when a break-glass link was refused.
	 *
	 * @since 0.6.0
	 *
	 * @param string     $reason Why (see workos_login_break_glass_refuse()).
	 * @param array|null $link   The link, when it is genuine (null for a tampered or unknown one).
	 */
	do_action( 'workos_login_break_glass_refused', $reason, $link );
	$messages                 = array(
		'expired'     => array( 410, __( 'This emergency sign-in link has expired.', 'workos-login' ) ),
		'spent'       => array( 410, __( 'This emergency sign-in link has already been used.', 'workos-login' ) ),
		'locked'      => array( 410, __( 'This emergency sign-in link no longer works: too many wrong passwords.', 'workos-login' ) ),
		'other_user'  => array( 403, __( 'This emergency sign-in link is for another account.', 'workos-login' ) ),
		'user'        => array( 403, __( 'The account of this emergency sign-in link cannot sign in here.', 'workos-login' ) ),
		'config'      => array( 403, __( 'The emergency sign-in link in wp-config.php (WORKOS_LOGIN_BREAK_GLASS) does not work now: its time has passed, is more than 24 hours ahead, or its user does not exist.', 'workos-login' ) ),
		'unavailable' => array( 503, __( 'The emergency sign-in could not be recorded just now. Try again in a moment.', 'workos-login' ) ),
	);
	list( $status, $message ) = $messages[ $reason ] ?? array( 403, __( 'This emergency sign-in link is not valid.', 'workos-login' ) );
	wp_die(
		sprintf( '<p>%s</p><p>%s</p>', esc_html( $message ), esc_html__( 'Ask an administrator for a new link.', 'workos-login' ) ),
		esc_html__( 'Emergency sign-in link refused', 'workos-login' ),
		array( 'response' => (int) $status )
	);
	exit; // @phpstan-ignore deadCode.unreachable (a `wp_die_handler` filter may return.)
}

/**
 * Carries the token on to the form's POST.
 *
 * @since 0.6.0
 */
function workos_login_break_glass_form_field(): void {
	$request = workos_login_break_glass_request();
	printf( '<input type="hidden" name="%s" value="%s" />', esc_attr( WORKOS_LOGIN_BREAK_GLASS_ARG ), esc_attr( (string) ( $request['token'] ?? '' ) ) );
}

/**
 * Says whose form this is, until when, and how many attempts are left.
 *
 * @since 0.6.0
 *
 * @param string $message Messages above the form (HTML).
 */
function workos_login_break_glass_form_message( $message ): string {
	$link = workos_login_break_glass_request()['link'] ?? null;
	$user = null === $link ? false : get_userdata( $link['user_id'] );
	if ( ! $user ) {
		return (string) $message;
	}
	$key   = workos_login_break_glass_tries_key( $link );
	$tries = workos_login_limits_live( array( $key ) );
	$left  = max( 0, WORKOS_LOGIN_BREAK_GLASS_MAX_ATTEMPTS - (int) ( $tries[ $key ]['hits'] ?? 0 ) );
	$text  = sprintf(
		/* translators: 1: a username, 2: date and time, 3: number of attempts. */
		_n( 'Emergency sign-in for %1$s only, until %2$s. It works once; %3$d password attempt left. Every use is recorded.', 'Emergency sign-in for %1$s only, until %2$s. It works once; %3$d password attempts left. Every use is recorded.', $left, 'workos-login' ),
		$user->user_login,
		wp_date( (string) get_option( 'date_format' ) . ' ' . (string) get_option( 'time_format' ), $link['expires'] ),
		$left
	);
	return (string) $message . '<p class="message workos-break-glass-message">' . esc_html( $text ) . '</p>';
}

/**
 * Fixes the username field and hides "Remember Me" (the server enforces both).
 *
 * @since 0.6.0
 */
function workos_login_break_glass_form_script(): void {
	wp_print_inline_script_tag( "(function(){var u=document.getElementById('user_login');if(u){u.readOnly=true;}var r=document.querySelector('.forgetmenot');if(r){r.hidden=true;}})();" );
}
