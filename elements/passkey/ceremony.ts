import {
  browserSupportsWebAuthnAutofill,
  startAuthentication,
  startRegistration,
  WebAuthnAbortService,
} from '@simplewebauthn/browser';
import type { PasskeyFailure } from '../api.ts';

/**
 * The browser's half of WebAuthn, shared by `<workos-login>`'s passkey module and
 * `<workos-passkeys>`: the ceremonies (through `@simplewebauthn/browser`), what their failures mean
 * to a person, and the Signal API. Nothing here imports Lit or the sign-in element.
 */

/** The library behind a seam: tests replace these to play the browser's part. */
export const webauthn = {
  startAuthentication,
  startRegistration,
  browserSupportsWebAuthnAutofill,
  /** Ends the ceremony in progress (its promise rejects with an `AbortError`). */
  cancel: (): void => WebAuthnAbortService.cancelCeremony(),
};

/**
 * What a failed ceremony means, as one of the element's error codes (its text is
 * `error_<code>`): never the browser's `DOMException` message.
 */
export function failure(error: unknown): PasskeyFailure {
  const { name, code, message } = (error ?? {}) as { name?: string; code?: string; message?: string };
  // The page's address cannot use this relying party (or WebAuthn at all: an IP address, http).
  if (name === 'SecurityError' || code === 'ERROR_INVALID_DOMAIN' || code === 'ERROR_INVALID_RP_ID') {
    return 'passkey_not_allowed';
  }
  // Registration only: the authenticator already holds one of the excluded credentials.
  if (name === 'InvalidStateError') return 'passkey_exists';
  // The person closed the dialog, it timed out, user verification was refused, or no passkey matched.
  if (name === 'NotAllowedError' || name === 'AbortError') return 'passkey_cancelled';
  if (!('PublicKeyCredential' in globalThis) || /not supported/i.test(message ?? '')) return 'passkey_unsupported';
  return 'passkey_failed';
}

/** The Signal API (Chromium 132+, Safari 26+); missing members where the browser has none. */
interface SignalApi {
  signalUnknownCredential?(options: { rpId: string; credentialId: string }): Promise<void>;
  signalAllAcceptedCredentials?(options: {
    rpId: string;
    userId: string;
    allAcceptedCredentialIds: string[];
  }): Promise<void>;
}

const signals = (): SignalApi => (globalThis as { PublicKeyCredential?: SignalApi }).PublicKeyCredential ?? {};

/* Signals are hints to the authenticator: best effort, never an error the person sees. */
function quietly(call: () => Promise<void> | undefined): void {
  try {
    void call()?.catch(() => {});
  } catch {
    // A browser that throws synchronously (bad arguments) changes nothing either.
  }
}

/** Tells the browser this site no longer knows a credential, so its passkey manager can hide or remove it. */
export function signalUnknown(rpId: string, credentialId: string): void {
  quietly(() => signals().signalUnknownCredential?.({ rpId, credentialId }));
}

/** Tells the browser every credential this site still accepts for a user (the others may go). */
export function signalAccepted(rpId: string, userId: string, credentialIds: string[]): void {
  quietly(() => signals().signalAllAcceptedCredentials?.({ rpId, userId, allAcceptedCredentialIds: credentialIds }));
}
