<?php
/**
 * The few WP-CLI methods the plugin calls (php-stubs/wp-cli-stubs is not installed). PHPStan only
 * scans this file for declarations; nothing loads it.
 *
 * @package WorkOS_Login
 */

/**
 * WP-CLI's static API, as far as includes/cli/ and includes/surfaces/break-glass-cli.php use it.
 */
class WP_CLI {
	/**
	 * Registers a command.
	 *
	 * @param string                $name     Command name, with spaces for subcommands.
	 * @param callable|class-string $callable What runs the command.
	 * @param array<string, mixed>  $args     Synopsis and hooks.
	 */
	public static function add_command( string $name, $callable, array $args = array() ): bool {
		return true;
	}

	/**
	 * Prints a line.
	 *
	 * @param string $message The line.
	 */
	public static function line( string $message = '' ): void {}

	/**
	 * Prints a warning.
	 *
	 * @param string $message The message.
	 */
	public static function warning( string $message ): void {}

	/**
	 * Asks a yes/no question; exits unless answered yes (or `--yes` was given).
	 *
	 * @param string               $question   The question.
	 * @param array<string, mixed> $assoc_args The command's options.
	 */
	public static function confirm( string $question, array $assoc_args = array() ): void {}

	/**
	 * Exits with a code.
	 *
	 * @param int $code Exit code.
	 */
	public static function halt( int $code ): void {}

	/**
	 * Prints a success message.
	 *
	 * @param string $message The message.
	 */
	public static function success( string $message ): void {}

	/**
	 * Prints an error and, by default, exits.
	 *
	 * @param string|\WP_Error $message The error.
	 * @param bool|int         $exit    Whether (or with which code) to exit; the plugin returns after it all the same.
	 */
	public static function error( $message, $exit = true ): void {}
}
