<?php
/**
 * A group of `wp workos` commands, for `wp help`.
 *
 * @package WorkOS_Login
 * @since   0.6.0
 */

namespace WorkOS_Login;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * A group of `wp workos` commands; its description is given where it is registered
 * (workos_login_cli_register()).
 *
 * @since 0.6.0
 */
class CLI_Namespace extends \WP_CLI\Dispatcher\CommandNamespace {
}
