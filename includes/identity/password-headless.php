<?php
/**
 * Headless forms: with `headless_forms` on, other plugins' sign-in forms (anything calling
 * `wp_signon()` or `wp_authenticate()` outside wp-login.php, XML-RPC and REST — WooCommerce's
 * account page, membership plugins) check the email and password against WorkOS through the
 * login server instead of the WordPress password, under the `default` profile's rules: the same
 * rate limits, the same answer floor for refusals, and the same login completion up to the
 * session (entitlement gate, account, suspension, role sync, step-up — workos_login_admit()).
 * `wp_signon()` then makes the session; the WorkOS session id is attached to it, and the audit
 * row is stored before the request goes on (if it cannot be, the session is undone and the
 * visitor asked to try again).
 *
 * A second step such a form cannot show (MFA, email verification, organization choice, SSO, a
 * step-up) fails closed with a message that sends the visitor to the sign-in page.
 *
 * @package WorkOS_Login
 * @since   0.6.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** Error code when the account needs the sign-in page (a second step). */
const WORKOS_LOGIN_HEADLESS_NEEDS_PAGE = 'workos_sign_in_page_required';

/**
 * Replaces the WordPress password check of other plugins' forms with WorkOS's (`authenticate`,
 * after core's checks and the path policy: whatever they decided is replaced).
 *
 * @since 0.6.0
 *
 * @param WP_User|WP_Error|null $user     The result so far (ignored on this path).
 * @param string                $username What was typed: an email, or a username whose email is asked.
 * @param string                $password The password.
 * @return WP_User|WP_Error|null
 */
function workos_login_headless_authenticate( $user, $username = '', $password = '' ) {
	if ( ! workos_login_option( 'headless_forms' ) || ! workos_login_password_policy_active() || 'other_forms' !== workos_login_password_path() ) {
		return $user;
	}
	$username = is_string( $username ) ? trim( $username ) : '';
	$password = is_string( $password ) ? $password : '';
	if ( '' === $username || '' === $password ) {
		return $user; // Core's own "empty field" errors.
	}
	$email = is_email( $username ) ? $username : '';
	if ( '' === $email ) {
		$found = get_user_by( 'login', $username );
		$email = $found instanceof WP_User ? (string) $found->user_email : '';
	}
	if ( '' === $email || strlen( $email ) > 254 || strlen( $password ) > 1024 ) {
		workos_login_pad_to_floor();
		return new WP_Error( 'invalid_credentials', workos_login_error_message( 'invalid_credentials' ) );
	}
	return workos_login_headless_sign_in( $email, $password );
}
add_filter( 'authenticate', 'workos_login_headless_authenticate', 90, 3 );

/**
 * Checks an email and password with WorkOS under the `default` profile and admits the identity.
 *
 * @since 0.6.0
 *
 * @param string $email    Email.
 * @param string $password Password.
 * @return WP_User|WP_Error The user `wp_signon()` may sign in, or why not (with WordPress's
 *                          `wp_login_failed` fired by core).
 */
function workos_login_headless_sign_in( string $email, string $password ): WP_User|WP_Error {
	$profile = workos_login_get_profile( 'default' );
	$spec    = workos_login_auth_routes()['password'] ?? null;
	if ( null === $profile || null === $spec || ! in_array( 'password', (array) ( $profile['methods'] ?? array() ), true ) ) {
		return workos_login_headless_needs_page();
	}
	$buckets = workos_login_rate_buckets( 'password', $email, $spec['limit'], null );
	$refusal = workos_login_rate_limit( $buckets );
	if ( null !== $refusal ) {
		return new WP_Error( $refusal['code'], workos_login_error_message( $refusal['code'] ) );
	}
	$choices = workos_login_auth_choices( $profile, '', false );
	$outcome = workos_login_server_step(
		'password',
		$profile,
		array(
			'email'    => $email,
			'password' => $password,
		),
		$spec['types']
	);
	if ( workos_login_outcome_spares_budget( $outcome ) ) {
		workos_login_rate_give_back( $buckets );
	}
	if ( is_wp_error( $outcome ) ) {
		return new WP_Error( 'server_unavailable', workos_login_error_message( 'server_unavailable' ) );
	}
	if ( 'error' === $outcome['type'] ) {
		workos_login_pad_to_floor();
		return new WP_Error( (string) $outcome['code'], workos_login_error_message( (string) $outcome['code'] ) );
	}
	if ( 'authenticated' !== $outcome['type'] ) {
		return workos_login_headless_needs_page(); // A step or a redirect (SSO): the form cannot show it.
	}
	$identity = $outcome['identity'];
	$user     = workos_login_admit( $identity, (string) $profile['slug'], $choices['organization_id'] );
	if ( is_wp_error( $user ) ) {
		return $user;
	}
	if ( ! $user instanceof WP_User ) {
		return workos_login_headless_needs_page(); // Role-based step-up.
	}
	workos_login_headless_pending( $user, $identity, (string) $profile['slug'] );
	return $user;
}

