import type { components } from '@workos/openapi-spec';
import { safeEqual } from './auth.ts';
import { newId, numericCode } from './ids.ts';
import type { FakeStore, UserRecord } from './store.ts';

/** Magic Auth codes and email verification codes: six digits, ten minutes, "emailed" (outbox.ts). */
export type MagicAuthWire = components['schemas']['MagicAuth'];
export type EmailVerificationWire = components['schemas']['EmailVerification'];

export const ONE_TIME_CODE_TTL_MS = 10 * 60 * 1000;

interface CodeRecord {
  id: string;
  user_id: string;
  email: string;
  code: string;
  expires_at: string;
  created_at: string;
  updated_at: string;
}

/** `user_id` may name a user that does not exist yet: WorkOS creates it when the code is redeemed. */
export interface MagicAuthRecord extends CodeRecord {
  used: boolean;
}

export type EmailVerificationRecord = CodeRecord;

function newCode(prefix: 'magic_auth' | 'email_verification', userId: string, email: string): CodeRecord {
  const now = Date.now();
  const at = new Date(now).toISOString();
  return {
    id: newId(prefix),
    user_id: userId,
    email,
    code: numericCode(),
    expires_at: new Date(now + ONE_TIME_CODE_TTL_MS).toISOString(),
    created_at: at,
    updated_at: at,
  };
}

export function createMagicAuth(store: FakeStore, email: string): MagicAuthRecord {
  const normalized = email.trim().toLowerCase();
  // An unknown email gets the id its user will have when the code is redeemed (see grants/magic-auth.ts).
  const pending = [...store.magicAuths.values()].find((m) => m.email === normalized && !store.users.has(m.user_id));
  const userId = store.findUserByEmail(normalized)?.wire.id ?? pending?.user_id ?? newId('user');
  const record: MagicAuthRecord = { ...newCode('magic_auth', userId, normalized), used: false };
  store.magicAuths.set(record.id, record);
  store.outbox.email('magic_auth', normalized, { code: record.code });
  return record;
}

export type CodeOutcome<T> = { ok: true; record: T } | { ok: false; error: 'invalid' | 'expired' | 'used' };

/** The newest magic code for `email` matching `code`; a used or expired match says so. */
export function redeemMagicAuth(store: FakeStore, email: string, code: string): CodeOutcome<MagicAuthRecord> {
  const normalized = email.trim().toLowerCase();
  const matches = [...store.magicAuths.values()]
    .filter((m) => m.email === normalized && safeEqual(m.code, code))
    .sort((a, b) => b.created_at.localeCompare(a.created_at));
  const match = matches.find((m) => !m.used) ?? matches[0];
  if (!match) return { ok: false, error: 'invalid' };
  if (match.used) return { ok: false, error: 'used' };
  if (Date.parse(match.expires_at) < Date.now()) return { ok: false, error: 'expired' };
  match.used = true;
  match.updated_at = new Date().toISOString();
  return { ok: true, record: match };
}

export function magicAuthWire(m: MagicAuthRecord): MagicAuthWire {
  const { used: _used, ...wire } = m;
  return { object: 'magic_auth', ...wire };
}

/** WorkOS "sends" a verification code whenever it answers `email_verification_required`. */
export function createEmailVerification(store: FakeStore, user: UserRecord): EmailVerificationRecord {
  const record = newCode('email_verification', user.wire.id, user.wire.email);
  store.emailVerifications.set(record.id, record);
  store.outbox.email('email_verification', user.wire.email, { code: record.code });
  return record;
}

export function checkEmailVerification(record: EmailVerificationRecord, code: string): 'valid' | 'invalid' | 'expired' {
  if (!safeEqual(record.code, code)) return 'invalid';
  return Date.parse(record.expires_at) < Date.now() ? 'expired' : 'valid';
}

export function emailVerificationWire(e: EmailVerificationRecord): EmailVerificationWire {
  return { object: 'email_verification', ...e };
}
