/**
 * The relying party's WebAuthn ceremonies over `@simplewebauthn/server`: options to send, answers to
 * verify. Options always require user verification; verification pins the expected challenge
 * (sealed in the flow), the site's exact origin and the relying party id. Failures come back as a
 * reason that is safe to log (never the library's message, which quotes challenges and origins).
 */
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import type {
  AuthenticationResponseJSON,
  NewPasskey,
  PasskeyUser,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
  StoredPasskey,
} from '../../protocol/messages.ts';

/** How long the browser waits for the authenticator (the sealed challenge lives longer). */
export const CEREMONY_TIMEOUT_MS = 60_000;

/** What the answer must have been made for. */
export interface Expected {
  challenge: string;
  origin: string;
  rpId: string;
}

export interface Failure {
  ok: false;
  reason: FailureReason;
}
export type FailureReason =
  | 'challenge'
  | 'origin'
  | 'rp_id'
  | 'user_presence'
  | 'user_verification'
  | 'signature'
  | 'credential_mismatch'
  | 'user_handle'
  | 'counter'
  | 'malformed';

/** The WebAuthn user handle of a WorkOS user: its id's UTF-8 bytes, base64url. */
export function userHandleOf(userId: string): string {
  return Buffer.from(userId, 'utf8').toString('base64url');
}

/** Options for `navigator.credentials.get`: discoverable credentials (the browser offers the site's). */
export async function requestOptions(rpId: string): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const generated = await generateAuthenticationOptions({
    rpID: rpId,
    allowCredentials: [],
    userVerification: 'required',
    timeout: CEREMONY_TIMEOUT_MS,
  });
  // Only the fields the step schema names (the library adds `extensions: undefined`).
  return {
    challenge: generated.challenge,
    rpId,
    allowCredentials: [],
    userVerification: 'required',
    timeout: CEREMONY_TIMEOUT_MS,
  };
}

/** Options for `navigator.credentials.create`: a discoverable, user-verified credential, no attestation. */
export function creationOptions(
  rpName: string,
  rpId: string,
  user: PasskeyUser,
  exclude: string[],
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  return generateRegistrationOptions({
    rpName: rpName || rpId,
    rpID: rpId,
    userName: user.name,
    userDisplayName: user.display_name,
    userID: new Uint8Array(Buffer.from(user.id, 'utf8')),
    attestationType: 'none',
    excludeCredentials: exclude.map((id) => ({ id })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
    timeout: CEREMONY_TIMEOUT_MS,
  });
}

/**
 * Verifies an assertion made with `credential`. The library checks the counter before the
 * signature, so a forged answer would pass for a clone: it is given counter 0 (which disables its
 * check) and the regression is judged here, only once the signature proved the authenticator.
 */
export async function verifyAssertion(
  response: AuthenticationResponseJSON,
  credential: StoredPasskey,
  expected: Expected,
): Promise<{ ok: true; counter: number; backedUp: boolean } | Failure> {
  if (response.id !== credential.id) return { ok: false, reason: 'credential_mismatch' };
  const handle = response.response.userHandle;
  if (handle !== undefined && handle !== userHandleOf(credential.user_id)) return { ok: false, reason: 'user_handle' };
  let result;
  try {
    result = await verifyAuthenticationResponse({
      response,
      expectedChallenge: expected.challenge,
      expectedOrigin: expected.origin,
      expectedRPID: expected.rpId,
      requireUserVerification: true,
      credential: {
        id: credential.id,
        publicKey: new Uint8Array(Buffer.from(credential.public_key, 'base64url')),
        counter: 0,
      },
    });
  } catch (error) {
    return { ok: false, reason: reasonOf(error) };
  }
  if (!result.verified) return { ok: false, reason: 'signature' };
  const { newCounter, credentialBackedUp } = result.authenticationInfo;
  // WebAuthn §6.1.1: either counter non-zero and the new one not greater → possibly cloned.
  if ((newCounter > 0 || credential.counter > 0) && newCounter <= credential.counter) {
    return { ok: false, reason: 'counter' };
  }
  return { ok: true, counter: newCounter, backedUp: credentialBackedUp };
}

/** Verifies a new credential (attestation `none` or any the library checks) → what WordPress stores. */
export async function verifyAttestation(
  response: RegistrationResponseJSON,
  expected: Expected,
): Promise<{ ok: true; passkey: NewPasskey } | Failure> {
  let result;
  try {
    result = await verifyRegistrationResponse({
      response,
      expectedChallenge: expected.challenge,
      expectedOrigin: expected.origin,
      expectedRPID: expected.rpId,
      requireUserVerification: true,
    });
  } catch (error) {
    return { ok: false, reason: reasonOf(error) };
  }
  if (!result.verified) return { ok: false, reason: 'signature' };
  const info = result.registrationInfo;
  if (info.credential.id !== response.id) return { ok: false, reason: 'credential_mismatch' };
  return {
    ok: true,
    passkey: {
      id: info.credential.id,
      public_key: Buffer.from(info.credential.publicKey).toString('base64url'),
      counter: info.credential.counter,
      transports: response.response.transports ?? [],
      device_type: info.credentialDeviceType,
      backed_up: info.credentialBackedUp,
      aaguid: info.aaguid,
    },
  };
}

/** The library's failure as a category (its messages quote the challenge and origins). */
function reasonOf(error: unknown): FailureReason {
  const message = error instanceof Error ? error.message : '';
  if (error instanceof Error && error.name === 'UnexpectedRPIDHash') return 'rp_id';
  if (message.includes('response challenge')) return 'challenge';
  if (/origin/i.test(message)) return 'origin';
  if (/user verification/i.test(message)) return 'user_verification';
  if (/not present/i.test(message)) return 'user_presence';
  return 'malformed';
}
