import { createHash, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import type { components } from '@workos/openapi-spec';
import { newId, ulid } from './ids.ts';
import { selfSignedCertificate } from './x509.ts';

export type Jwks = components['schemas']['JwksResponse'];

/** WorkOS access tokens live five minutes. */
export const ACCESS_TOKEN_TTL_SECONDS = 300;

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  jwks: Jwks;
}

/** One RS256 key pair per fake instance, made at startup; never written to disk. */
export function createSigningKey(): SigningKey {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = newId('key');
  const now = Date.now();
  const der = selfSignedCertificate({
    commonName: 'WorkOS fake signing key',
    publicKey,
    privateKey,
    serial: randomBytes(8),
    notBefore: new Date(now - 60_000),
    notAfter: new Date(now + 365 * 24 * 3600 * 1000),
  });
  const jwk = publicKey.export({ format: 'jwk' });
  return {
    kid,
    privateKey,
    jwks: {
      keys: [
        {
          alg: 'RS256',
          kty: 'RSA',
          use: 'sig',
          x5c: [der.toString('base64')],
          n: String(jwk.n),
          e: String(jwk.e),
          kid,
          'x5t#S256': createHash('sha256').update(der).digest('base64url'),
        },
      ],
    },
  };
}

export interface AccessTokenClaims {
  issuer: string;
  userId: string;
  sessionId: string;
  organizationId?: string;
  role?: string;
}

/** Claims as WorkOS puts them: `sid` ties the token to a revocable session. */
export async function signAccessToken(key: SigningKey, claims: AccessTokenClaims): Promise<string> {
  const payload: Record<string, unknown> = { sid: claims.sessionId };
  if (claims.organizationId) {
    payload.org_id = claims.organizationId;
    if (claims.role) {
      payload.role = claims.role;
      payload.roles = [claims.role];
      payload.permissions = [];
    }
  }
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
    .setIssuer(claims.issuer)
    .setSubject(claims.userId)
    .setJti(ulid())
    .setIssuedAt()
    .setExpirationTime(`${ACCESS_TOKEN_TTL_SECONDS}s`)
    .sign(key.privateKey);
}
