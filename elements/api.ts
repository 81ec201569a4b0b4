import {
  ERROR_CODES,
  PASSWORD_PROBLEMS,
  STEP_NAMES,
  type NONCE_HEADER,
  type AuthorizeRequest,
  type AuthRequestBase,
  type BrowserRoute,
  type EmailVerifyRequest,
  type ErrorCode,
  type ErrorResponse,
  type InvitationRequest,
  type MagicCodeSendRequest,
  type MagicCodeVerifyRequest,
  type MfaChallengeRequest,
  type MfaEnrollRequest,
  type MfaVerifyRequest,
  type OrgSelectRequest,
  type PasskeyOptionsRequest,
  type PasskeyRegisterOptionsRequest,
  type PasskeyRegisterVerifyRequest,
  type PasskeyVerifyRequest,
  type PasswordProblem,
  type PasswordRequest,
  type RedirectResponse,
  type ResetConfirmRequest,
  type ResetRequest,
  type SignedInResponse,
  type SignupRequest,
  type StepResponse,
} from '../protocol/messages.ts';

/**
 * The element's only way to WordPress. Whatever comes back — our `AuthResponse`, WordPress's own
 * REST error shape, a PHP fatal's HTML, a proxy page, or no answer at all — leaves this module as
 * one well-formed {@link ClientResponse}, so the element never parses or guesses.
 */

/**
 * `network` is the browser's own failure (no HTTP answer); `passkey_*` (see `passkey/ceremony.ts`)
 * are what the browser's WebAuthn ceremony answered, in words; every other code comes from the contract.
 */
export type ClientErrorCode = ErrorCode | 'network' | PasskeyFailure;

/** A passkey ceremony the browser did not complete: cancelled or timed out, refused for this address, … */
export type PasskeyFailure =
  'passkey_cancelled' | 'passkey_not_allowed' | 'passkey_unsupported' | 'passkey_failed' | 'passkey_exists';

export interface ClientErrorResponse extends Omit<ErrorResponse, 'code'> {
  code: ClientErrorCode;
}

/** A step as the element reads it: `data` is checked to be an object, its fields are not. */
export interface ClientStepResponse extends Omit<StepResponse, 'data'> {
  data: Record<string, unknown>;
}

export type ClientResponse = ClientStepResponse | RedirectResponse | SignedInResponse | ClientErrorResponse;

export interface ApiOptions {
  /** REST root of the plugin, e.g. `/wp-json/workos/v1/` or `/?rest_route=/workos/v1/`. */
  apiRoot: string;
  nonce: string;
  signal?: AbortSignal;
}

interface Bodies {
  /** `flow` carries an invitation read by `auth/invitation` (WordPress forwards it like the others). */
  password: PasswordRequest & { flow?: string };
  magic_code_send: MagicCodeSendRequest;
  magic_code_verify: MagicCodeVerifyRequest;
  authorize: AuthorizeRequest;
  signup: SignupRequest;
  email_verify: EmailVerifyRequest;
  invitation: InvitationRequest;
  reset_request: ResetRequest;
  reset_confirm: ResetConfirmRequest;
  mfa_enroll: MfaEnrollRequest;
  mfa_challenge: MfaChallengeRequest;
  mfa_verify: MfaVerifyRequest;
  org_select: OrgSelectRequest;
  passkey_options: PasskeyOptionsRequest;
  passkey_verify: PasskeyVerifyRequest;
  passkey_register_options: PasskeyRegisterOptionsRequest;
  passkey_register_verify: PasskeyRegisterVerifyRequest;
}

/** The body of each browser route; a route added to the contract fails to compile until it is listed. */
export type RouteBodies = { [R in BrowserRoute]: Bodies[R] };

/** A route's body without the fields every request carries (the element adds those). */
export type RoutePayload<R extends BrowserRoute> = RouteBodies[R] extends infer B
  ? B extends unknown
    ? Omit<B, keyof AuthRequestBase>
    : never
  : never;

/* WordPress core's REST error codes that mean something the visitor can act on. */
const WP_CORE_CODES: Record<string, ErrorCode> = {
  rest_invalid_param: 'invalid_request',
  rest_missing_callback_param: 'invalid_request',
  rest_invalid_json: 'invalid_request',
  rest_cookie_invalid_nonce: 'invalid_nonce',
};

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isErrorCode = (code: unknown): code is ErrorCode => typeof code === 'string' && Object.hasOwn(ERROR_CODES, code);

/**
 * Sends `body` to `POST {apiRoot}auth/<route>`. Never rejects, except when `signal` aborts.
 */
export async function post<R extends BrowserRoute>(
  route: R,
  body: RouteBodies[R],
  options: ApiOptions,
): Promise<ClientResponse> {
  const root = rootOf(options.apiRoot);
  let response: Response;
  let text: string;
  try {
    response = await fetch(`${root}auth/${route}`, {
      method: 'POST',
      credentials: 'same-origin',
      // The header's name written out keeps it inline in the bundle; `satisfies` ties it to the contract.
      headers: { 'Content-Type': 'application/json', 'X-WorkOS-Nonce': options.nonce } satisfies Record<
        'Content-Type' | typeof NONCE_HEADER,
        string
      >,
      body: JSON.stringify(body),
      signal: options.signal,
    });
    text = await response.text();
  } catch (error) {
    if (options.signal?.aborted) throw error;
    return { type: 'error', code: 'network', message: '' };
  }
  return normaliseResponse(response.status, text, response.headers.get('Retry-After'));
}

