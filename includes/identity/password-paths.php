<?php
/**
 * WordPress passwords around WorkOS: once WorkOS sign-in works (a verified configuration), no
 * WordPress password signs anyone in through a path an administrator did not open for their role.
 *
 * The paths: `xmlrpc` (XML-RPC with a WordPress password), `application_passwords` (REST and
 * XML-RPC), `rest_basic` (REST requests authenticated with a WordPress password by a Basic Auth
 * plugin) and `other_forms` (`wp_signon()`/`wp_authenticate()` from other plugins' forms, such
 * as WooCommerce's account page). Each is refused by default; the setting `password_paths` opens
 * one for a list of roles (a user passes when every role they have is listed). `other_forms`
 * may instead be checked against WorkOS (`headless_forms`, password-headless.php).
 * wp-login.php's own form is refused while it is taken over (surfaces/wp-login.php), except for
 * the emergency form and break-glass links (surfaces/native-login.php, break-glass*.php), which
 * are audited there.
 *
 * The policy runs after the password was checked (a wrong password gets WordPress's own answer)
 * and every use and refusal is audited with its path: `wp_password_used`, `wp_password_refused`.
 *
 * @package WorkOS_Login
 * @since   0.6.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** The paths the policy decides, in the order the settings screen shows them. */
const WORKOS_LOGIN_PASSWORD_PATH_NAMES = array( 'xmlrpc', 'application_passwords', 'rest_basic', 'other_forms' );

/** Error code of a refused path (what other plugins' forms show). */
const WORKOS_LOGIN_PASSWORD_REFUSED = 'workos_password_refused';

/** Application password uses are audited once per password and outcome in this many seconds. */
const WORKOS_LOGIN_APP_PASSWORD_AUDIT_WINDOW = 10 * MINUTE_IN_SECONDS;

/**
 * Whether the policy applies: WorkOS sign-in works (until then WordPress's own passwords are the
 * way in, as for wp-login.php).
 *
 * @since 0.6.0
 */
function workos_login_password_policy_active(): bool {
	return workos_login_config_verified();
}

/**
 * Which path this request's WordPress password came through.
 *
 * @since 0.6.0
 *
 * @return string One of WORKOS_LOGIN_PASSWORD_PATH_NAMES, `wp_login` or `emergency`.
 */
function workos_login_password_path(): string {
	if ( function_exists( 'workos_login_emergency_form_path' ) && '' !== workos_login_emergency_form_path() ) {
		return 'emergency';
	}
	if ( did_action( 'application_password_did_authenticate' ) ) {
		return 'application_passwords';
	}
	if ( defined( 'XMLRPC_REQUEST' ) && XMLRPC_REQUEST ) {
		return 'xmlrpc';
	}
	if ( workos_login_is_rest_request() ) {
		return 'rest_basic';
	}
	return 'wp-login.php' === ( $GLOBALS['pagenow'] ?? '' ) ? 'wp_login' : 'other_forms';
}

/**
 * Whether this request is a REST request — also before core says so (`REST_REQUEST` is defined
 * at `parse_request`; Basic Auth plugins authenticate on `determine_current_user`, which may run
 * earlier).
 *
 * @since 0.6.0
 */
function workos_login_is_rest_request(): bool {
	if ( defined( 'REST_REQUEST' ) && REST_REQUEST ) {
		return true;
	}
	// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- only its presence.
	if ( isset( $_GET['rest_route'] ) ) {
		return true;
	}
	$uri = isset( $_SERVER['REQUEST_URI'] ) ? (string) wp_parse_url( esc_url_raw( wp_unslash( $_SERVER['REQUEST_URI'] ) ), PHP_URL_PATH ) : '';
	return str_contains( $uri, '/' . rest_get_url_prefix() . '/' );
}

/**
 * Whether the policy lets a user's WordPress password through a path: the path is open for every
 * role the user has (a user with no role here passes nowhere).
 *
 * @since 0.6.0
 *
 * @param string  $path One of WORKOS_LOGIN_PASSWORD_PATH_NAMES.
 * @param WP_User $user The user.
 */
function workos_login_password_path_allows( string $path, WP_User $user ): bool {
	$open  = (array) workos_login_option( 'password_paths' );
	$roles = isset( $open[ $path ] ) && is_array( $open[ $path ] ) ? $open[ $path ] : array();
	$have  = array_values( (array) $user->roles );
	return array() !== $have && array() === array_diff( $have, $roles );
}

/**
 * The words of a refusal: where to sign in instead.
 *
 * @since 0.6.0
 */
function workos_login_password_refused_message(): string {
	/* translators: %s: the address of the sign-in page. */
	return sprintf( __( 'WordPress passwords do not sign in here. Sign in at %s.', 'workos-login' ), wp_login_url() );
}

/**
 * Decides a WordPress password that core accepted (`authenticate`, after core's checks at 20 and
 * the step-up refusal at 50). Application passwords are decided where core checks them
 * (workos_login_application_password_errors()); headless forms by password-headless.php.
 *
 * @since 0.6.0
 *
 * @param WP_User|WP_Error|null $user The result so far.
 * @return WP_User|WP_Error|null
 */
