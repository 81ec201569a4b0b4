import type { components } from '@workos/openapi-spec';
import { newId, opaqueToken } from './ids.ts';
import type { FakeStore, UserRecord } from './store.ts';

export type PasswordResetWire = components['schemas']['PasswordReset'];

export interface PasswordResetRecord {
  id: string;
  user_id: string;
  email: string;
  token: string;
  used: boolean;
  expires_at: string;
  created_at: string;
}

/** Reset links live for an hour in the fake. */
export const PASSWORD_RESET_TTL_MS = 60 * 60 * 1000;

export function createPasswordReset(store: FakeStore, user: UserRecord): PasswordResetRecord {
  const now = Date.now();
  const record: PasswordResetRecord = {
    id: newId('password_reset'),
    user_id: user.wire.id,
    email: user.wire.email,
    token: opaqueToken(),
    used: false,
    expires_at: new Date(now + PASSWORD_RESET_TTL_MS).toISOString(),
    created_at: new Date(now).toISOString(),
  };
  store.passwordResets.set(record.id, record);
  store.outbox.email('password_reset', user.wire.email, { token: record.token });
  return record;
}

/** A token that can still reset a password: known, unused and not expired. */
export function usablePasswordReset(store: FakeStore, token: string): PasswordResetRecord | undefined {
  for (const r of store.passwordResets.values()) {
    if (r.token === token) return !r.used && Date.parse(r.expires_at) >= Date.now() ? r : undefined;
  }
  return undefined;
}

export function passwordResetWire(r: PasswordResetRecord, origin: string): PasswordResetWire {
  return {
    object: 'password_reset',
    id: r.id,
    user_id: r.user_id,
    email: r.email,
    password_reset_token: r.token,
    password_reset_url: `${origin}/reset-password?token=${encodeURIComponent(r.token)}`,
    expires_at: r.expires_at,
    created_at: r.created_at,
  };
}