const rootOf = (apiRoot: string) => (apiRoot.endsWith('/') ? apiRoot : `${apiRoot}/`);

/**
 * `GET {apiRoot}nonce` (same-origin, `no-store`): a fresh nonce for a page that has none or whose
 * nonce expired — a page cache may serve the element's page for days. '' when none could be had.
 */
export const fetchNonce = (apiRoot: string): Promise<string> =>
  fetch(`${rootOf(apiRoot)}nonce`)
    .then((response) => response.json())
    .then(
      (body: { nonce?: string } | null) => body?.nonce ?? '',
      () => '',
    );

/** Turns any HTTP answer into a {@link ClientResponse}. Exported for tests (and `resume`). */
export function normaliseResponse(
  status: number,
  text: string,
  retryAfterHeader: string | null = null,
): ClientResponse {
  const ok = status >= 200 && status < 300;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (isObject(body)) {
    if (body.type === 'error') return ourError(body, status, retryAfterHeader);
    if (ok && body.type === 'signed_in' && isSafeUrl(body.redirect_to)) {
      // The prompt's fields are checked by the passkey module, its only reader.
      const passkey_prompt = body.passkey_prompt as SignedInResponse['passkey_prompt'];
      return { type: 'signed_in', redirect_to: body.redirect_to, ...(passkey_prompt && { passkey_prompt }) };
    }
    if (ok && body.type === 'redirect' && isSafeUrl(body.url)) {
      return { type: 'redirect', url: body.url };
    }
    if (ok && body.type === 'step' && isStep(body)) {
      return { type: 'step', step: body.step, flow: body.flow, data: body.data };
    }
    if (!('type' in body) && typeof body.code === 'string') {
      return wordpressError(body, status, retryAfterHeader);
    }
  }
  return withRetry({ type: 'error', code: codeForStatus(status), message: '' }, retryAfterHeader);
}

function ourError(body: Json, status: number, retryAfterHeader: string | null): ClientErrorResponse {
  const code = isErrorCode(body.code) ? body.code : codeForStatus(status);
  const error: ClientErrorResponse = { type: 'error', code, message: messageOf(body.message) };
  if (code === 'password_rejected') error.problems = problemsOf(body.problems);
  return withRetry(error, body.retry_after ?? retryAfterHeader);
}

/** `WP_Error` as WordPress serialises it: `{ code, message, data: { status, params? } }`. */
function wordpressError(body: Json, status: number, retryAfterHeader: string | null): ClientErrorResponse {
  const data = isObject(body.data) ? body.data : {};
  if (isErrorCode(body.code)) {
    // The plugin's own WP_Error: its message is ours, already translated.
    const error: ClientErrorResponse = { type: 'error', code: body.code, message: messageOf(body.message) };
    if (body.code === 'password_rejected') error.problems = problemsOf(data.problems);
    return withRetry(error, data.retry_after ?? retryAfterHeader);
  }
  // Core's messages are technical ("Invalid parameter(s): email"): show the element's text.
  const code = WP_CORE_CODES[String(body.code)] ?? codeForStatus(Number(data.status) || status);
  return withRetry({ type: 'error', code, message: '' }, retryAfterHeader);
}

function codeForStatus(status: number): ErrorCode {
  if (status === 400 || status === 422) return 'invalid_request';
  if (status === 429) return 'rate_limited';
  if (status === 502 || status === 503 || status === 504) return 'server_unavailable';
  return 'internal_error';
}

function messageOf(message: unknown): string {
  return typeof message === 'string' ? message.trim() : '';
}

/* Known problems only, each once; none known still says "this password was refused". */
function problemsOf(problems: unknown): PasswordProblem[] {
  const known = Array.isArray(problems)
    ? problems.filter((p): p is PasswordProblem => typeof p === 'string' && Object.hasOwn(PASSWORD_PROBLEMS, p))
    : [];
  return known.length ? [...new Set(known)] : ['other'];
}

function withRetry(error: ClientErrorResponse, retryAfter: unknown): ClientErrorResponse {
  if (error.code !== 'rate_limited') return error;
  const seconds = typeof retryAfter === 'string' && retryAfter.trim() !== '' ? Number(retryAfter) : retryAfter;
  if (typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0) {
    error.retry_after = Math.ceil(seconds);
  }
  return error;
}

function isStep(body: Json): body is Json & Pick<ClientStepResponse, 'step' | 'flow' | 'data'> {
  return (
    typeof body.step === 'string' &&
    Object.hasOwn(STEP_NAMES, body.step) &&
    typeof body.flow === 'string' &&
    isObject(body.data)
  );
}

/* WordPress validates redirects; refusing non-http(s) URLs here keeps `javascript:` out regardless. */
function isSafeUrl(url: unknown): url is string {
  if (typeof url !== 'string' || url === '') return false;
  try {
    const { protocol } = new URL(url, globalThis.location?.href);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}