/**
 * The refusal of a sign-in that needs the sign-in page.
 *
 * @since 0.6.0
 */
function workos_login_headless_needs_page(): WP_Error {
	return new WP_Error(
		WORKOS_LOGIN_HEADLESS_NEEDS_PAGE,
		/* translators: %s: the address of the sign-in page. */
		sprintf( __( 'Your account needs another step to sign in. Sign in at %s.', 'workos-login' ), wp_login_url() )
	);
}

/**
 * Prepares the session `wp_signon()` is about to make for an admitted identity: the WorkOS
 * session id on the session token, and the audit row (or the undoing) at `wp_login`.
 *
 * @since 0.6.0
 *
 * @param WP_User              $user         The user.
 * @param array<string, mixed> $identity     The identity.
 * @param string               $profile_slug The profile.
 */
function workos_login_headless_pending( WP_User $user, array $identity, string $profile_slug ): void {
	$token  = '';
	$attach = static function ( $session ) use ( $identity ) {
		$session                      = is_array( $session ) ? $session : array();
		$session['workos_session_id'] = $identity['session_id'];
		return $session;
	};
	$cookie = static function ( $cookie, $expire, $expiration, $user_id, $scheme, $made = '' ) use ( &$token, $attach ) {
		$token = (string) $made;
		remove_filter( 'attach_session_information', $attach );
	};
	$done   = null;
	$done   = static function ( $login, $signed_in = null ) use ( $user, $identity, $profile_slug, &$token, &$done ) {
		if ( ! $signed_in instanceof WP_User || $signed_in->ID !== $user->ID ) {
			return;
		}
		remove_action( 'wp_login', $done, 1 );
		workos_login_headless_signed_in( $user, $identity, $profile_slug, $token );
	};
	if ( null !== $identity['session_id'] ) {
		add_filter( 'attach_session_information', $attach );
	}
	add_action( 'set_logged_in_cookie', $cookie, 10, 6 );
	add_action( 'wp_login', $done, 1, 2 );
}

/**
 * At `wp_login` of a headless sign-in: the session token must be stored and the audit row
 * written, or nothing is left (session destroyed, cookies cleared, WorkOS session revoked) and
 * the visitor is asked to try again.
 *
 * @since 0.6.0
 *
 * @param WP_User              $user         The user.
 * @param array<string, mixed> $identity     The identity.
 * @param string               $profile_slug The profile.
 * @param string               $token        The session token `wp_signon()` made.
 */
function workos_login_headless_signed_in( WP_User $user, array $identity, string $profile_slug, string $token ): void {
	$manager = WP_Session_Tokens::get_instance( $user->ID );
	$stored  = '' !== $token && ( $manager instanceof WorkOS_Login\Session_Tokens ? WorkOS_Login\Session_Tokens::stored( $token ) : null !== $manager->get( $token ) );
	$kind    = $stored ? ( workos_login_audit_sign_in( $user, array( 'via' => 'headless_form' ) + $identity, $profile_slug ) ? '' : 'audit' ) : 'session';
	if ( '' === $kind ) {
		/** This action is documented in includes/completion/complete.php */
		do_action( 'workos_login_signed_in', $user, $identity, '', $profile_slug );
		return;
	}
	if ( '' !== $token ) {
		$manager->destroy( $token );
	}
	wp_clear_auth_cookie();
	wp_set_current_user( 0 );
	$error = workos_login_abandon( $kind, $identity, $profile_slug, $user );
	wp_die( esc_html( $error->get_error_message() ), esc_html__( 'Sign-in failed', 'workos-login' ), array( 'response' => 503 ) );
}
