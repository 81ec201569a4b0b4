/**
 * HMAC signatures on every WordPress ⇄ login server message (ARCHITECTURE rule 2).
 *
 * Header value: `t=<unix ms>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`. The same scheme signs
 * requests (WordPress → server) and responses (server → WordPress).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { SIGNATURE_TOLERANCE_MS } from '../protocol/messages.ts';

export function sign(secret: string, body: string, now: number = Date.now()): string {
  const t = String(Math.trunc(now));
  return `t=${t},v1=${hmac(secret, t, body)}`;
}

export type SignatureFailure = 'missing' | 'malformed' | 'expired' | 'mismatch';

/** Returns null when the signature is valid, else why it is not. */
export function verify(
  secret: string,
  body: string,
  header: string | null | undefined,
  now: number = Date.now(),
  toleranceMs: number = SIGNATURE_TOLERANCE_MS,
): SignatureFailure | null {
  if (!header) return 'missing';
  const parts = new Map<string, string>();
  for (const piece of header.split(',')) {
    const eq = piece.indexOf('=');
    if (eq > 0) parts.set(piece.slice(0, eq).trim(), piece.slice(eq + 1).trim());
  }
  const t = parts.get('t');
  const v1 = parts.get('v1');
  if (!t || !v1 || !/^\d{1,16}$/.test(t) || !/^[0-9a-f]{64}$/.test(v1)) return 'malformed';
  if (Math.abs(now - Number(t)) > toleranceMs) return 'expired';
  const expected = Buffer.from(hmac(secret, t, body), 'hex');
  return timingSafeEqual(expected, Buffer.from(v1, 'hex')) ? null : 'mismatch';
}

function hmac(secret: string, t: string, body: string): string {
  return createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
}
