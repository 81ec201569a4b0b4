import type { components } from '@workos/openapi-spec';
import QRCode from 'qrcode';
import { safeEqual } from '../auth.ts';
import { newId, numericCode } from '../ids.ts';
import type { FakeStore } from '../store.ts';
import { otpauthUri, verifyTotp } from './totp.ts';

export type FactorWire = components['schemas']['AuthenticationFactor'];
export type EnrolledFactorWire = components['schemas']['AuthenticationFactorEnrolled'];
export type ChallengeWire = components['schemas']['AuthenticationChallenge'];

export interface FactorRecord {
  id: string;
  user_id: string;
  type: 'totp' | 'sms';
  /** Base32 TOTP secret (totp only). */
  secret: string | null;
  issuer: string;
  /** The account name shown in the authenticator app (totp only). */
  account: string;
  phone_number: string | null;
  created_at: string;
  updated_at: string;
}

export interface ChallengeRecord {
  id: string;
  factor_id: string;
  /** The SMS code sent (sms only); TOTP codes come from the authenticator. */
  code: string | null;
  /** SMS codes expire (10 minutes); TOTP challenges do not, as at WorkOS. */
  expires_at: string | null;
  verified: boolean;
  failed_attempts: number;
  created_at: string;
  updated_at: string;
}

const SMS_TTL_MS = 10 * 60 * 1000;
/** After this many wrong codes a challenge is spent (`one_time_code_too_many_attempts`). */
export const MAX_CHALLENGE_ATTEMPTS = 5;
export const DEFAULT_TOTP_ISSUER = 'WorkOS Fake';

export function factorWire(f: FactorRecord): FactorWire {
  return {
    object: 'authentication_factor',
    id: f.id,
    type: f.type,
    user_id: f.user_id,
    ...(f.type === 'totp' ? { totp: { issuer: f.issuer, user: f.account } } : {}),
    ...(f.phone_number ? { sms: { phone_number: f.phone_number } } : {}),
    created_at: f.created_at,
    updated_at: f.updated_at,
  };
}

/** The enrolment answer: the secret, its URI and a scannable QR code (PNG data URI), shown once. */
export async function enrolledFactorWire(f: FactorRecord): Promise<EnrolledFactorWire> {
  if (f.type !== 'totp' || !f.secret) {
    const { totp: _none, ...wire } = factorWire(f);
    return wire;
  }
  const uri = otpauthUri(f.issuer, f.account, f.secret);
  const qr = await QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 2, width: 240 });
  return {
    ...factorWire(f),
    totp: { issuer: f.issuer, user: f.account, secret: f.secret, qr_code: qr, uri },
  };
}

export function challengeWire(c: ChallengeRecord): ChallengeWire {
  return {
    object: 'authentication_challenge',
    id: c.id,
    authentication_factor_id: c.factor_id,
    ...(c.expires_at ? { expires_at: c.expires_at } : {}),
    created_at: c.created_at,
    updated_at: c.updated_at,
  };
}

export function addFactor(
  store: FakeStore,
  input: Pick<FactorRecord, 'user_id' | 'type' | 'secret' | 'issuer' | 'account' | 'phone_number'> & { id?: string },
  at = new Date().toISOString(),
): FactorRecord {
  const factor: FactorRecord = { ...input, id: input.id ?? newId('auth_factor'), created_at: at, updated_at: at };
  store.factors.set(factor.id, factor);
  return factor;
}

export function factorsOf(store: FakeStore, userId: string): FactorRecord[] {
  return [...store.factors.values()].filter((f) => f.user_id === userId);
}

/** A new challenge; for SMS factors the code is "sent" (recorded for `GET /_fake/sms`). */
export function challengeFactor(store: FakeStore, factor: FactorRecord): ChallengeRecord {
  const now = Date.now();
  const at = new Date(now).toISOString();
  const sms = factor.type === 'sms' && factor.phone_number;
  const challenge: ChallengeRecord = {
    id: newId('auth_challenge'),
    factor_id: factor.id,
    code: sms ? numericCode() : null,
    expires_at: sms ? new Date(now + SMS_TTL_MS).toISOString() : null,
    verified: false,
    failed_attempts: 0,
    created_at: at,
    updated_at: at,
  };
  store.challenges.set(challenge.id, challenge);
  if (sms && challenge.code) store.outbox.sms(factor.phone_number!, challenge.code);
  return challenge;
}

export type CodeCheck = 'valid' | 'invalid' | 'expired' | 'too_many_attempts' | 'already_verified';

/** Checks a code against a challenge and records the outcome (verified, or one more failed attempt). */
export function checkChallengeCode(store: FakeStore, challenge: ChallengeRecord, code: string): CodeCheck {
  const factor = store.factors.get(challenge.factor_id);
  if (!factor) return 'invalid';
  if (challenge.verified) return 'already_verified';
  if (challenge.failed_attempts >= MAX_CHALLENGE_ATTEMPTS) return 'too_many_attempts';
  if (challenge.expires_at && Date.parse(challenge.expires_at) < Date.now()) return 'expired';
  const valid =
    factor.type === 'totp'
      ? verifyTotp(factor.secret ?? '', code)
      : challenge.code !== null && safeEqual(code, challenge.code);
  challenge.updated_at = new Date().toISOString();
  if (!valid) {
    challenge.failed_attempts += 1;
    return 'invalid';
  }
  challenge.verified = true;
  return 'valid';
}
