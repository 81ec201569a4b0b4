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

/** Steps the login server can ask the browser to take next. */
export type StepName = 'mfa_challenge' | 'mfa_enroll' | 'org_select' | 'email_verify' | 'code_sent';

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
  /** WordPress refused to sign this identity in (no account and sign-up closed, email unverified…). */
  | 'sign_in_refused'
  /** Anything else; details are logged server side, never shown. */
  | 'internal_error';

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

/** `POST /wp-json/workos/v1/auth/password` */
export interface PasswordRequest extends AuthRequestBase {
  email: string;
  password: string;
}

/** Another step is needed; `flow` is sealed and opaque to the browser. */
export interface StepResponse {
  type: 'step';
  step: StepName;
  flow: string;
  data: Record<string, unknown>;
}

/** Signed in to WordPress: go to `redirect_to` (already validated). */
export interface SignedInResponse {
  type: 'signed_in';
  redirect_to: string;
}

/** A failure the visitor can understand; sent with a 4xx/5xx HTTP status. */
export interface ErrorResponse {
  type: 'error';
  code: ErrorCode;
  /** Already translated into the site's language by WordPress. */
  message: string;
  /** Seconds, with `rate_limited`. */
  retry_after?: number;
}

export type AuthResponse = StepResponse | SignedInResponse | ErrorResponse;

/* ------------------------------------------------------------------ WordPress ⇄ login server */

/** The Login Profile as WordPress resolved it (only what the server needs). */
export interface ResolvedProfile {
  slug: string;
  methods: Method[];
  /** Pinned organization (`org_…`), else the site organization, else null. */
  organization_id: string | null;
}

/** Facts about the browser request, gathered by WordPress. */
export interface RequestContext {
  ip: string;
  user_agent: string;
  site_url: string;
  origin: string;
  rp_id: string;
  redirect_uri: string;
  locale: string;
}

/** Inputs per step, as forwarded by WordPress. */
export interface StepInputs {
  password: { email: string; password: string };
}

export type StepId = keyof StepInputs;

/** `POST /v1/<step>` body. */
export interface Envelope<S extends StepId = StepId> {
  profile: ResolvedProfile;
  input: StepInputs[S];
  flow?: string;
  context: RequestContext;
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
  method: Method;
}

export interface StepOutcome {
  type: 'step';
  step: StepName;
  flow: string;
  data: Record<string, unknown>;
}

export interface RedirectOutcome {
  type: 'redirect';
  url: string;
}

/** Consumed by PHP, never forwarded to the browser. */
export interface AuthenticatedOutcome {
  type: 'authenticated';
  identity: Identity;
}

export interface ErrorOutcome {
  type: 'error';
  code: ErrorCode;
  message: string;
  /** HTTP status WordPress should answer the browser with. */
  status: number;
}

export type Outcome = StepOutcome | RedirectOutcome | AuthenticatedOutcome | ErrorOutcome;

/* ------------------------------------------------------------------ shared limits */

/** Field limits enforced by the element, WordPress and the login server alike. */
export const LIMITS = {
  emailMax: 254,
  passwordMax: 1024,
  profileSlugPattern: '^[a-z0-9][a-z0-9_-]{0,63}$',
  redirectMax: 2048,
} as const;

/** Header names. */
export const HEADERS = {
  /** WordPress nonce sent by the element (action `workos_login`). */
  nonce: 'X-WorkOS-Nonce',
  /** HMAC signature on WordPress ⇄ login server messages: `t=<unix ms>,v1=<hex>`. */
  signature: 'X-WorkOS-Login-Signature',
} as const;

/** Signature tolerance (ms) either side of now. */
export const SIGNATURE_TOLERANCE_MS = 60_000;
