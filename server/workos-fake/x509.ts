import { sign, type KeyObject } from 'node:crypto';

/**
 * A self-signed X.509 certificate, hand-encoded in DER, because WorkOS's JWKS
 * (and the spec's `JwksResponse`) carries `x5c` and `x5t#S256` beside `n`/`e`
 * and node:crypto can read certificates but not write them.
 */

function length(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function tlv(tag: number, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  return Buffer.concat([Buffer.from([tag]), length(body.length), body]);
}

const sequence = (...items: Buffer[]) => tlv(0x30, ...items);
const set = (...items: Buffer[]) => tlv(0x31, ...items);
const utf8 = (text: string) => tlv(0x0c, Buffer.from(text, 'utf8'));
const explicit0 = (item: Buffer) => tlv(0xa0, item);
const NULL = Buffer.from([0x05, 0x00]);

function integer(bytes: Buffer): Buffer {
  // DER integers are signed: a leading 1 bit needs a 0x00 byte to stay positive.
  const positive = bytes[0] & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes;
  return tlv(0x02, positive);
}

function utcTime(date: Date): Buffer {
  const iso = date.toISOString(); // 2026-01-15T12:00:00.000Z
  const text =
    iso.slice(2, 4) +
    iso.slice(5, 7) +
    iso.slice(8, 10) +
    iso.slice(11, 13) +
    iso.slice(14, 16) +
    iso.slice(17, 19) +
    'Z';
  return tlv(0x17, Buffer.from(text, 'ascii'));
}

const SHA256_WITH_RSA = sequence(tlv(0x06, Buffer.from('2a864886f70d01010b', 'hex')), NULL);
const COMMON_NAME = tlv(0x06, Buffer.from('550403', 'hex'));

export interface CertificateOptions {
  commonName: string;
  publicKey: KeyObject;
  privateKey: KeyObject;
  serial: Buffer;
  notBefore: Date;
  notAfter: Date;
}

/** Returns the DER bytes of a v3 certificate signed with its own RSA key (SHA-256). */
export function selfSignedCertificate(options: CertificateOptions): Buffer {
  const name = sequence(set(sequence(COMMON_NAME, utf8(options.commonName))));
  const spki = options.publicKey.export({ type: 'spki', format: 'der' });
  const tbs = sequence(
    explicit0(integer(Buffer.from([2]))),
    integer(options.serial),
    SHA256_WITH_RSA,
    name,
    sequence(utcTime(options.notBefore), utcTime(options.notAfter)),
    name,
    spki,
  );
  const signature = sign('sha256', tbs, options.privateKey);
  return sequence(tbs, SHA256_WITH_RSA, tlv(0x03, Buffer.from([0]), signature));
}
