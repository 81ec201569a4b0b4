import type { PasskeyListResponse, PasskeySummary } from '../../protocol/messages.ts';
import { isObject } from '../passkey/rest.ts';

/**
 * Readers for the management answers: shaped by the contract, but checked before use, so a
 * malformed entry is skipped rather than shown broken.
 */

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

export function passkey(value: unknown): PasskeySummary | null {
  if (!isObject(value) || typeof value.id !== 'string' || !value.id) return null;
  return {
    id: value.id,
    name: text(value.name) || value.id.slice(0, 8),
    created_at: text(value.created_at),
    last_used_at: text(value.last_used_at) || null,
    device_type: value.device_type === 'multiDevice' ? 'multiDevice' : 'singleDevice',
    backed_up: value.backed_up === true,
    transports: Array.isArray(value.transports) ? value.transports.filter((t) => typeof t === 'string') : [],
  };
}

/** The list answer, or null when it is not one. */
export function passkeyList(value: unknown): PasskeyListResponse | null {
  if (!isObject(value) || !Array.isArray(value.passkeys)) return null;
  return {
    user_id: typeof value.user_id === 'number' ? value.user_id : 0,
    passkeys: value.passkeys.map(passkey).filter((p): p is PasskeySummary => p !== null),
    can_register: value.can_register === true,
    reauth_url: safeUrl(value.reauth_url),
    rp_id: text(value.rp_id) || location.hostname,
    user_handle: text(value.user_handle) || null,
  };
}

/** An http(s) URL to link to, or null (never `javascript:`). */
export function safeUrl(value: unknown): string | null {
  if (typeof value !== 'string' || !value) return null;
  try {
    const { protocol } = new URL(value, location.href);
    return protocol === 'https:' || protocol === 'http:' ? value : null;
  } catch {
    return null;
  }
}