function workos_login_password_path_authenticate( $user ) {
	if ( ! $user instanceof WP_User || ! workos_login_password_policy_active() ) {
		return $user;
	}
	$path = workos_login_password_path();
	if ( 'emergency' === $path || 'application_passwords' === $path || ( 'other_forms' === $path && workos_login_option( 'headless_forms' ) ) ) {
		return $user;
	}
	if ( 'wp_login' === $path ) {
		// wp-login.php's own form: refused while taken over (surfaces/wp-login.php refuses its POSTs
		// before this; this catches any other way in), open when a site keeps it on purpose.
		if ( ! workos_login_takes_over_wp_login() ) {
			workos_login_audit_password_path( 'wp_password_used', $user, $path );
			return $user;
		}
	} elseif ( workos_login_password_path_allows( $path, $user ) ) {
		workos_login_audit_password_path( 'wp_password_used', $user, $path );
		return $user;
	}
	workos_login_audit_password_path( 'wp_password_refused', $user, $path );
	return new WP_Error( WORKOS_LOGIN_PASSWORD_REFUSED, workos_login_password_refused_message() );
}
add_filter( 'authenticate', 'workos_login_password_path_authenticate', 60 );

/**
 * Refuses an application password whose user the policy does not open `application_passwords`
 * for — after core checked it, so a wrong one gets core's answer.
 *
 * @since 0.6.0
 *
 * @param WP_Error             $error The errors so far (added to).
 * @param WP_User              $user  The user.
 * @param array<string, mixed> $item  The application password.
 */
function workos_login_application_password_errors( $error, $user, $item = array() ): void {
	if ( ! $error instanceof WP_Error || ! $user instanceof WP_User || $error->has_errors() || ! workos_login_password_policy_active() ) {
		return;
	}
	if ( workos_login_password_path_allows( 'application_passwords', $user ) ) {
		return;
	}
	$error->add( WORKOS_LOGIN_PASSWORD_REFUSED, workos_login_password_refused_message(), array( 'status' => 401 ) );
	workos_login_audit_application_password( 'wp_password_refused', $user, (array) $item );
}
add_action( 'wp_authenticate_application_password_errors', 'workos_login_application_password_errors', 10, 3 );

/**
 * Settles who the request is before core reads the application password's status: core reports
 * a refused application password (`rest_application_password_check_errors`, priority 90) only when
 * the current user was determined before it, which nothing guarantees — without this, a refusal
 * answered "not logged in" instead of saying why.
 *
 * @since 0.6.0
 *
 * @param WP_Error|true|null $result Authentication errors so far.
 * @return WP_Error|true|null
 */
function workos_login_rest_settle_current_user( $result ) {
	if ( empty( $result ) ) {
		wp_get_current_user();
	}
	return $result;
}
add_filter( 'rest_authentication_errors', 'workos_login_rest_settle_current_user', 89 );

/**
 * Audits an application password that signed a request in.
 *
 * @since 0.6.0
 *
 * @param WP_User              $user The user.
 * @param array<string, mixed> $item The application password.
 */
function workos_login_application_password_used( $user, $item = array() ): void {
	if ( $user instanceof WP_User && workos_login_password_policy_active() ) {
		workos_login_audit_application_password( 'wp_password_used', $user, (array) $item );
	}
}
add_action( 'application_password_did_authenticate', 'workos_login_application_password_used', 10, 2 );

/**
 * Hides application passwords from users the policy refuses them to (their profile screen
 * offers none, and core refuses to create one); while a request authenticates, core's own check
 * stays as it is so the refusal above is the one that answers.
 *
 * @since 0.6.0
 *
 * @param bool    $available Whether core would offer them.
 * @param WP_User $user      The user.
 */
function workos_login_application_passwords_available( $available, $user ): bool {
	if ( ! $available || ! $user instanceof WP_User || doing_filter( 'determine_current_user' ) || doing_filter( 'authenticate' ) ) {
		return (bool) $available;
	}
	return ! workos_login_password_policy_active() || workos_login_password_path_allows( 'application_passwords', $user );
}
add_filter( 'wp_is_application_passwords_available_for_user', 'workos_login_application_passwords_available', 10, 2 );

/**
 * Audits one use or refusal of a WordPress password (once per request).
 *
 * @since 0.6.0
 *
 * @param string               $event `wp_password_used` or `wp_password_refused`.
 * @param WP_User              $user  The user whose password it was.
 * @param string               $path  The path.
 * @param array<string, mixed> $more  More detail.
 */
function workos_login_audit_password_path( string $event, WP_User $user, string $path, array $more = array() ): void {
	// WordPress may decide the current user more than once a request (a REST request decides it at
	// `init` and again when it checks authentication): one row per request and outcome.
	static $audited = array();
	$key            = $event . ':' . $user->ID . ':' . $path;
	if ( isset( $audited[ $key ] ) ) {
		return;
	}
	$audited[ $key ] = true;
	workos_login_audit(
		$event,
		array(
			'user_id' => $user->ID,
			'email'   => $user->user_email,
			'method'  => 'application_passwords' === $path ? 'application_password' : 'native',
			'detail'  => array( 'path' => $path ) + $more,
		)
	);
}

/**
 * Audits an application password's use or refusal once per password, outcome and window: each
 * API request is a use, and an integration makes thousands.
 *
 * @since 0.6.0
 *
 * @param string               $event `wp_password_used` or `wp_password_refused`.
 * @param WP_User              $user  The user.
 * @param array<string, mixed> $item  The application password (`uuid`, `name`).
 */
function workos_login_audit_application_password( string $event, WP_User $user, array $item ): void {
	$uuid = isset( $item['uuid'] ) ? (string) $item['uuid'] : '';
	if ( true !== workos_login_limits_mark( 'audit:app-password:' . $event . ':' . $user->ID . ':' . $uuid, WORKOS_LOGIN_APP_PASSWORD_AUDIT_WINDOW ) ) {
		return;
	}
	$detail = array(
		'application_password' => workos_login_audit_cut( (string) ( $item['name'] ?? '' ), 100 ),
		'api'                  => defined( 'XMLRPC_REQUEST' ) && XMLRPC_REQUEST ? 'xmlrpc' : 'rest',
	);
	workos_login_audit_password_path( $event, $user, 'application_passwords', $detail );
}
