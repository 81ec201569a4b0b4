/**
 * The fake's stand-in for WorkOS's hosted sign-in: `GET /user_management/authorize` stores a
 * request and shows a consent page; the page's form (POST `/_fake/authorize`) turns the choice
 * into a one-time authorization code that the `authorization_code` grant redeems.
 */
/** A WorkOS dashboard impersonation, as the authenticate response reports it. */
export interface ImpersonatorRecord {
  email: string;
  reason: string | null;
}

export interface AuthorizationRequestRecord {
  id: string;
  /** The `authentication_method` the code will report: `GoogleOAuth`, `SSO`, `Password` (AuthKit)… */
  method: string;
  /** AuthKit's page: the visitor may pick how they signed in (and a test, an impersonation). */
  authkit: boolean;
  /** For SSO: the organization signed in to. */
  organization_id: string | null;
  redirect_uri: string;
  state: string | null;
  code_challenge: string | null;
  invitation_token: string | null;
  /** User ids the page offers. */
  eligible: string[];
  expires_at: string;
}

export interface AuthorizationCodeRecord {
  code: string;
  user_id: string;
  /** A spec `authentication_method`; from AuthKit's page, possibly one the spec does not list. */
  method: string;
  impersonator: ImpersonatorRecord | null;
  organization_id: string | null;
  code_challenge: string | null;
  invitation_token: string | null;
  used: boolean;
  expires_at: string;
}

/** Codes (and the consent pages that make them) live ten minutes, like WorkOS's. */
export const AUTHORIZATION_TTL_MS = 10 * 60 * 1000;
