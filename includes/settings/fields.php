<?php
/**
 * Field markup for the settings screens: every input labelled (`label_for`), described through
 * `aria-describedby`, and read-only with its source named when a constant or the environment
 * fixes its value.
 *
 * @package WorkOS_Login
 * @since   0.3.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Whether a setting is fixed outside the database (its field is disabled, saving keeps it).
 *
 * @since 0.3.0
 *
 * @param string $name Setting name.
 */
function workos_login_setting_locked( string $name ): bool {
	return in_array( workos_login_option_source( $name ), array( 'constant', 'environment' ), true );
}

/**
 * The id of a setting's input (`workos-login-server-url`).
 *
 * @since 0.3.0
 *
 * @param string $name Setting name.
 */
function workos_login_field_id( string $name ): string {
	return 'workos-login-' . str_replace( '_', '-', $name );
}

/**
 * Arguments for add_settings_field(): the label points at the input.
 *
 * @since 0.3.0
 *
 * @param string               $name  Setting name.
 * @param array<string, mixed> $extra Field options (`kind`, `description`, `choices`, …).
 * @return array<string, mixed>
 */
function workos_login_field_args( string $name, array $extra = array() ): array {
	return array(
		'name'      => $name,
		'label_for' => workos_login_field_id( $name ),
	) + $extra;
}

/**
 * Where a fixed setting comes from, as a sentence; '' when it is editable.
 *
 * @since 0.3.0
 *
 * @param string $name Setting name.
 */
function workos_login_setting_source_note( string $name ): string {
	$constant = workos_login_settings_definitions()[ $name ]['constant'];
	switch ( workos_login_option_source( $name ) ) {
		case 'constant':
			/* translators: %s: a constant name. */
			return sprintf( __( 'Set by %s in wp-config.php.', 'workos-login' ), $constant );
		case 'environment':
			/* translators: %s: an environment variable name. */
			return sprintf( __( 'Set by the %s environment variable.', 'workos-login' ), $constant );
	}
	return '';
}

/**
 * Prints a field's description and source note; returns the ids for `aria-describedby`.
 *
 * @since 0.3.0
 *
 * @param string $name        Setting name.
 * @param string $description Plain text, '' for none.
 * @param string $extra_html  Already-escaped HTML added to the description (e.g. a status).
 * @return string Space-separated ids ('' when none).
 */
function workos_login_print_field_notes( string $name, string $description, string $extra_html = '' ): string {
	$id  = workos_login_field_id( $name );
	$ids = array();
	if ( '' !== $description || '' !== $extra_html ) {
		$ids[] = $id . '-description';
		printf( '<p class="description" id="%s">%s%s</p>', esc_attr( $id . '-description' ), esc_html( $description ), $extra_html ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- $extra_html is escaped by its callers.
	}
	$source = workos_login_setting_source_note( $name );
	if ( '' !== $source ) {
		$ids[] = $id . '-source';
		printf( '<p class="description workos-login-source" id="%s"><span class="dashicons dashicons-lock" aria-hidden="true"></span> %s</p>', esc_attr( $id . '-source' ), esc_html( $source ) );
	}
	return implode( ' ', $ids );
}

/**
 * Common attributes of an input: id, name, disabled when fixed, aria-describedby.
 *
 * @since 0.3.0
 *
 * @param string $name        Setting name.
 * @param string $describedby Ids of its notes.
 * @param string $input_name  The form name, when not `workos_login_<name>`.
 */
function workos_login_field_attributes( string $name, string $describedby, string $input_name = '' ): string {
	$html = sprintf( 'id="%s" name="%s"', esc_attr( workos_login_field_id( $name ) ), esc_attr( '' !== $input_name ? $input_name : 'workos_login_' . $name ) );
	if ( workos_login_setting_locked( $name ) ) {
		$html .= ' disabled';
	}
	if ( '' !== $describedby ) {
		$html .= sprintf( ' aria-describedby="%s"', esc_attr( $describedby ) );
	}
	return $html;
}

/**
 * Renders one field (add_settings_field() callback). Kinds: `text`, `url`, `number`, `textarea`,
 * `checkbox`, `radio`, `lines` (a list, one entry per line).
 *
 * @since 0.3.0
 *
 * @param array{name: string, label_for: string, kind?: string, description?: string, choices?: array<string, string>, checkbox_label?: string, min?: int, max?: int, placeholder?: string, extra_html?: string} $args Field options.
 */
function workos_login_render_field( array $args ): void {
	$name  = $args['name'];
	$kind  = $args['kind'] ?? 'text';
	$value = workos_login_option( $name );

	ob_start();
	$describedby = workos_login_print_field_notes( $name, $args['description'] ?? '', $args['extra_html'] ?? '' );
	$notes       = (string) ob_get_clean();
	$attributes  = workos_login_field_attributes( $name, $describedby );

	switch ( $kind ) {
		case 'checkbox':
			printf(
				'<label><input type="checkbox" %s value="1"%s> %s</label>',
				$attributes, // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- built with esc_attr().
				checked( (bool) $value, true, false ),
				esc_html( $args['checkbox_label'] ?? '' )
			);
			break;
		case 'radio':
			// A group: the row's label names the fieldset; each choice has its own label.
			echo '<fieldset><legend class="screen-reader-text">' . esc_html( workos_login_setting_label( $name ) ) . '</legend>';
			$first = true;
			foreach ( $args['choices'] ?? array() as $choice => $label ) {
				$id = workos_login_field_id( $name ) . ( $first ? '' : '-' . $choice );
				printf(
					'<label><input type="radio" id="%s" name="%s" value="%s"%s%s%s> %s</label><br>',
					esc_attr( $id ),
					esc_attr( 'workos_login_' . $name ),
					esc_attr( $choice ),
					checked( (string) $value, $choice, false ),
					workos_login_setting_locked( $name ) ? ' disabled' : '',
					'' !== $describedby ? ' aria-describedby="' . esc_attr( $describedby ) . '"' : '', // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- a literal attribute around esc_attr().
					esc_html( $label )
				);
				$first = false;
			}
			echo '</fieldset>';
			break;
		case 'textarea':
		case 'lines':
			printf(
				'<textarea %s rows="%d" class="large-text%s">%s</textarea>',
				$attributes, // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- built with esc_attr().
				'lines' === $kind ? 4 : 3, // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- one of two integers.
				'lines' === $kind ? ' code' : '', // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- a literal class name.
				esc_textarea( 'lines' === $kind ? implode( "\n", (array) $value ) : (string) $value )
			);
			break;
		case 'number':
			printf(
				'<input type="number" %s value="%s" min="%d" max="%d" step="1" class="small-text">',
				$attributes, // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- built with esc_attr().
				esc_attr( (string) $value ),
				(int) ( $args['min'] ?? 0 ),
				(int) ( $args['max'] ?? PHP_INT_MAX )
			);
			break;
		default:
			printf(
				'<input type="%s" %s value="%s" class="regular-text%s"%s>',
				'url' === $kind ? 'url' : 'text', // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- one of two literal input types.
				$attributes, // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- built with esc_attr().
				esc_attr( (string) $value ),
				'url' === $kind ? ' code' : '', // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- a literal class name.
				isset( $args['placeholder'] ) ? ' placeholder="' . esc_attr( $args['placeholder'] ) . '"' : '' // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- a literal attribute around esc_attr().
			);
	}
	echo $notes; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- printed by workos_login_print_field_notes(), escaped there.
}
