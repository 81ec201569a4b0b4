/**
 * The signed half of the HTTP surface, shared by every `/v1` route: requests are verified before
 * anything else is looked at, and answers are signed the same way so WordPress can tell they
 * really came from here (ARCHITECTURE rule 2).
 */
import type { Context, MiddlewareHandler } from 'hono';
import { SERVER_HEADERS } from '../protocol/messages.ts';
import type { Logger } from './log.ts';
import { sign, signatureId, verify } from './signature.ts';

/**
 * Hono environment of signed routes: the verified raw body, read once, the request's id, and the
 * secret its signature verified with (the answer is signed with the same one).
 */
export interface SignedEnv {
  Variables: { body: string; requestId: string; secret: string };
}

/**
 * Refuses (401, unsigned) any request whose signature does not verify for this method and path;
 * else stores its body, id and secret. `secrets` are tried in order: the current secret, then,
 * during a rotation, the other one (`WORKOS_LOGIN_SECRET_PREVIOUS`); only a signature that matches
 * none is a mismatch (a stale or malformed one fails the same for every secret).
 */
export function requireSignature(
  secrets: readonly string[],
  log: Logger,
  now: () => number,
): MiddlewareHandler<SignedEnv> {
  return async (c, next) => {
    const body = await c.req.text();
    const header = c.req.header(SERVER_HEADERS.signature);
    const message = { kind: 'request', method: c.req.method, path: c.req.path } as const;
    const at = now();
    let failure = null;
    let used = 0;
    for (; used < secrets.length; used++) {
      failure = verify(secrets[used], body, header, message, at);
      if (failure !== 'mismatch') break;
    }
    if (failure) {
      log.warn('rejected unsigned request', { reason: failure, path: c.req.path });
      return c.json({ error: 'invalid_signature' }, 401);
    }
    if (used > 0) log.debug('request signed with the previous secret', { path: c.req.path });
    c.set('body', body);
    c.set('requestId', signatureId(header)!);
    c.set('secret', secrets[used]);
    await next();
  };
}

/**
 * Answers with a signed JSON body (always HTTP 200: the outcome carries its own status), signed
 * over the request it answers, with the secret that request was signed with.
 */
export function signedJson(now: () => number) {
  return (c: Context<SignedEnv>, payload: unknown): Response => {
    const body = JSON.stringify(payload);
    const answer = { kind: 'response', method: c.req.method, path: c.req.path, id: c.get('requestId') } as const;
    return c.body(body, 200, {
      'Content-Type': 'application/json',
      [SERVER_HEADERS.signature]: sign(c.get('secret'), body, answer, now()),
    });
  };
}

/** The verified body as JSON, or undefined when it is not JSON. */
export function jsonBody(c: Context<SignedEnv>): unknown {
  try {
    return JSON.parse(c.get('body'));
  } catch {
    return undefined;
  }
}
