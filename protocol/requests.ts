/**
 * The browser's requests (`POST {api-root}auth/<route>`), one per `BrowserRoute`; WordPress
 * mirrors each in the typed arguments of its REST route (`includes/rest/auth-routes.php`).
 * Re-exported by `messages.ts`.
 */
import type { AuthRequestBase, OAuthProvider } from './messages.ts';
import type { WorkOSFactor } from './mfa-policy.ts';

/** `POST /wp-json/workos/v1/auth/password` */
export interface PasswordRequest extends AuthRequestBase {
  email: string;
  password: string;
  /** An invitation's flow (from `auth/invitation`): signing in accepts it. */
  flow?: string;
}

/** Fields of a request that continues a flow. */
export interface FlowRequest extends AuthRequestBase {
  /** The sealed token of the previous step's answer, unchanged. */
  flow: string;
}

/** `POST auth/magic_code_send`: always answered with `code_sent`. `flow` carries an invitation. */
export interface MagicCodeSendRequest extends AuthRequestBase {
  email: string;
  flow?: string;
}
/** `POST auth/magic_code_verify` (also "resend": `magic_code_send` again). */
export interface MagicCodeVerifyRequest extends FlowRequest {
  code: string;
}
/** `POST auth/authorize`: where to send the browser for social, SSO or hosted AuthKit sign-in. */
export type AuthorizeRequest = AuthRequestBase & {
  /** An invitation's flow: the invitation is accepted on the way back. */ flow?: string;
} & (
    | { kind: 'oauth'; provider: OAuthProvider }
    /** SSO by work email: its domain names the organization. */
    | { kind: 'sso'; email: string }
    /** SSO of the profile's pinned organization. */
    | { kind: 'sso_organization' }
    | { kind: 'authkit'; screen_hint?: 'sign-in' | 'sign-up' }
  );
/** `POST auth/signup`; `flow` carries an invitation read by `auth/invitation`. */
export interface SignupRequest extends AuthRequestBase {
  email: string;
  password: string;
  first_name: string;
  last_name: string;
  flow?: string;
}
/** `POST auth/email_verify` */
export interface EmailVerifyRequest extends FlowRequest {
  code: string;
}
/** `POST auth/invitation`: reads the invitation behind a link's `invitation_token`. */
export interface InvitationRequest extends AuthRequestBase {
  invitation_token: string;
}
/** `POST auth/reset_request` */
export interface ResetRequest extends AuthRequestBase {
  email: string;
}
/** `POST auth/reset_confirm`: the token from the emailed link, and the new password. */
export interface ResetConfirmRequest extends AuthRequestBase {
  token: string;
  password: string;
}
/** `POST auth/mfa_enroll` */
export interface MfaEnrollRequest extends FlowRequest {
  type: WorkOSFactor;
  /** E.164, with `sms`. */
  phone_number?: string;
}
/** `POST auth/mfa_challenge`: challenge this factor (picker, or "use another factor"). */
export interface MfaChallengeRequest extends FlowRequest {
  factor_id: string;
}
/** `POST auth/mfa_verify` */
export interface MfaVerifyRequest extends FlowRequest {
  code: string;
}
/** `POST auth/org_select` */
export interface OrgSelectRequest extends FlowRequest {
  organization_id: string;
}
