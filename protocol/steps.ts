/**
 * The steps a sign-in may take after its first answer and what each shows the browser.
 * Re-exported by `messages.ts`.
 */
import type { MfaFactorType } from './messages.ts';
import type { WorkOSFactor } from './mfa-policy.ts';
import type { PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON } from './passkeys.ts';

/**
 * Steps the login server can ask the browser to take next. Each step's `data` is
 * {@link StepData}[step]; its `flow` is a sealed token the browser sends back unchanged with the
 * next request (empty only for the notices `reset_sent` and `reset_done`, which end a flow).
 */
export type StepName =
  /** A magic code was sent (whether or not the account exists): enter it. */
  | 'code_sent'
  /** WorkOS wants the email verified: a code was sent to it (also sign-up's second step). */
  | 'email_verify'
  /** Several factors: pick one to be challenged with. */
  | 'mfa_challenge'
  /** No factor yet: enroll one of the allowed types. */
  | 'mfa_enroll'
  /** Enter the code of the factor (for a new TOTP factor, after scanning its QR code). */
  | 'mfa_code'
  /** Pick the organization to sign in to. */
  | 'org_select'
  /** An invitation was read: prefill its email and offer the ways to accept it. */
  | 'invitation'
  /** A password reset was requested (same answer for every email). */
  | 'reset_sent'
  /** The password was reset and the profile does not sign in after a reset: sign in again. */
  | 'reset_done'
  /** Ask the browser for a passkey assertion (`navigator.credentials.get`), then `passkey_verify`. */
  | 'passkey'
  /** Ask the browser to create a passkey (`navigator.credentials.create`), then `passkey_register_verify`. */
  | 'passkey_register';

/**
 * On MFA steps: `use` — this user has a passkey of this site and may use it as the second factor
 * (offered first); `register` — the user may enrol a passkey as the second factor.
 */
export type PasskeyOffer = 'use' | 'register';

/** What each step shows; never tokens, never anyone else's data. */
export interface StepData {
  code_sent: { email: string; /** Seconds before "Resend" is allowed. */ resend_after: number };
  email_verify: { email: string };
  mfa_challenge: { factors: MfaFactorSummary[]; passkey?: PasskeyOffer };
  mfa_enroll: {
    /** The factor types this profile allows, in its order (may be empty when only a passkey is). */
    types: WorkOSFactor[];
    passkey?: PasskeyOffer;
  };
  mfa_code: {
    factor: MfaFactorSummary;
    /** The other factors the visitor may switch to (challenge only). */
    others: MfaFactorSummary[];
    /** Only while enrolling a TOTP factor: the QR code (`data:image/svg+xml` or `data:image/png` URI) and the secret for manual entry. */
    totp?: { qr_code: string; secret: string; uri: string };
    /** Only for SMS: the last digits of the phone the code went to. */
    phone_hint?: string;
    passkey?: PasskeyOffer;
  };
  org_select: { organizations: Array<{ id: string; name: string }> };
  invitation: { email: string; organization_name: string | null };
  reset_sent: { email: string };
  reset_done: Record<string, never>;
  /** `allowCredentials` is empty for a first factor (discoverable credentials). */
  passkey: { options: PublicKeyCredentialRequestOptionsJSON };
  passkey_register: { options: PublicKeyCredentialCreationOptionsJSON };
}

export interface MfaFactorSummary {
  id: string;
  type: MfaFactorType;
  /** e.g. the SMS phone's last digits; null when WorkOS gives nothing to show. */
  label: string | null;
}

/** Why WorkOS refused a new password; the element shows each under the password field. */
export type PasswordProblem = 'too_short' | 'too_weak' | 'breached' | 'other';

/** Every step, each exactly once: a `Record` over the union fails to compile when one is missing. */
export const STEP_NAMES: Record<StepName, true> = {
  code_sent: true,
  email_verify: true,
  mfa_challenge: true,
  mfa_enroll: true,
  mfa_code: true,
  org_select: true,
  invitation: true,
  reset_sent: true,
  reset_done: true,
  passkey: true,
  passkey_register: true,
};

/** Steps that end a flow: notices, answered with an empty `flow`. */
export const NOTICE_STEPS = ['reset_sent', 'reset_done'] as const satisfies readonly StepName[];

/** Every password problem, each exactly once. */
export const PASSWORD_PROBLEMS: Record<PasswordProblem, true> = {
  too_short: true,
  too_weak: true,
  breached: true,
  other: true,
};
