/**
 * A software authenticator for tests: real WebAuthn answers (ES256 on P-256, attestation `none`),
 * built byte by byte as an authenticator and browser would, so the server's verification runs
 * unmodified. Every knob a test needs to make an answer wrong is an option.
 */
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { isoCBOR } from '@simplewebauthn/server/helpers';
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
  StoredPasskey,
} from '../../protocol/messages.ts';

const FLAG = { up: 0x01, uv: 0x04, be: 0x08, bs: 0x10, at: 0x40 } as const;
/** A made-up authenticator model. */
export const TEST_AAGUID = '6d1f0a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b';

export interface SoftAuthenticator {
  /** Credential id, base64url. */
  id: string;
  privateKey: KeyObject;
  /** COSE_Key of the public key. */
  cosePublicKey: Uint8Array;
  /** The signature counter the next answer reports (then increments, when non-zero). */
  counter: number;
  /** Synced passkey (backup eligible and backed up) or device-bound. */
  synced: boolean;
}

export function createAuthenticator(options: { counter?: number; synced?: boolean } = {}): SoftAuthenticator {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = publicKey.export({ format: 'jwk' });
  const cose = new Map<number, number | Uint8Array>([
    [1, 2], // kty: EC2
    [3, -7], // alg: ES256
    [-1, 1], // crv: P-256
    [-2, Buffer.from(jwk.x!, 'base64url')],
    [-3, Buffer.from(jwk.y!, 'base64url')],
  ]);
  return {
    id: randomBytes(32).toString('base64url'),
    privateKey,
    cosePublicKey: isoCBOR.encode(cose),
    counter: options.counter ?? 0,
    synced: options.synced ?? true,
  };
}

/** What WordPress would have stored after registering this authenticator for `userId`. */
export function storedPasskeyOf(auth: SoftAuthenticator, userId: string, counter = 0): StoredPasskey {
  return {
    id: auth.id,
    public_key: Buffer.from(auth.cosePublicKey).toString('base64url'),
    counter,
    transports: ['internal', 'hybrid'],
    user_id: userId,
  };
}

/** How the answer is made: everything defaults to a correct one for the options given. */
export interface Gesture {
  origin: string;
  /** The relying party the authenticator signs for (default: the options'). */
  rpId?: string;
  /** The challenge the browser signs (default: the options'). */
  challenge?: string;
  /** User verification performed (default true). */
  uv?: boolean;
  /** Assertions: the user handle returned (default: none, as a non-discoverable answer). */
  userHandle?: string;
  /** Assertions: sign with another key (a forged answer). */
  signWith?: KeyObject;
}

function authenticatorData(auth: SoftAuthenticator, rpId: string, uv: boolean, attested: Uint8Array | null): Buffer {
  let flags = FLAG.up | (uv ? FLAG.uv : 0) | (auth.synced ? FLAG.be | FLAG.bs : 0);
  if (attested) flags |= FLAG.at;
  const count = Buffer.alloc(4);
  count.writeUInt32BE(auth.counter);
  if (auth.counter > 0) auth.counter += 1;
  const rpIdHash = createHash('sha256').update(rpId).digest();
  return Buffer.concat([rpIdHash, Buffer.from([flags]), count, ...(attested ? [attested] : [])]);
}

function clientData(type: 'webauthn.create' | 'webauthn.get', challenge: string, origin: string): Buffer {
  return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
}

/** `navigator.credentials.create` with these options. */
export function register(
  auth: SoftAuthenticator,
  options: PublicKeyCredentialCreationOptionsJSON,
  gesture: Gesture,
): RegistrationResponseJSON {
  const rawId = Buffer.from(auth.id, 'base64url');
  const idLength = Buffer.alloc(2);
  idLength.writeUInt16BE(rawId.length);
  const aaguid = Buffer.from(TEST_AAGUID.replaceAll('-', ''), 'hex');
  const attested = Buffer.concat([aaguid, idLength, rawId, auth.cosePublicKey]);
  const authData = authenticatorData(auth, gesture.rpId ?? options.rp.id!, gesture.uv ?? true, attested);
  const attestationObject = isoCBOR.encode(
    new Map<string, string | Uint8Array | Map<string, string>>([
      ['fmt', 'none'],
      ['attStmt', new Map<string, string>()],
      ['authData', authData],
    ]),
  );
  return {
    id: auth.id,
    rawId: auth.id,
    type: 'public-key',
    response: {
      clientDataJSON: clientData('webauthn.create', gesture.challenge ?? options.challenge, gesture.origin).toString(
        'base64url',
      ),
      attestationObject: Buffer.from(attestationObject).toString('base64url'),
      transports: ['internal', 'hybrid'],
    },
    clientExtensionResults: { credProps: { rk: true } },
    authenticatorAttachment: 'platform',
  };
}

/** `navigator.credentials.get` with these options. */
export function assert(
  auth: SoftAuthenticator,
  options: PublicKeyCredentialRequestOptionsJSON,
  gesture: Gesture,
): AuthenticationResponseJSON {
  const authData = authenticatorData(auth, gesture.rpId ?? options.rpId!, gesture.uv ?? true, null);
  const client = clientData('webauthn.get', gesture.challenge ?? options.challenge, gesture.origin);
  const signed = Buffer.concat([authData, createHash('sha256').update(client).digest()]);
  // ES256 signatures are DER (ASN.1), node's default.
  const signature = sign('sha256', signed, gesture.signWith ?? auth.privateKey);
  return {
    id: auth.id,
    rawId: auth.id,
    type: 'public-key',
    response: {
      clientDataJSON: client.toString('base64url'),
      authenticatorData: authData.toString('base64url'),
      signature: signature.toString('base64url'),
      ...(gesture.userHandle !== undefined ? { userHandle: gesture.userHandle } : {}),
    },
    clientExtensionResults: {},
    authenticatorAttachment: 'platform',
  };
}
