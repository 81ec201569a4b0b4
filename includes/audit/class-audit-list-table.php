<?php
/**
 * The Audit Log screen's table. Loaded only by that screen (it needs `WP_List_Table`).
 *
 * @package WorkOS_Login
 * @since   0.3.0
 */

namespace WorkOS_Login;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

if ( ! class_exists( '\WP_List_Table' ) ) {
	require_once ABSPATH . 'wp-admin/includes/class-wp-list-table.php';
}

/**
 * Rows of `{prefix}workos_login_audit`, newest first, filtered like the CSV export.
 *
 * @since 0.3.0
 */
class Audit_List_Table extends \WP_List_Table {

	/**
	 * The validated filters (workos_login_audit_filters()).
	 *
	 * @var array<string, string>
	 */
	private array $filters;

	/**
	 * Column key → heading, computed once.
	 *
	 * @var array<string, string>|null
	 */
	private ?array $column_headings = null;

	/**
	 * Sets the table up.
	 *
	 * @since 0.3.0
	 *
	 * @param array<string, string> $filters Validated filters.
	 */
	public function __construct( array $filters ) {
		parent::__construct(
			array(
				'singular' => 'workos-audit-entry',
				'plural'   => 'workos-audit-entries',
				'ajax'     => false,
			)
		);
		$this->filters = $filters;
	}

	/**
	 * The columns (workos_login_audit_columns()).
	 *
	 * @since 0.3.0
	 *
	 * @return array<string, string>
	 */
	public function get_columns() {
		if ( null === $this->column_headings ) {
			$this->column_headings = \workos_login_audit_columns();
		}
		return $this->column_headings;
	}

	/**
	 * Reads the page of rows.
	 *
	 * @since 0.3.0
	 *
	 * @return void
	 */
	public function prepare_items() {
		$per_page = $this->get_items_per_page( WORKOS_LOGIN_AUDIT_PER_PAGE_OPTION, 50 );
		$total    = \workos_login_audit_count( $this->filters );
		$this->set_pagination_args(
			array(
				'total_items' => $total,
				'per_page'    => $per_page,
			)
		);
		$page                  = min( $this->get_pagenum(), max( 1, (int) ceil( $total / $per_page ) ) );
		$this->items           = \workos_login_audit_rows( $this->filters, $per_page, ( $page - 1 ) * $per_page );
		$this->_column_headers = array( $this->get_columns(), array(), array(), 'occurred_at' );
	}

	/**
	 * A cell: the same text as the CSV export, escaped; a dash for none.
	 *
	 * @since 0.3.0
	 *
	 * @param array<string, string> $item        Row.
	 * @param string                $column_name Column key.
	 * @return string HTML.
	 */
	public function column_default( $item, $column_name ) {
		$text = \workos_login_audit_cell( $item, $column_name );
		if ( '' === $text ) {
			return '<span aria-hidden="true">—</span><span class="screen-reader-text">' . esc_html__( 'None', 'workos-login' ) . '</span>';
		}
		if ( 'forwarding' === $column_name && 'failed' === ( $item['forward_state'] ?? '' ) ) {
			return '<strong class="workos-audit-failed">' . esc_html( $text ) . '</strong>';
		}
		return esc_html( $text );
	}

	/**
	 * The event column: its key, with its label for sighted users and screen readers alike.
	 *
	 * @since 0.3.0
	 *
	 * @param array<string, string> $item Row.
	 * @return string HTML.
	 */
	public function column_event( $item ) {
		$labels = \workos_login_audit_event_labels();
		$event  = (string) $item['event'];
		return '<code>' . esc_html( $event ) . '</code>' . ( isset( $labels[ $event ] ) ? '<br><span class="description">' . esc_html( $labels[ $event ] ) . '</span>' : '' );
	}

	/**
	 * Says that nothing matches.
	 *
	 * @since 0.3.0
	 *
	 * @return void
	 */
	public function no_items() {
		esc_html_e( 'No audit log entries match.', 'workos-login' );
	}

	/**
	 * The filters, above the table.
	 *
	 * @since 0.3.0
	 *
	 * @param string $which `top` or `bottom`.
	 * @return void
	 */
	protected function extra_tablenav( $which ) {
		if ( 'top' === $which ) {
			\workos_login_audit_render_filters( $this->filters );
		}
	}
}
