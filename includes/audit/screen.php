<?php
/**
 * WorkOS → Audit Log: the 30-day summary, the filtered table, CSV export and clearing.
 *
 * @package WorkOS_Login
 * @since   0.3.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** The screen's page slug. */
const WORKOS_LOGIN_AUDIT_PAGE = 'workos-login-audit';

/** User option holding the rows per page (Screen Options). */
const WORKOS_LOGIN_AUDIT_PER_PAGE_OPTION = 'workos_login_audit_per_page';

/**
 * Adds the submenu.
 *
 * @since 0.3.0
 */
function workos_login_audit_admin_menu(): void {
	$hook = add_submenu_page(
		WORKOS_LOGIN_ADMIN_MENU,
		__( 'Audit Log', 'workos-login' ),
		__( 'Audit Log', 'workos-login' ),
		'manage_options',
		WORKOS_LOGIN_AUDIT_PAGE,
		'workos_login_audit_render_screen'
	);
	if ( $hook ) {
		add_action( 'load-' . $hook, 'workos_login_audit_load_screen' );
	}
}
add_action( 'admin_menu', 'workos_login_audit_admin_menu', 20 );

/**
 * Before the screen prints: a clean URL after filtering, and the rows-per-page option.
 *
 * @since 0.3.0
 */
function workos_login_audit_load_screen(): void {
	// The table's form is GET: drop the bulk-action nonce WP_List_Table adds, as core screens do.
	// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- nothing is changed here.
	if ( ! empty( $_GET['_wp_http_referer'] ) && isset( $_SERVER['REQUEST_URI'] ) ) {
		// phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- only redirected to, through wp_safe_redirect().
		wp_safe_redirect( remove_query_arg( array( '_wp_http_referer', '_wpnonce' ), wp_unslash( $_SERVER['REQUEST_URI'] ) ) );
		exit;
	}
	add_screen_option(
		'per_page',
		array(
			'label'   => __( 'Entries per page', 'workos-login' ),
			'default' => 50,
			'option'  => WORKOS_LOGIN_AUDIT_PER_PAGE_OPTION,
		)
	);
}

/**
 * Lets Screen Options store the rows per page (1–500).
 *
 * @since 0.3.0
 *
 * @param mixed  $keep   What another filter decided.
 * @param string $option Option name.
 * @param int    $value  Value.
 * @return mixed
 */
function workos_login_audit_set_per_page( $keep, $option, $value ) {
	return WORKOS_LOGIN_AUDIT_PER_PAGE_OPTION === $option ? max( 1, min( 500, (int) $value ) ) : $keep;
}
add_filter( 'set_screen_option_' . WORKOS_LOGIN_AUDIT_PER_PAGE_OPTION, 'workos_login_audit_set_per_page', 10, 3 );

/**
 * Prints the screen (or the clearing confirmation).
 *
 * @since 0.3.0
 */
function workos_login_audit_render_screen(): void {
	if ( ! current_user_can( 'manage_options' ) ) {
		wp_die( esc_html__( 'Sorry, you are not allowed to see the audit log.', 'workos-login' ), 403 );
	}
	// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- choosing a view; the clearing itself checks a nonce.
	if ( isset( $_GET['confirm-clear'] ) ) {
		workos_login_audit_render_clear_confirmation();
		return;
	}
	// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- read-only filters.
	$filters = workos_login_audit_filters( wp_unslash( $_GET ) );
	require_once __DIR__ . '/class-audit-list-table.php';
	$table = new WorkOS_Login\Audit_List_Table( $filters );
	$table->prepare_items();

	$export = wp_nonce_url( add_query_arg( array( 'action' => 'workos_login_audit_export' ) + workos_login_audit_filter_args( $filters ), admin_url( 'admin-post.php' ) ), 'workos_login_audit_export' );
	$clear  = add_query_arg(
		array(
			'page'          => WORKOS_LOGIN_AUDIT_PAGE,
			'confirm-clear' => '1',
		),
		admin_url( 'admin.php' )
	);

	echo '<div class="wrap workos-audit">';
	workos_login_audit_print_styles();
	echo '<h1 class="wp-heading-inline">' . esc_html__( 'Audit Log', 'workos-login' ) . '</h1> ';
	echo '<a class="page-title-action" href="' . esc_url( $export ) . '">' . esc_html__( 'Export CSV', 'workos-login' ) . '</a> ';
	echo '<a class="page-title-action" href="' . esc_url( $clear ) . '">' . esc_html__( 'Clear log', 'workos-login' ) . '</a>';
	echo '<hr class="wp-header-end">';
	workos_login_audit_screen_notices();
	workos_login_audit_render_summary();

	echo '<h2 class="screen-reader-text">' . esc_html__( 'Entries', 'workos-login' ) . '</h2>';
	echo '<form method="get" action="' . esc_url( admin_url( 'admin.php' ) ) . '">';
	echo '<input type="hidden" name="page" value="' . esc_attr( WORKOS_LOGIN_AUDIT_PAGE ) . '">';
	$table->search_box( __( 'Search email, WorkOS user or IP', 'workos-login' ), 'workos-audit-search' );
	$table->display();
	echo '</form></div>';
}

/**
 * Notices: entries cleared, the log switched off, forwarding without an organization.
 *
 * @since 0.3.0
 */
