/**
 * What a failed WorkOS call means, in one table shared by the steps (steps/errors.ts), the admin
 * routes (admin/context.ts) and health (ARCHITECTURE rule 8: a slow or failing WorkOS is an
 * outage, never the visitor's mistake).
 *
 * The SDK raises its own exceptions for HTTP answers, an `HttpClientError` 408 (as an
 * `OauthException`) for its own timeout, a `ParseError` for an answer it cannot read, and wraps
 * anything else (`TypeError: fetch failed`, our deadline) as `Error('Unexpected error', { cause })`:
 * so causes are followed.
 */
import { NotFoundException, RateLimitExceededException, UnauthorizedException } from '@workos-inc/node';
import { DeadlineExceededError, currentDeadline } from './deadline.ts';
import { retryAfterSeconds } from './deadline-fetch.ts';
import type { Fields } from './log.ts';

/** `retry_after` bounds (seconds), and what to say when WorkOS named none. */
export const RETRY_AFTER = { min: 1, max: 3600, outage: 30, rateLimited: 60 } as const;

export type WorkOSFailure =
  /** WorkOS did not answer usefully: timeout, our deadline, network, 5xx, unreadable answer. */
  | { kind: 'outage'; status: number | null; code?: string; reason: string; retryAfter: number }
  | { kind: 'rate_limited'; retryAfter: number }
  /** 401: WORKOS_API_KEY is wrong. */
  | { kind: 'unauthorized' }
  /** 404: a deleted user or organization, or an unknown token: an answer, not an outage. */
  | { kind: 'not_found'; status: 404; code?: string }
  /** Any other 4xx: WorkOS refused this request. */
  | { kind: 'refused'; status: number; code?: string };

const NETWORK_CODES =
  /^(ECONNRESET|ECONNREFUSED|ECONNABORTED|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|UND_ERR_)/;

export function classifyWorkOSError(error: unknown): WorkOSFailure {
  const chain = causes(error);
  const outage = (reason: string, status: number | null = null): WorkOSFailure => ({
    kind: 'outage',
    status,
    ...codeField(chain),
    reason,
    retryAfter: clampRetryAfter(headerRetryAfter(chain) ?? currentDeadline()?.retryAfter, RETRY_AFTER.outage),
  });

  if (chain.some((e) => e instanceof DeadlineExceededError)) return outage('deadline');
  const limited = chain.find((e) => e instanceof RateLimitExceededException);
  const status = statusIn(chain);
  if (limited || status === 429) {
    const named = limited instanceof RateLimitExceededException ? limited.retryAfter : null;
    const seconds =
      typeof named === 'number' && Number.isFinite(named)
        ? named
        : (headerRetryAfter(chain) ?? currentDeadline()?.retryAfter);
    return { kind: 'rate_limited', retryAfter: clampRetryAfter(seconds, RETRY_AFTER.rateLimited) };
  }
  if (chain.some((e) => e instanceof UnauthorizedException) || status === 401) return { kind: 'unauthorized' };
  const parse = chain.find((e) => nameOf(e) === 'ParseError') as { rawStatus?: unknown } | undefined;
  if (parse) return outage('unreadable', typeof parse.rawStatus === 'number' ? parse.rawStatus : null);
  if (status === 408) return outage('timeout', 408);
  if (status !== null && status >= 500) return outage('server_error', status);
  if (chain.some((e) => e instanceof NotFoundException) || status === 404) {
    return { kind: 'not_found', status: 404, ...codeField(chain) };
  }
  if (status !== null && status >= 400) return { kind: 'refused', status, ...codeField(chain) };
  if (chain.some((e) => ['AbortError', 'TimeoutError'].includes(nameOf(e)))) return outage('timeout');
  if (chain.some((e) => e instanceof TypeError || NETWORK_CODES.test(String(fieldOf(e, 'code'))))) {
    return outage('network');
  }
  // Anything else (a body the SDK could not make sense of, …) is not the visitor's doing either.
  return outage('unexpected');
}

/** What a log line may say about a failure: kind, status, WorkOS's code, never bodies or messages. */
export function failureFields(failure: WorkOSFailure): Fields {
  const { kind } = failure;
  switch (failure.kind) {
    case 'outage':
      return { kind, status: failure.status, code: failure.code, reason: failure.reason };
    case 'rate_limited':
      return { kind, status: 429, retry_after: failure.retryAfter };
    case 'unauthorized':
      return { kind, status: 401 };
    default:
      return { kind, status: failure.status, code: failure.code };
  }
}

export function clampRetryAfter(seconds: number | null | undefined, fallback: number): number {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds)) return fallback;
  return Math.min(RETRY_AFTER.max, Math.max(RETRY_AFTER.min, Math.ceil(seconds)));
}

function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let e = error; e !== undefined && e !== null && chain.length < 6; e = (e as { cause?: unknown }).cause) {
    chain.push(e);
  }
  return chain;
}

function fieldOf(error: unknown, name: string): unknown {
  return typeof error === 'object' && error !== null ? (error as Record<string, unknown>)[name] : undefined;
}

function nameOf(error: unknown): string {
  const name = fieldOf(error, 'name');
  return typeof name === 'string' ? name : '';
}

/** The HTTP status WorkOS answered with (the SDK's exceptions carry it as `status`). */
function statusIn(chain: unknown[]): number | null {
  for (const e of chain) {
    const status = fieldOf(e, 'status') ?? fieldOf(fieldOf(e, 'response'), 'status');
    if (typeof status === 'number' && status >= 400 && status <= 599) return status;
  }
  return null;
}

/** WorkOS's error code (`code`, OAuth's `error`), never a message; network codes excluded. */
function codeField(chain: unknown[]): { code?: string } {
  for (const e of chain) {
    for (const value of [fieldOf(e, 'code'), fieldOf(e, 'error'), fieldOf(fieldOf(e, 'rawData'), 'code')]) {
      if (typeof value === 'string' && /^[a-z][a-z0-9_]{0,63}$/.test(value)) return { code: value };
    }
  }
  return {};
}

/** `Retry-After` from the headers an SDK error kept (HttpClientError, ParseError). */
function headerRetryAfter(chain: unknown[]): number | null {
  for (const e of chain) {
    const headers = fieldOf(fieldOf(e, 'response'), 'headers') ?? fieldOf(e, 'rawHeaders');
    if (headers instanceof Headers) {
      const seconds = retryAfterSeconds(headers.get('Retry-After'));
      if (seconds !== null) return seconds;
    }
  }
  return null;
}
