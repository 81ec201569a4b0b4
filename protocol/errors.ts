/**
 * The error codes of both conversations (browser ⇄ WordPress, WordPress ⇄ login server).
 * Re-exported by `messages.ts`; mirrored in PHP by `WORKOS_LOGIN_ERROR_CODES` (includes/outcome/auth.php).
 */

/** Stable error codes; the element maps each to friendly, translatable text. */
export type ErrorCode =
  /** Wrong password or unknown email: one code for both, so nothing leaks. */
  | 'invalid_credentials'
  /** A field is missing or malformed (caught in the element first). */
  | 'invalid_request'
  /** The nonce is missing or stale: reload the page. */
  | 'invalid_nonce'
  /** The request did not come from this site's pages. */
  | 'invalid_origin'
  /** Too many attempts: see `retry_after`. */
  | 'rate_limited'
  /** The sealed flow token is tampered, expired or replayed: start again. */
  | 'flow_expired'
  /** The login server could not be reached or answered nonsense. */
  | 'server_unavailable'
  /** WorkOS could not be reached. */
  | 'workos_unavailable'
  /** WordPress's database refused a write (locked, read-only): nothing was done, try again. */
  | 'database_unavailable'
  /** WordPress refused to sign this identity in (no account and sign-up closed, email unverified…). */
  | 'sign_in_refused'
  /** A magic, verification or MFA code is wrong or expired. */
  | 'invalid_code'
  /** WorkOS's password policy refused the new password: see `problems`. */
  | 'password_rejected'
  /** Sign-up is by invitation only and this email has none. */
  | 'invitation_required'
  /** The invitation link is unknown, expired, revoked or already accepted. */
  | 'invitation_invalid'
  /** The password reset link is unknown, expired or already used. */
  | 'reset_invalid'
  /** The profile's organization is not one the user belongs to. */
  | 'organization_refused'
  /** The MFA factor is not allowed by this profile (or no allowed factor exists). */
  | 'mfa_not_allowed'
  /** The visitor declined at the identity provider (OAuth `access_denied`). */
  | 'consent_denied'
  /** No SSO connection exists for that email's domain. */
  | 'sso_unavailable'
  /** This method is not enabled on this profile. */
  | 'method_disabled'
  /** The passkey the browser offered is not registered on this site (or was removed). */
  | 'passkey_unknown'
  /** The passkey's answer did not verify (wrong challenge, origin, signature or user verification). */
  | 'passkey_invalid'
  /** The passkey's signature counter went backwards: refused and audited as a possible clone. */
  | 'passkey_refused'
  /** Adding a passkey needs a recent sign-in: sign in again first. */
  | 'reauth_required'
  /** Anything else; details are logged server side, never shown. */
  | 'internal_error';

/** Every code, each exactly once: a `Record` over the union fails to compile when one is missing. */
export const ERROR_CODES: Record<ErrorCode, true> = {
  invalid_credentials: true,
  invalid_request: true,
  invalid_nonce: true,
  invalid_origin: true,
  rate_limited: true,
  flow_expired: true,
  server_unavailable: true,
  workos_unavailable: true,
  database_unavailable: true,
  sign_in_refused: true,
  invalid_code: true,
  password_rejected: true,
  invitation_required: true,
  invitation_invalid: true,
  reset_invalid: true,
  organization_refused: true,
  mfa_not_allowed: true,
  consent_denied: true,
  sso_unavailable: true,
  method_disabled: true,
  passkey_unknown: true,
  passkey_invalid: true,
  passkey_refused: true,
  reauth_required: true,
  internal_error: true,
};
