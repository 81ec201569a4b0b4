import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '../../protocol/messages.ts';
import { webauthn } from '../passkey/ceremony.ts';
import { afterEach, beforeEach } from './mocha.ts';

/**
 * The browser's WebAuthn half played by the test (the `webauthn` seam of `passkey/ceremony.ts`):
 * each test says whether autofill is supported and how each ceremony ends. Real ceremonies run in
 * Playwright with Chromium's virtual authenticator.
 */

export const REQUEST_OPTIONS: PublicKeyCredentialRequestOptionsJSON = {
  challenge: 'Y2hhbGxlbmdl',
  rpId: 'localhost',
  allowCredentials: [],
  userVerification: 'required',
  timeout: 60000,
};

export const CREATION_OPTIONS: PublicKeyCredentialCreationOptionsJSON = {
  challenge: 'Y2hhbGxlbmdl',
  rp: { id: 'localhost', name: 'Demo' },
  user: { id: 'dXNlcl8wMQ', name: 'ada@example.com', displayName: 'Ada Lovelace' },
  pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
  authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
  attestation: 'none',
};

export const ASSERTION: AuthenticationResponseJSON = {
  id: 'Y3JlZGVudGlhbC0wMDAwMDAwMDAwMDAwMDAw',
  rawId: 'Y3JlZGVudGlhbC0wMDAwMDAwMDAwMDAwMDAw',
  response: { authenticatorData: 'YQ', clientDataJSON: 'Yw', signature: 'cw', userHandle: 'dXNlcl8wMQ' },
  type: 'public-key',
  clientExtensionResults: {},
  authenticatorAttachment: 'platform',
};

export const ATTESTATION: RegistrationResponseJSON = {
  id: 'bmV3LWNyZWRlbnRpYWwtMDAwMDAwMDAwMDAw',
  rawId: 'bmV3LWNyZWRlbnRpYWwtMDAwMDAwMDAwMDAw',
  response: { clientDataJSON: 'Yw', attestationObject: 'bw', transports: ['internal'] },
  type: 'public-key',
  clientExtensionResults: {},
  authenticatorAttachment: 'platform',
};

/** An error as the browser (or `@simplewebauthn/browser`) throws it. */
export const domError = (name: string, message = 'The operation either timed out or was not allowed.') =>
  new DOMException(message, name);

type Ceremony<T> = (options: Record<string, unknown>) => Promise<T>;

export interface FakeWebAuthn {
  /** What `browserSupportsWebAuthnAutofill()` answers (default false: autofill stays off). */
  autofill: boolean;
  /** How the modal sign-in ceremony ends (default: with {@link ASSERTION}). */
  authenticate: Ceremony<AuthenticationResponseJSON>;
  /** How the autofill (conditional) ceremony ends (default: it waits until cancelled). */
  autofilled: Ceremony<AuthenticationResponseJSON>;
  register: Ceremony<RegistrationResponseJSON>;
  /** Every call's options, in order. */
  authentications: Array<Record<string, unknown>>;
  registrations: Array<Record<string, unknown>>;
  cancels: number;
}

/** Per test of the calling `describe`: a fresh fake, the real library put back after each test. */
export function useFakeWebAuthn(): FakeWebAuthn {
  const original = { ...webauthn };
  let abort: (() => void) | null = null;
  /** A conditional request: waits for the person, rejects with an AbortError when cancelled. */
  const waiting = <T>() =>
    new Promise<T>((_, reject) => {
      abort = () =>
        reject(Object.assign(new Error('Manually cancelling existing WebAuthn API call'), { name: 'AbortError' }));
    });
  const fake = {} as FakeWebAuthn;
  beforeEach(() => {
    Object.assign(fake, {
      autofill: false,
      authenticate: async () => ASSERTION,
      autofilled: () => waiting<AuthenticationResponseJSON>(),
      register: async () => ATTESTATION,
      authentications: [],
      registrations: [],
      cancels: 0,
    });
    webauthn.browserSupportsWebAuthnAutofill = async () => fake.autofill;
    webauthn.startAuthentication = (options) => {
      fake.authentications.push(options);
      const o = options as unknown as Record<string, unknown>;
      return o.useBrowserAutofill ? fake.autofilled(o) : fake.authenticate(o);
    };
    webauthn.startRegistration = (options) => {
      fake.registrations.push(options);
      return fake.register(options);
    };
    webauthn.cancel = () => {
      fake.cancels++;
      abort?.();
      abort = null;
    };
  });
  afterEach(() => {
    abort = null;
    Object.assign(webauthn, original);
  });
  return fake;
}

/** Replaces `PublicKeyCredential`'s Signal API methods for one test; returns the calls and a restore. */
export function spySignals() {
  const target = window.PublicKeyCredential as unknown as Record<string, unknown>;
  const saved = {
    unknown: Object.getOwnPropertyDescriptor(target, 'signalUnknownCredential'),
    accepted: Object.getOwnPropertyDescriptor(target, 'signalAllAcceptedCredentials'),
  };
  const calls = { unknown: [] as unknown[], accepted: [] as unknown[] };
  Object.defineProperty(target, 'signalUnknownCredential', {
    configurable: true,
    value: async (options: unknown) => void calls.unknown.push(options),
  });
  Object.defineProperty(target, 'signalAllAcceptedCredentials', {
    configurable: true,
    value: async (options: unknown) => void calls.accepted.push(options),
  });
  const restore = () => {
    for (const [key, name] of [
      ['unknown', 'signalUnknownCredential'],
      ['accepted', 'signalAllAcceptedCredentials'],
    ] as const) {
      const descriptor = saved[key];
      if (descriptor) Object.defineProperty(target, name, descriptor);
      else delete target[name];
    }
  };
  return { calls, restore };
}
