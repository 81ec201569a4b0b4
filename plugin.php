<?php
/**
 * Plugin Name:       WorkOS Login
 * Description:       Sign in to WordPress with WorkOS: a <workos-login> element backed by a WorkOS login server.
 * Version:           0.6.0
 * Requires at least: 6.5
 * Tested up to:      6.7
 * Requires PHP:      8.2
 * Author:            WorkOS Login contributors
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       workos-login
 * Domain Path:       /languages
 * Update URI:        false
 *
 * @package WorkOS_Login
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

define( 'WORKOS_LOGIN_VERSION', '0.6.0' );
define( 'WORKOS_LOGIN_FILE', __FILE__ );

require_once __DIR__ . '/includes/load.php';
