<?php
/**
 * Constants PHPStan cannot see: WordPress defines them at run time (wp-config.php, wp-settings.php,
 * wp-includes/default-constants.php), and php-stubs/wordpress-stubs declares functions and classes
 * only. Only PHPStan reads this file; the values are WordPress's own where they are fixed.
 *
 * @package WorkOS_Login
 */

define( 'ABSPATH', '/wordpress/' );
define( 'WPINC', 'wp-includes' );
define( 'MINUTE_IN_SECONDS', 60 );
define( 'HOUR_IN_SECONDS', 60 * MINUTE_IN_SECONDS );
define( 'DAY_IN_SECONDS', 24 * HOUR_IN_SECONDS );
define( 'WEEK_IN_SECONDS', 7 * DAY_IN_SECONDS );
define( 'MONTH_IN_SECONDS', 30 * DAY_IN_SECONDS );
define( 'YEAR_IN_SECONDS', 365 * DAY_IN_SECONDS );
define( 'OBJECT', 'OBJECT' );
define( 'OBJECT_K', 'OBJECT_K' );
define( 'ARRAY_A', 'ARRAY_A' );
define( 'ARRAY_N', 'ARRAY_N' );
define( 'COOKIEHASH', md5( 'https://example.org' ) );
define( 'COOKIEPATH', '/' );
define( 'SITECOOKIEPATH', '/' );
define( 'ADMIN_COOKIE_PATH', '/wp-admin' );
define( 'PLUGINS_COOKIE_PATH', '/wp-content/plugins' );
define( 'COOKIE_DOMAIN', '' );
define( 'AUTH_COOKIE', 'wordpress_' . COOKIEHASH );
define( 'SECURE_AUTH_COOKIE', 'wordpress_sec_' . COOKIEHASH );
define( 'LOGGED_IN_COOKIE', 'wordpress_logged_in_' . COOKIEHASH );
define( 'WP_CONTENT_DIR', ABSPATH . 'wp-content' );
define( 'WP_PLUGIN_DIR', WP_CONTENT_DIR . '/plugins' );
define( 'WP_DEBUG', false );

// The plugin's own (plugin.php defines them before it loads includes/).
define( 'WORKOS_LOGIN_VERSION', '0.1.0' );
define( 'WORKOS_LOGIN_FILE', WP_PLUGIN_DIR . '/workos-login/plugin.php' );
