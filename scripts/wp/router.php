<?php
/**
 * Router for PHP's built-in server (`php -S … router.php`): what Apache does with WordPress's
 * .htaccess. Existing files are served (static) or run (.php) by the server itself, so
 * SCRIPT_NAME/PHP_SELF stay right for wp-admin and wp-login.php; every other path goes to
 * WordPress's front controller (pretty permalinks, /wp-json/, plugin rewrite routes).
 *
 * @package workos-login
 */

$workos_root = rtrim( $_SERVER['DOCUMENT_ROOT'], '/' );
$workos_path = rawurldecode( (string) parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH ) );

// Never serve hidden files or folders (.ht.sqlite, .git, .env, the plugin's .wp/), the
// database folder, or anything that tries to climb out of the document root.
if (
	str_contains( $workos_path, "\0" )
	|| preg_match( '#(^|/)\.(?!well-known(/|$))#', $workos_path )
	|| preg_match( '#^/wp-content/database(/|$)#', $workos_path )
) {
	http_response_code( 403 );
	header( 'Content-Type: text/plain; charset=utf-8' );
	echo "Forbidden\n";
	return true;
}

$workos_file = $workos_root . $workos_path;

if ( is_dir( $workos_file ) ) {
	if ( ! str_ends_with( $workos_path, '/' ) ) {
		// /wp-admin → /wp-admin/ like Apache's DirectorySlash, keeping the query string.
		$workos_query = parse_url( $_SERVER['REQUEST_URI'], PHP_URL_QUERY );
		header( 'Location: ' . $workos_path . '/' . ( null === $workos_query ? '' : '?' . $workos_query ), true, 301 );
		return true;
	}
	if ( is_file( $workos_file . 'index.php' ) ) {
		return false;
	}
} elseif ( is_file( $workos_file ) ) {
	return false;
}

$_SERVER['SCRIPT_NAME']     = '/index.php';
$_SERVER['PHP_SELF']        = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $workos_root . '/index.php';
chdir( $workos_root );
require $workos_root . '/index.php';
