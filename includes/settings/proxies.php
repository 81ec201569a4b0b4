<?php
/**
 * Trusted proxies: parsing IP addresses and CIDR ranges (IPv4 and IPv6) and matching addresses
 * against them, for workos_login_client_ip() and the `trusted_proxies` setting.
 *
 * @package WorkOS_Login
 * @since   0.3.0
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** At most this many trusted proxy entries are kept (a longer list is a configuration error). */
const WORKOS_LOGIN_TRUSTED_PROXIES_MAX = 100;

/**
 * A single IP address in its packed binary form, IPv4-mapped IPv6 (`::ffff:1.2.3.4`) read as
 * IPv4 so one entry matches however the socket reports the peer.
 *
 * @since 0.3.0
 *
 * @param string $ip An IP address as text.
 * @return string|null 4 or 16 bytes; null when `$ip` is not an IP address.
 */
function workos_login_pack_ip( string $ip ): ?string {
	if ( false === filter_var( $ip, FILTER_VALIDATE_IP ) ) {
		return null;
	}
	$packed = inet_pton( $ip );
	if ( false === $packed ) {
		return null;
	}
	if ( 16 === strlen( $packed ) && str_starts_with( $packed, str_repeat( "\0", 10 ) . "\xff\xff" ) ) {
		return substr( $packed, 12 );
	}
	return $packed;
}

/**
 * Parses one trusted-proxy entry: an address (`10.0.0.1`, `2001:db8::1`) or a CIDR range
 * (`10.0.0.0/8`, `2001:db8::/32`).
 *
 * @since 0.3.0
 *
 * @param string $entry The entry as the administrator wrote it.
 * @return array{network: string, bits: int, text: string}|null Packed network, prefix length and
 *         the canonical text (`10.0.0.0/8`, a bare address without `/n`); null when invalid.
 */
function workos_login_parse_proxy_range( string $entry ): ?array {
	$entry = trim( $entry );
	if ( '' === $entry || strlen( $entry ) > 64 ) {
		return null;
	}
	$parts  = explode( '/', $entry );
	$packed = count( $parts ) <= 2 ? workos_login_pack_ip( $parts[0] ) : null;
	if ( null === $packed ) {
		return null;
	}
	$max  = 8 * strlen( $packed );
	$bits = $max;
	if ( 2 === count( $parts ) ) {
		// An IPv4-mapped IPv6 range (::ffff:10.0.0.0/104) counts its prefix in IPv6 bits.
		$offset = 4 === strlen( $packed ) && str_contains( $parts[0], ':' ) ? 96 : 0;
		if ( 1 !== preg_match( '/^\d{1,3}$/', $parts[1] ) || (int) $parts[1] < $offset || (int) $parts[1] > $max + $offset ) {
			return null;
		}
		$bits = (int) $parts[1] - $offset;
	}
	$network = workos_login_mask_ip( $packed, $bits );
	$text    = (string) inet_ntop( $network );
	return array(
		'network' => $network,
		'bits'    => $bits,
		'text'    => $bits === $max ? $text : $text . '/' . $bits,
	);
}

/**
 * The first `$bits` bits of a packed address, the rest zeroed.
 *
 * @since 0.3.0
 *
 * @param string $packed Packed address (4 or 16 bytes).
 * @param int    $bits   Prefix length.
 */
function workos_login_mask_ip( string $packed, int $bits ): string {
	$bytes = intdiv( $bits, 8 );
	$rest  = $bits % 8;
	$out   = substr( $packed, 0, $bytes );
	if ( $rest > 0 ) {
		$out .= chr( ord( $packed[ $bytes ] ) & ( 0xff << ( 8 - $rest ) ) & 0xff );
	}
	return str_pad( $out, strlen( $packed ), "\0" );
}

/**
 * Whether an address falls in any of the ranges.
 *
 * @since 0.3.0
 *
 * @param string                                                $ip     An IP address as text.
 * @param list<array{network: string, bits: int, text: string}> $ranges Parsed ranges.
 */
function workos_login_ip_in_ranges( string $ip, array $ranges ): bool {
	$packed = workos_login_pack_ip( $ip );
	if ( null === $packed ) {
		return false;
	}
	foreach ( $ranges as $range ) {
		if ( strlen( $range['network'] ) === strlen( $packed ) && workos_login_mask_ip( $packed, $range['bits'] ) === $range['network'] ) {
			return true;
		}
	}
	return false;
}

/**
 * The `trusted_proxies` setting, parsed once per request (invalid entries, which the settings
 * screen never stores but a constant may hold, are ignored).
 *
 * @since 0.3.0
 *
 * @return list<array{network: string, bits: int, text: string}>
 */
function workos_login_trusted_proxy_ranges(): array {
	static $cache = array();
	$entries      = (array) workos_login_option( 'trusted_proxies' );
	$key          = implode( ',', $entries );
	if ( ! isset( $cache[ $key ] ) ) {
		$ranges = array();
		foreach ( array_slice( $entries, 0, WORKOS_LOGIN_TRUSTED_PROXIES_MAX ) as $entry ) {
			$range = workos_login_parse_proxy_range( (string) $entry );
			if ( null !== $range ) {
				$ranges[] = $range;
			}
		}
		$cache = array( $key => $ranges );
	}
	return $cache[ $key ];
}

/**
 * One `X-Forwarded-For` element as an address: `1.2.3.4`, `1.2.3.4:5678`, `2001:db8::1` or
 * `[2001:db8::1]:5678` (some proxies append the port).
 *
 * @since 0.3.0
 *
 * @param string $hop One comma-separated element.
 * @return string|null The address; null when it is not one.
 */
function workos_login_forwarded_address( string $hop ): ?string {
	$hop = trim( $hop );
	if ( 1 === preg_match( '/^\[([0-9a-fA-F:.]+)\](?::\d{1,5})?$/', $hop, $m ) ) {
		$hop = $m[1];
	} elseif ( 1 === preg_match( '/^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/', $hop, $m ) ) {
		$hop = $m[1];
	}
	return false === filter_var( $hop, FILTER_VALIDATE_IP ) ? null : $hop;
}
