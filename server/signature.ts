/**
 * HMAC signatures on every WordPress ⇄ login server message (ARCHITECTURE rule 2).
 *
 * Header value: `t=<unix ms>,id=<request id>,v2=<hex HMAC-SHA256(secret, signed string)>`, where
 * the signed string is
 *
 *     <t> LF <request|response> LF <METHOD> LF <path> LF <request id> LF <body>
 *
 * So a signature covers what the message is for, not only its bytes: a signed body sent to one
 * route (`/v1/password`) does not verify at another, a request's signature is no answer's, and an
 * answer names the request it answers — WordPress sends a fresh id (32 hex digits) with each
 * request and accepts only an answer signed over that id, method and path. `path` is the route
 * under the server's root (`/v1/<route>`), not WordPress's URL, so a proxy's path prefix changes
 * nothing.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { SIGNATURE_TOLERANCE_MS } from '../protocol/messages.ts';

/** What a signature binds besides the body and time. */
export interface SignedMessage {
  kind: 'request' | 'response';
  method: string;
  /** The route under the server's root, `/v1/<route>`. */
  path: string;
  /** The request's id (`REQUEST_ID_PATTERN`); an answer carries its request's. */
  id: string;
}

export const REQUEST_ID_PATTERN = /^[0-9a-f]{32}$/;

export type SignatureFailure = 'missing' | 'malformed' | 'expired' | 'mismatch';

/** A fresh request id. */
export function newRequestId(): string {
  return randomBytes(16).toString('hex');
}

export function sign(secret: string, body: string, message: SignedMessage, now: number = Date.now()): string {
  const t = String(Math.trunc(now));
  return `t=${t},id=${message.id},v2=${hmac(secret, t, message, body)}`;
}

/** The signature of a request to `path` (POST, a fresh id unless one is given). */
export function signRequest(secret: string, path: string, body: string, now: number = Date.now(), id = newRequestId()) {
  return sign(secret, body, { kind: 'request', method: 'POST', path, id }, now);
}

/** What the answer to a signed request must be signed over. */
export function answerTo(request: { method?: string; path: string; header: string }): SignedMessage {
  return {
    kind: 'response',
    method: request.method ?? 'POST',
    path: request.path,
    id: signatureId(request.header) ?? '',
  };
}

/** The request id a signature header names, if well formed. */
export function signatureId(header: string | null | undefined): string | null {
  const id = fields(header ?? '').get('id');
  return id !== undefined && REQUEST_ID_PATTERN.test(id) ? id : null;
}

/**
 * Returns null when the signature is valid for this message, else why it is not. `message.id`
 * undefined accepts any well-formed id (a request: its id is what the header says).
 */
export function verify(
  secret: string,
  body: string,
  header: string | null | undefined,
  message: Omit<SignedMessage, 'id'> & { id?: string },
  now: number = Date.now(),
  toleranceMs: number = SIGNATURE_TOLERANCE_MS,
): SignatureFailure | null {
  if (!header) return 'missing';
  const parts = fields(header);
  const t = parts.get('t');
  const id = parts.get('id');
  const v2 = parts.get('v2');
  if (!t || !id || !v2 || !/^\d{1,16}$/.test(t) || !REQUEST_ID_PATTERN.test(id) || !/^[0-9a-f]{64}$/.test(v2)) {
    return 'malformed';
  }
  if (Math.abs(now - Number(t)) > toleranceMs) return 'expired';
  if (message.id !== undefined && message.id !== id) return 'mismatch';
  const expected = Buffer.from(hmac(secret, t, { ...message, id }, body), 'hex');
  return timingSafeEqual(expected, Buffer.from(v2, 'hex')) ? null : 'mismatch';
}

function fields(header: string): Map<string, string> {
  const parts = new Map<string, string>();
  for (const piece of header.split(',')) {
    const eq = piece.indexOf('=');
    if (eq > 0) parts.set(piece.slice(0, eq).trim(), piece.slice(eq + 1).trim());
  }
  return parts;
}

/** The signed string; method and path cannot hold a line feed (the server's routes, WordPress's check). */
export function signedString(t: string, message: SignedMessage, body: string): string {
  return [t, message.kind, message.method.toUpperCase(), message.path, message.id, body].join('\n');
}

function hmac(secret: string, t: string, message: SignedMessage, body: string): string {
  return createHmac('sha256', secret)
    .update(signedString(t, message, body))
    .digest('hex');
}
