/**
 * The contract, written once (ARCHITECTURE rule 5).
 *
 * Two conversations share these types:
 *  - browser ⇄ WordPress: `POST /wp-json/workos/v1/auth/<step>` with a JSON body, answered by an
 *    {@link AuthResponse}. Mirrored in PHP by the REST argument schemas in `includes/rest/`.
 *  - WordPress ⇄ login server: `POST /v1/<step>` carrying an {@link Envelope}, answered by an
 *    {@link Outcome}. Both directions are signed (see `server/signature.ts`).
 *
 * JSON fixtures of every message live in `protocol/fixtures/` and are checked by tests on the
 * TypeScript side and against the PHP REST schemas. Nothing here may import Node or DOM code.
 */
import type {
  AuthenticationResponseJSON,
  NewPasskey,
  PasskeyRegisteredOutcome,
  PasskeyUse,
  PasskeyUser,
  RegistrationResponseJSON,
  StoredPasskey,
} from './passkeys.ts';
import type { ErrorCode } from './errors.ts';
import { HOSTED_METHODS, type IdentityMethod, type Impersonator } from './identity-methods.ts';
import type { MfaFactor, WorkOSFactor } from './mfa-policy.ts';
import type { LoginProfile, RESOLVED_PROFILE_FIELDS } from './profile.ts';
import type { PasswordProblem, StepData, StepName } from './steps.ts';

export type * from './errors.ts';
export { ERROR_CODES } from './errors.ts';
export type * from './identity-methods.ts';
export { HOSTED_METHODS, IDENTITY_LIMITS } from './identity-methods.ts';
export type * from './passkeys.ts';
export { PASSKEY_LIMITS } from './passkeys.ts';
export type * from './requests.ts';
export type * from './steps.ts';
export { NOTICE_STEPS, PASSWORD_PROBLEMS, STEP_NAMES } from './steps.ts';

/** Sign-in methods a Login Profile can offer. */
export type Method =
  'password' | 'magic_code' | 'oauth_google' | 'oauth_microsoft' | 'oauth_github' | 'oauth_apple' | 'sso' | 'passkey';

/** Every method, in the order editors list them. */
export const METHODS = [
  'password',
  'magic_code',
  'oauth_google',
  'oauth_microsoft',
  'oauth_github',
  'oauth_apple',
  'sso',
  'passkey',
] as const satisfies readonly Method[];

/** Every name `Identity.method` may take: the profile methods, the hosted ones, then `unknown`. */
/* A pure call, so bundles that never read it (the element's) leave the hosted methods out. */
export const IDENTITY_METHODS = /* @__PURE__ */ (() =>
  [...METHODS, ...HOSTED_METHODS, 'unknown'] as const satisfies readonly IdentityMethod[])();

/** Social providers a profile can offer (method `oauth_<provider>`). */
export type OAuthProvider = 'google' | 'microsoft' | 'github' | 'apple';
export const OAUTH_PROVIDERS = ['google', 'microsoft', 'github', 'apple'] as const satisfies readonly OAuthProvider[];

/** Second factors a profile may allow (`webauthn`: a passkey of this site, see mfa-policy.ts). */
export type MfaFactorType = MfaFactor;

/* ------------------------------------------------------------------ browser ⇄ WordPress */

/** Fields every browser request carries. */
export interface AuthRequestBase {
  /** Login Profile slug. */
  profile: string;
  /** Where to go after signing in; validated by WordPress (`wp_validate_redirect`). */
  redirect_to?: string;
  /** Remember-me choice (only honoured where the profile asks). */
  remember?: boolean;
}

/** Another step is needed; `flow` is sealed and opaque to the browser. */
export interface StepResponse<S extends StepName = StepName> {
  type: 'step';
  step: S;
  flow: string;
  data: StepData[S] | Record<string, unknown>;
}

/** Leave the page for this URL (WorkOS's authorize page for social, SSO and hosted AuthKit). */
export interface RedirectResponse {
  type: 'redirect';
  url: string;
}

