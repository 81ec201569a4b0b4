import { randomBytes, randomInt } from 'node:crypto';

/** Crockford's base32, the alphabet of ULIDs (and so of WorkOS ids). */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * A ULID: 10 characters of millisecond time, then 16 of randomness.
 * WorkOS ids are `<prefix>_<ULID>` (`user_01E4ZCR3C56J083X43JQXF3JK5`).
 */
export function ulid(time: number = Date.now()): string {
  let timePart = '';
  let t = Math.floor(time);
  for (let i = 0; i < 10; i++) {
    timePart = CROCKFORD[t % 32] + timePart;
    t = Math.floor(t / 32);
  }
  const random = randomBytes(16);
  let randomPart = '';
  for (let i = 0; i < 16; i++) randomPart += CROCKFORD[random[i] % 32];
  return timePart + randomPart;
}

export type IdPrefix =
  | 'user'
  | 'org'
  | 'om'
  | 'org_domain'
  | 'session'
  | 'email_verification'
  | 'auth_factor'
  | 'auth_challenge'
  | 'conn'
  | 'key'
  | 'role'
  | 'magic_auth'
  | 'password_reset'
  | 'invitation';

export function newId(prefix: IdPrefix, time?: number): string {
  return `${prefix}_${ulid(time)}`;
}

/** `org_01…` with a 26-character ULID-ish body; used to validate seeds. */
export const WORKOS_ID = /^[a-z]+(?:_[a-z]+)*_[0-9A-HJKMNP-TV-Z]{26}$/;

/** A numeric one-time code (magic auth, email verification, SMS), as WorkOS sends: six digits. */
export function numericCode(digits = 6): string {
  let out = '';
  for (let i = 0; i < digits; i++) out += String(randomInt(10));
  return out;
}

/**
 * Opaque tokens (refresh tokens, pending authentication tokens) look like
 * WorkOS's: short base62 strings, no structure a client could rely on.
 */
export function opaqueToken(length = 25): string {
  const bytes = randomBytes(length);
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHANUMERIC[bytes[i] % 62];
  return out;
}
