import type { MfaFactorSummary } from '../../protocol/messages.ts';
import { str } from './fields.ts';

/**
 * Readers for a step's `data`. It comes from WordPress and is shaped by the contract, but the
 * element never trusts a shape it did not check: a missing field shows as empty, never as a crash.
 * (`str`, needed by the first views too, lives in `fields.ts`.)
 */

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function factors(value: unknown): MfaFactorSummary[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter(isObject)
    .flatMap((f) =>
      typeof f.id === 'string' && (f.type === 'totp' || f.type === 'sms' || f.type === 'webauthn')
        ? [{ id: f.id, type: f.type, label: typeof f.label === 'string' && f.label ? f.label : null }]
        : [],
    );
}

export function organizations(value: unknown): Array<{ id: string; name: string }> {
  if (!Array.isArray(value)) return [];
  return value
    .filter(isObject)
    .flatMap((o) => (typeof o.id === 'string' && typeof o.name === 'string' ? [{ id: o.id, name: o.name }] : []));
}

/** The TOTP enrolment data, with the QR code only as an image `data:` URI. */
export function totp(value: unknown): { qr: string; secret: string; uri: string } | null {
  if (!isObject(value)) return null;
  const qr = str(value.qr_code);
  const uri = str(value.uri);
  return {
    qr: /^data:image\/(svg\+xml|png)[;,]/.test(qr) ? qr : '',
    secret: str(value.secret),
    uri: uri.startsWith('otpauth://') ? uri : '',
  };
}
