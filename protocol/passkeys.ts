/**
 * Passkeys (ARCHITECTURE "Passkeys"): the site is the WebAuthn relying party. The login server
 * generates and verifies with `@simplewebauthn/server`; WordPress stores the credentials (its own
 * table, keyed by credential id, linked to the WordPress user and its WorkOS user id); the
 * element uses `@simplewebauthn/browser`. Re-exported by `messages.ts`.
 *
 * Two conversations carry passkeys:
 *  - sign-in (`POST auth/<route>`, logged out): `passkey_options` → step `passkey` →
 *    `passkey_verify`; as a second factor the same routes carry an MFA step's flow, and enrolment
 *    may register one (`passkey_register_options` → step `passkey_register` →
 *    `passkey_register_verify`, with an `mfa_enroll` flow);
 *  - management (`/wp-json/workos/v1/passkeys…`, signed in, `X-WP-Nonce`): list, register after a
 *    recent sign-in, rename, delete; administrators remove a user's passkeys.
 */
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server';
import type { AuthRequestBase } from './messages.ts';

export type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
};

/**
 * Field limits of passkey messages (login server and WordPress alike). Apart from `LIMITS`, so the
 * element's initial bundle does not carry them: only its passkey chunk would.
 */
export const PASSKEY_LIMITS = {
  /** WebAuthn credential ids, base64url (16 to 1023 bytes). */
  credentialIdPattern: '^[A-Za-z0-9_-]{22,1364}$',
  /** Each base64url field of a WebAuthn response (attestation objects run to a few KB). */
  webauthnFieldMax: 16384,
  passkeyNameMax: 64,
  /** WebAuthn transports (`usb`, `nfc`, `ble`, `internal`, `hybrid`, `smart-card`…; open: new ones keep coming). */
  transportPattern: '^[a-z-]{1,32}$',
  /** At most this many transports per credential. */
  transportsMax: 8,
  /** How long a passkey challenge (step `passkey` / `passkey_register`) stays valid. */
  passkeyChallengeMs: 5 * 60_000,
} as const;

/** `singleDevice` (bound to one authenticator) or `multiDevice` (synced, e.g. iCloud Keychain). */
export type PasskeyDeviceType = 'singleDevice' | 'multiDevice';

/** A credential as WordPress stores it, sent to the login server to verify an assertion with. */
export interface StoredPasskey {
  /** Credential id, base64url. */
  id: string;
  /** COSE public key, base64url. */
  public_key: string;
  /** Signature counter last seen (0 when the authenticator keeps none). */
  counter: number;
  transports: string[];
  /** The WorkOS user this passkey signs in as. */
  user_id: string;
}

/** A credential the login server verified at registration; WordPress stores it. */
export interface NewPasskey {
  id: string;
  public_key: string;
  counter: number;
  transports: string[];
  device_type: PasskeyDeviceType;
  backed_up: boolean;
  /** Authenticator model, `xxxxxxxx-xxxx-…` (all zeros when the authenticator gives none). */
  aaguid: string;
}

/** After a verified assertion: what WordPress updates on the stored credential. */
export interface PasskeyUse {
  id: string;
  counter: number;
  backed_up: boolean;
}

/** The account a new passkey is created for (WebAuthn `user`); `id` is also the user handle. */
export interface PasskeyUser {
  /** WorkOS user id. The user handle is its UTF-8 bytes (base64url in responses). */
  id: string;
  /** Shown by the authenticator: the email. */
  name: string;
  display_name: string;
}

/* ------------------------------------------------------------------ sign-in routes */

/**
 * `POST auth/passkey_options`: a fresh, single-use challenge (step `passkey`). Without `flow` it is
 * a first factor (usernameless: button and autofill); with an MFA step's flow it is that sign-in's
 * second factor.
 */
export interface PasskeyOptionsRequest extends AuthRequestBase {
  flow?: string;
}

/** `POST auth/passkey_verify`: the browser's assertion for the `passkey` step's challenge. */
export interface PasskeyVerifyRequest extends AuthRequestBase {
  flow: string;
  response: AuthenticationResponseJSON;
}

/** `POST auth/passkey_register_options`: enrol a passkey as the second factor (`mfa_enroll` flow). */
export interface PasskeyRegisterOptionsRequest extends AuthRequestBase {
  flow: string;
}

/** `POST auth/passkey_register_verify`: the new credential for the `passkey_register` step. */
export interface PasskeyRegisterVerifyRequest extends AuthRequestBase {
  flow: string;
  response: RegistrationResponseJSON;
}

/* ------------------------------------------------------------------ management (signed in) */

/** One passkey as its owner and administrators see it; never the public key. */
export interface PasskeySummary {
  id: string;
  name: string;
  /** ISO 8601 (UTC). */
  created_at: string;
  last_used_at: string | null;
  device_type: PasskeyDeviceType;
  backed_up: boolean;
  transports: string[];
}

/** `GET /wp-json/workos/v1/passkeys[?user=<id>]` (another user's: `edit_user` on them). */
export interface PasskeyListResponse {
  user_id: number;
  passkeys: PasskeySummary[];
  /** Whether the signed-in user may add one here now (own list, linked to WorkOS). */
  can_register: boolean;
  /** Set when adding one needs a fresh sign-in first: where to sign in again. */
  reauth_url: string | null;
  /** For the Signal API: the relying party id and this user's handle (base64url). */
  rp_id: string;
  user_handle: string | null;
}

/** `POST /wp-json/workos/v1/passkeys/register/options` (no body): the creation options. */
export interface PasskeyRegistrationOptionsResponse {
  options: PublicKeyCredentialCreationOptionsJSON;
  flow: string;
}

/** `POST /wp-json/workos/v1/passkeys/register/verify` */
export interface PasskeyRegistrationVerifyRequest {
  flow: string;
  response: RegistrationResponseJSON;
  /** Optional; defaults to a name from the device type and date. */
  name?: string;
}

/** Answer of register/verify and rename (`PATCH /passkeys/<id> {name}`). */
export interface PasskeyResponse {
  passkey: PasskeySummary;
}

/** `DELETE /wp-json/workos/v1/passkeys/<id>`: the element then signals the authenticator. */
export interface PasskeyDeletedResponse {
  deleted: true;
  id: string;
  rp_id: string;
}

/** `DELETE /wp-json/workos/v1/users/<id>/passkeys` (administrators; audited). */
export interface PasskeysRemovedResponse {
  removed: number;
}

/** `POST /wp-json/workos/v1/passkeys/prompt/dismiss`: not asked again for a while. */
export interface PasskeyPromptDismissedResponse {
  /** ISO time the prompt may show again. */
  until: string;
}

/** Management errors: `{ code, message }` with an HTTP status (WordPress REST error shape). */
export type PasskeyManagementError =
  | 'reauth_required'
  | 'passkey_invalid'
  | 'passkey_exists'
  | 'not_linked'
  | 'not_found'
  | 'flow_expired'
  | 'server_unavailable'
  | 'rest_forbidden';

/* ------------------------------------------------------------------ login server outcome */

/** Answer of `passkey_register_verify` without an enrolment flow (management registration). */
export interface PasskeyRegisteredOutcome {
  type: 'passkey_registered';
  credential: NewPasskey;
}
