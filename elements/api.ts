import {
  HEADERS,
  type ErrorCode,
  type ErrorResponse,
  type PasswordRequest,
  type SignedInResponse,
  type StepResponse,
} from '../protocol/messages.ts';

/**
 * The element's only way to WordPress. Whatever comes back — our `AuthResponse`, WordPress's own
 * REST error shape, a PHP fatal's HTML, a proxy page, or no answer at all — leaves this module as
 * one well-formed {@link ClientResponse}, so the element never parses or guesses.
 */

/** `network` is the browser's own failure (no HTTP answer); every other code comes from the contract. */
export type ClientErrorCode = ErrorCode | 'network';

export interface ClientErrorResponse extends Omit<ErrorResponse, 'code'> {
  code: ClientErrorCode;
}

export type ClientResponse = StepResponse | SignedInResponse | ClientErrorResponse;

export interface ApiOptions {
  /** REST root of the plugin, e.g. `/wp-json/workos/v1/` or `/?rest_route=/workos/v1/`. */
  apiRoot: string;
  nonce: string;
  signal?: AbortSignal;
}

/* Typed as a Record so a code added to the contract fails to compile until it is listed here. */
const ERROR_CODES: Record<ErrorCode, true> = {
  invalid_credentials: true,
  invalid_request: true,
  invalid_nonce: true,
  invalid_origin: true,
  rate_limited: true,
  flow_expired: true,
  server_unavailable: true,
  workos_unavailable: true,
  sign_in_refused: true,
  internal_error: true,
};

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

/** Sends the email + password step. Never rejects, except when `signal` aborts. */
export function postPassword(body: PasswordRequest, options: ApiOptions): Promise<ClientResponse> {
  return post('auth/password', body, options);
}

async function post(path: string, body: object, options: ApiOptions): Promise<ClientResponse> {
  const root = options.apiRoot.endsWith('/') ? options.apiRoot : `${options.apiRoot}/`;
  let response: Response;
  let text: string;
  try {
    response = await fetch(root + path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', [HEADERS.nonce]: options.nonce },
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

/** Turns any HTTP answer into a {@link ClientResponse}. Exported for tests. */
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
    if (ok && body.type === 'signed_in' && isSafeRedirect(body.redirect_to)) {
      return { type: 'signed_in', redirect_to: body.redirect_to };
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
  return withRetry(error, body.retry_after ?? retryAfterHeader);
}

/** `WP_Error` as WordPress serialises it: `{ code, message, data: { status, params? } }`. */
function wordpressError(body: Json, status: number, retryAfterHeader: string | null): ClientErrorResponse {
  const data = isObject(body.data) ? body.data : {};
  if (isErrorCode(body.code)) {
    // The plugin's own WP_Error: its message is ours, already translated.
    const error: ClientErrorResponse = { type: 'error', code: body.code, message: messageOf(body.message) };
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

function withRetry(error: ClientErrorResponse, retryAfter: unknown): ClientErrorResponse {
  if (error.code !== 'rate_limited') return error;
  const seconds = typeof retryAfter === 'string' && retryAfter.trim() !== '' ? Number(retryAfter) : retryAfter;
  if (typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0) {
    error.retry_after = Math.ceil(seconds);
  }
  return error;
}

function isStep(body: Json): body is Json & Pick<StepResponse, 'step' | 'flow' | 'data'> {
  return typeof body.step === 'string' && typeof body.flow === 'string' && isObject(body.data);
}

/* WordPress validates redirects; refusing non-http(s) URLs here keeps `javascript:` out regardless. */
function isSafeRedirect(url: unknown): url is string {
  if (typeof url !== 'string' || url === '') return false;
  try {
    const { protocol } = new URL(url, globalThis.location?.href);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}
