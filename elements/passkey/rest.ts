/**
 * The passkey management routes (`/wp-json/workos/v1/passkeys…`, signed in, `X-WP-Nonce`), for
 * `<workos-passkeys>` and the prompt after a sign-in. Like `api.ts` for the sign-in routes: every
 * answer leaves as one well-formed {@link RestResult}; nothing here throws.
 */

export interface RestTarget {
  /** WordPress's REST root (`rest_url()`) or the plugin's (`…/workos/v1/`); both work. */
  root: string;
  /** A `wp_rest` nonce of the signed-in session. */
  nonce: string;
}

export type RestResult<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      /** WordPress's error code (`reauth_required`, `rest_forbidden`, …), or `network`. */
      code: string;
      /** WordPress's message, already translated; '' when there is none worth showing. */
      message: string;
      /** The error's `data` (e.g. `reauth_url`). */
      data: Record<string, unknown>;
    };

type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * `root` + `workos/v1/` + `path` (+ `query`), for pretty permalinks (`/wp-json/`) and plain ones
 * (`/?rest_route=/`) alike.
 */
export function restUrl(root: string, path: string, query: Record<string, string> = {}): string {
  const base = root.endsWith('/') ? root : `${root}/`;
  const plugin = base.endsWith('workos/v1/') ? base : `${base}workos/v1/`;
  const search = new URLSearchParams(query).toString();
  return `${plugin}${path}${search ? (plugin.includes('?') ? '&' : '?') + search : ''}`;
}

/** True when `root` is on this page's origin: the nonce is never sent anywhere else. */
export function sameOrigin(root: string): boolean {
  try {
    return new URL(root, location.href).origin === location.origin;
  } catch {
    return false;
  }
}

/** Sends one request; `body` as JSON. */
export async function rest<T>(
  target: RestTarget,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  { body, query }: { body?: unknown; query?: Record<string, string> } = {},
): Promise<RestResult<T>> {
  if (!sameOrigin(target.root)) return { ok: false, code: 'invalid_origin', message: '', data: {} };
  let response: Response;
  let parsed: unknown;
  try {
    response = await fetch(restUrl(target.root, path, query), {
      method,
      credentials: 'same-origin',
      headers: {
        'X-WP-Nonce': target.nonce,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    parsed = await response.json().catch(() => undefined);
  } catch {
    return { ok: false, code: 'network', message: '', data: {} };
  }
  if (response.ok && isObject(parsed)) return { ok: true, data: parsed as T };
  const error = isObject(parsed) ? parsed : {};
  return {
    ok: false,
    code: typeof error.code === 'string' ? error.code : response.ok ? 'internal_error' : `http_${response.status}`,
    // WordPress core's own messages are technical ("Cookie check failed"): the element words those.
    message: typeof error.message === 'string' && !String(error.code).startsWith('rest_') ? error.message.trim() : '',
    data: isObject(error.data) ? error.data : {},
  };
}