/** Signed in to WordPress: go to `redirect_to` (already validated). */
export interface SignedInResponse {
  type: 'signed_in';
  redirect_to: string;
  /**
   * Set when the profile offers a passkey after sign-in and this user has none (and did not say
   * "not now" lately): ask "Sign in faster next time?" before leaving. `rest_nonce` is a
   * `wp_rest` nonce of the new session for the `/passkeys` routes.
   */
  passkey_prompt?: { rest_nonce: string; api_root: string };
}

/** A failure the visitor can understand; sent with a 4xx/5xx HTTP status. */
export interface ErrorResponse {
  type: 'error';
  code: ErrorCode;
  /** Already translated into the site's language by WordPress. */
  message: string;
  /** Seconds, with `rate_limited`. */
  retry_after?: number;
  /** With `password_rejected`. */
  problems?: PasswordProblem[];
}

export type AuthResponse = StepResponse | RedirectResponse | SignedInResponse | ErrorResponse;

/* ------------------------------------------------------------------ WordPress ⇄ login server */

/**
 * The Login Profile as WordPress resolved it: only the fields the server needs
 * (`RESOLVED_PROFILE_FIELDS`), with `organization_id` the pinned organization (`org_…`), else the
 * site organization, else null.
 */
export type ResolvedProfile = Pick<LoginProfile, (typeof RESOLVED_PROFILE_FIELDS)[number]> & {
  /** True only when the profile itself pins `organization_id` (SSO of "this organization", refusal of non-members at org choice). */
  organization_pinned: boolean;
};

/** Facts about the browser request, gathered by WordPress. */
export interface RequestContext {
  ip: string;
  user_agent: string;
  site_url: string;
  origin: string;
  rp_id: string;
  /** `<site>/workos/callback`: where WorkOS sends the browser back. */
  redirect_uri: string;
  locale: string;
  /**
   * Hex SHA-256 of the browser's `workos_login_browser` cookie (random, HttpOnly, SameSite=Lax),
   * set by WordPress before any step that may redirect; the OAuth state seals it, the callback
   * must present the same cookie. Empty when the browser has none.
   */
  browser: string;
}

/** Inputs per step, as forwarded by WordPress. */
export interface StepInputs {
  password: { email: string; password: string };
  magic_code_send: { email: string };
  magic_code_verify: { code: string };
  /** `redirect_to`/`remember` are sealed in the OAuth state and handed back by `callback`. */
  authorize: { request: AuthorizeTarget; redirect_to: string; remember: boolean };
  /** From `/workos/callback?code&state`. */
  callback: { code: string; state: string };
  /**
   * Not a browser route: `/workos/callback?code` with no `state` (WorkOS started it: a dashboard
   * impersonation), sent only when the site allows impersonation. Answers `authenticated` only
   * for an impersonation.
   */
  impersonation: { code: string };
  signup: { email: string; password: string; first_name: string; last_name: string };
  email_verify: { code: string };
  invitation: { invitation_token: string };
  reset_request: { email: string };
  reset_confirm: { token: string; password: string };
  mfa_enroll: { type: WorkOSFactor; phone_number?: string };
  mfa_challenge: { factor_id: string };
  mfa_verify: { code: string };
  org_select: { organization_id: string };
  /** No flow: a first factor (usernameless). An MFA step's flow: that sign-in's second factor. */
  passkey_options: Record<string, never>;
  /** `credential`: the stored passkey WordPress found for `response.id`. */
  passkey_verify: { response: AuthenticationResponseJSON; credential: StoredPasskey };
  /**
   * With an `mfa_enroll` flow (`user` null: the flow's held identity) or, for a signed-in
   * WordPress user, without a flow. `exclude`: credential ids the user already has.
   */
  passkey_register_options: { user: PasskeyUser | null; exclude: string[]; rp_name: string };
  /** `user_id`: the signed-in user's WorkOS id, which must be the one the options were made for (null with an enrolment flow). */
  passkey_register_verify: { response: RegistrationResponseJSON; user_id: string | null };
  /**
   * Not a browser route: login completion found a role that must sign in with a passkey or a
   * second factor (role-based step-up); the server holds `identity` for one.
   */
  step_up: { identity: Identity };
}