function workos_login_audit_screen_notices(): void {
	// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- a count to show after a redirect.
	if ( isset( $_GET['cleared'] ) ) {
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended
		$count = absint( $_GET['cleared'] );
		/* translators: %s: number of entries deleted. */
		$message = sprintf( _n( 'The audit log was cleared: %s entry deleted.', 'The audit log was cleared: %s entries deleted.', $count, 'workos-login' ), number_format_i18n( $count ) );
		echo '<div class="notice notice-success is-dismissible"><p>' . esc_html( $message ) . '</p></div>';
	}
	if ( ! workos_login_option( 'audit_enabled' ) ) {
		echo '<div class="notice notice-warning"><p>' . esc_html__( 'The audit log is switched off (WorkOS → Settings): nothing new is recorded.', 'workos-login' ) . '</p></div>';
	}
	if ( workos_login_option( 'audit_forward' ) && null === workos_login_site_organization_id() ) {
		echo '<div class="notice notice-warning"><p>' . esc_html__( 'Forwarding to WorkOS Audit Logs is on, but the site has no WorkOS organization (WorkOS → Settings): nothing is forwarded.', 'workos-login' ) . '</p></div>';
	}
}

/**
 * The filter controls (inside the table's form).
 *
 * @since 0.3.0
 *
 * @param array<string, string> $filters Current filters.
 */
function workos_login_audit_render_filters( array $filters ): void {
	$methods = array();
	foreach ( array_merge( WORKOS_LOGIN_IDENTITY_METHODS, array( 'native', 'application_password' ) ) as $method ) {
		$label              = workos_login_method_label( $method );
		$methods[ $method ] = $label === $method ? $method : $label . ' (' . $method . ')';
	}
	$profiles = array_keys( workos_login_get_profiles() );
	$events   = array();
	foreach ( workos_login_audit_event_labels() as $event => $label ) {
		$events[ $event ] = $label . ' (' . $event . ')';
	}
	echo '<div class="alignleft actions workos-audit-filters">';
	workos_login_audit_select( 'event', __( 'Event', 'workos-login' ), __( 'All events', 'workos-login' ), $events, $filters['event'] );
	workos_login_audit_select( 'method', __( 'Method', 'workos-login' ), __( 'All methods', 'workos-login' ), $methods, $filters['method'] );
	workos_login_audit_select( 'profile', __( 'Profile', 'workos-login' ), __( 'All profiles', 'workos-login' ), array_combine( $profiles, $profiles ), $filters['profile'] );
	printf(
		'<label for="workos-audit-user">%s</label> <input type="text" id="workos-audit-user" name="user" value="%s" size="16" placeholder="%s"> ',
		esc_html__( 'User', 'workos-login' ),
		esc_attr( $filters['user'] ),
		esc_attr__( 'ID, username or email', 'workos-login' )
	);
	printf( '<label for="workos-audit-from">%s</label> <input type="date" id="workos-audit-from" name="from" value="%s"> ', esc_html__( 'From', 'workos-login' ), esc_attr( $filters['from'] ) );
	printf( '<label for="workos-audit-to">%s</label> <input type="date" id="workos-audit-to" name="to" value="%s"> ', esc_html__( 'To', 'workos-login' ), esc_attr( $filters['to'] ) );
	submit_button( __( 'Filter', 'workos-login' ), '', 'filter_action', false, array( 'id' => 'workos-audit-filter' ) );
	echo '</div>';
}

/**
 * A labelled select.
 *
 * @since 0.3.0
 *
 * @param string                $name     Query argument.
 * @param string                $label    Label.
 * @param string                $all      The "no filter" choice.
 * @param array<string, string> $choices  Value → text.
 * @param string                $selected Current value.
 */
function workos_login_audit_select( string $name, string $label, string $all, array $choices, string $selected ): void {
	printf( '<label class="screen-reader-text" for="workos-audit-%1$s">%2$s</label><select id="workos-audit-%1$s" name="%1$s">', esc_attr( $name ), esc_html( $label ) );
	printf( '<option value="">%s</option>', esc_html( $all ) );
	foreach ( $choices as $value => $text ) {
		printf( '<option value="%s"%s>%s</option>', esc_attr( (string) $value ), selected( $selected, (string) $value, false ), esc_html( $text ) );
	}
	echo '</select> ';
}

/**
 * The screen's few styles (classic admin markup, no build).
 *
 * @since 0.3.0
 */
function workos_login_audit_print_styles(): void {
	echo '<style>
.workos-audit-summary{background:#fff;border:1px solid #c3c4c7;padding:0 16px 12px;margin:16px 0;max-width:960px}
.workos-audit-figures{display:flex;flex-wrap:wrap;gap:24px;margin:0 0 12px}
.workos-audit-figures dt{color:#50575e}
.workos-audit-figures dd{margin:0;font-size:24px;font-weight:600}
.workos-audit-chart{display:block;width:100%;height:120px}
.workos-audit-bar-ok,.workos-audit-key-ok{fill:#2271b1;background:#2271b1}
.workos-audit-bar-failed,.workos-audit-key-failed{fill:#d63638;background:#d63638}
.workos-audit-legend span{display:inline-block;width:10px;height:10px;margin:0 4px 0 12px}
.workos-audit-filters label{margin-left:4px}
.workos-audit .column-user_agent{width:16%;word-break:break-word}
.workos-audit .column-detail{width:18%;word-break:break-word}
.workos-audit-failed{color:#d63638}
</style>';
}
