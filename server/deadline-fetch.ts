/**
 * The WorkOS client's `fetch`, bounded by the deadline of the request being served (deadline.ts):
 * a call in flight is aborted when the deadline passes, and once it passed no call starts, so
 * the SDK's own retries never run past it.
 *
 * Grants (`POST /user_management/authenticate`) are the exception to aborting: WorkOS may
 * already have created a session that an abort would hide. Their caller is released at the
 * deadline all the same, while the request itself runs on (up to {@link LATE_GRANT_GRACE_MS});
 * a session it brings back is handed to the deadline, which revokes it.
 */
import { RateLimitExceededException } from '@workos-inc/node';
import { decodeJwt } from 'jose';
import { currentDeadline, type Deadline } from './deadline.ts';

/** How long an abandoned grant may still answer with a session to revoke. */
export const LATE_GRANT_GRACE_MS = 30_000;

const GRANT = /\/user_management\/authenticate\/?$/;
const NULL_BODY = new Set([101, 204, 205, 304]);

export function deadlineFetch(inner: typeof fetch = globalThis.fetch): typeof fetch {
  return async (input, init) => {
    const deadline = currentDeadline();
    if (!deadline) return inner(input, init);
    if (deadline.passed) throw deadline.signal.reason;
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    const response =
      method === 'POST' && GRANT.test(url.pathname)
        ? await grant(inner, input, init, deadline)
        : await bounded(inner, input, init, deadline);
    return await retryable(response, deadline);
  };
}

async function bounded(inner: typeof fetch, input: RequestInfo | URL, init: RequestInit | undefined, d: Deadline) {
  const signal = init?.signal ? AbortSignal.any([init.signal, d.signal]) : d.signal;
  try {
    return await inner(input, { ...init, signal });
  } catch (error) {
    throw d.passed ? d.signal.reason : error;
  }
}

async function grant(inner: typeof fetch, input: RequestInfo | URL, init: RequestInit | undefined, d: Deadline) {
  const grace = new AbortController();
  const timer = setTimeout(() => grace.abort(), LATE_GRANT_GRACE_MS);
  const signal = init?.signal ? AbortSignal.any([init.signal, grace.signal]) : grace.signal;
  const answered = inner(input, { ...init, signal })
    .then((response) => withSession(response, d))
    .finally(() => clearTimeout(timer));
  d.grants.add(answered);
  // Nobody may be left listening once the deadline released the caller.
  answered.catch(() => undefined).finally(() => d.grants.delete(answered));
  return new Promise<Response>((resolve, reject) => {
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the abort reason, as fetch rejects
    const release = () => reject(d.signal.reason);
    d.signal.addEventListener('abort', release, { once: true });
    answered.then(resolve, reject).finally(() => d.signal.removeEventListener('abort', release));
  });
}

/** Reads a grant's answer whole, notes the WorkOS session it opened, and hands on a copy. */
async function withSession(response: Response, d: Deadline): Promise<Response> {
  const text = await response.text();
  if (response.ok) {
    const sessionId = sessionOf(text);
    if (sessionId) d.noteSession(sessionId);
  }
  return new Response(NULL_BODY.has(response.status) ? null : text, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

/** The `sid` of a grant's access token: our own authenticated request, so no signature check. */
export function sessionOf(body: string): string | null {
  try {
    const token = (JSON.parse(body) as { access_token?: unknown }).access_token;
    const sid = typeof token === 'string' ? decodeJwt(token).sid : undefined;
    return typeof sid === 'string' && sid !== '' ? sid : null;
  } catch {
    return null;
  }
}

/**
 * Notes the `Retry-After` of a 429/5xx. A 429 whose wait would outlast the deadline is raised at
 * once, as the SDK raises it: its retry would only sleep past the deadline.
 */
async function retryable(response: Response, d: Deadline): Promise<Response> {
  if (response.status !== 429 && response.status < 500) return response;
  const seconds = retryAfterSeconds(response.headers.get('Retry-After'));
  if (seconds !== null) d.retryAfter = seconds;
  if (response.status === 429 && seconds !== null && seconds * 1000 >= d.remainingMs()) {
    const body = (await response.json().catch(() => null)) as { message?: unknown } | null;
    const message = typeof body?.message === 'string' ? body.message : 'Rate limit exceeded.';
    throw new RateLimitExceededException(message, response.headers.get('X-Request-ID') ?? '', seconds);
  }
  return response;
}

/** `Retry-After` as whole seconds (delta-seconds or an HTTP date), or null. */
export function retryAfterSeconds(value: string | null | undefined, now = Date.now()): number | null {
  const text = value?.trim() ?? '';
  if (/^[0-9]{1,9}$/.test(text)) return Number(text);
  // An HTTP date names its weekday and zone; anything else (`-5`, `1.5`) is no Retry-After.
  if (!/^[A-Za-z]{3}, /.test(text)) return null;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}