/** What `authorize` starts. */
export type AuthorizeTarget =
  | { kind: 'oauth'; provider: OAuthProvider }
  | { kind: 'sso'; email: string }
  | { kind: 'sso_organization' }
  | { kind: 'authkit'; screen_hint?: 'sign-in' | 'sign-up' }
  /** WorkOS answered a password attempt with `sso_required`: this connection. */
  | { kind: 'sso_connection'; connection_id: string };

export type StepId = keyof StepInputs;

/** `POST /v1/<step>` body. */
export interface Envelope<S extends StepId = StepId> {
  profile: ResolvedProfile;
  input: StepInputs[S];
  flow?: string;
  context: RequestContext;
  /**
   * The visitor's destination and remember-me choice, sent by WordPress with every first-factor
   * step: when WorkOS answers `sso_required`, the login server seals it into the OAuth state.
   */
  passthrough?: Passthrough;
}

/** The WorkOS user as the login server reports it. */
export interface IdentityUser {
  id: string;
  email: string;
  email_verified: boolean;
  first_name: string | null;
  last_name: string | null;
}

export interface Identity {
  user: IdentityUser;
  organization_id: string | null;
  /** Live membership in `organization_id`, or null when there is none / no organization. */
  membership: { role: string; status: 'active' | 'inactive' | 'pending' } | null;
  /** WorkOS session id (`sid` claim), attached to the WordPress session token. */
  session_id: string | null;
  /** The first factor; WorkOS's own name for it wins over the one the flow started with. */
  method: IdentityMethod;
  /** Only with `method: 'unknown'`: WorkOS's name for it, stripped (see `IDENTITY_LIMITS`). */
  workos_method?: string;
  /** Set when a WorkOS dashboard member signed in as this user (login completion may refuse it). */
  impersonator?: Impersonator;
  /** Set when this sign-in passed a second factor (WorkOS MFA, or a passkey as second factor). */
  second_factor?: MfaFactorType;
}

export interface StepOutcome {
  type: 'step';
  step: StepName;
  flow: string;
  data: Record<string, unknown>;
  /** Only from `callback`: the page WordPress renders resumes the element at this step. */
  passthrough?: Passthrough;
  /**
   * PHP only, stripped before the browser sees the step: on an MFA step whose flow holds an
   * identity a passkey may complete, that WorkOS user's id. WordPress sets `data.passkey = 'use'`
   * when the user has a passkey.
   */
  subject?: string;
}

export interface RedirectOutcome {
  type: 'redirect';
  url: string;
}

/** Consumed by PHP, never forwarded to the browser. */
export interface AuthenticatedOutcome {
  type: 'authenticated';
  identity: Identity;
  /** Only from `callback`: the choices sealed in the OAuth state at `authorize`. */
  passthrough?: Passthrough;
  /** After a passkey verified: the counter and backup state WordPress records on it. */
  passkey_used?: PasskeyUse;
  /** After a passkey was enrolled as the second factor: WordPress stores it once the user is signed in. */
  passkey_registered?: NewPasskey;
}

/** The visitor's choices carried through WorkOS's redirect, sealed in the state. */
export interface Passthrough {
  redirect_to: string;
  remember: boolean;
}

export interface ErrorOutcome {
  type: 'error';
  code: ErrorCode;
  message: string;
  /** HTTP status WordPress should answer the browser with. */
  status: number;
  /** With `password_rejected`. */
  problems?: PasswordProblem[];
  /**
   * Seconds (1..3600) before trying again, with `rate_limited` (WorkOS's 429) and
   * `workos_unavailable`: WorkOS's own `Retry-After` when it sent one.
   */
  retry_after?: number;
  /** Only from `callback`: so the error page links back with the visitor's destination. */
  passthrough?: Passthrough;
}

