/**
 * Sealed flow tokens (ARCHITECTURE rule 3): multi-step state — WorkOS pending tokens, email,
 * factor, challenge, PKCE verifier, OAuth state — travels through the browser encrypted and
 * authenticated, so the login server stays stateless and the browser learns nothing.
 *
 * Format: `v1.<base64url(iv ‖ ciphertext ‖ tag)>`, AES-256-GCM with a key derived (HKDF-SHA256)
 * from the shared secret. During a secret rotation tokens are sealed with the current secret's key
 * and opened with either key, so a sign-in that began before the switch finishes after it. Purpose and profile are bound as associated data, expiry and a unique
 * id inside the payload.
 *
 * One token, one spelling: only the canonical encoding opens (unpadded base64url, nothing after
 * it, no stray bits). WordPress marks flows spent and counts their rate limit by the token's text;
 * were `token + "~"` (which Node's lenient decoder reads as the same bytes) to open too, a spent
 * or rate-limited flow would come back under another name.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, randomUUID } from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface SealBinding {
  /** What the token is for, e.g. `mfa_challenge`; a token sealed for one purpose opens for no other. */
  purpose: string;
  /** The Login Profile slug the flow started in. */
  profile: string;
}

export interface Sealed<T> {
  data: T;
  /** Unique id, so a one-time use can be recorded atomically by WordPress. */
  jti: string;
  exp: number;
}

export class FlowTokenError extends Error {
  override readonly name = 'FlowTokenError';
  readonly reason: 'malformed' | 'tampered' | 'expired' | 'wrong_binding';

  constructor(reason: FlowTokenError['reason'], options?: ErrorOptions) {
    super(`Flow token rejected: ${reason}`, options);
    this.reason = reason;
  }
}

export interface Sealer {
  seal<T>(data: T, binding: SealBinding, ttlMs: number): string;
  unseal<T>(token: string, binding: SealBinding): Sealed<T>;
}

export function createSealer(secret: string, now: () => number = Date.now, previous?: string | null): Sealer {
  const derive = (from: string) => Buffer.from(hkdfSync('sha256', from, Buffer.alloc(0), 'workos-login/flow/v1', 32));
  const key = derive(secret);
  const keys = previous ? [key, derive(previous)] : [key];
  const aad = (b: SealBinding) => Buffer.from(`${VERSION}|${b.purpose}|${b.profile}`);

  return {
    seal(data, binding, ttlMs) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(aad(binding));
      const payload = JSON.stringify({ d: data, jti: randomUUID(), exp: now() + ttlMs });
      const body = Buffer.concat([iv, cipher.update(payload, 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return `${VERSION}.${body.toString('base64url')}`;
    },

    unseal(token, binding) {
      const [version, encoded, extra] = token.split('.');
      if (version !== VERSION || !encoded || extra !== undefined) throw new FlowTokenError('malformed');
      const body = Buffer.from(encoded, 'base64url');
      if (body.length < IV_BYTES + TAG_BYTES + 2 || body.toString('base64url') !== encoded) {
        throw new FlowTokenError('malformed');
      }
      let plain: string | null = null;
      let cause: unknown;
      for (const candidate of keys) {
        try {
          const decipher = createDecipheriv('aes-256-gcm', candidate, body.subarray(0, IV_BYTES)).setAAD(aad(binding));
          decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
          plain =
            decipher.update(body.subarray(IV_BYTES, body.length - TAG_BYTES), undefined, 'utf8') +
            decipher.final('utf8');
          break;
        } catch (error) {
          cause = error;
        }
      }
      // GCM cannot tell a forged token from one sealed for another purpose/profile.
      if (plain === null) throw new FlowTokenError('tampered', { cause });
      const parsed = JSON.parse(plain) as { d: unknown; jti: string; exp: number };
      if (!(parsed.exp > now())) throw new FlowTokenError('expired');
      return { data: parsed.d as never, jti: parsed.jti, exp: parsed.exp };
    },
  };
}