/**
 * Only from `reset_request`, consumed by PHP: WordPress emails the link itself, to the profile's
 * own page (`?reset_token=`), in the site's language. `token` is null when WorkOS knows no such
 * user; WordPress answers the browser `reset_sent` either way, after the same floor.
 */
export interface ResetTokenOutcome {
  type: 'reset_token';
  email: string;
  token: string | null;
  /** ISO time the token stops working. */
  expires_at: string | null;
}

export type Outcome =
  StepOutcome | RedirectOutcome | AuthenticatedOutcome | ResetTokenOutcome | PasskeyRegisteredOutcome | ErrorOutcome;

/* ------------------------------------------------------------------ shared limits */

/** Field limits enforced by the element, WordPress and the login server alike. */
export const LIMITS = {
  emailMax: 254,
  passwordMax: 1024,
  profileSlugPattern: '^[a-z0-9][a-z0-9_-]{0,63}$',
  redirectMax: 2048,
  /** Magic, email-verification and MFA codes: six digits. */
  codePattern: '^[0-9]{6}$',
  nameMax: 128,
  /** E.164. */
  phonePattern: '^\\+[1-9][0-9]{6,14}$',
  /** Sealed flow tokens, OAuth states, WorkOS invitation / reset tokens and authorization codes. */
  tokenMax: 8192,
  /** Characters of tokens that travel in URLs (invitation and reset tokens, authorization codes, sealed flows). */
  tokenPattern: '^[A-Za-z0-9._~-]+$',
  /** A sealed flow token in its one canonical spelling (`v1.` + base64url; ARCHITECTURE rule 11). */
  flowPattern: '^v1\\.[A-Za-z0-9_-]+$',
  /** WorkOS ids (`org_…`, `auth_factor_…`, `conn_…`). */
  idPattern: '^[a-z_]{2,32}_[A-Za-z0-9]{1,64}$',
  /** Seconds before a magic code may be sent again. */
  resendAfter: 30,
  /**
   * `magic_code_send`, `signup` and `reset_request` answer no sooner than this (login server and
   * WordPress both pad), whatever the email: no timing oracle for account existence.
   */
  enumerationFloorMs: 600,
  /**
   * WordPress answers those routes, and every refused password sign-in, no sooner than this after
   * the request started (above the login server's floor plus WordPress's own work), or on the next
   * `answerStepMs` past it when the machine is slower: equal answers take equal time.
   */
  answerFloorMs: 800,
  answerStepMs: 200,
} as const;

/** Header of the browser → WordPress conversation: the WordPress nonce (action `workos_login`). */
export const NONCE_HEADER = 'X-WorkOS-Nonce';

/** Headers of the WordPress ⇄ login server conversation. */
export const SERVER_HEADERS = {
  /**
   * HMAC signature on WordPress ⇄ login server messages: `t=<unix ms>,id=<request id>,v2=<hex>`,
   * over time, direction, method, path, request id and body (server/signature.ts).
   */
  signature: 'X-WorkOS-Login-Signature',
  /**
   * WordPress → login server: how long WordPress waits for this answer in total (integer ms).
   * The server's own budget for the request is shorter, so it never completes work WordPress
   * has abandoned (ARCHITECTURE rule 8).
   */
  budget: 'X-WorkOS-Login-Budget',
} as const;

/** Signature tolerance (ms) either side of now. */
export const SIGNATURE_TOLERANCE_MS = 60_000;

/** The browser-binding cookie of OAuth/SSO/AuthKit sign-ins (see `RequestContext.browser`). */
export const BROWSER_COOKIE = 'workos_login_browser';

/** Where WorkOS sends the browser back after social, SSO and hosted AuthKit sign-in. */
export const CALLBACK_PATH = '/workos/callback';

/** Browser routes (`POST {api-root}auth/<route>`), each forwarding to the login server step of the same name. */
export type BrowserRoute = Exclude<StepId, 'callback' | 'impersonation' | 'step_up'>;
